//! A referent's morning in the browser: log in, open the inbox, find an
//! urgent message of their agency on top, take it ("Je m'en occupe"), fill
//! the reply from a saved reply, record it, see the confirmation, and see
//! the agency's response rate move in the API. Then the script-free path:
//! a saved reply's link fills the reply box from the server.

use serde_json::{Value, json};

use crate::driver::Browser;
use crate::server::{REFERENT, Server};
use crate::{login, no_console_error, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referent_takes_an_urgent_message_and_records_a_reply_in_the_browser() {
    let Some((s, mut b)) = setup("inbox").await else {
        return;
    };
    login(&mut b, &s, REFERENT).await;
    b.shot("logged-in").await;
    no_console_error(&b, "login").await;
    let before = response_rate(&b, &s).await;

    // The inbox: urgent first, and only the referent's agency.
    let nav = b.find("nav a[href='/inbox']").await;
    b.click_and_wait(&nav).await;
    b.shot("inbox").await;
    no_console_error(&b, "inbox").await;
    let first = b.find("table tbody tr:first-child").await;
    let row = b.text(&first).await;
    assert!(
        row.contains("Urgent") || row.contains("urgent"),
        "the first message is urgent: {row}"
    );
    assert!(
        row.contains(&s.agency.1),
        "the first message is of {}: {row}",
        s.agency.1
    );

    // One message: take it.
    let open = b.find("table tbody tr:first-child td:first-child a").await;
    b.click_and_wait(&open).await;
    let comment_url = b.url().await;
    b.shot("message").await;
    no_console_error(&b, "message").await;
    let mine = b.find("form[action$='/assign'] button.secondary").await;
    assert_eq!(b.text(&mine).await, "Je m'en occupe");
    b.click_and_wait(&mine).await;
    confirmation(&b, "Attribution enregistrée").await;
    let assigned = b.find("section[aria-labelledby='assign-h'] p strong").await;
    assert_eq!(b.text(&assigned).await, REFERENT);
    b.shot("assigned").await;

    // A saved reply fills the box (app.js), then the reply is recorded.
    let template = b.find("#saved option:nth-child(2)").await;
    let body = b
        .run(
            "return arguments[0].getAttribute('data-body');",
            json!([template.to_json()]),
        )
        .await;
    let body = body.as_str().expect("a saved reply's text").to_string();
    b.click(&b.find("#saved").await).await;
    b.click(&template).await;
    b.wait_for(
        "the saved reply in the reply box",
        "return document.getElementById('reply-text').value === arguments[0];",
        json!([body]),
    )
    .await;
    b.shot("reply-filled").await;
    let record = b.find("form[action$='/reply'] button[type=submit]").await;
    b.click_and_wait(&record).await;
    confirmation(&b, "Réponse enregistrée").await;
    let replies = b.find("section[aria-labelledby='rep-h']").await;
    assert!(
        b.text(&replies).await.contains(body.trim()),
        "the reply is listed under the message"
    );
    b.shot("reply-recorded").await;
    no_console_error(&b, "reply").await;

    let after = response_rate(&b, &s).await;
    assert!(
        after > before,
        "the response rate of {} rose: {before} → {after}",
        s.agency.1
    );

    // Without JavaScript's help: a saved reply's link reloads the page with
    // the text in the box.
    b.goto(&comment_url).await;
    let link = b.find("details a[href*='template=']").await;
    b.click(&b.find("details summary").await).await;
    b.click_and_wait(&link).await;
    assert!(b.url().await.contains("template="));
    let text = b.value(&b.find("#reply-text").await).await;
    assert!(
        !text.trim().is_empty(),
        "the saved reply's link fills the reply box"
    );
    b.shot("template-link").await;
    no_console_error(&b, "template link").await;

    // The console check can fail: an error logged is seen.
    b.run("console.error('relais-control');", json!([])).await;
    let seen = b.console_errors().await;
    assert!(
        seen.iter().any(|e| e.contains("relais-control")),
        "the console check sees an error: {seen:?}"
    );
    b.quit().await;
    s.stop().await;
}

/// The page's confirmation (a `role=status` notice) says `what`.
async fn confirmation(b: &Browser, what: &str) {
    let notice = b.find("p.notice.ok").await;
    let text = b.text(&notice).await;
    assert!(
        text.contains(what),
        "confirmation « {what} »: got « {text} »"
    );
}

/// The referent's agency's response rate, from the JSON API with the
/// browser's own session cookie.
async fn response_rate(b: &Browser, s: &Server) -> f64 {
    let cookie = b.cookie("relais_session").await.expect("a session cookie");
    let r = reqwest::Client::new()
        .get(s.url("/api/v1/kpis?kpi=response_rate&slice=agency"))
        .header("cookie", format!("relais_session={cookie}"))
        .send()
        .await
        .expect("the KPI API");
    let status = r.status();
    let text = r.text().await.unwrap_or_default();
    assert!(status.is_success(), "GET /api/v1/kpis: {status} {text}");
    let json: Value = serde_json::from_str(&text).expect("JSON");
    rate_of(&json, &s.agency.0, &s.agency.1)
        .unwrap_or_else(|| panic!("no response_rate for {} in {json:#}", s.agency.0))
}

/// The numeric `value` of the row that names the agency (by id or name),
/// wherever the API puts its rows.
fn rate_of(v: &Value, id: &str, name: &str) -> Option<f64> {
    match v {
        Value::Array(items) => items.iter().find_map(|i| rate_of(i, id, name)),
        Value::Object(o) => {
            let names_it = o.values().any(|x| names(x, id, name));
            match o.get("value") {
                Some(Value::Number(n)) if names_it => n.as_f64(),
                Some(Value::Null) if names_it => Some(0.0),
                _ => o.values().find_map(|x| rate_of(x, id, name)),
            }
        }
        _ => None,
    }
}

/// Whether a row's field names the agency (a string, or a slice object).
fn names(v: &Value, id: &str, name: &str) -> bool {
    match v {
        Value::String(s) => s == id || s == name,
        Value::Object(o) => o
            .values()
            .any(|x| matches!(x, Value::String(s) if s == id || s == name)),
        _ => false,
    }
}
