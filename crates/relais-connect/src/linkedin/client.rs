//! The LinkedIn Community Management API (the versioned `rest` API) over
//! HTTP: every call carries the token in `Authorization` (never in a URL,
//! never logged), `LinkedIn-Version` and `X-Restli-Protocol-Version`;
//! LinkedIn's error body is read into [`LiError`]; daily limits (HTTP 429)
//! are waited out with [`Pacing`], `Retry-After` included.
//!
//! It builds no query of its own: callers give paths and queries already
//! encoded with [`encode`] and [`list`] (Rest.li 2.0 wants URNs encoded
//! but `List(…)` and its commas left as they are, which no form encoder
//! does). Paging links are followed only on the API's own host, so the
//! token never leaves for another one.

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::graph::Pacing;
use crate::secret::Token;

/// The API version relais asks for (`LinkedIn-Version`), also recorded as
/// the version of every metric read. LinkedIn supports a version for about
/// a year: move it forward before it is sunset.
pub const LINKEDIN_VERSION: &str = "202601";

/// Rest.li's protocol, which the `List(…)` syntax needs.
const RESTLI_PROTOCOL: &str = "2.0.0";

/// An error answered by the API, or a failure to reach it.
#[derive(Debug, Clone, PartialEq)]
pub enum LiError {
    /// HTTP 401: the token expired or was revoked.
    Unauthorized,
    /// HTTP 403: a scope is missing (LinkedIn's message kept).
    Forbidden(String),
    /// Still HTTP 429 after every retry.
    Limited,
    /// Any other error LinkedIn explained in its body.
    Api {
        code: i64,
        message: String,
    },
    Http(String),
}

/// LinkedIn's error body: `{"status":403,"serviceErrorCode":100,
/// "code":"ACCESS_DENIED","message":"…"}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody {
    status: Option<i64>,
    service_error_code: Option<i64>,
    code: Option<String>,
    message: Option<String>,
}

/// One call's failure before the retries are decided.
enum Failure {
    Limited(Option<Duration>),
    Final(LiError),
}

/// A LinkedIn API client for one connection.
pub struct Client {
    http: reqwest::Client,
    base: Url,
    token: Token,
    pacing: Pacing,
}

impl Client {
    /// Needs a rustls crypto provider installed (the binary and the tests
    /// install ring's).
    pub fn new(api_base: &str, token: Token, pacing: Pacing) -> Result<Self, LiError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("relais/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LiError::Http(e.to_string()))?;
        let base = Url::parse(&format!("{}/", api_base.trim_end_matches('/')))
            .map_err(|e| LiError::Http(format!("API address: {e}")))?;
        Ok(Self {
            http,
            base,
            token,
            pacing,
        })
    }

    /// `GET {base}/{path_and_query}`, already encoded.
    pub async fn get(&self, path_and_query: &str) -> Result<Value, LiError> {
        let url = self.url(path_and_query)?;
        let (_, body) = self.call(Method::GET, url, None).await?;
        serde_json::from_slice(&body).map_err(|e| LiError::Http(format!("JSON: {e}")))
    }

    /// GET of a `paging.links` href (`/rest/posts?…`, or a whole URL on
    /// the API's host).
    pub async fn get_link(&self, href: &str) -> Result<Value, LiError> {
        let url = self
            .base
            .join(href)
            .map_err(|e| LiError::Http(format!("paging link: {e}")))?;
        if url.origin() != self.base.origin() {
            return Err(LiError::Http(format!(
                "paging link to another host ({})",
                url.host_str().unwrap_or("?")
            )));
        }
        let (_, body) = self.call(Method::GET, url, None).await?;
        serde_json::from_slice(&body).map_err(|e| LiError::Http(format!("JSON: {e}")))
    }

