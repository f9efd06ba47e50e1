//! Finding the places where a text names a residence: each token is looked
//! up (exactly, then one typo away), each variant starting there is
//! followed word by word, and the context around the span decides whether
//! it counts and how sure it is. The result is a list of hits; choosing
//! between them is `resolve`'s job.

use super::index::{Index, Kind, Variant};
use super::tokens::{Gap, Tokens};
use super::words;

/// One place where the text names a residence.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub residence: u32,
    pub confidence: f64,
    /// Token span, inclusive.
    pub first: usize,
    pub last: usize,
}

/// Under this confidence a hit is weak: it gives way to a stronger hit on
/// another residence instead of making the text ambiguous.
pub(super) const WEAK: f64 = 0.7;

/// The vocabulary words a token may be: one exact, or up to two one typo away.
#[derive(Clone, Copy, Default)]
struct Lex {
    ids: [u32; 2],
    n: usize,
    typo: bool,
}

impl Lex {
    fn has(&self, id: u32) -> bool {
        self.ids[..self.n].contains(&id)
    }
}

pub(super) fn scan(ix: &Index, t: &Tokens) -> Vec<Hit> {
    let lex: Vec<Lex> = (0..t.len()).map(|i| lookup(ix, t, i)).collect();
    // Most texts that get here name a residence once or twice.
    let mut hits = Vec::with_capacity(4);
    for i in 0..t.len() {
        for &id in &lex[i].ids[..lex[i].n] {
            for &v in &ix.by_first[id as usize] {
                let variant = &ix.variants[v as usize];
                if let Some((last, typos)) = follow(t, &lex, variant, i) {
                    let hit = match &variant.kind {
                        Kind::Street {
                            street_type,
                            number,
                        } => street(t, variant, street_type, number.as_deref(), i, last, typos),
                        _ => name(ix, t, variant, i, last, typos),
                    };
                    hits.extend(hit);
                }
            }
        }
    }
    for (k, glued) in &t.glued_hashtags {
        if lex[*k].n > 0 && !lex[*k].typo {
            continue; // a known word: already followed above
        }
        for &r in ix.glued.get(glued).map_or(&[][..], Vec::as_slice) {
            hits.push(Hit {
                residence: r,
                confidence: 0.9,
                first: *k,
                last: *k,
            });
        }
    }
    hits
}

#[inline]
fn lookup(ix: &Index, t: &Tokens, i: usize) -> Lex {
    lex(ix, t.form(i), t.list[i].number)
}

/// The vocabulary words the folded form `w` may be (`number`: digits only).
#[inline]
fn lex(ix: &Index, w: &str, number: bool) -> Lex {
    if !ix.may_know(w) {
        // No id and no typo candidate. (A Lex without words is never asked
        // whether it is a typo, so `typo` need not say what a lookup would.)
        return Lex::default();
    }
    if let Some(id) = ix.word_id(w) {
        return Lex {
            ids: [id, 0],
            n: 1,
            typo: false,
        };
    }
    if number || words::is_function(w) {
        return Lex::default();
    }
    let (ids, n) = ix.typo_candidates(w);
    Lex { ids, n, typo: true }
}

/// Follows `v`'s words from token `i`; articles and prepositions between
/// them are skipped, punctuation is not. Returns the last token and the
/// number of words matched with a typo.
fn follow(t: &Tokens, lex: &[Lex], v: &Variant, i: usize) -> Option<(usize, usize)> {
    let mut pos = i;
    let mut typos = usize::from(lex[i].typo);
    for &w in &v.words[1..] {
        let mut next = pos + 1;
        while next < t.len()
            && t.list[next].gap == Gap::None
            && words::is_function(t.form(next))
            && next - pos <= 3
        {
            next += 1;
        }
        if next >= t.len() || t.list[next].gap != Gap::None || !lex[next].has(w) {
            return None;
        }
        typos += usize::from(lex[next].typo);
        pos = next;
    }
    // A name of several words needs one of them written exactly.
    (v.words.len() == 1 || typos < v.words.len()).then_some((pos, typos))
}

