//! Template rendering and the writing-style variations of the demo landlord's
//! generated comments: `{placeholder}` substitution, and [`vary`], which makes a
//! clean template look like what people really type under a Facebook post
//! (no accents, all lower case, SHOUTING, SMS spellings, "!!!", an emoji, a typo).
//!
//! This is demo data machinery only: text produced here must never be used to
//! train, tune or evaluate a classifier (a model that learnt these templates and
//! their variations would fail on real text).

use crate::demo::rng::Rng;

/// Replaces each `{key}` of `template` by its value in `vars`.
///
/// A `{key}` whose key is not in `vars` is left as is, braces included, so a
/// missing value shows in the output instead of vanishing. A lone `{` or `}`
/// is copied unchanged. Values are inserted verbatim and not scanned again, so a
/// value holding braces is never expanded. Never panics.
pub fn render(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                let key = &after[..close];
                match vars.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            // A `{` without a closing brace before the next `{`: copy it.
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The keys of the `{key}` placeholders of `template`, in order of first use,
/// without duplicates. A `{` not closed before the next `{` opens no key.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                let key = &after[..close];
                if !keys.contains(&key) {
                    keys.push(key);
                }
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    keys
}

/// SMS spellings, applied on word boundaries; longer phrases first.
const SMS: &[(&str, &str)] = &[
    ("s'il vous plaît", "svp"),
    ("s'il vous plait", "svp"),
    ("s'il te plaît", "stp"),
    ("je ne sais pas", "jsp"),
    ("je sais pas", "jsp"),
    ("qu'est-ce que", "keske"),
    ("est-ce que", "esque"),
    ("rendez-vous", "rdv"),
    ("tout le monde", "tlm"),
    ("quelque chose", "qqch"),
    ("quelqu'un", "qqn"),
    ("aujourd'hui", "ajd"),
    ("parce que", "pcq"),
    ("il y a", "ya"),
    ("pourquoi", "pk"),
    ("quand", "qd"),
    ("c'est", "c"),
    ("beaucoup", "bcp"),
    ("toujours", "tjrs"),
    ("vraiment", "vrmt"),
    ("bonjour", "bjr"),
    ("appartement", "appart"),
    ("message", "msg"),
    ("téléphone", "tel"),
    ("pour", "pr"),
    ("avec", "avc"),
    ("quoi", "koi"),
];

/// Common spelling mistakes, applied on word boundaries.
const MISTAKES: &[(&str, &str)] = &[
    ("ascenseur", "ascenceur"),
    ("ascenseurs", "ascenceurs"),
    ("ça", "sa"),
    ("malgré", "malgrès"),
    ("appeler", "apeler"),
    ("dégât", "dégat"),
    ("parce que", "pasque"),
    ("quand même", "quand meme"),
    ("j'ai", "g"),
];

const NEGATIVE_EMOJIS: &[&str] = &["😡", "😤", "🤬", "😢", "🙄", "😠", "😩"];
const POSITIVE_EMOJIS: &[&str] = &["👍", "❤️", "👏", "🙏", "😊", "🥰", "💪"];
const NEUTRAL_EMOJIS: &[&str] = &["🙏", "🤔", "👍", "🙂", "😅"];

