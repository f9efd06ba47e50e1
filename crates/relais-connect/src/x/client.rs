//! The X API v2 over HTTP: one GET at a time, the token in the
//! `Authorization: Bearer` header (never in a URL, never logged), X's error
//! bodies read into [`XError`], rate limits waited out.
//!
//! Every answer carries `x-rate-limit-remaining` and `x-rate-limit-reset`
//! (unix seconds): when nothing remains, the next call waits for the reset.
//! A 429 (`{"errors":[{"code":88,…}]}`) waits for the reset too, then
//! retries, at most [`Pacing::max_retries`] times. Waits are bounded by
//! [`Pacing::reset_wait_max`], so tests do not sleep.

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::graph::Pacing;
use crate::secret::Token;

/// An error answered by X, or a failure to reach it.
#[derive(Debug, Clone, PartialEq)]
pub enum XError {
    /// An HTTP error status, with X's own words (`title: detail`, or the
    /// `errors[].message`).
    Status {
        status: u16,
        message: String,
    },
    /// Still limited after every retry.
    Limited,
    Http(String),
}

/// An X API client for one connection.
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Token,
    pacing: Pacing,
    /// The reset (unix seconds) to wait for before the next call, when the
    /// last answer said nothing remained.
    blocked_until: Mutex<Option<u64>>,
}

/// What one call gave.
enum Once {
    Done(Result<Value, XError>),
    /// A 429, and the reset it named.
    Limited(Option<u64>),
}

impl Client {
    /// Needs a rustls crypto provider installed (the binary and the tests
    /// install ring's).
    pub fn new(api_base: &str, token: Token, pacing: Pacing) -> Result<Self, XError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("relais/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| XError::Http(e.to_string()))?;
        Ok(Self {
            http,
            base: api_base.trim_end_matches('/').to_string(),
            token,
            pacing,
            blocked_until: Mutex::new(None),
        })
    }

    /// `GET {base}/{path}?{query}`.
    pub async fn get(&self, path: &str, query: &[(&str, &str)]) -> Result<Value, XError> {
        let mut url = url::Url::parse(&format!("{}/{}", self.base, path))
            .map_err(|e| XError::Http(e.to_string()))?;
        url.query_pairs_mut().extend_pairs(query);
        let mut backoff = self.pacing.retry_wait;
        for attempt in 0..=self.pacing.max_retries {
            self.wait_for_window().await;
            match self.once(url.as_str()).await {
                Once::Done(result) => return result,
                Once::Limited(_) if attempt == self.pacing.max_retries => break,
                Once::Limited(reset) => {
                    let wait = reset.map_or(backoff, |r| self.until(r));
                    tracing::warn!(wait_ms = wait.as_millis() as u64, "X rate limit, waiting");
                    tokio::time::sleep(wait).await;
                    backoff *= 2;
                }
            }
        }
        Err(XError::Limited)
    }

    /// Waits for the reset the last answer named when nothing remained.
    async fn wait_for_window(&self) {
        let reset = self
            .blocked_until
            .lock()
            .map(|mut b| b.take())
            .ok()
            .flatten();
        if let Some(reset) = reset {
            let wait = self.until(reset);
            tracing::info!(wait_ms = wait.as_millis() as u64, "X window spent, waiting");
            tokio::time::sleep(wait).await;
        }
    }

    /// The time until `reset` (unix seconds), at most `reset_wait_max`.
    fn until(&self, reset: u64) -> Duration {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Duration::from_secs(reset.saturating_sub(now)).min(self.pacing.reset_wait_max)
    }

    async fn once(&self, url: &str) -> Once {
        let sent = self
            .http
            .get(url)
            .bearer_auth(self.token.expose())
            .send()
            .await;
        let resp = match sent {
            Ok(r) => r,
            Err(e) => return Once::Done(Err(XError::Http(e.without_url().to_string()))),
        };
        let status = resp.status().as_u16();
        let (remaining, reset) = window(resp.headers());
        // A 429 waits for its reset at once; any other answer makes the
        // next call wait when nothing remains.
        if status != 429
            && remaining == Some(0)
            && let Ok(mut b) = self.blocked_until.lock()
        {
            *b = reset;
        }
        let body = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => return Once::Done(Err(XError::Http(e.without_url().to_string()))),
        };
        if status == 429 {
            return Once::Limited(reset);
        }
        if !(200..300).contains(&status) {
            let message = error_message(&body);
            return Once::Done(Err(XError::Status { status, message }));
        }
        Once::Done(serde_json::from_slice(&body).map_err(|e| XError::Http(format!("JSON: {e}"))))
    }
}

/// `x-rate-limit-remaining` and `x-rate-limit-reset`, when given.
fn window(headers: &HeaderMap) -> (Option<u64>, Option<u64>) {
    let read = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
    (read("x-rate-limit-remaining"), read("x-rate-limit-reset"))
}

/// X's words in an error body: `{"title","detail",…}` (problem details) or
/// `{"errors":[{"message"|"detail",…}]}`; the raw start of anything else.
pub fn error_message(body: &[u8]) -> String {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        let raw = String::from_utf8_lossy(body);
        return raw.chars().take(200).collect();
    };
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    if let Some(errors) = v.get("errors").and_then(Value::as_array) {
        let all: Vec<String> = errors
            .iter()
            .filter_map(|e| {
                let words = text(e, "message").or_else(|| text(e, "detail"))?;
                Some(match e.get("code").and_then(Value::as_i64) {
                    Some(code) => format!("{words} (code {code})"),
                    None => words,
                })
            })
            .collect();
        if !all.is_empty() {
            return all.join("; ");
        }
    }
    match (text(&v, "title"), text(&v, "detail")) {
        (Some(t), Some(d)) => format!("{t}: {d}"),
        (Some(w), None) | (None, Some(w)) => w,
        (None, None) => v.to_string().chars().take(200).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_error_shapes_are_read_into_words() {
        assert_eq!(
            error_message(br#"{"errors":[{"code":88,"message":"Rate limit exceeded"}]}"#),
            "Rate limit exceeded (code 88)"
        );
        assert_eq!(
            error_message(
                br#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#
            ),
            "Unauthorized: Unauthorized"
        );
        assert_eq!(error_message(b"upstream down"), "upstream down");
    }

    #[test]
    fn the_window_headers_are_read_when_present() {
        let mut h = HeaderMap::new();
        h.insert("x-rate-limit-remaining", "0".parse().unwrap());
        h.insert("x-rate-limit-reset", "1773101700".parse().unwrap());
        assert_eq!(window(&h), (Some(0), Some(1_773_101_700)));
        assert_eq!(window(&HeaderMap::new()), (None, None));
    }
}
