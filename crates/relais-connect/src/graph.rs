//! The Meta Graph API over HTTP: one GET or POST at a time, the token in the
//! `Authorization` header (never in a URL we build, never logged), Meta's
//! error body read into [`GraphError`], rate limits waited out.
//!
//! Limits: HTTP 429 and codes 4, 17, 32 and 613 wait and retry (doubling the
//! wait); `X-App-Usage` / `X-Business-Use-Case-Usage` above 90 % make the
//! next call wait. The waits come from [`Pacing`] so tests do not sleep.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::secret::Token;

/// The Graph API host and version relais uses unless told otherwise.
pub const DEFAULT_API_BASE: &str = "https://graph.facebook.com/v25.0";

/// How long to wait when a network limits us.
#[derive(Debug, Clone)]
pub struct Pacing {
    /// The first wait after a limit; doubled at each retry.
    pub retry_wait: Duration,
    pub max_retries: u32,
    /// The wait before the next call when usage is above 90 %.
    pub usage_wait: Duration,
    /// The longest wait for a rate-limit window to reset (X's
    /// `x-rate-limit-reset`; its windows last 15 minutes).
    pub reset_wait_max: Duration,
}

impl Default for Pacing {
    fn default() -> Self {
        Self {
            retry_wait: Duration::from_secs(30),
            max_retries: 5,
            usage_wait: Duration::from_secs(60),
            reset_wait_max: Duration::from_secs(16 * 60),
        }
    }
}

/// An error answered by the API, or a failure to reach it.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphError {
    Api {
        code: i64,
        subcode: Option<i64>,
        message: String,
    },
    Limited,
    Http(String),
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorFields,
}

#[derive(Deserialize)]
struct ErrorFields {
    #[serde(default)]
    message: String,
    #[serde(default)]
    code: i64,
    error_subcode: Option<i64>,
}

const LIMIT_CODES: [i64; 4] = [4, 17, 32, 613];

/// A Graph API client for one connection.
pub struct Graph {
    http: reqwest::Client,
    base: String,
    token: Token,
    pacing: Pacing,
}

impl Graph {
    /// Needs a rustls crypto provider installed (the binary and the tests
    /// install ring's).
    pub fn new(api_base: &str, token: Token, pacing: Pacing) -> Result<Self, GraphError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("relais/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| GraphError::Http(e.to_string()))?;
        Ok(Self {
            http,
            base: api_base.trim_end_matches('/').to_string(),
            token,
            pacing,
        })
    }

    /// The API version named by the base (`v25.0`), recorded with metrics.
    pub fn version(&self) -> String {
        self.base
            .rsplit('/')
            .next()
            .filter(|v| v.starts_with('v'))
            .unwrap_or("unversioned")
            .to_string()
    }

    /// `GET {base}/{path}?{query}`.
    pub async fn get(&self, path: &str, query: &[(&str, &str)]) -> Result<Value, GraphError> {
        let url = self.url(path, query)?;
        self.get_url(url.as_str()).await
    }

    /// GET of a whole URL, such as a `paging.next` Meta gave.
    pub async fn get_url(&self, url: &str) -> Result<Value, GraphError> {
        self.send(|| self.http.get(url)).await
    }