/// Rewrites `text` the way people write on social networks, deterministically
/// for a given `rng` state. `sentiment` (`negative`, `neutral`, `positive`;
/// anything else counts as neutral) chooses the emojis and whether shouting is
/// plausible. About 55 % of texts come back unchanged; the others get one or
/// more of: SMS spellings, common spelling mistakes, no accents, all lower case
/// or ALL CAPS (negative only), dropped or repeated final punctuation, an
/// emoji at the end, two adjacent letters swapped in one word.
///
/// `{placeholders}` are never altered, so `vary` may run on a template before
/// [`render`] (residence names then stay intact) or on the rendered text. The
/// result is never empty: an empty or blank input gives `"…"`.
pub fn vary(text: &str, sentiment: &str, rng: &mut Rng) -> String {
    if text.trim().is_empty() {
        return "…".to_string();
    }
    if rng.chance(0.55) {
        return text.to_string();
    }
    let negative = sentiment == "negative";
    let mut parts = split_placeholders(text);

    if rng.chance(0.45) {
        let p = rng.unit() * 0.5 + 0.4;
        for (from, to) in SMS {
            if rng.chance(p) {
                map_literals(&mut parts, |s| replace_words(s, from, to));
            }
        }
    }
    if rng.chance(0.15) {
        for (from, to) in MISTAKES {
            if rng.chance(0.6) {
                map_literals(&mut parts, |s| replace_words(s, from, to));
            }
        }
    }
    if rng.chance(0.35) {
        map_literals(&mut parts, strip_accents);
    }
    let case = rng.unit();
    if negative && case < 0.15 {
        map_literals(&mut parts, |s| s.to_uppercase());
    } else if case < 0.40 {
        map_literals(&mut parts, |s| s.to_lowercase());
    }
    if rng.chance(0.15) {
        swap_letters(&mut parts, rng);
    }

    let mut out: String = parts.into_iter().map(|(_, s)| s).collect();
    let ending = rng.unit();
    if ending < 0.25 {
        drop_final_punctuation(&mut out);
    } else if ending < 0.25 + if negative { 0.30 } else { 0.12 } {
        repeat_final_punctuation(&mut out, negative, rng);
    }
    if rng.chance(0.30) || out == text {
        add_emoji(&mut out, sentiment, rng);
    }
    if out.trim().is_empty() {
        return text.to_string();
    }
    out
}

/// Splits `text` into literal parts (`false`) and `{key}` placeholders (`true`).
fn split_placeholders(text: &str) -> Vec<(bool, String)> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        literal.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close)
                if after[close..].starts_with('}')
                    && close > 0
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                if !literal.is_empty() {
                    parts.push((false, std::mem::take(&mut literal)));
                }
                parts.push((true, rest[open..open + close + 2].to_string()));
                rest = &after[close + 1..];
            }
            _ => {
                literal.push('{');
                rest = after;
            }
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push((false, literal));
    }
    parts
}

fn map_literals(parts: &mut [(bool, String)], f: impl Fn(&str) -> String) {
    for (placeholder, s) in parts.iter_mut() {
        if !*placeholder {
            *s = f(s);
        }
    }
}

/// Replaces whole-word occurrences of `from` (as written, or with a capital
/// first letter) by `to` (capitalised likewise). A match inside a longer word
/// ("pour" in "pourtant") is left alone.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let once = replace_words_exact(text, from, to);
    let (cap_from, cap_to) = (capitalise(from), capitalise(to));
    if cap_from == from {
        return once;
    }
    replace_words_exact(&once, &cap_from, &cap_to)
}

fn replace_words_exact(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() || !text.contains(from) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(pos) = text[i..].find(from) {
        let start = i + pos;
        let end = start + from.len();
        let before_ok = !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        out.push_str(&text[i..start]);
        if before_ok && after_ok {
            out.push_str(to);
        } else {
            out.push_str(from);
        }
        i = end;
    }
    out.push_str(&text[i..]);
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Removes French diacritics, as on a phone keyboard without autocorrect.
fn strip_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'â' | 'ä' => out.push('a'),
            'À' | 'Â' | 'Ä' => out.push('A'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'É' | 'È' | 'Ê' | 'Ë' => out.push('E'),
            'î' | 'ï' => out.push('i'),
            'Î' | 'Ï' => out.push('I'),
            'ô' | 'ö' => out.push('o'),
            'Ô' | 'Ö' => out.push('O'),
            'ù' | 'û' | 'ü' => out.push('u'),
            'Ù' | 'Û' | 'Ü' => out.push('U'),
            'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'Ç' => out.push('C'),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            _ => out.push(c),
        }
    }
    out
}

