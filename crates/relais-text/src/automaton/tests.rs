//! The automaton against a direct search of every needle at every offset.

use super::*;

/// The bits of the needles found in `text`, one needle and offset at a time.
fn direct(needles: &[Needle], text: &[u8]) -> u64 {
    let mut found = 0;
    for n in needles {
        for at in 0..text.len() {
            let starts_word = at == 0 || is_boundary(text[at - 1]);
            if text[at..].starts_with(n.bytes) && (!n.word_start || starts_word) {
                found |= n.bits;
            }
        }
    }
    found
}

fn needles<'a>(words: &[(&'a str, bool)]) -> Vec<Needle<'a>> {
    words
        .iter()
        .enumerate()
        .map(|(i, &(w, word_start))| Needle {
            bytes: w.as_bytes(),
            word_start,
            bits: 1 << i,
        })
        .collect()
}

#[test]
fn needles_at_word_starts_need_a_boundary_before_them() {
    let n = needles(&[("rat", true), ("eau", false), (" eau", false)]);
    let a = Automaton::new(&n);
    assert_eq!(a.scan(b"rat"), 0b001);
    assert_eq!(a.scan(b"le rattrapage"), 0b001);
    assert_eq!(a.scan(b"pirate"), 0);
    assert_eq!(a.scan(b"l'rat"), 0b001);
    assert_eq!(
        a.scan("\u{e9}rat".as_bytes()),
        0b001,
        "a non-ASCII byte ends a word"
    );
    // At the start of a text, " eau" has no space before it.
    assert_eq!(a.scan(b"eau"), 0b010);
    assert_eq!(a.scan(b"l eau"), 0b110);
    assert_eq!(a.scan(b""), 0);
}

#[test]
fn overlapping_needles_are_all_found() {
    let n = needles(&[
        ("ascenseur", true),
        ("technicien ascenseur", true),
        ("seur", false),
        ("en", true),
        ("\u{20ac}", false),
        ("?", false),
    ]);
    let a = Automaton::new(&n);
    for text in [
        "technicien ascenseur",
        "ascenseurs",
        "xascenseur en",
        "10\u{20ac}?",
        "enen",
        "le technicien ascenseu",
    ] {
        assert_eq!(
            a.scan(text.as_bytes()),
            direct(&n, text.as_bytes()),
            "{text}"
        );
    }
}

#[test]
fn random_texts_agree_with_the_direct_search() {
    let words = [
        ("ab", true),
        ("ba", false),
        ("a b", true),
        (" a", false),
        ("b-a", true),
        ("aab", false),
        ("\u{e9}a", true),
        ("1a", true),
        ("a", true),
    ];
    let n = needles(&words);
    let a = Automaton::new(&n);
    let alphabet: Vec<u8> = b"ab -1x".iter().copied().chain("\u{e9}".bytes()).collect();
    // SplitMix64: the same texts on every run.
    let mut seed = 7u64;
    let mut next = || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let text: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        assert_eq!(a.scan(&text), direct(&n, &text), "{text:?}");
    }
}

#[test]
fn bytes_no_needle_names_share_two_classes() {
    let n = needles(&[("ab", true)]);
    let a = Automaton::new(&n);
    // 'a', 'b', other letters and digits, other bytes.
    assert_eq!(a.shift, 2);
    assert_eq!(a.next.len(), 16, "4 states of 4 classes");
}
