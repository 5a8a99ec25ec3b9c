//! Names for people: actors, society, the public sector, result fields, break-even kinds and
//! states in a sentence.

use crate::actor::Actor;
use crate::analysis::Who;
use crate::calculate::resolve_state;
use crate::lang::Lang;
use crate::result::BreakEvenKind;
use crate::scenario::Scenario;

/// An actor's name as a heading (`Kommunen` / `Municipality`).
///
/// ```
/// use samkalk::{present::actor_label, Actor, Lang};
/// assert_eq!(actor_label(Actor::EmploymentService, Lang::Sv), "Arbetsförmedlingen");
/// assert_eq!(actor_label(Actor::EmploymentService, Lang::En), "Employment service");
/// ```
pub fn actor_label(actor: Actor, lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => actor.swedish(),
        Lang::En => actor.english(),
    }
}

/// Society, the sum over the seven actors: `Samhället` / `Society`.
///
/// ```
/// assert_eq!(samkalk::present::society_label(samkalk::Lang::Sv), "Samhället");
/// assert_eq!(samkalk::present::society_label(samkalk::Lang::En), "Society");
/// ```
pub fn society_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => crate::actor::SOCIETY_SWEDISH,
        Lang::En => "Society",
    }
}

/// An actor or society by [`Who`].
///
/// ```
/// use samkalk::{analysis::Who, present::who_label, Actor, Lang};
/// assert_eq!(who_label(Who::Actor(Actor::Region), Lang::Sv), "Regionen");
/// assert_eq!(who_label(Who::Society, Lang::En), "Society");
/// ```
pub fn who_label(who: Who, lang: Lang) -> &'static str {
    match who {
        Who::Actor(a) => actor_label(a, lang),
        Who::Society => society_label(lang),
    }
}

pub use crate::actor::PUBLIC_SECTOR;

/// The public sector's name: `Offentlig sektor` / `Public sector`.
///
/// ```
/// assert_eq!(samkalk::present::public_sector_label(samkalk::Lang::Sv), "Offentlig sektor");
/// ```
pub fn public_sector_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Offentlig sektor",
        Lang::En => "Public sector",
    }
}

/// A row of a report by id: an actor's (`region`), `public_sector` or `society`; None for an
/// unknown id.
///
/// ```
/// use samkalk::{present::row_label, Lang};
/// assert_eq!(row_label("public_sector", Lang::Sv), Some("Offentlig sektor"));
/// assert_eq!(row_label("society", Lang::En), Some("Society"));
/// ```
pub fn row_label(id: &str, lang: Lang) -> Option<&'static str> {
    match id {
        crate::actor::SOCIETY_ID => Some(society_label(lang)),
        crate::public_sector::PUBLIC_SECTOR_ID => Some(public_sector_label(lang)),
        _ => Actor::from_id(id).map(|a| actor_label(a, lang)),
    }
}

/// The heading of a comparison of alternatives.
///
/// ```
/// assert_eq!(samkalk::present::labels::comparison_title(samkalk::Lang::En), "Comparison of alternatives");
/// ```
pub fn comparison_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Jämförelse av alternativ",
        Lang::En => "Comparison of alternatives",
    }
}

/// The heading of the difference of an alternative to the first: `B − A`.
///
/// ```
/// assert_eq!(samkalk::present::labels::difference_heading("B", "A"), "B − A");
/// ```
pub fn difference_heading(name: &str, first: &str) -> String {
    format!("{name} − {first}")
}

/// The numeric fields of an outcome (the analysis's parameter field), headed here as tables of
/// a scenario's inputs head them.
pub use crate::analysis::param::OutcomeField;

impl OutcomeField {
    /// Every field, in the scenario format's order.
    ///
    /// ```
    /// use samkalk::{present::OutcomeField, Lang};
    /// let headings = OutcomeField::ALL.map(|f| f.label(Lang::En));
    /// assert_eq!(headings[..3], ["Share", "Counterfactual share", "Deadweight"]);
    /// assert_eq!(headings.last(), Some(&"Lag (months)"));
    /// ```
    pub const ALL: [OutcomeField; 7] = [
        OutcomeField::Share,
        OutcomeField::CounterfactualShare,
        OutcomeField::Deadweight,
        OutcomeField::Attribution,
        OutcomeField::Displacement,
        OutcomeField::Retention,
        OutcomeField::LagMonths,
    ];