    /// Every page of the listing at `path`: each page's `data`, following
    /// `paging.next` to the end.
    pub async fn pages(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Vec<Value>, GraphError> {
        self.pages_until(path, query, |_| false).await
    }

    /// The pages of the listing at `path` up to the first whose `data`
    /// makes `enough` true (or the end).
    pub async fn pages_until(
        &self,
        path: &str,
        query: &[(&str, &str)],
        enough: impl Fn(&Value) -> bool,
    ) -> Result<Vec<Value>, GraphError> {
        let mut answer = self.get(path, query).await?;
        let mut pages = Vec::new();
        loop {
            let next = answer
                .pointer("/paging/next")
                .and_then(Value::as_str)
                .map(str::to_string);
            let done = match answer.get_mut("data").map(Value::take) {
                Some(data) => {
                    let done = enough(&data);
                    pages.push(data);
                    done
                }
                None => {
                    return Err(GraphError::Http(
                        "unexpected answer: a listing without `data`".into(),
                    ));
                }
            };
            let Some(next) = next.filter(|_| !done) else {
                return Ok(pages);
            };
            answer = self.get_url(&next).await?;
        }
    }

    /// `POST {base}/{path}?{query}` with `form` as the body: a message goes
    /// in the body, never in the URL. Limits are waited out as for a GET (a
    /// limited call did nothing, so asking again is safe).
    pub async fn post(
        &self,
        path: &str,
        query: &[(&str, &str)],
        form: &[(&str, &str)],
    ) -> Result<Value, GraphError> {
        let url = self.url(path, query)?;
        self.send(|| self.http.post(url.clone()).form(form)).await
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<url::Url, GraphError> {
        let mut url = url::Url::parse(&format!("{}/{}", self.base, path))
            .map_err(|e| GraphError::Http(e.to_string()))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    /// Sends the request `make` builds, again after each limit (doubling
    /// the wait) until the pacing's retries are spent.
    async fn send(&self, make: impl Fn() -> reqwest::RequestBuilder) -> Result<Value, GraphError> {
        let mut wait = self.pacing.retry_wait;
        for attempt in 0..=self.pacing.max_retries {
            match self.once(make()).await {
                Err(GraphError::Limited) if attempt < self.pacing.max_retries => {
                    tracing::warn!(wait_s = wait.as_secs(), "Graph API rate limit, waiting");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
                other => return other,
            }
        }
        Err(GraphError::Limited)
    }

    async fn once(&self, request: reqwest::RequestBuilder) -> Result<Value, GraphError> {
        let resp = request
            .bearer_auth(self.token.expose())
            .send()
            .await
            .map_err(|e| GraphError::Http(e.without_url().to_string()))?;
        let status = resp.status();
        let busy = ["x-app-usage", "x-business-use-case-usage"]
            .iter()
            .filter_map(|h| resp.headers().get(*h)?.to_str().ok())
            .any(|v| usage_percent(v) > 90.0);
        let body = resp
            .bytes()
            .await
            .map_err(|e| GraphError::Http(e.without_url().to_string()))?;
        if busy {
            tracing::warn!("Graph API usage above 90 %, slowing down");
            tokio::time::sleep(self.pacing.usage_wait).await;
        }
        if status.as_u16() == 429 {
            return Err(GraphError::Limited);
        }
        if let Ok(ErrorBody { error }) = serde_json::from_slice::<ErrorBody>(&body) {
            if LIMIT_CODES.contains(&error.code) {
                return Err(GraphError::Limited);
            }
            return Err(GraphError::Api {
                code: error.code,
                subcode: error.error_subcode,
                message: error.message,
            });
        }
        if !status.is_success() {
            return Err(GraphError::Http(format!("HTTP {status}")));
        }
        serde_json::from_slice(&body).map_err(|e| GraphError::Http(format!("JSON: {e}")))
    }
}

/// The highest percentage in a usage header: `X-App-Usage` is one object of
/// percentages, `X-Business-Use-Case-Usage` maps ids to lists of them.
pub fn usage_percent(header: &str) -> f64 {
    fn walk(v: &Value) -> f64 {
        match v {
            Value::Object(m) => m
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("call_count" | "total_time" | "total_cputime", Value::Number(n)) => {
                        n.as_f64().unwrap_or(0.0)
                    }
                    _ => walk(v),
                })
                .fold(0.0, f64::max),
            Value::Array(a) => a.iter().map(walk).fold(0.0, f64::max),
            _ => 0.0,
        }
    }
    serde_json::from_str(header)
        .map(|v| walk(&v))
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_the_highest_percentage_of_either_header() {
        assert_eq!(
            usage_percent(r#"{"call_count":28,"total_time":25,"total_cputime":95}"#),
            95.0
        );
        let buc = r#"{"1234":[{"type":"pages","call_count":91,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":0}]}"#;
        assert_eq!(usage_percent(buc), 91.0);
        assert_eq!(usage_percent("not json"), 0.0);
    }
}
