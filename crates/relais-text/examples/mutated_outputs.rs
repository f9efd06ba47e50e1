//! Prints every label (with the exact bits of each confidence), the urgency
//! rule and the residence match for the corpus's texts and many mutated
//! copies of them (typos, accents dropped, case changed, punctuation moved,
//! residence names, "bât C", "au 12 rue …" and everyday words inserted).
//! A speed-up must print the same lines: run this before and after and
//! compare, `cargo run --release -p relais-text --example mutated_outputs
//! /tmp/classifier.bin > after.txt`.
#[path = "shared/kept.rs"]
mod kept;

use relais_text::corpus::Corpus;
use relais_text::residence::ResidenceMatcher;

/// SplitMix64: the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const INSERTS: &[&str] = &[
    "bât C",
    "bat. B",
    "Bât 3",
    "au 12 rue",
    "au 4 rue Jules Ferry",
    "rés. Jaurès",
    "résidence",
    "cité des",
    "#VillageOlympique",
    "#genets",
    "à la",
    "aux",
    "Les Roches",
    "le parc",
    "la source",
    "en VO",
    "VO",
    "chemin des Granges au 6",
    "14 avenue Jean Jaurès",
    "Rés.",
    "quartier",
    ",",
    ".",
    "!",
    "?",
    "\n",
    ";",
    " - ",
    "'",
    "pas de",
    "plus d'",
    "ne marche plus",
    "très",
    "mais",
    "depuis",
    "odeur de gaz",
    "fuite d'eau",
    "ascenseur en panne",
    "il fait 12°",
    "-5",
    "😡",
    "👍",
    ":)",
    "🙏❤️",
    "pk",
    "tjrs",
    "c",
    "bcp",
    "ÉCHIROLLES",
    "Saint-Martin-d'Hères",
    "l'Isle d'Abeau",
    "Genêts",
    "genets",
    "Genets",
    "Arlequin",
    "Alpins",
    "lapins",
    "cadres",
    "Cèdres",
    "peuplier",
    "Malisol",
    "Baltis",
    "Belvedere",
    "Pinéa",
    "Vellein",
    "Paul Mistral",
    "du Stade",
    "Fougeres",
    "incendie",
    "en feu",
    "fumée noire",
    "coincé dans l'ascenseur",
    "sans chauffage",
    "il fait froid",
    "cambriolage",
    "la porte a été forcée",
    "je dors dehors",
    "n°",
    "bis",
    "ter",
    "Ⓐ",
    "ﬁn",
    "ß",
    "𝗟𝗲𝘀 𝗚𝗲𝗻𝗲̂𝘁𝘀",
    "ŒUVRE",
    "Ça",
    "12",
    "2e",
    "#TerrassesDeLIsère",
];

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' => 'E',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'ù' | 'û' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// One mutation of `text`.
fn mutate(rng: &mut Rng, text: &str, names: &[&str]) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let at = rng.below(words.len() + 1);
    let join = |mid: &str| {
        let mut w = words.clone();
        w.insert(at.min(w.len()), mid);
        w.join(" ")
    };
    match rng.below(10) {
        0 => join(rng.pick(INSERTS)),
        1 => join(rng.pick(names)),
        2 => strip_accents(text),
        3 => text.to_lowercase(),
        4 => text.to_uppercase(),
        5 => {
            // A typo: swap, drop or double a letter.
            let mut c: Vec<char> = text.chars().collect();
            if c.len() > 2 {
                let k = rng.below(c.len() - 1);
                match rng.below(3) {
                    0 => c.swap(k, k + 1),
                    1 => {
                        c.remove(k);
                    }
                    _ => c.insert(k, c[k]),
                }
            }
            c.into_iter().collect()
        }
        6 => {
            let name = rng.pick(names);
            let typo: String = {
                let mut c: Vec<char> = name.chars().collect();
                let k = rng.below(c.len());
                c[k] = 'e';
                c.into_iter().collect()
            };
            join(&typo)
        }
        7 => join(&format!("{} {}", rng.pick(INSERTS), rng.pick(names))),
        8 => text.replace(['.', ','], rng.pick(&[";", "\n", ",", " ", "!"])),
        _ => {
            let a = rng.pick(INSERTS);
            let b = rng.pick(INSERTS);
            join(&format!("{a} {b}"))
        }
    }
}

fn main() {
    let corpus = Corpus::shipped();
    let path = std::env::args()
        .nth(1)
        .expect("a file to keep the model in");
    let per_text: usize = std::env::args()
        .nth(2)
        .map_or(8, |n| n.parse().expect("a count"));
    let classifier = kept::classifier(&corpus, &path);
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let mut names: Vec<String> = Vec::new();
    for r in &residences {
        names.push(r.name.clone());
        names.extend(r.aliases.iter().cloned());
        names.push(r.street.clone());
        names.push(r.city.clone());
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut rng = Rng(7);
    let mut texts: Vec<String> = Vec::new();
    let originals = corpus
        .comments
        .iter()
        .map(|c| c.text.as_str())
        .chain(corpus.posts.iter().map(|p| p.text.as_str()));
    for t in originals {
        texts.push(t.to_string());
        for _ in 0..per_text {
            let once = mutate(&mut rng, t, &names);
            let twice = if rng.below(2) == 0 {
                mutate(&mut rng, &once, &names)
            } else {
                once
            };
            texts.push(twice);
        }
    }
    for t in &texts {
        let l = classifier.comment(t);
        let bits = |c: f32| format!("{:08x}", c.to_bits());
        let residence = match matcher.find(t) {
            Some(m) => format!(
                "{}={:016x}@{:?}",
                m.residence.as_str(),
                m.confidence.to_bits(),
                m.matched
            ),
            None => "-".to_string(),
        };
        println!(
            "{:?}={} {:?}={} {:?}={} {:?}={} {:?} {residence}",
            l.category.value,
            bits(l.category.confidence),
            l.urgency.value,
            bits(l.urgency.confidence),
            l.sentiment.value,
            bits(l.sentiment.confidence),
            l.author_kind.value,
            bits(l.author_kind.confidence),
            l.rule,
        );
    }
}