    /// The heading in `lang`.
    ///
    /// ```
    /// use samkalk::{present::OutcomeField, Lang};
    /// assert_eq!(OutcomeField::Retention.label(Lang::Sv), "Kvar i arbete (per år)");
    /// assert_eq!(OutcomeField::CounterfactualShare.label(Lang::En), "Counterfactual share");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (OutcomeField::Share, Lang::Sv) => "Andel",
            (OutcomeField::Share, Lang::En) => "Share",
            (OutcomeField::CounterfactualShare, Lang::Sv) => "Jämförelsegrupp",
            (OutcomeField::CounterfactualShare, Lang::En) => "Counterfactual share",
            (OutcomeField::Deadweight, Lang::Sv) => "Dödvikt",
            (OutcomeField::Deadweight, Lang::En) => "Deadweight",
            (OutcomeField::Attribution, _) => "Attribution",
            (OutcomeField::Displacement, Lang::Sv) => "Undanträngning",
            (OutcomeField::Displacement, Lang::En) => "Displacement",
            (OutcomeField::Retention, Lang::Sv) => "Kvar i arbete (per år)",
            (OutcomeField::Retention, Lang::En) => "Retention (per year)",
            (OutcomeField::LagMonths, Lang::Sv) => "Fördröjning (månader)",
            (OutcomeField::LagMonths, Lang::En) => "Lag (months)",
        }
    }
}

/// A field of an actor's result, as the result JSON names it.
///
/// ```
/// use samkalk::present::Field;
/// assert_eq!(Field::from_id("total_net"), Some(Field::TotalNet));
/// assert_eq!(Field::Npv.id(), "npv");
/// assert_eq!(Field::ALL.len(), 10);
/// assert_eq!(Field::from_id("profit"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `gain`, per year.
    Gain,
    /// `investment`, per year.
    Investment,
    /// `net`, per year.
    Net,
    /// `cumulative_net`, per year.
    CumulativeNet,
    /// `total_gain`.
    TotalGain,
    /// `total_investment`.
    TotalInvestment,
    /// `total_net`.
    TotalNet,
    /// `npv`.
    Npv,
    /// `payback_year`.
    PaybackYear,
    /// `benefit_cost_ratio`.
    BenefitCostRatio,
}

impl Field {
    /// Every field, in the result JSON's order.
    ///
    /// ```
    /// use samkalk::present::Field;
    /// let result = samkalk::calculate(&samkalk::Scenario::new(2026)).unwrap();
    /// let society = serde_json::to_string(result.society()).unwrap();
    /// let at = |f: Field| society.find(&format!(r#""{}":"#, f.id())).unwrap();
    /// assert!(Field::ALL.windows(2).all(|w| at(w[0]) < at(w[1])));
    /// ```
    pub const ALL: [Field; 10] = [
        Field::Gain,
        Field::Investment,
        Field::Net,
        Field::CumulativeNet,
        Field::TotalGain,
        Field::TotalInvestment,
        Field::TotalNet,
        Field::Npv,
        Field::PaybackYear,
        Field::BenefitCostRatio,
    ];

