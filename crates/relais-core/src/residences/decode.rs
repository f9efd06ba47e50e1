//! Turns the raw bytes of a residence file into text, and says which encoding it was.
//!
//! Owns the encoding sniffing: a UTF-16 or UTF-8 byte order mark wins; otherwise valid
//! UTF-8 is UTF-8 and anything else is read as windows-1252 (a superset of Latin-1 for
//! printable text, which is what spreadsheet exports on French Windows produce). It also
//! refuses bytes that are not text at all (a spreadsheet given instead of its CSV export,
//! NUL bytes), so the CSV readers never see binary. It must not look at columns or rows:
//! telling RPLS from a relais CSV is `mod.rs`'s job, from the header.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::{EncodingProblem, ResidenceFileError, ResidenceFileErrorKind, Spreadsheet};

/// How far into the file we look for binary bytes; a text export has none anywhere,
/// and a binary file shows them within its first few kilobytes.
const SNIFF_LEN: usize = 8192;

/// The file's text without its byte order mark, and the name of its encoding.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), ResidenceFileError> {
    if let Some(kind) = spreadsheet_magic(bytes) {
        return Err(ResidenceFileErrorKind::Spreadsheet { kind }.into());
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            return decode_plain(body, true);
        }
        // UTF-16: NUL bytes are normal there, so they are checked after decoding.
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(ResidenceFileErrorKind::UnknownEncoding {
                problem: EncodingProblem::BadUtf16,
            })?;
        check_text(text.chars().take(SNIFF_LEN).map(u32::from))?;
        return Ok((text.into_owned(), encoding.name()));
    }
    decode_plain(bytes, false)
}

fn decode_plain(bytes: &[u8], had_bom: bool) -> Result<(String, &'static str), ResidenceFileError> {
    check_text(bytes.iter().take(SNIFF_LEN).map(|&b| u32::from(b)))?;
    if bytes.contains(&0) {
        return Err(binary(EncodingProblem::NulBytes));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), UTF_8.name())),
        // A UTF-8 BOM followed by invalid UTF-8 is a damaged file, not Latin-1.
        Err(_) if had_bom => Err(binary(EncodingProblem::BadUtf8AfterBom)),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), WINDOWS_1252.name()))
        }
    }
}

fn spreadsheet_magic(bytes: &[u8]) -> Option<Spreadsheet> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Spreadsheet::Xlsx)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Spreadsheet::Xls)
    } else {
        None
    }
}

/// Text has no NUL and no C0 control other than tab, line feed, form feed, carriage
/// return and the DOS end-of-file mark (0x1A) some old exports still append.
fn check_text(units: impl Iterator<Item = u32>) -> Result<(), ResidenceFileError> {
    for unit in units {
        match unit {
            0 => return Err(binary(EncodingProblem::NulBytes)),
            0x09 | 0x0A | 0x0C | 0x0D | 0x1A => {}
            1..=0x1F => return Err(binary(EncodingProblem::ControlByte { byte: unit as u8 })),
            _ => {}
        }
    }
    Ok(())
}

fn binary(problem: EncodingProblem) -> ResidenceFileError {
    ResidenceFileErrorKind::UnknownEncoding { problem }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> ResidenceFileErrorKind {
        decode(bytes).unwrap_err().kind
    }

    #[test]
    fn decode_names_each_encoding_it_reads() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"rue des Pr\xc3\xa9s", "rue des Pr\u{e9}s", "UTF-8"),
            (
                b"\xef\xbb\xbfrue des Pr\xc3\xa9s",
                "rue des Pr\u{e9}s",
                "UTF-8",
            ),
            (
                b"rue des Pr\xe9s \x80",
                "rue des Pr\u{e9}s \u{20ac}",
                "windows-1252",
            ),
            (b"\xff\xfeP\x00r\x00\xe9\x00", "Pr\u{e9}", "UTF-16LE"),
            (b"\xfe\xff\x00P\x00r\x00\xe9", "Pr\u{e9}", "UTF-16BE"),
        ];
        for (bytes, text, encoding) in cases {
            assert_eq!(
                decode(bytes).unwrap(),
                ((*text).to_owned(), *encoding),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn decode_refuses_a_spreadsheet_given_instead_of_its_csv() {
        assert_eq!(
            kind(b"PK\x03\x04\x14\x00"),
            ResidenceFileErrorKind::Spreadsheet {
                kind: Spreadsheet::Xlsx
            }
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(
            kind(&ole),
            ResidenceFileErrorKind::Spreadsheet {
                kind: Spreadsheet::Xls
            }
        );
    }

    #[test]
    fn decode_refuses_binary_bytes() {
        let cases: &[(&[u8], EncodingProblem)] = &[
            (b"a;b\x00;c", EncodingProblem::NulBytes),
            (b"a;b\x03;c", EncodingProblem::ControlByte { byte: 3 }),
            (b"\xef\xbb\xbfa;\xe9", EncodingProblem::BadUtf8AfterBom),
            (b"\xff\xfe\x00\xd8", EncodingProblem::BadUtf16),
        ];
        for (bytes, problem) in cases {
            let expected = ResidenceFileErrorKind::UnknownEncoding {
                problem: problem.clone(),
            };
            assert_eq!(kind(bytes), expected, "{bytes:?}");
        }
    }
}
