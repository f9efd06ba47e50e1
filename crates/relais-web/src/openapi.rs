//! The OpenAPI 3.1 document of `/api/v1` (served at
//! `/api/v1/openapi.json`): every endpoint of [`crate::api`], its
//! parameters, bodies, answers and the bearer scheme. The codes a filter
//! accepts come from the domain's own lists, so they cannot drift; the
//! shapes are written by hand beside [`crate::api`]'s and must change with
//! them.

use axum::Json;
use axum::response::{IntoResponse, Response};
use relais_core::{Audience, AuthorKind, Category, Network, Sentiment, Theme, Urgency};
use relais_kpi::CATALOGUE;
use serde_json::{Value, json};

use crate::app::{Ctx, Fail};

/// The document, for an authenticated caller (the `Ctx` extractor answers
/// 401 otherwise); it says the same to everyone.
pub async fn document(_caller: Ctx) -> Result<Response, Fail> {
    Ok(Json(spec()).into_response())
}

/// The codes of a closed set, as a JSON schema enum.
fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Value {
    let values: Vec<&str> = all.iter().map(|&v| code(v)).collect();
    json!({"type": "string", "enum": values})
}

fn nullable(schema: Value) -> Value {
    json!({"oneOf": [schema, {"type": "null"}]})
}

fn schema(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    let mut p = json!({"name": name, "in": "query", "required": false, "schema": schema});
    if !description.is_empty() {
        p["description"] = json!(description);
    }
    p
}

fn string() -> Value {
    json!({"type": "string"})
}

