//! Labels of the taxonomy's codes in the interface's language: the
//! taxonomy's French labels, or the code in plain words in English.

use relais_core::{Audience, AuthorKind, Category, Lang, Network, Sentiment, Theme, Urgency};

macro_rules! labels {
    ($($name:ident: $ty:ty),+ $(,)?) => {
        $(
            pub fn $name(v: $ty, lang: Lang) -> String {
                match lang {
                    Lang::Fr => v.label_fr().to_string(),
                    Lang::En => v.code().replace('_', " "),
                }
            }
        )+
    };
}

labels!(
    category: Category,
    urgency: Urgency,
    sentiment: Sentiment,
    theme: Theme,
    audience: Audience,
    author_kind: AuthorKind,
    network: Network,
);

/// (code, label) pairs for a `<select>`, led by an "all" choice.
pub fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> String,
    lang: Lang,
    any: Option<&str>,
) -> Vec<(String, String)> {
    any.map(|a| (String::new(), a.to_string()))
        .into_iter()
        .chain(all.iter().map(|&v| (code(v).to_string(), label(v, lang))))
        .collect()
}
