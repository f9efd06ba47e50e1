//! Eight bytes of a text at a time, for the fast path: which are ASCII
//! letters, small letters and digits, and which the bulk of the pass may
//! copy, as the high bit of each byte of a `u64` (SWAR). A chunk's words
//! and the spaces and punctuation between them are then lower-cased,
//! copied and measured without a branch per byte.

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// One in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// Eight bytes (little-endian: the first is the lowest) and their classes,
/// each a mask of the high bits of the bytes in the class.
#[derive(Clone, Copy)]
pub(super) struct Chunk {
    bytes: u64,
    /// ASCII letters and digits.
    alnum: u64,
    /// ASCII capitals.
    capitals: u64,
    /// ASCII small letters.
    small: u64,
    /// ASCII digits.
    digits: u64,
    /// The bytes the bulk of the pass leaves to the character code: all
    /// but ASCII, and ASCII from 0x60 on that is not a small letter
    /// (`` ` `` becomes an apostrophe; `{|}~` and DEL come along, rarely).
    stops: u64,
}

impl Chunk {
    /// The eight bytes of `bytes` from `i` (which must be in bounds); the
    /// missing ones past the end read as 0xff, which is not ASCII, so that
    /// they stop the bulk of the pass.
    #[inline(always)]
    pub(super) fn at(bytes: &[u8], i: usize) -> Chunk {
        let word = match bytes.get(i..i + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0xff; 8])),
            None => {
                let mut padded = [0xff; 8];
                let rest = &bytes[i..];
                padded[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(padded)
            }
        };
        Chunk::new(word)
    }

    #[inline(always)]
    fn new(bytes: u64) -> Chunk {
        // On seven bits, adding 0x80 - lo sets the high bit exactly when
        // the byte is lo or more, with no carry into the next byte (the
        // sum stays below 0x100); non-ASCII bytes are masked out after.
        let ascii = !bytes & HIGH;
        let low7 = bytes & LOW7;
        let at_least = |x: u64, lo: u8| x + (0x80 - u64::from(lo)) * ONES;
        let in_range = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1) & ascii;
        // Capitals and small letters differ in bit 5 only.
        let letters = in_range(low7 | (0x20 * ONES), b'a', b'z');
        let capitals = letters & !(bytes << 2);
        let small = letters & !capitals;
        let digits = in_range(low7, b'0', b'9');
        let stops = (bytes & HIGH) | (at_least(low7, b'`') & !small & HIGH);
        Chunk {
            bytes,
            alnum: letters | digits,
            capitals,
            small,
            digits,
            stops,
        }
    }

    /// How many bytes from the first the bulk of the pass may take (8 when
    /// it may take them all).
    #[inline(always)]
    pub(super) fn plain_len(&self) -> usize {
        (self.stops.trailing_zeros() / 8) as usize
    }

    /// The ASCII letters and digits, as high bits.
    #[inline(always)]
    pub(super) fn alnum(&self) -> u64 {
        self.alnum
    }

    /// The byte at `place`.
    #[inline(always)]
    pub(super) fn byte(&self, place: usize) -> u8 {
        self.bytes.to_le_bytes()[place]
    }

    /// Whether the bytes at places `from..to` hold a digit.
    #[inline(always)]
    pub(super) fn has_digit(&self, from: usize, to: usize) -> bool {
        self.digits & between(from, to) != 0
    }

    /// Whether the bytes at places `from..to` hold a small letter.
    #[inline(always)]
    pub(super) fn has_small_letter(&self, from: usize, to: usize) -> bool {
        self.small & between(from, to) != 0
    }

    /// The bytes with the ASCII capitals lower-cased.
    #[inline(always)]
    pub(super) fn lowered(&self) -> [u8; 8] {
        (self.bytes | (self.capitals >> 2)).to_le_bytes()
    }
}

/// The high bits of the bytes at places `from..to` (`from <= to <= 8`).
#[inline(always)]
pub(super) fn between(from: usize, to: usize) -> u64 {
    below(to) & !below(from)
}

/// The high bits of the bytes at places below `to` (at most 8).
#[inline(always)]
fn below(to: usize) -> u64 {
    HIGH.checked_shr(64 - 8 * to as u32).unwrap_or(0)
}

/// The place of the byte whose high bit is the lowest set bit of `mask`.
#[inline(always)]
pub(super) fn first_place(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `chunk` against the byte methods.
    fn check(eight: [u8; 8]) {
        let chunk = Chunk::new(u64::from_le_bytes(eight));
        let plain = eight
            .iter()
            .position(|&b| !b.is_ascii() || (b >= b'`' && !b.is_ascii_lowercase()))
            .unwrap_or(8);
        assert_eq!(chunk.plain_len(), plain, "{eight:?}");
        for place in 0..8 {
            let b = eight[place];
            assert_eq!(chunk.byte(place), b);
            assert_eq!(
                chunk.alnum() & between(place, place + 1) != 0,
                b.is_ascii_alphanumeric(),
                "{eight:?} {place}"
            );
            assert_eq!(chunk.has_digit(place, place + 1), b.is_ascii_digit());
            assert_eq!(
                chunk.has_small_letter(place, place + 1),
                b.is_ascii_lowercase()
            );
        }
        assert_eq!(
            chunk.lowered(),
            eight.map(|b| b.to_ascii_lowercase()),
            "{eight:?}"
        );
    }

    #[test]
    fn every_byte_in_every_place_is_classified_as_the_byte_methods_say() {
        for b in 0..=255 {
            for place in 0..8 {
                for fill in [b'a', b'Z', b'5', b' ', b'`', b'!', 0xc3, 0xff] {
                    let mut eight = [fill; 8];
                    eight[place] = b;
                    check(eight);
                }
            }
        }
    }

    #[test]
    fn places_and_ranges_of_places_are_read_from_the_masks() {
        assert_eq!(between(0, 0), 0);
        assert_eq!(between(0, 8), HIGH);
        assert_eq!(between(2, 4), 0x8080_0000);
        assert_eq!(first_place(between(3, 8)), 3);
        assert_eq!(first_place(0), 8);
        let chunk = Chunk::at(b"xx Ok", 3);
        assert_eq!(
            (chunk.plain_len(), chunk.lowered()),
            (2, *b"ok\xff\xff\xff\xff\xff\xff")
        );
        assert!(chunk.has_small_letter(0, 2) && !chunk.has_small_letter(0, 1));
        assert_eq!(Chunk::at(b"abcdefghij", 1).plain_len(), 8);
    }
}