fn text(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

/// A JSON answer.
fn answer(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

/// The answers of an operation: `ok` under its status, then the failures
/// it can give (by status, from `components.responses`).
fn answers(ok: (&str, Value), failures: &[&str]) -> Value {
    let mut all = serde_json::Map::new();
    all.insert(ok.0.to_string(), ok.1);
    for &status in failures {
        all.insert(
            status.to_string(),
            json!({"$ref": format!("#/components/responses/{status}")}),
        );
    }
    Value::Object(all)
}

const READ: &[&str] = &["401", "404"];
const LIST: &[&str] = &["400", "401"];
const WRITE: &[&str] = &["400", "401", "403", "404"];
const PUBLISH: &[&str] = &["400", "401", "403", "404", "502"];

fn comment_id() -> Value {
    json!({"name": "id", "in": "path", "required": true,
           "description": "A comment id such as `facebook:123_456` (the colon may be URL-encoded).",
           "schema": {"type": "string"}})
}

fn csrf_header() -> Value {
    json!({"name": "X-CSRF-Token", "in": "header", "required": false,
           "description": "With a session cookie only: the session's CSRF token. Bearer calls need none.",
           "schema": {"type": "string"}})
}

fn pagination() -> [Value; 2] {
    [
        query(
            "page",
            "Page number, from 1 (clamped to the last page).",
            json!({"type": "integer", "minimum": 1, "default": 1}),
        ),
        query(
            "per_page",
            "Items per page (clamped to 1..200).",
            json!({"type": "integer", "minimum": 1, "maximum": 200, "default": 50}),
        ),
    ]
}

fn page_of(item: &str) -> Value {
    json!({"type": "object",
           "required": ["items", "page", "per_page", "pages", "total"],
           "properties": {
               "items": {"type": "array", "items": schema(item)},
               "page": {"type": "integer"},
               "per_page": {"type": "integer"},
               "pages": {"type": "integer", "description": "At least 1."},
               "total": {"type": "integer", "description": "Items matching the filters."}}})
}

/// A list's filters: its own, then the network, the place and the page.
fn list_params(territory: &str, own: Vec<Value>) -> Vec<Value> {
    let mut p = own;
    p.push(query("network", "", codes(Network::ALL, Network::code)));
    p.push(query(
        territory,
        "A territory id: an agency, or a direction (all its agencies).",
        string(),
    ));
    p.push(query("residence", "A residence id.", string()));
    p.extend(pagination());
    p
}

fn comment_params() -> Vec<Value> {
    list_params(
        "agency",
        vec![
            query("category", "", codes(Category::ALL, Category::code)),
            query("urgency", "", codes(Urgency::ALL, Urgency::code)),
            query("sentiment", "", codes(Sentiment::ALL, Sentiment::code)),
            query(
                "age",
                "Received within 24 hours, 7 or 30 days, or more than 30 days ago.",
                json!({"type": "string", "enum": ["24h", "7d", "30d", "older"]}),
            ),
            query(
                "status",
                "`open` (needs an answer, has none: urgent first, then oldest first), \
                 `answered` or `all` (newest first).",
                json!({"type": "string", "enum": ["open", "answered", "all"], "default": "open"}),
            ),
            query(
                "assigned",
                "`me`, `none` (unassigned) or a user's email.",
                string(),
            ),
        ],
    )
}

fn post_params() -> Vec<Value> {
    list_params(
        "territory",
        vec![
            query("theme", "", codes(Theme::ALL, Theme::code)),
            query("audience", "", codes(Audience::ALL, Audience::code)),
            query(
                "q",
                "Words the text must all contain (case-insensitive).",
                string(),
            ),
        ],
    )
}

fn kpi_params() -> Vec<Value> {
    let kpis: Vec<&str> = CATALOGUE.iter().map(|k| k.code).collect();
    vec![
        query(
            "kpi",
            &format!(
                "KPI codes, comma-separated; all by default. Known: {}.",
                kpis.join(", ")
            ),
            string(),
        ),
        query(
            "slice",
            "Dimensions, comma-separated: network, account, author_kind, theme, audience, \
                        territory, agency, residence, week, month, quarter, year. Empty or \
                        `organisation`: the whole landlord.",
            string(),
        ),
        query(
            "period",
            "2026, 2026-Q2, 2026-03, 2026-W12, 2026-01..2026-06 or 2026-01-15..2026-03-31; \
                         the twelve months ending with the latest data by default.",
            string(),
        ),
    ]
}

fn comment_schema() -> Value {
    let time = json!({"type": "string", "format": "date-time"});
    let id = |d: &str| nullable(text(d));
    json!({"type": "object", "properties": {
        "id": {"type": "string"},
        "network": codes(Network::ALL, Network::code),
        "created_at": time,
        "author": id("The author's pseudonym."),
        "display_name": id("The name shown on the network, when known."),
        "text": id("Null only if the comment was deleted meanwhile."),
        "post_id": {"type": "string"},
        "residence": id("The residence it names, else its post's."),
        "territory": id("Its agency (or direction)."),
        "labels": {"type": "object", "properties": {
            "category": nullable(codes(Category::ALL, Category::code)),
            "urgency": nullable(codes(Urgency::ALL, Urgency::code)),
            "sentiment": nullable(codes(Sentiment::ALL, Sentiment::code)),
            "author_kind": nullable(codes(AuthorKind::ALL, AuthorKind::code))}},
        "answered": {"type": "boolean"},
        "first_reply_at": nullable(time.clone()),
        "sla": {"type": "object", "properties": {
            "state": {"type": "string",
                      "enum": ["kept", "answered_late", "waiting", "soon", "late", "none"],
                      "description": "Against the service promise: answered within it or late; \
                                      waiting, less than a quarter left, or late; none when no \
                                      answer is expected."},
            "promise_hours": {"type": "number", "description": "Business hours: 4 urgent, 48 otherwise."},
            "waited_hours": {"type": "number", "description": "Business hours until the answer, or until now."}}},
        "assigned_to": id("The assignee's email.")}})
}

fn comment_full_schema() -> Value {
    let time = json!({"type": "string", "format": "date-time"});
    json!({"allOf": [schema("Comment"), {"type": "object", "properties": {
        "post": {"type": "object", "properties": {
            "id": {"type": "string"}, "text": {"type": "string"},
            "permalink": nullable(string())}},
        "replies": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "text": {"type": "string"}, "at": time,
            "by": nullable(text("Who recorded it in relais; null when imported."))}}},
        "notes": {"type": "array", "items": {"type": "object", "properties": {
            "author": {"type": "string"}, "at": time, "text": {"type": "string"}}}},
        "assignment": nullable(json!({"type": "object", "properties": {
            "assignee": {"type": "string"}, "assigned_by": {"type": "string"}, "assigned_at": time}}))}}]})
}

