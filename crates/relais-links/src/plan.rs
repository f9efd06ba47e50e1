//! Turning "links for these residences, this action, this target" into the
//! rows to store: the target checked against the allowed domains, tagged
//! with UTM parameters, and a fresh code for each link.

use relais_store::{LinkScope, StoredLink};

use crate::domain::{AllowedDomain, check_target};
use crate::utm::{Channel, slug, with_utm};
use crate::{Code, LinkError};

/// What every link of one command shares.
#[derive(Debug, Clone)]
pub struct LinkRequest<'a> {
    pub target: &'a str,
    pub action: &'a str,
    pub channel: Channel,
}

/// One link per scope, or the reason none can be made.
pub fn plan_links(
    request: &LinkRequest<'_>,
    scopes: &[LinkScope],
    allowed: &[AllowedDomain],
    created_at: i64,
) -> Result<Vec<StoredLink>, LinkError> {
    let base = check_target(request.target, allowed)?;
    let action = request.action.trim();
    let campaign = slug(action);
    if campaign.is_empty() {
        return Err(LinkError::EmptyAction);
    }
    scopes
        .iter()
        .map(|scope| {
            let content = match scope {
                LinkScope::Residence(r) => r.as_str(),
                LinkScope::Territory(t) => t.as_str(),
            };
            Ok(StoredLink {
                code: Code::random()?.to_string(),
                target: with_utm(&base, request.channel, &campaign, content).to_string(),
                scope: scope.clone(),
                action: action.to_string(),
                action_slug: campaign.clone(),
                channel: request.channel.code().to_string(),
                created_at,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use relais_core::ResidenceId;

    use super::*;

    #[test]
    fn each_scope_gets_its_code_and_utm_content() {
        let allowed = [AllowedDomain::parse("bailleur.fr").unwrap()];
        let scopes: Vec<_> = ["R1", "R2"]
            .iter()
            .map(|r| LinkScope::Residence(ResidenceId::parse(r).unwrap()))
            .collect();
        let req = LinkRequest {
            target: "https://www.bailleur.fr/actus",
            action: " Fête des voisins 2027 ",
            channel: Channel::Evenement,
        };
        let links = plan_links(&req, &scopes, &allowed, 42).unwrap();
        assert_eq!(links.len(), 2);
        assert_ne!(links[0].code, links[1].code);
        assert!(links[1].target.ends_with(
            "utm_source=relais&utm_medium=evenement&utm_campaign=fete-des-voisins-2027&utm_content=R2"
        ));
        assert_eq!(links[0].action, "Fête des voisins 2027");
        assert_eq!(links[0].channel, "evenement");
    }

    #[test]
    fn a_target_outside_the_allowed_domains_makes_no_link() {
        let req = LinkRequest {
            target: "https://evil.example/",
            action: "Fête",
            channel: Channel::Affiche,
        };
        let scopes = [LinkScope::Residence(ResidenceId::parse("R1").unwrap())];
        let allowed = [AllowedDomain::parse("bailleur.fr").unwrap()];
        assert!(matches!(
            plan_links(&req, &scopes, &allowed, 0),
            Err(LinkError::DomainNotAllowed(_))
        ));
        let req = LinkRequest {
            target: "https://bailleur.fr/",
            action: " !! ",
            channel: Channel::Affiche,
        };
        assert!(matches!(
            plan_links(&req, &scopes, &allowed, 0),
            Err(LinkError::EmptyAction)
        ));
    }
}
