//! A referent's morning in the browser: log in, open the inbox, find an
//! urgent message of their agency on top (and only their agency's), take it ("Je m'en occupe"), fill
//! the reply from a saved reply, record it, see the confirmation, and see
//! the agency's response rate move on the dashboard. Then the script-free path:
//! a saved reply's link fills the reply box from the server.

use serde_json::json;

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

    // The inbox: urgent first, and only the referent's agency.
    let nav = b.find("nav a[href='/inbox']").await;
    b.click_and_wait(&nav).await;
    b.shot("inbox").await;
    no_console_error(&b, "inbox").await;
    b.find("table tbody tr:first-child strong.urgent").await;
    let places = b
        .run(
            "return [...document.querySelectorAll('table tbody tr td:nth-child(5)')]
                .map(td => td.textContent.trim());",
            json!([]),
        )
        .await;
    let places: Vec<&str> = places
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !places.is_empty() && places.iter().all(|p| *p == s.agency.1),
        "the referent sees only {}: {places:?}",
        s.agency.1
    );

    // The agency's response rate in the message's month, before.
    let received = b.find("table tbody tr:first-child td:nth-child(6)").await;
    let month = month_of(&b.text(&received).await);
    let inbox_url = b.url().await;
    let before = response_rate(&mut b, &s, &month).await;
    b.goto(&inbox_url).await;

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

    let after = response_rate(&mut b, &s, &month).await;
    eprintln!(
        "response rate of {} in {month}: {before} % → {after} %",
        s.agency.1
    );
    assert!(
        after > before,
        "the response rate of {} in {month} rose: {before} → {after}",
        s.agency.1
    );

    // Without JavaScript's help: a saved reply's link reloads the page with
    // the text in the box.
    b.goto(&comment_url).await;
    let link = b.find("details a[href*='template=']").await;
    b.click(&b.find("details summary").await).await;
    b.click_and_wait(&link).await;
    assert!(b.url().await.contains("template="));
    let chosen = b
        .run(
            "const id = new URLSearchParams(location.search).get('template');
             return document.querySelector(`#saved option[value=\"${id}\"]`).getAttribute('data-body');",
            json!([]),
        )
        .await;
    let text = b.value(&b.find("#reply-text").await).await;
    assert_eq!(
        text.trim(),
        chosen.as_str().unwrap_or_default().trim(),
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

/// `30/11/2024 09:32` → `2024-11`.
fn month_of(received: &str) -> String {
    let day = received.split_whitespace().next().unwrap_or_default();
    match day.split('/').collect::<Vec<_>>()[..] {
        [_, m, y] => format!("{y}-{m}"),
        _ => panic!("a French date, not « {received} »"),
    }
}

/// The response rate of the referent's agency in `month`, as the
/// dashboard's key figure shows it (`45,7 %`), in percent.
async fn response_rate(b: &mut Browser, s: &Server, month: &str) -> f64 {
    b.goto(&s.url(&format!("/?period={month}"))).await;
    let card = b
        .wait_for(
            "the response rate's card on the dashboard",
            "for (const c of document.querySelectorAll('.card')) {
               const label = c.querySelector('.label'), value = c.querySelector('.value');
               if (label && value && label.textContent.trim() === 'Taux de réponse') {
                 return [value.textContent, c.textContent];
               }
             }
             return null;",
            json!([]),
        )
        .await;
    b.shot("dashboard").await;
    let (value, text) = (card[0].as_str().unwrap_or_default(), &card[1]);
    assert!(
        text.as_str().unwrap_or_default().contains(&s.agency.1),
        "the card is the agency's ({}): {text}",
        s.agency.1
    );
    let number: String = value
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    number
        .parse()
        .unwrap_or_else(|_| panic!("a response rate, not « {value} »"))
}