/// What surrounds a span.
struct Context {
    first: usize,
    designator: bool,
    preposition: bool,
    article: bool,
    hashtag: bool,
    capitalised: bool,
    heading: bool,
    complement: bool,
    glued: bool,
}

fn context(t: &Tokens, i: usize, last: usize) -> Context {
    let n = t.len();
    let none_before = |k: usize| t.list[k].gap == Gap::None;
    let article = i > 0 && none_before(i) && words::is_article(t.form(i - 1));
    let first = if article { i - 1 } else { i };
    let mut designator = false;
    let mut k = first;
    while k > 0 && none_before(k) && first - k < 3 {
        k -= 1;
        let w = t.form(k);
        if words::is_designator(w) {
            designator = true;
            break;
        }
        if !words::is_function(w) {
            break;
        }
    }
    let preposition =
        first > 0 && none_before(first) && words::is_place_preposition(t.form(first - 1));
    let after = (last + 1 < n).then_some(last + 1);
    let capitalised = !t.title_text
        && (i..=last).all(|k| t.list[k].titlecase || words::is_function(t.form(k)))
        && !t.sentence_start(i);
    Context {
        first,
        designator,
        preposition,
        article,
        hashtag: (i..=last).all(|k| t.list[k].hashtag),
        capitalised,
        heading: t.list[first].line_start && after.is_none_or(|a| t.list[a].gap != Gap::None),
        complement: after.is_some_and(|a| none_before(a) && words::is_complement(t.form(a))),
        glued: (t.list[first].hyphen_before && first > 0 && !t.list[first - 1].number)
            || after.is_some_and(|a| t.list[a].hyphen_before && !t.list[a].number),
    }
}

/// A name or alias found at tokens `i..=last`.
fn name(ix: &Index, t: &Tokens, v: &Variant, i: usize, last: usize, typos: usize) -> Option<Hit> {
    let cx = context(t, i, last);
    if cx.glued || ix.is_city(t, i, last) {
        return None;
    }
    let single = v.words.len() == 1;
    let sure = cx.designator || cx.hashtag;
    if single && v.kind == Kind::Name && !sure && inside_longer_name(ix, t, &cx, last) {
        return None;
    }
    let base = if v.kind == Kind::Acronym {
        // "en VO" is a film's original version, not the Village.
        if !t.list[i].upper || (i > 0 && t.form(i - 1) == "en") {
            return None;
        }
        0.8
    } else if v.designator_only {
        if !sure {
            return None;
        }
        0.85
    } else if v.common {
        if typos > 0 || (!sure && proper_noun_after(t, last)) {
            return None;
        }
        if sure {
            0.85
        } else if cx.capitalised {
            0.8
        } else if cx.heading {
            0.7
        } else if cx.preposition && !cx.complement {
            0.6
        } else {
            return None;
        }
    } else if single {
        if typos > 0 && !typo_allowed(t, ix.word(v.words[0]), i, &cx) {
            return None;
        }
        if sure || cx.article || cx.preposition || cx.capitalised {
            0.9
        } else {
            0.85
        }
    } else {
        0.95
    };
    Some(Hit {
        residence: v.residence,
        confidence: base * 0.8f64.powi(typos as i32),
        first: cx.first,
        last,
    })
}

/// True when a capitalised word that is not a designator, a street type
/// or an article follows token `last` directly ("Les Roches Noires").
fn proper_noun_after(t: &Tokens, last: usize) -> bool {
    let a = last + 1;
    a < t.len() && t.list[a].gap == Gap::None && proper(t, a)
}

/// A capitalised word of two letters or more, not at a sentence start,
/// that is not an article, a designator or a street type.
fn proper(t: &Tokens, k: usize) -> bool {
    let tok = &t.list[k];
    tok.titlecase
        && !tok.hashtag
        && t.form(k).len() >= 2
        && !t.sentence_start(k)
        && !plain(t.form(k))
}

