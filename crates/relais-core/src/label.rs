//! Labels: what a classifier or a person says about a post or a comment,
//! with the codes of `taxonomy.md`.
//!
//! The value carries its field (a theme cannot be stored as an urgency), and
//! the source says who labelled it: a model (with its version and
//! confidence) or a human (whose label wins).

use serde::Serialize;

use crate::codes::codes;
use crate::comment::CommentKey;
use crate::error::DomainError;
use crate::ids::ResidenceId;
use crate::post::PostKey;

codes!(
    /// Post themes.
    Theme, "theme" {
        Heritage = "heritage", "Patrimoine & histoire";
        Neighbourhood = "neighbourhood", "Vie de quartier";
        Practical = "practical", "Info pratique";
        Institutional = "institutional", "Institutionnel";
        Building = "building", "Construction & rénovation";
        Employer = "employer", "Emploi & marque employeur";
        Participation = "participation", "Concertation & représentation";
        Solidarity = "solidarity", "Solidarité & accompagnement";
        Environment = "environment", "Environnement";
        HomeOwnership = "home_ownership", "Accession & vente";
        Other = "other", "Autre";
    }
);

codes!(
    /// Whom a post speaks to.
    Audience, "audience" {
        Tenants = "tenants", "Locataires";
        Partners = "partners", "Partenaires & institutions";
        Candidates = "candidates", "Candidats & talents";
        Applicants = "applicants", "Demandeurs de logement";
        Public = "public", "Grand public";
    }
);

codes!(
    /// What a comment or message asks about.
    Category, "category" {
        Lift = "lift", "Ascenseur";
        HeatingHotWater = "heating_hot_water", "Chauffage & eau chaude";
        WaterDamp = "water_damp", "Fuite, humidité";
        Pests = "pests", "Nuisibles";
        Cleanliness = "cleanliness", "Propreté & encombrants";
        Safety = "safety", "Tranquillité & sécurité";
        CommonAreas = "common_areas", "Parties communes & équipements";
        RentCharges = "rent_charges", "Loyer & charges";
        HousingRequest = "housing_request", "Demande de logement & mutation";
        Works = "works", "Travaux en cours";
        Praise = "praise", "Remerciement";
        Question = "question", "Question générale";
        OffTopic = "off_topic", "Hors sujet";
        Spam = "spam", "Indésirable";
    }
);

codes!(
    /// How soon a comment needs an answer.
    Urgency, "urgency" {
        Urgent = "urgent", "Urgent";
        Normal = "normal", "Normal";
        None = "none", "Sans réponse attendue";
    }
);

codes!(
    /// The tone of a comment.
    Sentiment, "sentiment" {
        Negative = "negative", "Négatif";
        Neutral = "neutral", "Neutre";
        Positive = "positive", "Positif";
    }
);

codes!(
    /// Who wrote a comment.
    AuthorKind, "author kind" {
        Tenant = "tenant", "Locataire";
        Employee = "employee", "Collaborateur";
        Partner = "partner", "Partenaire";
        Public = "public", "Grand public";
        Unknown = "unknown", "Inconnu";
        Landlord = "landlord", "Bailleur";
    }
);

/// What is labelled.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "key", rename_all = "snake_case")]
pub enum Subject {
    Post(PostKey),
    Comment(CommentKey),
}

impl Subject {
    /// `post` or `comment`.
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Post(_) => "post",
            Subject::Comment(_) => "comment",
        }
    }

    /// A subject from its kind (`post` or `comment`) and stored key
    /// (`network:network_id`); `None` when either is malformed.
    pub fn from_stored(kind: &str, stored: &str) -> Option<Subject> {
        let (network, id) = stored.split_once(':')?;
        let network = crate::Network::parse(network).ok()?;
        let network_id = crate::NetworkId::parse(id).ok()?;
        match kind {
            "post" => Some(Subject::Post(crate::PostKey {
                network,
                network_id,
            })),
            "comment" => Some(Subject::Comment(crate::CommentKey {
                network,
                network_id,
            })),
            _ => None,
        }
    }

    /// The subject's stored key (`network:network_id`).
    pub fn stored_key(&self) -> String {
        match self {
            Subject::Post(k) => k.stored(),
            Subject::Comment(k) => k.stored(),
        }
    }
}