fn post_schema() -> Value {
    let number = nullable(json!({"type": "number"}));
    let metrics: serde_json::Map<String, Value> = [
        "reactions",
        "comments",
        "shares",
        "saves",
        "link_clicks",
        "reach",
        "impressions",
    ]
    .into_iter()
    .map(|m| (m.to_string(), number.clone()))
    .collect();
    json!({"type": "object", "properties": {
        "id": {"type": "string"},
        "network": codes(Network::ALL, Network::code),
        "account": {"type": "string", "description": "The account's name."},
        "published_at": {"type": "string", "format": "date-time"},
        "text": {"type": "string"},
        "permalink": nullable(string()),
        "residence": nullable(string()),
        "territory": nullable(text("Its agency (or direction).")),
        "labels": {"type": "object", "properties": {
            "theme": nullable(codes(Theme::ALL, Theme::code)),
            "secondary_themes": {"type": "array", "items": codes(Theme::ALL, Theme::code)},
            "audience": nullable(codes(Audience::ALL, Audience::code))}},
        "metrics": {"type": "object", "description": "Latest values; null is \"not reported\", never 0.",
                    "properties": metrics},
        "engagement": {"description": "Reactions + comments + shares + saves; null without reactions.",
                       "oneOf": [{"type": "number"}, {"type": "null"}]}}})
}

fn residence_schema() -> Value {
    let count = |d: &str| json!({"type": "integer", "description": d});
    json!({"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"},
        "agency": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "homes": {"type": "integer"},
        "comments": count("Tenants' comments naming it, or under a post about it."),
        "open_comments": count("Those expecting an answer and without one."),
        "scans": count("Field scans of its short links, as the field_scans KPI counts them.")}})
}