fn plain(w: &str) -> bool {
    words::is_function(w) || words::is_designator(w) || words::is_street_type(w)
}

/// True when a one-word name is part of a longer proper name: a
/// capitalised word before it that does not open the sentence ("parc Paul
/// Mistral", "avenue Frédéric Mistral"), or "de" and a capitalised word
/// after it that is not one of the landlord's towns ("l'Isle d'Abeau", but
/// "les Genêts d'Échirolles" is Les Genêts).
fn inside_longer_name(ix: &Index, t: &Tokens, cx: &Context, last: usize) -> bool {
    let f = cx.first;
    if f > 0 && t.list[f].gap == Gap::None && proper(t, f - 1) {
        return true;
    }
    let b = last + 2;
    b < t.len()
        && cx.complement
        && t.list[b].gap == Gap::None
        && proper(t, b)
        && !ix.is_city_start(t.form(b))
}

/// Whether a one-word name may be matched with a typo at token `i`.
/// Everyday words are never corrected. A capital where no sentence starts,
/// "résidence" or a hashtag are enough. Otherwise: the singular of a plural
/// name ("atelier" for "Les Ateliers") is an everyday word more often than
/// a typo, so it must open the text followed by punctuation ("peuplier :
/// …"); other typos must open a line or follow "à", "au", "aux", must keep
/// the first letter ("lapins" is not "Alpins") and must not take a
/// complement ("les cadres de l'agence" are not Les Cèdres).
fn typo_allowed(t: &Tokens, name_word: &str, i: usize, cx: &Context) -> bool {
    let w = t.form(i);
    if words::is_common(w) {
        return false;
    }
    if cx.designator || cx.hashtag || cx.capitalised {
        return true;
    }
    let (short, long) = if w.len() < name_word.len() {
        (w, name_word)
    } else {
        (name_word, w)
    };
    let inflection = long.len() == short.len() + 1
        && long.starts_with(short)
        && (long.ends_with('s') || long.ends_with('x'))
        && !short.ends_with('s');
    if inflection {
        return cx.heading;
    }
    (t.list[cx.first].line_start || cx.preposition)
        && w.as_bytes()[0] == name_word.as_bytes()[0]
        && !cx.complement
}

/// A street found at tokens `i..=last`: it needs its type before it ("rue",
/// "bd"), and a number, when one is written, must be the residence's.
fn street(
    t: &Tokens,
    v: &Variant,
    street_type: &str,
    number: Option<&str>,
    i: usize,
    last: usize,
    typos: usize,
) -> Option<Hit> {
    let mut k = i;
    loop {
        if k == 0 || t.list[k].gap != Gap::None {
            return None;
        }
        k -= 1;
        let w = t.form(k);
        if w == street_type {
            break;
        }
        if !words::is_function(w) || i - k > 3 {
            return None;
        }
    }
    let mut first = k;
    let mut written = None;
    let mut b = k;
    while b > 0 && t.list[b].gap <= Gap::Comma && matches!(t.form(b - 1), "bis" | "ter") {
        b -= 1;
    }
    if b > 0 && t.list[b].gap <= Gap::Comma && t.list[b - 1].number {
        written = Some(b - 1);
        first = b - 1;
    } else {
        for a in last + 1..(last + 5).min(t.len()) {
            if t.list[a].gap == Gap::Strong {
                break;
            }
            let marked = a > 0 && words::is_number_marker(t.form(a - 1)) && a - 1 > last;
            if t.list[a].number && (a == last + 1 || marked) {
                written = Some(a);
                break;
            }
        }
    }
    let confidence = match written {
        Some(w) => {
            let wrote = t.form(w).trim_start_matches('0');
            if number != Some(wrote) {
                return None;
            }
            0.97
        }
        None => 0.65,
    };
    Some(Hit {
        residence: v.residence,
        confidence: confidence * 0.8f64.powi(typos as i32),
        first,
        last,
    })
}
