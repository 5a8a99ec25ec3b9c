//! The seven actors of the calculation.

use serde::{Deserialize, Serialize};

/// Who pays or receives a flow. `society` is not an actor: it is the sum of all seven.
///
/// ```
/// use samkalk::Actor;
/// assert_eq!(Actor::from_id("employment_service"), Some(Actor::EmploymentService));
/// assert_eq!((Actor::Region.id(), Actor::Region.swedish(), Actor::Region.english()), ("region", "Regionen", "Region"));
/// assert_eq!(Actor::Individual.index(), 6);
/// assert_eq!(Actor::ALL.len(), 7);
/// assert_eq!(Actor::from_id("society"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// Kommunen.
    Municipality,
    /// Arbetsförmedlingen.
    EmploymentService,
    /// Försäkringskassan.
    SocialInsurance,
    /// Regionen (hälso- och sjukvård).
    Region,
    /// Staten i övrigt (arbetsgivaravgifter, studiemedel).
    State,
    /// Arbetsgivaren.
    Employer,
    /// Deltagaren själv.
    Individual,
}

/// Number of actors: the length of every per-actor array ([`crate::flow::Net`]).
///
/// ```
/// assert_eq!(samkalk::actor::ACTOR_COUNT, samkalk::Actor::ALL.len());
/// ```
pub const ACTOR_COUNT: usize = 7;

impl Actor {
    /// All seven, in the order every result lists them.
    ///
    /// ```
    /// use samkalk::Actor;
    /// let ids: Vec<&str> = Actor::ALL.iter().map(|a| a.id()).collect();
    /// assert_eq!(ids, ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual"]);
    /// ```
    pub const ALL: [Actor; ACTOR_COUNT] = [
        Actor::Municipality,
        Actor::EmploymentService,
        Actor::SocialInsurance,
        Actor::Region,
        Actor::State,
        Actor::Employer,
        Actor::Individual,
    ];

    /// Position in [`Actor::ALL`], and so in every per-actor array of a result
    /// ([`crate::flow::Net`], [`crate::PerActor`]).
    ///
    /// ```
    /// use samkalk::Actor;
    /// assert_eq!(Actor::Municipality.index(), 0);
    /// assert_eq!(Actor::SocialInsurance.index(), 2);
    /// assert!(Actor::ALL.iter().enumerate().all(|(i, a)| a.index() == i));
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }

    /// The identifier used in JSON (`employment_service`): a flow's `payer`/`payee`, an
    /// intervention's `financing` key, a result's `actors` member.
    ///
    /// ```
    /// use samkalk::Actor;
    /// assert_eq!(Actor::SocialInsurance.id(), "social_insurance");
    /// assert_eq!(Actor::Municipality.id(), "municipality");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Actor::Municipality => "municipality",
            Actor::EmploymentService => "employment_service",
            Actor::SocialInsurance => "social_insurance",
            Actor::Region => "region",
            Actor::State => "state",
            Actor::Employer => "employer",
            Actor::Individual => "individual",
        }
    }

    /// Reads an identifier (`"region"`) exactly as [`Actor::id`] writes it; anything else
    /// (other case, `society`, `public_sector`) is `None`.
    ///
    /// ```
    /// use samkalk::Actor;
    /// assert_eq!(Actor::from_id("region"), Some(Actor::Region));
    /// assert_eq!(Actor::from_id("Region"), None);
    /// assert_eq!(Actor::from_id("public_sector"), None);
    /// assert!(Actor::ALL.into_iter().all(|a| Actor::from_id(a.id()) == Some(a)));
    /// ```
    pub fn from_id(id: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The Swedish name, as a report's heading (`Kommunen`).
    ///
    /// ```
    /// use samkalk::Actor;
    /// assert_eq!(Actor::EmploymentService.swedish(), "Arbetsförmedlingen");
    /// assert_eq!(Actor::Individual.swedish(), "Individen");
    /// ```
    pub fn swedish(self) -> &'static str {
        match self {
            Actor::Municipality => "Kommunen",
            Actor::EmploymentService => "Arbetsförmedlingen",
            Actor::SocialInsurance => "Försäkringskassan",
            Actor::Region => "Regionen",
            Actor::State => "Staten",
            Actor::Employer => "Arbetsgivaren",
            Actor::Individual => "Individen",
        }
    }

    /// The English name, as an English report's heading (`Municipality`).
    ///
    /// ```
    /// use samkalk::Actor;
    /// assert_eq!(Actor::SocialInsurance.english(), "Social insurance");
    /// assert_eq!(Actor::Employer.english(), "Employer");
    /// ```
    pub fn english(self) -> &'static str {
        match self {
            Actor::Municipality => "Municipality",
            Actor::EmploymentService => "Employment service",
            Actor::SocialInsurance => "Social insurance",
            Actor::Region => "Region",
            Actor::State => "State",
            Actor::Employer => "Employer",
            Actor::Individual => "Individual",
        }
    }
}

/// `society` in results: the sum over the seven actors.
///
/// ```
/// let result = samkalk::calculate_json(r#"{"start_year": 2026}"#).unwrap();
/// let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
/// // Society sits beside the actors, not among them.
/// assert!(json.get(samkalk::actor::SOCIETY_ID).is_some());
/// assert!(json["actors"].get(samkalk::actor::SOCIETY_ID).is_none());
/// ```
pub const SOCIETY_ID: &str = "society";
/// Swedish name of society in reports.
pub(crate) const SOCIETY_SWEDISH: &str = "Samhället";

/// The public sector (*offentlig sektor*): every actor but the employer and the individual.
///
/// ```
/// use samkalk::{actor::PUBLIC_SECTOR, Actor};
/// assert!(PUBLIC_SECTOR.contains(&Actor::SocialInsurance));
/// assert!(!PUBLIC_SECTOR.contains(&Actor::Employer) && !PUBLIC_SECTOR.contains(&Actor::Individual));
/// ```
pub const PUBLIC_SECTOR: [Actor; 5] = [Actor::Municipality, Actor::EmploymentService, Actor::SocialInsurance, Actor::Region, Actor::State];