    /// The result JSON's key (`cumulative_net`).
    ///
    /// ```
    /// use samkalk::present::Field;
    /// assert_eq!(Field::CumulativeNet.id(), "cumulative_net");
    /// // Every field is a key of an actor's result.
    /// let result = samkalk::calculate(&samkalk::Scenario::new(2026)).unwrap();
    /// let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
    /// assert!(Field::ALL.iter().all(|f| json["society"].get(f.id()).is_some()));
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Field::Gain => "gain",
            Field::Investment => "investment",
            Field::Net => "net",
            Field::CumulativeNet => "cumulative_net",
            Field::TotalGain => "total_gain",
            Field::TotalInvestment => "total_investment",
            Field::TotalNet => "total_net",
            Field::Npv => "npv",
            Field::PaybackYear => "payback_year",
            Field::BenefitCostRatio => "benefit_cost_ratio",
        }
    }

    /// Reads a result JSON key; None for any other text.
    ///
    /// ```
    /// use samkalk::present::Field;
    /// assert_eq!(Field::from_id("npv"), Some(Field::Npv));
    /// assert_eq!(Field::from_id("NPV"), None);
    /// assert!(Field::ALL.iter().all(|&f| Field::from_id(f.id()) == Some(f)));
    /// ```
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The label for a heading. Swedish says "ackumulerat" for cumulative, everywhere.
    ///
    /// ```
    /// use samkalk::{present::Field, Lang};
    /// assert_eq!(Field::CumulativeNet.label(Lang::Sv), "Ackumulerat netto");
    /// assert_eq!(Field::BenefitCostRatio.label(Lang::En), "Benefit-cost ratio");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Gain, Lang::Sv) => "Vinst",
            (Field::Gain, Lang::En) => "Gain",
            (Field::Investment, Lang::Sv) => "Investering",
            (Field::Investment, Lang::En) => "Investment",
            (Field::Net, Lang::Sv) => "Netto",
            (Field::Net, Lang::En) => "Net",
            (Field::CumulativeNet, Lang::Sv) => "Ackumulerat netto",
            (Field::CumulativeNet, Lang::En) => "Cumulative net",
            (Field::TotalGain, Lang::Sv) => "Total vinst",
            (Field::TotalGain, Lang::En) => "Total gain",
            (Field::TotalInvestment, Lang::Sv) => "Total investering",
            (Field::TotalInvestment, Lang::En) => "Total investment",
            (Field::TotalNet, Lang::Sv) => "Totalt netto",
            (Field::TotalNet, Lang::En) => "Total net",
            (Field::Npv, Lang::Sv) => "Nuvärde",
            (Field::Npv, Lang::En) => "Net present value",
            (Field::PaybackYear, Lang::Sv) => "Återbetalningsår",
            (Field::PaybackYear, Lang::En) => "Payback year",
            (Field::BenefitCostRatio, Lang::Sv) => "Nytta per investerad krona",
            (Field::BenefitCostRatio, Lang::En) => "Benefit-cost ratio",
        }
    }
}

/// A break-even kind as a short label (`Minst` / `At least`).
///
/// ```
/// use samkalk::{present::break_even_kind_label, BreakEvenKind, Lang};
/// assert_eq!(break_even_kind_label(BreakEvenKind::AtMost, Lang::Sv), "Högst");
/// assert_eq!(break_even_kind_label(BreakEvenKind::AtMost, Lang::En), "At most");
/// ```
pub fn break_even_kind_label(kind: BreakEvenKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (BreakEvenKind::Always, Lang::Sv) => "Går alltid jämnt ut",
        (BreakEvenKind::Always, Lang::En) => "Always breaks even",
        (BreakEvenKind::Never, Lang::Sv) => "Går aldrig jämnt ut",
        (BreakEvenKind::Never, Lang::En) => "Never breaks even",
        (BreakEvenKind::AtLeast, Lang::Sv) => "Minst",
        (BreakEvenKind::AtLeast, Lang::En) => "At least",
        (BreakEvenKind::AtMost, Lang::Sv) => "Högst",
        (BreakEvenKind::AtMost, Lang::En) => "At most",
    }
}

/// A heading of a table, chart or report that is not a result field: the same words in every
/// binding (Python's tables and charts, the page), from here.
///
/// ```
/// use samkalk::{present::Heading, Lang};
/// assert_eq!(Heading::ALL.len(), 8);
/// assert_eq!(Heading::Year.id(), "year");
/// assert_eq!(Heading::Title.label(Lang::En).is_empty(), false);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// The report's title.
    Title,
    /// The column of actors.
    Actor,
    /// The column of years.
    Year,
    /// The column of cohorts (groups).
    Cohort,
    /// The break-even table: the share of participants who must reach the first outcome.
    BreakEven,
    /// The unit of money in an axis or column heading.
    Currency,
    /// The participants in a state, as a mean over each year (the effect trace's unit).
    Persons,
    /// The effect trace (method version 2).
    Trace,
}

impl Heading {
    /// Every heading, each with its own id and a label in both languages.
    ///
    /// ```
    /// use samkalk::{present::Heading, Lang};
    /// let ids = Heading::ALL.map(Heading::id);
    /// assert_eq!(ids[..3], ["title", "actor", "year"]);
    /// assert!(Heading::ALL.iter().all(|h| !h.label(Lang::Sv).is_empty() && !h.label(Lang::En).is_empty()));
    /// ```
    pub const ALL: [Heading; 8] = [
        Heading::Title,
        Heading::Actor,
        Heading::Year,
        Heading::Cohort,
        Heading::BreakEven,
        Heading::Currency,
        Heading::Persons,
        Heading::Trace,
    ];

