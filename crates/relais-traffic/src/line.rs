//! One access-log line cut into its fields, for the three formats nginx and
//! Apache write by default, and the detection of a file's format from its
//! first lines (the one place where formats are told apart).
//!
//! ```text
//! common    %h %l %u [%t] "%r" %>s %b
//! combined  %h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-Agent}i"
//! vcombined %v:%p %h %l %u [%t] "%r" %>s %b "%{Referer}i" "%{User-Agent}i"
//! ```
//!
//! Fields stay borrowed bytes: nothing is copied or decoded here. Content
//! after the user agent (fields some servers append) is ignored.

use serde::Serialize;

/// An access-log format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// NCSA combined: nginx's default and Apache's `combined`.
    Combined,
    /// Apache's `vhost_combined`: `vhost:port` first.
    #[serde(rename = "vcombined")]
    VCombined,
    /// NCSA common: no referrer, no user agent.
    Common,
    /// Decided from the first lines of the file.
    Auto,
}

impl Format {
    /// The format of a command-line or stored name.
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "combined" => Some(Format::Combined),
            "vcombined" | "vhost_combined" => Some(Format::VCombined),
            "common" | "clf" => Some(Format::Common),
            "auto" => Some(Format::Auto),
            _ => None,
        }
    }

    /// The format's name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Combined => "combined",
            Format::VCombined => "vcombined",
            Format::Common => "common",
            Format::Auto => "auto",
        }
    }
}

/// The fields of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fields<'a> {
    pub client: &'a [u8],
    /// Inside the brackets: `10/Oct/2000:13:55:36 -0700`.
    pub time: &'a [u8],
    /// Inside the quotes: `GET /path?query HTTP/1.1`.
    pub request: &'a [u8],
    pub status: u16,
    /// Empty in the common format.
    pub referrer: &'a [u8],
    /// Empty in the common format.
    pub agent: &'a [u8],
}

/// Cuts a line (without its newline) in the given format; `None` when the
/// line does not have the format's shape. `format` must not be `Auto`.
pub(crate) fn split(line: &[u8], format: Format) -> Option<Fields<'_>> {
    let open = memchr::memchr(b'[', line)?;
    let mut tokens = line[..open].split(|&b| b == b' ').filter(|t| !t.is_empty());
    let want = if format == Format::VCombined { 4 } else { 3 };
    let mut client = None;
    let mut count = 0;
    for (i, token) in tokens.by_ref().enumerate() {
        if i == want - 3 {
            client = Some(token);
        }
        count += 1;
    }
    if count != want {
        return None;
    }
    let close = open + 1 + memchr::memchr(b']', &line[open + 1..])?;
    let time = &line[open + 1..close];
    let rest = line[close + 1..].strip_prefix(b" \"")?;
    let (request, rest) = quoted(rest)?;
    let rest = rest.strip_prefix(b" ")?;
    let status_bytes = rest.get(..3)?;
    if !status_bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let status = status_bytes
        .iter()
        .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    let rest = rest[3..].strip_prefix(b" ")?;
    let size_end = memchr::memchr(b' ', rest).unwrap_or(rest.len());
    let size = &rest[..size_end];
    if size != b"-" && (size.is_empty() || !size.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let rest = &rest[size_end..];
    let (referrer, agent) = if format == Format::Common {
        (&b""[..], &b""[..])
    } else {
        let rest = rest.strip_prefix(b" \"")?;
        let (referrer, rest) = quoted(rest)?;
        let rest = rest.strip_prefix(b" \"")?;
        let (agent, _) = quoted(rest)?;
        (referrer, agent)
    };
    Some(Fields {
        client: client?,
        time,
        request,
        status,
        referrer,
        agent,
    })
}

/// The bytes up to the closing quote (a quote after an odd run of
/// backslashes is escaped), and what follows that quote.
fn quoted(s: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut from = 0;
    loop {
        let q = from + memchr::memchr(b'"', &s[from..])?;
        let backslashes = s[..q].iter().rev().take_while(|&&b| b == b'\\').count();
        if backslashes % 2 == 0 {
            return Some((&s[..q], &s[q + 1..]));
        }
        from = q + 1;
    }
}