/// Swaps two adjacent, different letters inside one word of at least four
/// letters (never the first letter), in a literal part.
fn swap_letters(parts: &mut [(bool, String)], rng: &mut Rng) {
    // Candidates: (part index, char index of the first letter of the pair).
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (p, (placeholder, s)) in parts.iter().enumerate() {
        if *placeholder {
            continue;
        }
        let chars: Vec<char> = s.chars().collect();
        let mut start = 0;
        while start < chars.len() {
            if !chars[start].is_alphabetic() {
                start += 1;
                continue;
            }
            let mut end = start;
            while end < chars.len() && chars[end].is_alphabetic() {
                end += 1;
            }
            if end - start >= 4 {
                for k in start + 1..end - 1 {
                    if chars[k] != chars[k + 1] {
                        candidates.push((p, k));
                    }
                }
            }
            start = end;
        }
    }
    if candidates.is_empty() {
        return;
    }
    let (p, k) = *rng.pick(&candidates);
    let mut chars: Vec<char> = parts[p].1.chars().collect();
    chars.swap(k, k + 1);
    parts[p].1 = chars.into_iter().collect();
}

const FINAL_PUNCTUATION: &[char] = &['.', '!', '?', '…'];

fn drop_final_punctuation(text: &mut String) {
    let kept = text
        .trim_end()
        .trim_end_matches(FINAL_PUNCTUATION)
        .trim_end();
    if !kept.is_empty() && kept.len() < text.len() {
        let len = kept.len();
        text.truncate(len);
    }
}

fn repeat_final_punctuation(text: &mut String, negative: bool, rng: &mut Rng) {
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    let mark = match text.chars().next_back() {
        Some('?') => '?',
        Some('!') => '!',
        Some('.') | Some('…') if negative => '!',
        Some('.') | Some('…') => return,
        _ if negative => '!',
        _ => return,
    };
    let kept = text.trim_end_matches(FINAL_PUNCTUATION).trim_end().len();
    if kept == 0 {
        return;
    }
    text.truncate(kept);
    let count = rng.range(2, 5) as usize;
    if mark == '!' && rng.chance(0.3) {
        text.push(' ');
    }
    text.extend(std::iter::repeat_n(mark, count));
}

