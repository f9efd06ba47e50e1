//! From bytes to text: byte order marks, UTF-8, UTF-16 (Meta's daily series),
//! Windows-1252 as a last resort; spreadsheets recognised by their magic bytes.

use crate::error::{ErrorKind, ImportError};

/// What the bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Text {
        text: String,
        encoding: &'static str,
    },
    /// An Excel 97–2003 workbook (OLE2/BIFF).
    Xls,
    /// An Office Open XML workbook (a ZIP).
    Xlsx,
}

/// Reads `bytes` as text or recognises a workbook.
pub fn decode(file: &str, bytes: &[u8]) -> Result<Content, ImportError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(Content::Xls);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Content::Xlsx);
    }
    let bad = |detail: String| ImportError::new(file, ErrorKind::Encoding { detail });
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let t = std::str::from_utf8(rest).map_err(|e| {
            bad(format!(
                "UTF-8 invalide après l'octet {}",
                e.valid_up_to() + 3
            ))
        })?;
        (t.to_string(), "UTF-8 (BOM)")
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let enc = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (t, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(bad("UTF-16 invalide".into()));
        }
        (t.into_owned(), if le { "UTF-16LE" } else { "UTF-16BE" })
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        (t.to_string(), "UTF-8")
    } else {
        let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        (t.into_owned(), "windows-1252")
    };
    if text.contains('\0') {
        return Err(bad("octets nuls : fichier binaire".into()));
    }
    if text.trim().is_empty() {
        return Err(ImportError::new(file, ErrorKind::Empty));
    }
    Ok(Content::Text { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, &'static str) {
        match decode("f", bytes).unwrap() {
            Content::Text { text, encoding } => (text, encoding),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_encoding_is_recognised() {
        assert_eq!(text(b"\xEF\xBB\xBFa,b").1, "UTF-8 (BOM)");
        assert_eq!(text("é,b".as_bytes()), ("é,b".into(), "UTF-8"));
        assert_eq!(text(b"\xE9,b"), ("é,b".into(), "windows-1252"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("sep=,".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text(&utf16), ("sep=,".into(), "UTF-16LE"));
    }

    #[test]
    fn workbooks_binary_and_empty_files_are_told_apart() {
        assert_eq!(decode("f", b"PK\x03\x04rest").unwrap(), Content::Xlsx);
        assert_eq!(
            decode("f", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).unwrap(),
            Content::Xls
        );
        assert!(decode("f", b"a\0b").is_err());
        assert!(matches!(
            decode("f", b"  \n").unwrap_err().kind,
            ErrorKind::Empty
        ));
    }
}
