//! `relais demo`: writes the fictional demo landlord into the database and
//! says what to try next.

use std::time::Instant;

use relais_core::Lang;
use relais_core::demo::{DemoConfig, generate};
use relais_store::{Store, WriteSummary};
use serde::Serialize;

use super::{open, store_err};
use crate::cli::DemoArgs;
use crate::output::{json, number, rows};

#[derive(Serialize)]
struct DemoReport<'a> {
    seed: u64,
    from: String,
    until: String,
    organisation: &'a str,
    created: &'a WriteSummary,
    audit: String,
}

pub async fn run(db: &str, lang: Lang, args: DemoArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let cfg = DemoConfig::new(args.seed, args.until);
    let data = generate(&cfg);
    let data = if args.scale > 1 {
        relais_core::demo::scale(&data, usize::from(args.scale), &cfg.secret())
    } else {
        data
    };
    let store = open(db, lang).await?;
    let created = store
        .replace_with_demo(cfg.seed, &cfg.secret(), &data)
        .await
        .map_err(store_err(lang))?;
    let surveys = relais_core::demo::surveys(&cfg, &data.territories);
    store
        .import_surveys(&surveys)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    let audit_path = match &args.audit {
        Some(p) => p.clone(),
        None => relais_store::DbUrl::parse(db)
            .ok()
            .and_then(|u| u.sqlite_file())
            .and_then(|f| f.parent().map(|d| d.join("audit-demo.html")))
            .unwrap_or_else(|| "audit-demo.html".into()),
    };
    let audit = super::audit::write(db, lang, None, &audit_path).await?;
    let organisation = data.organisation.as_ref().map_or("", |o| o.name.as_str());
    if args.json {
        return json(&DemoReport {
            seed: cfg.seed,
            from: cfg.start().to_string(),
            until: cfg.until.to_string(),
            organisation,
            created: &created,
            audit: audit.display().to_string(),
        });
    }
    let n = |v: u64| number(i64::try_from(v).unwrap_or(i64::MAX), lang);
    let secs = started.elapsed().as_secs_f64();
    match lang {
        Lang::Fr => println!(
            "Bailleur de démonstration « {organisation} » créé (graine {}, du {} au {}) en {:.1} s :",
            cfg.seed,
            cfg.start().format("%d/%m/%Y"),
            cfg.until.format("%d/%m/%Y"),
            secs
        ),
        Lang::En => println!(
            "Demo landlord \"{organisation}\" created (seed {}, {} to {}) in {:.1} s:",
            cfg.seed,
            cfg.start(),
            cfg.until,
            secs
        ),
    }
    rows(&[
        (
            lang.pick(
                "Territoires (directions et agences)",
                "Territories (directions and agencies)",
            ),
            n(created.territories),
        ),
        (lang.pick("Résidences", "Residences"), n(created.residences)),
        (
            lang.pick(
                "Comptes (pages, collaborateurs, groupe)",
                "Accounts (pages, collaborators, group)",
            ),
            n(created.accounts),
        ),
        (
            lang.pick("Relevés quotidiens d'abonnés", "Daily follower counts"),
            n(created.follower_counts),
        ),
        (lang.pick("Publications", "Posts"), n(created.posts)),
        (
            lang.pick("Mesures de publications", "Post metric snapshots"),
            n(created.metric_snapshots),
        ),
        (
            lang.pick("Commentaires et réponses", "Comments and replies"),
            n(created.comments),
        ),
        (
            lang.pick("Auteurs pseudonymisés", "Pseudonymised authors"),
            n(created.authors),
        ),
        (lang.pick("Étiquettes", "Labels"), n(created.labels)),
        (lang.pick("Utilisateurs", "Users"), n(created.users)),
    ]);
    if args.serve {
        return serve_demo(db, lang, args.listen).await;
    }
    let db_arg = if db == "sqlite://relais.db" {
        String::new()
    } else {
        format!(" --db {}", relais_store::redact(db))
    };
    println!();
    println!(
        "{} {}",
        lang.pick(
            "Audit de présence de la démo :",
            "The demo's presence audit:"
        ),
        audit.display()
    );
    println!();
    println!("{}", lang.pick("Et maintenant :", "What next:"));
    println!(
        "  relais status{db_arg}            {}",
        lang.pick("ce que contient la base", "what the database holds")
    );
    println!(
        "  relais territory list{db_arg}    {}",
        lang.pick("directions et agences", "directions and agencies")
    );
    println!(
        "  relais residence list{db_arg}    {}",
        lang.pick("les 60 résidences", "the 60 residences")
    );
    println!(
        "  relais kpi --slice network{db_arg} {}",
        lang.pick("les indicateurs par réseau", "the KPIs by network")
    );
    Ok(())
}

/// Gives every demo user one fresh password, prints them, and serves.
async fn serve_demo(db: &str, lang: Lang, listen: std::net::SocketAddr) -> anyhow::Result<()> {
    use relais_store::WebStore;
    let mut raw = [0u8; 9];
    getrandom::fill(&mut raw).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = format!("demo-{}", hex::encode(raw));
    let hash = {
        let p = password.clone();
        tokio::task::spawn_blocking(move || relais_web::hash_password(&p)).await?
    };
    let store = open(db, lang).await?;
    let users = store.users().await.map_err(store_err(lang))?;
    for u in &users {
        let mut u = u.clone();
        u.password_hash = Some(hash.clone());
        store.put_user(&u).await.map_err(store_err(lang))?;
    }
    store.close().await;
    println!();
    println!(
        "{} http://{listen}/ — {} {password}",
        lang.pick("Ouvrez", "Open"),
        lang.pick("mot de passe de la démo :", "demo password:")
    );
    for u in &users {
        let places = if u.territories.is_empty() {
            String::new()
        } else {
            format!(" ({})", u.territories.join(", "))
        };
        println!("  {:<45} {}{places}", u.email, u.role.as_str());
    }
    let args = crate::cli::ServeArgs {
        links_only: false,
        listen,
        base: crate::cli::BaseUrl {
            base_url: format!("http://{listen}"),
        },
        retention_months: 25,
        trusted_proxies: Vec::new(),
        secure_cookies: false,
        idle_minutes: 30,
        session_hours: 12,
        meta_app_secret: None,
        meta_verify_token: None,
        // The demo has no connection to sync.
        sync_every_minutes: 0,
        x_read_budget: None,
    };
    super::serve::run(db, lang, args).await
}
