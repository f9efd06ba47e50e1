//! French contractions around an inserted name: templates say "à {residence}"
//! or "de {residence}", and a residence called "Les Cèdres" must read "aux
//! Cèdres", "Le Parc" "du Parc", "Résidence Lucie Aubrac" "à la résidence
//! Lucie Aubrac".

/// Leading words of residence names that are common nouns, with their gender.
const NOUNS: &[(&str, bool)] = &[
    ("Résidence", true),
    ("Cité", true),
    ("Tour", true),
    ("Tours", true),
    ("Villa", true),
    ("Maison", true),
    ("Allée", true),
    ("Square", false),
    ("Domaine", false),
    ("Parc", false),
    ("Hameau", false),
    ("Clos", false),
    ("Quartier", false),
    ("Îlot", false),
];

/// The name as it reads after "à" and after "de".
fn forms(name: &str) -> Option<(String, String)> {
    if let Some(rest) = name.strip_prefix("Les ") {
        return Some((format!("aux {rest}"), format!("des {rest}")));
    }
    if let Some(rest) = name.strip_prefix("Le ") {
        return Some((format!("au {rest}"), format!("du {rest}")));
    }
    let first = name.split(' ').next()?;
    let &(_, feminine) = NOUNS.iter().find(|(n, _)| *n == first)?;
    let lower = format!("{}{}", first.to_lowercase(), &name[first.len()..]);
    Some(if feminine {
        (format!("à la {lower}"), format!("de la {lower}"))
    } else if first.ends_with('s') && first != "Clos" {
        (format!("aux {lower}"), format!("des {lower}"))
    } else {
        (format!("au {lower}"), format!("du {lower}"))
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Rewrites "à NAME", "de NAME" (and their capitalised forms) in `text`.
pub fn contract(text: &str, name: &str) -> String {
    let Some((to, of)) = forms(name) else {
        return text.to_string();
    };
    let mut out = text.to_string();
    for (prep, form) in [("à", &to), ("de", &of)] {
        out = out.replace(&format!("{prep} {name}"), form);
        out = out.replace(&format!("{} {name}", capitalise(prep)), &capitalise(form));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::contract;

    #[test]
    fn articles_contract_and_common_nouns_get_their_article() {
        assert_eq!(
            contract("À Les Mimosas, la fête", "Les Mimosas"),
            "Aux Mimosas, la fête"
        );
        assert_eq!(
            contract("les habitants de Le Parc", "Le Parc"),
            "les habitants du Parc"
        );
        assert_eq!(
            contract(
                "À Résidence Lucie Aubrac, une fresque",
                "Résidence Lucie Aubrac"
            ),
            "À la résidence Lucie Aubrac, une fresque"
        );
        assert_eq!(
            contract("travaux de Square Monet", "Square Monet"),
            "travaux du square Monet"
        );
        assert_eq!(contract("à La Source", "La Source"), "à La Source");
        assert_eq!(
            contract("Les Mimosas en fête", "Les Mimosas"),
            "Les Mimosas en fête"
        );
    }
}