/// The format most of these lines have (combined when none fits).
pub(crate) fn detect<'a>(lines: impl Iterator<Item = &'a [u8]>) -> Format {
    let candidates = [Format::Combined, Format::VCombined, Format::Common];
    let mut votes = [0usize; 3];
    for line in lines.filter(|l| !l.is_empty()).take(200) {
        if let Some(i) = candidates.iter().position(|&f| split(line, f).is_some()) {
            votes[i] += 1;
        }
    }
    let best = (0..3).max_by_key(|&i| (votes[i], 3 - i)).unwrap_or(0);
    candidates[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMBINED: &str = r#"203.0.113.9 - - [10/Mar/2024:13:55:36 +0100] "GET /logements?utm_source=fb HTTP/1.1" 200 5120 "https://l.facebook.com/" "Mozilla/5.0 (iPhone) [FBAN/FBIOS;FBAV/452.0]""#;
    const VCOMBINED: &str = r#"www.habitat-exemple.fr:443 2a01:cb10::1 - alice [10/Mar/2024:13:55:36 +0100] "GET / HTTP/2.0" 304 - "-" "curl/8.5.0""#;
    const COMMON: &str =
        r#"203.0.113.9 - - [10/Mar/2024:13:55:36 +0100] "GET /contact HTTP/1.0" 404 209"#;

    #[test]
    fn each_format_cuts_its_lines() {
        let f = split(COMBINED.as_bytes(), Format::Combined).unwrap();
        assert_eq!(f.client, b"203.0.113.9");
        assert_eq!(f.time, b"10/Mar/2024:13:55:36 +0100");
        assert_eq!(f.request, b"GET /logements?utm_source=fb HTTP/1.1");
        assert_eq!(f.status, 200);
        assert_eq!(f.referrer, b"https://l.facebook.com/");
        assert!(f.agent.ends_with(b"FBAV/452.0]"));

        let f = split(VCOMBINED.as_bytes(), Format::VCombined).unwrap();
        assert_eq!(f.client, b"2a01:cb10::1");
        assert_eq!((f.status, f.agent), (304, &b"curl/8.5.0"[..]));

        let f = split(COMMON.as_bytes(), Format::Common).unwrap();
        assert_eq!((f.status, f.referrer, f.agent), (404, &b""[..], &b""[..]));
    }

    #[test]
    fn a_line_of_another_shape_is_refused() {
        let cases: &[(&str, Format)] = &[
            (COMBINED, Format::VCombined),
            (VCOMBINED, Format::Combined),
            (COMMON, Format::Combined),
            ("", Format::Combined),
            ("garbage without brackets", Format::Combined),
            (
                r#"1.2.3.4 - - [10/Mar/2024:13:55:36 +0100] "GET / HTTP/1.1" 2x0 1 "-" "ua""#,
                Format::Combined,
            ),
            (
                r#"1.2.3.4 - - [10/Mar/2024:13:55:36 +0100] "GET / HTTP/1.1" 200 12k "-" "ua""#,
                Format::Combined,
            ),
            (
                r#"1.2.3.4 - - [10/Mar/2024:13:55:36 +0100] "GET / HTTP/1.1"#,
                Format::Combined,
            ),
            (
                r#"1.2.3.4 - - [10/Mar/2024:13:55:36 +0100"#,
                Format::Combined,
            ),
        ];
        for (line, format) in cases {
            assert_eq!(
                split(line.as_bytes(), *format),
                None,
                "{line} as {format:?}"
            );
        }
    }

    #[test]
    fn escaped_quotes_stay_inside_their_field() {
        let line = r#"1.2.3.4 - - [10/Mar/2024:13:55:36 +0100] "GET /a\"b HTTP/1.1" 400 0 "-" "say \"hi\"""#;
        let f = split(line.as_bytes(), Format::Combined).unwrap();
        assert_eq!(f.request, br#"GET /a\"b HTTP/1.1"#);
        assert_eq!(f.agent, br#"say \"hi\""#);
    }

    #[test]
    fn the_format_is_detected_from_the_first_lines() {
        let detect_one = |l: &str| detect(std::iter::once(l.as_bytes()));
        assert_eq!(detect_one(COMBINED), Format::Combined);
        assert_eq!(detect_one(VCOMBINED), Format::VCombined);
        assert_eq!(detect_one(COMMON), Format::Common);
        assert_eq!(detect_one("nonsense"), Format::Combined);
    }
}