    /// The heading's id (`break_even`).
    ///
    /// ```
    /// assert_eq!(samkalk::present::Heading::BreakEven.id(), "break_even");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Heading::Title => "title",
            Heading::Actor => "actor",
            Heading::Year => "year",
            Heading::Cohort => "cohort",
            Heading::BreakEven => "break_even",
            Heading::Currency => "currency",
            Heading::Persons => "persons",
            Heading::Trace => "trace",
        }
    }

    /// The heading in a language.
    ///
    /// ```
    /// use samkalk::{present::Heading, Lang};
    /// assert_eq!(Heading::Title.label(Lang::Sv), "Socioekonomisk investeringskalkyl");
    /// assert_eq!(Heading::Currency.label(Lang::En), "SEK");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Heading::Title, Lang::Sv) => "Socioekonomisk investeringskalkyl",
            (Heading::Title, Lang::En) => "Socioeconomic investment calculation",
            (Heading::Actor, Lang::Sv) => "Aktör",
            (Heading::Actor, Lang::En) => "Actor",
            (Heading::Year, Lang::Sv) => "År",
            (Heading::Year, Lang::En) => "Year",
            (Heading::Cohort, Lang::Sv) => "Kohort",
            (Heading::Cohort, Lang::En) => "Cohort",
            (Heading::BreakEven, Lang::Sv) => "När går man jämnt ut? Andel deltagare som behöver nå första utfallet",
            (Heading::BreakEven, Lang::En) => "Break-even: share of participants who must reach the first outcome",
            (Heading::Currency, Lang::Sv) => "kr",
            (Heading::Currency, Lang::En) => "SEK",
            (Heading::Persons, Lang::Sv) => "Personer (medeltal under året)",
            (Heading::Persons, Lang::En) => "Persons (mean over the year)",
            (Heading::Trace, Lang::Sv) => "Effektspår",
            (Heading::Trace, Lang::En) => "Effect trace",
        }
    }
}

/// How a state is named in a sentence: its label in lower case, else its id.
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// assert_eq!(samkalk::present::state_phrase(&scenario, "work"), "arbete");
/// assert_eq!(samkalk::present::state_phrase(&scenario, "mentor"), "mentor");
/// ```
pub fn state_phrase(scenario: &Scenario, id: &str) -> String {
    let label = resolve_state(scenario, id).map(|s| s.label.trim()).unwrap_or("");
    if label.is_empty() {
        return id.to_string();
    }
    // "Arbete" → "arbete", but keep "AM2: ..." as written.
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(society_label(Lang::Sv), "Samhället");
        assert_eq!(society_label(Lang::En), "Society");
        assert_eq!(who_label(Who::Actor(Actor::Region), Lang::Sv), "Regionen");
        assert_eq!(public_sector_label(Lang::Sv), "Offentlig sektor");
        assert!(!PUBLIC_SECTOR.contains(&Actor::Employer) && !PUBLIC_SECTOR.contains(&Actor::Individual));
        assert_eq!(Field::PaybackYear.label(Lang::Sv), "Återbetalningsår");
        assert_eq!(Field::BenefitCostRatio.label(Lang::Sv), "Nytta per investerad krona");
        for f in Field::ALL {
            assert_eq!(Field::from_id(f.id()), Some(f));
        }
        assert_eq!(break_even_kind_label(BreakEvenKind::AtMost, Lang::En), "At most");
    }

    #[test]
    fn every_heading_has_an_id_and_words_in_both_languages() {
        let ids: std::collections::BTreeSet<&str> = Heading::ALL.iter().map(|h| h.id()).collect();
        assert_eq!(ids.len(), Heading::ALL.len(), "ids are distinct");
        for h in Heading::ALL {
            assert!(!h.label(Lang::Sv).is_empty() && !h.label(Lang::En).is_empty(), "{h:?}");
        }
        assert_eq!((Heading::Year.label(Lang::Sv), Heading::Trace.label(Lang::En)), ("År", "Effect trace"));
    }
}