    /// `POST {base}/{path}` of a JSON body; gives the created entity's id
    /// (`x-restli-id`).
    pub async fn create(&self, path: &str, body: &Value) -> Result<String, LiError> {
        let url = self.url(path)?;
        let (headers, _) = self.call(Method::POST, url, Some(body)).await?;
        headers
            .get("x-restli-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .ok_or_else(|| LiError::Http("created, but no x-restli-id header".into()))
    }

    fn url(&self, path_and_query: &str) -> Result<Url, LiError> {
        // Joined as text: `Url::join` would re-read `List(…)` and the
        // escapes, and a path starting with `/` would drop the base's.
        Url::parse(&format!("{}{}", self.base, path_and_query))
            .map_err(|e| LiError::Http(format!("URL: {e}")))
    }

    /// One call, retried while LinkedIn answers 429.
    async fn call(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
    ) -> Result<(HeaderMap, Vec<u8>), LiError> {
        let mut wait = self.pacing.retry_wait;
        let longest = self.pacing.retry_wait * 2u32.saturating_pow(self.pacing.max_retries);
        for attempt in 0..=self.pacing.max_retries {
            match self.once(method.clone(), url.clone(), body).await {
                Ok(answer) => return Ok(answer),
                Err(Failure::Limited(after)) if attempt < self.pacing.max_retries => {
                    let pause = after.map_or(wait, |a| a.min(longest));
                    tracing::warn!(
                        wait_ms = pause.as_millis() as u64,
                        "LinkedIn limit, waiting"
                    );
                    tokio::time::sleep(pause).await;
                    wait *= 2;
                }
                Err(Failure::Limited(_)) => return Err(LiError::Limited),
                Err(Failure::Final(e)) => return Err(e),
            }
        }
        Err(LiError::Limited)
    }

    async fn once(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
    ) -> Result<(HeaderMap, Vec<u8>), Failure> {
        let mut request = self
            .http
            .request(method, url)
            .bearer_auth(self.token.expose())
            .header("LinkedIn-Version", LINKEDIN_VERSION)
            .header("X-Restli-Protocol-Version", RESTLI_PROTOCOL);
        if let Some(b) = body {
            request = request.json(b);
        }
        let http = |e: reqwest::Error| Failure::Final(LiError::Http(e.without_url().to_string()));
        let resp = request.send().await.map_err(http)?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await.map_err(http)?.to_vec();
        if status.is_success() {
            return Ok((headers, bytes));
        }
        Err(failure(status, &headers, &bytes))
    }
}

/// What an error answer means.
fn failure(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Failure {
    let read: Option<ErrorBody> = serde_json::from_slice(body).ok();
    let message = read
        .as_ref()
        .and_then(|b| b.message.clone().or_else(|| b.code.clone()))
        .unwrap_or_default();
    match status.as_u16() {
        401 => Failure::Final(LiError::Unauthorized),
        403 => Failure::Final(LiError::Forbidden(message)),
        429 => Failure::Limited(retry_after(headers)),
        _ => match read {
            Some(b) if !message.is_empty() => {
                let code = b.status.unwrap_or(i64::from(status.as_u16()));
                let message = match b.service_error_code {
                    Some(s) => format!("{message}; serviceErrorCode {s}"),
                    None => message,
                };
                Failure::Final(LiError::Api { code, message })
            }
            _ => Failure::Final(LiError::Http(format!("HTTP {status}"))),
        },
    }
}

/// `Retry-After` in seconds, when given.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let raw = headers.get("retry-after")?.to_str().ok()?;
    raw.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// A value made safe for a URL path or query: every byte but letters,
/// digits and `-._~` percent-encoded (`urn%3Ali%3Ashare%3A1`).
pub fn encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() * 3);
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The percent-decoded form of `raw` (an id LinkedIn gave encoded).
pub fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A Rest.li 2.0 list of URNs: `List(urn%3Ali%3Ashare%3A1,…)`.
pub fn list<'a>(urns: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = urns.into_iter().map(encode).collect();
    format!("List({})", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urns_are_encoded_and_lists_keep_their_syntax() {
        assert_eq!(
            encode("urn:li:comment:(urn:li:activity:1,2)"),
            "urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A1%2C2%29"
        );
        assert_eq!(
            list(["urn:li:share:1", "urn:li:share:2"]),
            "List(urn%3Ali%3Ashare%3A1,urn%3Ali%3Ashare%3A2)"
        );
        let urn = "urn:li:comment:(urn:li:activity:1,2)";
        assert_eq!(decode(&encode(urn)), urn);
        assert_eq!(decode("100%"), "100%");
    }

    #[test]
    fn linkedin_errors_are_read_from_their_body() {
        let h = HeaderMap::new();
        let body = br#"{"status":400,"serviceErrorCode":100,"code":"ILLEGAL_ARGUMENT","message":"Invalid param"}"#;
        let Failure::Final(e) = failure(StatusCode::BAD_REQUEST, &h, body) else {
            panic!("final")
        };
        assert_eq!(
            e,
            LiError::Api {
                code: 400,
                message: "Invalid param; serviceErrorCode 100".into()
            }
        );
        let forbidden = br#"{"status":403,"message":"Not enough permissions"}"#;
        assert!(matches!(
            failure(StatusCode::FORBIDDEN, &h, forbidden),
            Failure::Final(LiError::Forbidden(m)) if m == "Not enough permissions"
        ));
        assert!(matches!(
            failure(StatusCode::BAD_GATEWAY, &h, b"<html>"),
            Failure::Final(LiError::Http(m)) if m.contains("502")
        ));
        let mut h = HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        assert!(matches!(
            failure(StatusCode::TOO_MANY_REQUESTS, &h, b""),
            Failure::Limited(Some(d)) if d == Duration::from_secs(7)
        ));
    }
}
