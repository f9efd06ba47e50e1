//! The data tables as the code sees them: name, columns in insert order, and
//! a total order for dumps. Writers and the dump share these lists, so a
//! column added by a migration is added here once.

/// One data table.
#[derive(Debug)]
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// An `ORDER BY` that gives every row one place.
    pub order: &'static str,
}

pub(crate) const SETTINGS: Table = Table {
    name: "settings",
    columns: &["key", "value"],
    order: "key",
};

pub(crate) const ORGANISATIONS: Table = Table {
    name: "organisations",
    columns: &["siren", "name", "family"],
    order: "siren",
};

pub(crate) const TERRITORIES: Table = Table {
    name: "territories",
    columns: &["id", "name", "kind", "parent_id"],
    order: "id",
};

pub(crate) const RESIDENCES: Table = Table {
    name: "residences",
    columns: &[
        "id",
        "name",
        "aliases",
        "street",
        "postcode",
        "city",
        "homes",
        "built_year",
        "agency_id",
    ],
    order: "id",
};

pub(crate) const ACCOUNTS: Table = Table {
    name: "accounts",
    columns: &[
        "id",
        "network",
        "kind",
        "handle",
        "network_id",
        "name",
        "territory_id",
    ],
    order: "id",
};

pub(crate) const FOLLOWER_COUNTS: Table = Table {
    name: "follower_counts",
    columns: &["account_id", "day", "count", "source"],
    order: "account_id, day",
};

pub(crate) const POSTS: Table = Table {
    name: "posts",
    columns: &[
        "id",
        "network",
        "network_id",
        "account_id",
        "published_at",
        "text",
        "permalink",
        "media",
        "residence_id",
        "territory_id",
    ],
    order: "id",
};

pub(crate) const METRIC_SNAPSHOTS: Table = Table {
    name: "metric_snapshots",
    columns: &[
        "post_id",
        "observed_at",
        "metric",
        "value",
        "source",
        "source_version",
    ],
    order: "post_id, metric, source, observed_at",
};

pub(crate) const AUTHORS: Table = Table {
    name: "authors",
    columns: &["pseudonym", "network", "display_name"],
    order: "pseudonym",
};

pub(crate) const COMMENTS: Table = Table {
    name: "comments",
    columns: &[
        "id",
        "network",
        "network_id",
        "post_id",
        "parent_id",
        "author",
        "account_id",
        "text",
        "created_at",
    ],
    order: "id",
};

pub(crate) const LABELS: Table = Table {
    name: "labels",
    columns: &[
        "subject_kind",
        "subject_id",
        "field",
        "value",
        "source",
        "confidence",
        "model_version",
        "labelled_by",
    ],
    order: "subject_kind, subject_id, field, source, value",
};

pub(crate) const USERS: Table = Table {
    name: "users",
    columns: &["email", "name", "role", "password_hash"],
    order: "email",
};

pub(crate) const USER_TERRITORIES: Table = Table {
    name: "user_territories",
    columns: &["email", "territory_id"],
    order: "email, territory_id",
};

pub(crate) const IMPORTS: Table = Table {
    name: "imports",
    columns: &[
        "digest",
        "file_name",
        "format",
        "account_id",
        "imported_at",
        "rows",
    ],
    order: "digest",
};

pub(crate) const ACCOUNT_METRICS: Table = Table {
    name: "account_metrics",
    columns: &["account_id", "day", "metric", "value", "source"],
    order: "account_id, day, metric, source",
};

pub(crate) const SURVEYS: Table = Table {
    name: "surveys",
    columns: &[
        "scope",
        "scope_id",
        "year",
        "question",
        "score",
        "respondents",
    ],
    order: "scope, scope_id, year, question",
};

pub(crate) const GROUP_DECLARATIONS: Table = Table {
    name: "group_declarations",
    columns: &["account_id", "url", "residences", "declared_at"],
    order: "account_id",
};

pub(crate) const AMBASSADOR_CONSENTS: Table = Table {
    name: "ambassador_consents",
    columns: &["pseudonym", "shown_as", "recorded_by", "recorded_at"],
    order: "pseudonym",
};

/// Every data table, parents before children (the dump's order).
pub(crate) const ALL: &[&Table] = &[
    &SETTINGS,
    &ORGANISATIONS,
    &TERRITORIES,
    &RESIDENCES,
    &ACCOUNTS,
    &FOLLOWER_COUNTS,
    &POSTS,
    &METRIC_SNAPSHOTS,
    &AUTHORS,
    &COMMENTS,
    &LABELS,
    &USERS,
    &USER_TERRITORIES,
    &IMPORTS,
    &ACCOUNT_METRICS,
    &SURVEYS,
    &GROUP_DECLARATIONS,
    &AMBASSADOR_CONSENTS,
    &LINK_DOMAINS,
    &LINKS,
    &LINK_DAILY,
    &crate::traffic::TRAFFIC_IMPORTS,
    &crate::traffic::TRAFFIC_DAILY,
    &SESSIONS,
    &API_TOKENS,
    &ACTION_LOG,
    &INBOX_ASSIGNMENTS,
    &INBOX_REPLIES,
    &INBOX_NOTES,
    &INBOX_HIDDEN,
    &SAVED_REPLIES,
    &crate::connect::CONNECTIONS,
    &crate::connect::SYNC_CURSORS,
];

pub(crate) const LINK_DOMAINS: Table = Table {
    name: "link_domains",
    columns: &["domain"],
    order: "domain",
};

pub(crate) const LINKS: Table = Table {
    name: "links",
    columns: &[
        "code",
        "target",
        "residence_id",
        "territory_id",
        "action",
        "action_slug",
        "channel",
        "created_at",
    ],
    order: "code",
};

pub(crate) const LINK_DAILY: Table = Table {
    name: "link_daily",
    columns: &["code", "day", "scans", "uniques", "bots"],
    order: "code, day",
};

pub(crate) const SESSIONS: Table = Table {
    name: "sessions",
    columns: &["id_hash", "email", "csrf", "created_at", "last_seen"],
    order: "id_hash",
};

pub(crate) const API_TOKENS: Table = Table {
    name: "api_tokens",
    columns: &[
        "id_hash",
        "prefix",
        "email",
        "name",
        "created_at",
        "last_used",
    ],
    order: "id_hash",
};

pub(crate) const ACTION_LOG: Table = Table {
    name: "action_log",
    columns: &["id", "at", "actor", "action", "subject", "detail"],
    order: "id",
};

pub(crate) const INBOX_ASSIGNMENTS: Table = Table {
    name: "inbox_assignments",
    columns: &["comment_id", "assignee", "assigned_by", "assigned_at"],
    order: "comment_id",
};

pub(crate) const INBOX_REPLIES: Table = Table {
    name: "inbox_replies",
    columns: &["reply_id", "comment_id", "by_email", "at"],
    order: "reply_id",
};

pub(crate) const INBOX_HIDDEN: Table = Table {
    name: "inbox_hidden",
    columns: &["comment_id", "by_email", "at"],
    order: "comment_id",
};

pub(crate) const INBOX_NOTES: Table = Table {
    name: "inbox_notes",
    columns: &["id", "comment_id", "author", "at", "text"],
    order: "id",
};

/// Templates, not data: seeded by the migration and kept when the demo
/// replaces everything else.
pub(crate) const SAVED_REPLIES: Table = Table {
    name: "saved_replies",
    columns: &["id", "title", "body"],
    order: "id",
};
