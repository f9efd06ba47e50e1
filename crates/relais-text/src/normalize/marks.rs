//! The marks of a text's shape the fast path reads on the raw text rather
//! than in its pass: `!`, `?` and emoticons. Counting bytes is a loop the
//! compiler vectorises, and emoticons are looked for only around the `(`,
//! `)` and `<` of the few texts that hold one, so that the pass need not
//! remember the characters before each character. The lower-case text the
//! emoticons are found in maps the raw text character by character: `:`,
//! `;`, `<` and `3` come only from themselves, `-` from `-`, `–`, `—` or
//! `−`, and no other character becomes one of those.

use super::FACES;

/// The marks of a text.
pub(super) struct Marks {
    pub(super) exclamations: u32,
    pub(super) questions: u32,
    /// The emoticons, a bit per entry of `FACES`.
    faces: u8,
}

impl Marks {
    /// The marks of `bytes`, a text the fast path accepts: neither `!`
    /// nor `?` has another form there, and no byte of a longer character
    /// is ASCII.
    pub(super) fn of(bytes: &[u8]) -> Marks {
        let (mut exclamations, mut questions, mut brackets) = (0, 0, false);
        // Counting in bytes, 255 at most, lets the loop take 16 at a time.
        for part in bytes.chunks(255) {
            let (e, q, b) = part.iter().fold((0u8, 0u8, 0u8), |(e, q, b), &c| {
                let bracket = u8::from(c == b'(') + u8::from(c == b')') + u8::from(c == b'<');
                (
                    e + u8::from(c == b'!'),
                    q + u8::from(c == b'?'),
                    b + bracket,
                )
            });
            exclamations += u32::from(e);
            questions += u32::from(q);
            brackets |= b != 0;
        }
        let faces = if brackets {
            (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'(' | b')' | b'<'))
                .fold(0, |faces, i| faces | at(bytes, i))
        } else {
            0
        };
        Marks {
            exclamations,
            questions,
            faces,
        }
    }

    /// Adds the emoticons to `emojis`, in the order of `FACES`.
    pub(super) fn push_faces(&self, emojis: &mut Vec<String>) {
        if self.faces == 0 {
            return;
        }
        for (k, face) in FACES.iter().enumerate() {
            if self.faces & (1 << k) != 0 {
                emojis.push(face.to_string());
            }
        }
    }
}

/// The emoticon (a bit per entry of `FACES`) the character at `i` of
/// `bytes` ends or starts: `i` holds `(`, `)` or `<`.
fn at(bytes: &[u8], i: usize) -> u8 {
    let face = match (bytes[i], before(bytes, i)) {
        (b'<', _) if bytes.get(i + 1) == Some(&b'3') => 5,
        (b')', (b':', _)) => 0,
        (b'(', (b':', _)) => 2,
        (b')', (b';', _)) => 4,
        (b')', (b'-', dash)) if before(bytes, dash).0 == b':' => 1,
        (b'(', (b'-', dash)) if before(bytes, dash).0 == b':' => 3,
        _ => return 0,
    };
    1 << face
}

/// The character before `end` in `bytes` as far as emoticons can tell (an
/// ASCII character, `-` for a dash, 0 for anything else), and where it
/// starts.
fn before(bytes: &[u8], end: usize) -> (u8, usize) {
    match bytes[..end] {
        [.., b] if b.is_ascii() => (b, end - 1),
        // A lead byte then two continuation bytes: a whole character.
        [.., 0xe2, 0x80, 0x93 | 0x94] | [.., 0xe2, 0x88, 0x92] => (b'-', end - 3),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str) -> Vec<String> {
        let mut emojis = Vec::new();
        Marks::of(text.as_bytes()).push_faces(&mut emojis);
        emojis
    }

    #[test]
    fn emoticons_are_found_in_the_order_of_faces() {
        assert_eq!(seen("<3 ;) :-( :( :-) :)"), FACES);
        assert_eq!(seen("(:–) :—( x<3"), [":-)", ":-(", "<3"]);
        assert_eq!(seen(":−)"), [":-)"]);
    }

    #[test]
    fn near_misses_are_not_emoticons() {
        for text in [
            ": )",
            ":\u{fe0f})",
            ":--)",
            "-)",
            "(: ",
            "<4",
            "< 3",
            ":’)",
            "(x)",
            "é)",
            "…)",
            ")",
            "<",
            ":-<",
        ] {
            assert!(seen(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn marks_are_counted_past_255_bytes() {
        let text = "Quoi ?! ".repeat(100) + "😡!";
        let marks = Marks::of(text.as_bytes());
        assert_eq!((marks.exclamations, marks.questions), (101, 100));
    }
}