fn kpi_row_schema() -> Value {
    json!({"type": "object", "description": "One row of `relais kpi --json`.",
           "required": ["kpi", "slice", "period", "value", "n", "interval", "available", "reason"],
           "properties": {
        "kpi": {"type": "string"},
        "slice": {"type": "object", "additionalProperties": {"type": "string"},
                  "description": "Dimension → value; empty for the whole landlord."},
        "period": {"type": "string"},
        "value": {"oneOf": [{"type": "number"}, {"type": "null"}]},
        "n": {"type": "integer", "description": "Items behind the value."},
        "interval": {"oneOf": [{"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                               {"type": "null"}], "description": "95 % interval, for rates."},
        "available": {"type": "boolean"},
        "reason": nullable(text("Why the value is missing (never 0 instead).")),
        "unit": text("What the value counts when a KPI has several."),
        "significant": {"type": "boolean", "description": "A slice's rate differs from the rest at 95 %."},
        "p_value": {"type": "number"}}})
}

fn failure(description: &str) -> Value {
    answer(description, schema("Error"))
}

fn spec() -> Value {
    let comment_body = |schema: Value| json!({"required": true, "content": {"application/json": {"schema": schema}}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "relais API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The community inbox, posts, KPIs and residences of relais. Every call \
                needs `Authorization: Bearer <API token>` or a browser \
                session. What is outside the caller's territories answers 404, exactly as an \
                unknown id. Auditors may read; every POST answers 403 for them. A POST made \
                with a session cookie must carry `X-CSRF-Token`. Errors are \
                `{\"error\": {\"code\", \"message\"}}`, the message in the caller's language \
                (cookie `relais_lang`, else the server's)."
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": {
            "/comments": {"get": {
                "operationId": "listComments",
                "summary": "The inbox: tenants' comments through the inbox's filters.",
                "parameters": comment_params(),
                "responses": answers(("200", answer("A page of comments.", page_of("Comment"))), LIST)}},
            "/comments/{id}": {"get": {
                "operationId": "getComment",
                "summary": "One comment with its post, replies, notes and assignment.",
                "parameters": [comment_id()],
                "responses": answers(("200", answer("The comment.", schema("CommentFull"))), READ)}},
            "/comments/{id}/assign": {"post": {
                "operationId": "assignComment",
                "summary": "Assigns the comment to a user, or takes it back (`null`).",
                "description": "The assignee must see the comment: a referent whose territories \
                    cover it, or any other user but an auditor; otherwise 400 says why.",
                "parameters": [comment_id(), csrf_header()],
                "requestBody": comment_body(json!({"type": "object", "required": ["assignee"],
                    "additionalProperties": false,
                    "properties": {"assignee": nullable(json!({"type": "string", "format": "email"}))}})),
                "responses": answers(("200", answer("The comment as it now stands.", schema("CommentFull"))), WRITE)}},
            "/comments/{id}/reply": {"post": {
                "operationId": "replyToComment",
                "summary": "Records a reply, so the response KPIs count it; with `publish`, posts it on the network first.",
                "description": "With `publish: true` the reply is posted under the comment on Facebook, \
                    Instagram or LinkedIn, as the connected account, and recorded with the network's id \
                    (the next sync finds the same reply). Without a usable connection 400 says why; \
                    a refusal of the network answers 502 with its reason.",
                "parameters": [comment_id(), csrf_header()],
                "requestBody": comment_body(json!({"type": "object", "required": ["text"],
                    "additionalProperties": false,
                    "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 8000},
                                   "publish": {"type": "boolean", "default": false}}})),
                "responses": answers(("201", answer("The comment with its new reply.", schema("CommentFull"))), PUBLISH)}},
            "/posts": {"get": {
                "operationId": "listPosts",
                "summary": "The posts, newest first.",
                "parameters": post_params(),
                "responses": answers(("200", answer("A page of posts.", page_of("Post"))), LIST)}},
            "/kpis": {"get": {
                "operationId": "kpis",
                "summary": "KPI rows, exactly as `relais kpi --json` prints them.",
                "description": "For a referent, the query is cut by agency when `slice` names no \
                    place (agency, residence, territory), and only the rows whose every place is \
                    in their territories are answered: never an organisation-wide row, nor one \
                    a KPI cannot cut by place. With no data at all and no `period`, the answer \
                    is an empty array.",
                "parameters": kpi_params(),
                "responses": answers(("200", answer("The rows.",
                    json!({"type": "array", "items": schema("KpiRow")}))), LIST)}},
            "/residences": {"get": {
                "operationId": "listResidences",
                "summary": "The residences in the caller's territories, with their inbox and scan counts.",
                "responses": answers(("200", answer("Every residence in scope.",
                    json!({"type": "object", "required": ["items", "total"], "properties": {
                        "items": {"type": "array", "items": schema("Residence")},
                        "total": {"type": "integer"}}}))), &["401"])}},
            "/openapi.json": {"get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": answers(("200", answer("OpenAPI 3.1.", json!({"type": "object"}))), &["401"])}}
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "An API token (starts with `rls_`)."},
                "session": {"type": "apiKey", "in": "cookie", "name": "relais_session",
                            "description": "A browser session; POSTs then need `X-CSRF-Token`."}
            },
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"], "properties": {
                        "code": {"type": "string", "enum":
                            ["bad_request", "unauthenticated", "forbidden", "csrf", "not_found", "store"]},
                        "message": {"type": "string", "description":
                            "What is wrong and what to do; names the field for a 400."}}}}},
                "Comment": comment_schema(),
                "CommentFull": comment_full_schema(),
                "Post": post_schema(),
                "Residence": residence_schema(),
                "KpiRow": kpi_row_schema()
            },
            "responses": {
                "400": failure("A parameter or the body is wrong; the message names it."),
                "401": failure("No valid token or session."),
                "403": failure("The role may not change anything (auditor), or a session call lacks its CSRF token."),
                "404": failure("No such thing, or outside the caller's territories."),
                "502": failure("The network's API refused or failed; the message names the connection and what to do.")
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_with_every_endpoint() {
        let doc = spec();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for p in [
            "/comments",
            "/comments/{id}",
            "/comments/{id}/assign",
            "/comments/{id}/reply",
            "/posts",
            "/kpis",
            "/residences",
            "/openapi.json",
        ] {
            assert!(paths.contains(&p), "{p} missing");
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
    }

    /// Every `$ref` points at something the document defines.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::Object(m) => {
                    if let Some(Value::String(r)) = m.get("$ref") {
                        out.push(r);
                    }
                    m.values().for_each(|v| refs(v, out));
                }
                Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let doc = spec();
        let mut all = Vec::new();
        refs(&doc, &mut all);
        assert!(!all.is_empty());
        for r in all {
            let pointer = r.strip_prefix('#').unwrap();
            assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
        }
    }

    #[test]
    fn filters_list_the_domain_codes() {
        let doc = spec();
        let params = doc["paths"]["/comments"]["get"]["parameters"]
            .as_array()
            .unwrap();
        let category = params.iter().find(|p| p["name"] == "category").unwrap();
        let known = category["schema"]["enum"].as_array().unwrap();
        assert_eq!(known.len(), Category::ALL.len());
    }
}
