//! Tests of normalisation: what the classifiers read, and the fast path
//! held to the general one on every text it accepts.

use super::*;

#[test]
fn sms_spellings_accents_and_styled_letters_are_normalised() {
    let n = normalize("PK l'ascenceur est tjrs en panne à la Rés. 𝗟𝗲𝘀 𝗚𝗲𝗻𝗲̂𝘁𝘀 😡!!");
    assert!(
        n.folded
            .starts_with("pourquoi l'ascenseur est toujours en panne"),
        "{}",
        n.folded
    );
    assert!(n.folded.contains("residence. les genets"), "{}", n.folded);
    assert_eq!(n.emojis, vec!["😡"]);
    assert_eq!(n.exclamations, 2);
    assert!(n.words().any(|w| w == "ascenseur"));
}

#[test]
fn shouting_is_measured_and_curly_apostrophes_straightened() {
    let n = normalize("TOUJOURS PAS D’EAU CHAUDE");
    assert!(n.caps_ratio > 0.9);
    assert!(n.folded.contains("d'eau"));
    assert_eq!(normalize("Ok merci").caps_ratio, 0.0);
}

#[test]
fn words_inside_other_words_are_not_expanded() {
    let n = normalize("les gens de la cité");
    assert!(n.words().eq(["les", "gens", "de", "la", "cite"]));
}

#[test]
fn expansions_are_split_into_words_and_a_dropped_selector_joins_words() {
    let n = normalize("jsp, svp");
    assert!(
        n.words()
            .eq(["je", "ne", "sais", "pas", "s", "il", "vous", "plait"])
    );
    // U+FE0F separates the words looked up but leaves nothing between them.
    let n = normalize("c\u{fe0f}a");
    assert_eq!(n.folded, "c'esta");
    assert!(n.words().eq(["c", "esta"]));
}

/// The general path's result, word spans included.
fn general(text: &str) -> Normalized {
    let mut n = Normalized::default();
    normalize_any(text, &mut n);
    word_spans(&n.folded, &mut n.spans);
    n
}

/// Checks that the fast path, when it takes `text`, gives what the general
/// path gives, to the bit; returns whether it took it.
fn paths_agree(text: &str) -> bool {
    // A dirty buffer, as reused ones are.
    let mut fast = normalize("PK :) 😡 bât ÉTÉ!? ");
    if !fast::normalize(text, &mut fast) {
        return false;
    }
    let general = general(text);
    assert_eq!(fast, general, "{text:?}");
    assert_eq!(
        fast.caps_ratio.to_bits(),
        general.caps_ratio.to_bits(),
        "{text:?}"
    );
    true
}

#[test]
fn the_fast_path_agrees_with_the_general_path_on_tricky_texts() {
    let taken = [
        "",
        "a",
        "É",
        "ÉCOLE ÇA DÉBORDE À L’ÉTAGE",
        "Ça déborde, l’œuf, Œuvre, cœur, ŒUVRE, Æsop, ÆTHER",
        "ÿ à â ä á ã å ñ ô ö ó ò õ ù û ü ú î ï í ì ç",
        "c’est c‘est cʼest c`est c'est C'EST c",
        "pk pq PK Pk tjrs TJRS bât BÂT rés Rés res bat batiment ascenceur g c",
        "jsp svp auj rdv stp jpp",
        "12 bât C 3e étage 2ème 1er 10€ 20°C -5",
        "<3 :) :-) :( :-( ;) :–) :—( <3<3 :)) x<3 <34 ;-)",
        "😡😡 👍🏽 ❤️ 🙏❤️ 👨‍👩‍👧 🏳️‍🌈 ☀️ ⭐",
        "wait… what?! ?? !!!",
        "a\u{a0}b\u{202f}c – d — e − f",
        "pk\u{fe0f}pk c\u{fe0f}a \u{fe0f}\u{fe0f} c\u{fe0f}’a",
        "« guillemets » × ÷ § ¶ © ®",
        "ABC DEF gh IJ K L mN Op",
        // Words across the eight-byte chunks of the fast path, and SMS
        // spellings in the middle of one.
        "abcdefgh ijklmnop qrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghé Éabcdefgh",
        "xxxxxxx pk yyyy c a g b pk,pk.pk'pk’",
        "1234567890ab A1B2C3D4E5 3e 2ème",
        &"un texte plus long que deux cent cinquante-cinq octets ! ".repeat(6),
    ];
    for text in taken {
        assert!(paths_agree(text), "the fast path should take {text:?}");
    }
    let general_only = [
        "𝗟𝗲𝘀 𝗚𝗲𝗻𝗲̂𝘁𝘀",
        "ﬁn de la ﬂamme",
        "Ñ",
        "ß",
        "Ÿ",
        "½",
        "x²",
        "ｐｋ",
        "e\u{301}",
        "İstanbul",
        "ǅ",
        "Ø",
        "\u{b4}",
    ];
    for text in general_only {
        assert!(
            !paths_agree(text),
            "the fast path should leave {text:?} to the general path"
        );
    }
}

#[test]
fn the_fast_path_agrees_with_the_general_path_on_every_character() {
    let chars = (0..0x3000u32)
        .chain(0xfb00..0xfb10)
        .chain(0xfe00..0xfe10)
        .chain(0x1d400..0x1d500)
        .chain(0x1f000..0x1fb00)
        .filter_map(char::from_u32);
    for c in chars {
        for template in ["{}", "a{}b", "AB{}CD", ":{}) <{}3", "pk{}", "{}c x", "É{}É"] {
            paths_agree(&template.replace("{}", c.encode_utf8(&mut [0; 4])));
        }
    }
}

/// SplitMix64: the same texts on every run.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[test]
fn the_fast_path_agrees_with_the_general_path_on_random_texts() {
    let pieces = [
        "a",
        "E",
        "é",
        "É",
        "œ",
        "Œ",
        "æ",
        "ç",
        "Ç",
        "ÿ",
        "3",
        "0",
        " ",
        "'",
        "’",
        "`",
        "-",
        "–",
        ":",
        ";",
        "<",
        ")",
        "(",
        "!",
        "?",
        ".",
        "…",
        "\u{a0}",
        "\u{fe0f}",
        "😡",
        "👍🏽",
        "€",
        "pk",
        "PK",
        "c",
        "C",
        "g",
        "tjrs",
        "bât",
        "rés",
        "jsp",
        "svp",
        "Ñ",
        "ﬁ",
        "abcdefgh",
        "ABCDEFGHIJ",
        "12345678",
        "ÀÉ",
        "  ",
    ];
    let mut state = 7;
    let mut taken = 0;
    for _ in 0..20_000 {
        let len = next(&mut state) % 16;
        let text: String = (0..len)
            .map(|_| pieces[(next(&mut state) % pieces.len() as u64) as usize])
            .collect();
        taken += usize::from(paths_agree(&text));
    }
    assert!(taken > 10_000, "the fast path took {taken} texts");
}