/// A label's value, which also fixes its field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LabelValue {
    Theme(Theme),
    SecondaryTheme(Theme),
    Audience(Audience),
    Category(Category),
    Urgency(Urgency),
    Sentiment(Sentiment),
    AuthorKind(AuthorKind),
    Residence(ResidenceId),
}

impl LabelValue {
    /// The field name as stored.
    pub fn field(&self) -> &'static str {
        match self {
            LabelValue::Theme(_) => "theme",
            LabelValue::SecondaryTheme(_) => "secondary_theme",
            LabelValue::Audience(_) => "audience",
            LabelValue::Category(_) => "category",
            LabelValue::Urgency(_) => "urgency",
            LabelValue::Sentiment(_) => "sentiment",
            LabelValue::AuthorKind(_) => "author_kind",
            LabelValue::Residence(_) => "residence",
        }
    }

    /// The value as stored (a code, or a residence id).
    pub fn value(&self) -> &str {
        match self {
            LabelValue::Theme(v) | LabelValue::SecondaryTheme(v) => v.code(),
            LabelValue::Audience(v) => v.code(),
            LabelValue::Category(v) => v.code(),
            LabelValue::Urgency(v) => v.code(),
            LabelValue::Sentiment(v) => v.code(),
            LabelValue::AuthorKind(v) => v.code(),
            LabelValue::Residence(v) => v.as_str(),
        }
    }

    /// Rebuilds a value from its stored field and value.
    pub fn from_parts(field: &str, value: &str) -> Result<Self, DomainError> {
        Ok(match field {
            "theme" => LabelValue::Theme(Theme::parse(value)?),
            "secondary_theme" => LabelValue::SecondaryTheme(Theme::parse(value)?),
            "audience" => LabelValue::Audience(Audience::parse(value)?),
            "category" => LabelValue::Category(Category::parse(value)?),
            "urgency" => LabelValue::Urgency(Urgency::parse(value)?),
            "sentiment" => LabelValue::Sentiment(Sentiment::parse(value)?),
            "author_kind" => LabelValue::AuthorKind(AuthorKind::parse(value)?),
            "residence" => LabelValue::Residence(ResidenceId::parse(value)?),
            _ => {
                return Err(DomainError::UnknownCode {
                    what: "label field",
                    value: field.to_string(),
                    expected: "theme, secondary_theme, audience, category, urgency, sentiment, author_kind, residence".into(),
                });
            }
        })
    }
}

/// A confidence in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Confidence(f64);

impl Confidence {
    pub fn new(v: f64) -> Result<Self, DomainError> {
        if (0.0..=1.0).contains(&v) {
            Ok(Self(v))
        } else {
            Err(DomainError::Invalid {
                what: "confidence",
                value: v.to_string(),
                expected: "a number between 0 and 1",
            })
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

/// Who gave a label.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum LabelSource {
    Model {
        version: String,
        confidence: Confidence,
    },
    /// A person's correction; it wins over any model label.
    Human { by: String },
}

impl LabelSource {
    pub fn code(&self) -> &'static str {
        match self {
            LabelSource::Model { .. } => "model",
            LabelSource::Human { .. } => "human",
        }
    }
}

/// One label of one subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub subject: Subject,
    pub value: LabelValue,
    pub source: LabelSource,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_value_round_trips_through_its_stored_parts() {
        let values = [
            LabelValue::Theme(Theme::Heritage),
            LabelValue::SecondaryTheme(Theme::Environment),
            LabelValue::Urgency(Urgency::None),
            LabelValue::AuthorKind(AuthorKind::Tenant),
            LabelValue::Residence(ResidenceId::parse("R1").unwrap()),
        ];
        for v in values {
            assert_eq!(LabelValue::from_parts(v.field(), v.value()).unwrap(), v);
        }
        assert!(LabelValue::from_parts("urgency", "heritage").is_err());
        assert!(LabelValue::from_parts("colour", "red").is_err());
    }

    #[test]
    fn confidence_stays_between_zero_and_one() {
        assert!(Confidence::new(0.5).is_ok());
        assert!(Confidence::new(1.5).is_err());
        assert!(Confidence::new(f64::NAN).is_err());
    }
}