fn add_emoji(text: &mut String, sentiment: &str, rng: &mut Rng) {
    let set = match sentiment {
        "negative" => NEGATIVE_EMOJIS,
        "positive" => POSITIVE_EMOJIS,
        _ => NEUTRAL_EMOJIS,
    };
    let emoji = *rng.pick(set);
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    if !text.is_empty() && rng.chance(0.8) {
        text.push(' ');
    }
    let times = if sentiment == "neutral" {
        1
    } else {
        rng.weighted(&[6.0, 2.0, 1.0]) + 1
    };
    for _ in 0..times {
        text.push_str(emoji);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_replaces_known_keys_and_leaves_unknown_ones() {
        let out = render(
            "Ascenseur en panne à {residence}, bât {bat}, {unknown} !",
            &[("residence", "Les Tilleuls"), ("bat", "B")],
        );
        assert_eq!(out, "Ascenseur en panne à Les Tilleuls, bât B, {unknown} !");
    }

    #[test]
    fn render_copies_stray_braces_and_does_not_expand_values() {
        assert_eq!(render("a { b {bat}", &[("bat", "C")]), "a { b C");
        assert_eq!(render("fin {", &[]), "fin {");
        assert_eq!(render("} {}", &[("", "x")]), "} x");
        assert_eq!(render("{n}", &[("n", "{n}")]), "{n}");
        assert_eq!(render("", &[]), "");
    }

    #[test]
    fn placeholders_lists_keys_once_in_order() {
        assert_eq!(
            placeholders("{residence} bât {bat}, {floor}e, {bat} {"),
            vec!["residence", "bat", "floor"]
        );
        assert!(placeholders("Merci !").is_empty());
    }

    #[test]
    fn vary_is_deterministic_for_a_seed() {
        let text = "Bonjour, pourquoi l'ascenseur est toujours en panne à {residence} ? C'est vraiment pénible.";
        for seed in 0..200 {
            let a = vary(text, "negative", &mut Rng::new(seed));
            let b = vary(text, "negative", &mut Rng::new(seed));
            assert_eq!(a, b);
        }
    }

    #[test]
    fn vary_never_empties_a_text() {
        let texts = [
            "!",
            "?",
            "…",
            "a",
            "Merci !",
            "😡",
            "?!",
            "...",
            "{residence}",
            "",
            "   ",
        ];
        for seed in 0..500 {
            let mut rng = Rng::new(seed);
            for t in texts {
                for s in ["negative", "neutral", "positive", "other"] {
                    assert!(!vary(t, s, &mut rng).trim().is_empty(), "{t:?} seed {seed}");
                }
            }
        }
    }

    #[test]
    fn vary_leaves_about_half_unchanged_and_keeps_placeholders() {
        let text =
            "Bonjour, pourquoi l'ascenseur du bât {bat} est toujours en panne à {residence} ?";
        let mut rng = Rng::new(42);
        let n = 4000;
        let mut same = 0;
        for _ in 0..n {
            let out = vary(text, "negative", &mut rng);
            if out == text {
                same += 1;
            }
            assert!(
                out.contains("{bat}") && out.contains("{residence}"),
                "{out}"
            );
        }
        let share = f64::from(same) / f64::from(n);
        assert!((0.50..0.60).contains(&share), "unchanged share {share}");
    }

    #[test]
    fn vary_produces_each_kind_of_variation() {
        let text =
            "Bonjour, pourquoi le chauffage est toujours coupé au bâtiment ? C'est inadmissible.";
        let mut rng = Rng::new(7);
        let outs: Vec<String> = (0..3000)
            .map(|_| vary(text, "negative", &mut rng))
            .collect();
        assert!(outs.iter().any(|o| o.contains("pk")), "SMS");
        assert!(outs.iter().any(|o| o.contains("batiment")), "accents");
        assert!(
            outs.iter()
                .any(|o| o.starts_with("BONJOUR") || o.starts_with("BJR")),
            "caps"
        );
        assert!(
            outs.iter()
                .any(|o| o.starts_with("bonjour") || o.starts_with("bjr")),
            "lower"
        );
        assert!(
            outs.iter().any(|o| o.contains("!!")),
            "repeated punctuation"
        );
        assert!(
            outs.iter()
                .any(|o| NEGATIVE_EMOJIS.iter().any(|e| o.ends_with(e))),
            "emoji"
        );
        assert!(
            outs.iter().any(|o| o.ends_with("inadmissible")),
            "dropped punctuation"
        );
        // No positive emoji on a negative text.
        assert!(!outs.iter().any(|o| o.contains("🥰")));
    }

    #[test]
    fn sms_replacements_respect_word_boundaries() {
        assert_eq!(
            replace_words("c'est pour demain", "pour", "pr"),
            "c'est pr demain"
        );
        assert_eq!(
            replace_words("pourtant c'est pourri", "pour", "pr"),
            "pourtant c'est pourri"
        );
        assert_eq!(replace_words("Pour info", "pour", "pr"), "Pr info");
        assert_eq!(
            replace_words("deux appartements", "appartement", "appart"),
            "deux appartements"
        );
        assert_eq!(
            replace_words("mon appartement.", "appartement", "appart"),
            "mon appart."
        );
        assert_eq!(replace_words("Quand ? quand !", "quand", "qd"), "Qd ? qd !");
        assert_eq!(replace_words("quantité", "quand", "qd"), "quantité");
        assert_eq!(
            replace_words("C'est toujours pareil", "c'est", "c"),
            "C toujours pareil"
        );
        assert_eq!(replace_words("toujourss", "toujours", "tjrs"), "toujourss");
        assert_eq!(
            replace_words("Je ne sais pas, s'il vous plaît", "je ne sais pas", "jsp"),
            "Jsp, s'il vous plaît"
        );
    }

    #[test]
    fn accents_are_stripped() {
        assert_eq!(
            strip_accents("Dégât à l'étage, façade, cœur, Été"),
            "Degat a l'etage, facade, coeur, Ete"
        );
    }

    #[test]
    fn typos_swap_two_adjacent_letters_of_one_word() {
        let mut rng = Rng::new(3);
        let mut parts = split_placeholders("le chauffage {residence}");
        swap_letters(&mut parts, &mut rng);
        let out: String = parts.into_iter().map(|(_, s)| s).collect();
        assert_ne!(out, "le chauffage {residence}");
        assert!(out.starts_with("le c") && out.ends_with(" {residence}"));
        let mut sorted: Vec<char> = out.chars().collect();
        sorted.sort_unstable();
        let mut expected: Vec<char> = "le chauffage {residence}".chars().collect();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
    }
}
