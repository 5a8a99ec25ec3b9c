//! Analysis parameters in words: `cohorts[1].intervention.cost_per_participant` is
//! "Kostnad per deltagare, AM3-grupp" / "Cost per participant, AM3-grupp" (the cohort's name,
//! else `grupp 2`), and a parameter's value in its own unit (kronor, a percentage, months, a
//! count), so that tornado and switching tables and charts read as a report.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::analysis::param::{parse_target, EarningsField, InterventionField, OutcomeField, Target, TaxField};
use crate::analysis::{AnalysisResult, GivenLabel};
use crate::lang::Lang;
use crate::present::format::{count, grouped, kronor};
use crate::present::labels::actor_label;
use crate::result::fixed;
use crate::scenario::Scenario;

fn words(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

fn cohort_name(scenario: &Scenario, i: usize, lang: Lang) -> String {
    match scenario.cohorts.get(i).map(|c| c.name.trim()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => format!("{} {}", words(lang, "grupp", "group"), i + 1),
    }
}

fn state_name(scenario: &Scenario, id: &str) -> String {
    crate::present::state_phrase(scenario, id)
}

/// A parameter path in words, in `lang`; the path itself when it names no number.
///
/// ```
/// use samkalk::{present::parameter_label, Lang, Scenario};
/// let s = Scenario::from_json(r#"{"start_year": 2026, "cohorts": [
///   {"name": "AM2-grupp", "origin": "AM2", "participants": 10, "outcomes": [{"target": "work", "share": "0.6"}]},
///   {"name": "AM3-grupp", "origin": "AM3", "participants": 10, "outcomes": [{"target": "work", "share": "0.4"}]}]}"#).unwrap();
/// assert_eq!(parameter_label(&s, "cohorts[1].intervention.cost_per_participant", Lang::Sv), "Kostnad per deltagare, AM3-grupp");
/// assert_eq!(parameter_label(&s, "cohorts[1].intervention.cost_per_participant", Lang::En), "Cost per participant, AM3-grupp");
/// assert_eq!(parameter_label(&s, "discount_rate", Lang::Sv), "Diskonteringsränta");
/// ```
pub fn parameter_label(scenario: &Scenario, path: &str, lang: Lang) -> String {
    let Ok(target) = parse_target(path) else { return path.to_string() };
    match target {
        Target::DiscountRate => words(lang, "Diskonteringsränta", "Discount rate").into(),
        Target::HorizonYears => words(lang, "Kalkylperiod (år)", "Horizon (years)").into(),
        Target::Tax(field) => match field {
            TaxField::Municipal => words(lang, "Kommunalskatt", "Municipal tax"),
            TaxField::Regional => words(lang, "Regionskatt", "Regional tax"),
            TaxField::EmployerContribution => words(lang, "Arbetsgivaravgifter", "Employer contributions"),
        }
        .into(),
        Target::FlowAmount { state, flow } => {
            let label = crate::calculate::resolved_state(scenario, &state)
                .and_then(|s| s.ok())
                .and_then(|s| s.flows.get(flow).map(|f| f.label.trim().to_string()))
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| format!("{} {}", words(lang, "flöde", "flow"), flow + 1));
            format!("{label}, {}", state_name(scenario, &state))
        }
        Target::Earnings { state, field } => {
            let what = match field {
                EarningsField::MonthlyWage => words(lang, "Månadslön", "Monthly wage"),
                EarningsField::EmploymentRate => words(lang, "Sysselsättningsgrad", "Employment rate"),
                EarningsField::Productivity => words(lang, "Produktivitet", "Productivity"),
            };
            format!("{what}, {}", state_name(scenario, &state))
        }
        Target::Participants { cohort } => format!("{}, {}", words(lang, "Deltagare", "Participants"), cohort_name(scenario, cohort, lang)),
        Target::Intervention { cohort, field } => {
            let what = match field {
                InterventionField::CostPerParticipant => words(lang, "Kostnad per deltagare", "Cost per participant"),
                InterventionField::FixedCost => words(lang, "Fast kostnad", "Fixed cost"),
                InterventionField::OptimismBias => words(lang, "Optimismpåslag", "Optimism bias"),
                InterventionField::DurationMonths => words(lang, "Insatsens längd (månader)", "Length of the intervention (months)"),
                InterventionField::StartMonth => words(lang, "Insatsens första månad", "First month of the intervention"),
            };
            format!("{what}, {}", cohort_name(scenario, cohort, lang))
        }
        Target::Financing { cohort, actor } => match lang {
            Lang::Sv => format!("Finansieringsandel {}, {}", actor_label(actor, lang), cohort_name(scenario, cohort, lang)),
            Lang::En => format!("Financing share {}, {}", actor_label(actor, lang), cohort_name(scenario, cohort, lang)),
        },
        Target::Outcome { cohort, outcome, field } => {
            let target = scenario
                .cohorts
                .get(cohort)
                .and_then(|c| c.outcomes.get(outcome))
                .map(|o| state_name(scenario, &o.target))
                .unwrap_or_default();
            let what = match (field, lang) {
                (OutcomeField::Share, Lang::Sv) => format!("Andel till {target}"),
                (OutcomeField::Share, Lang::En) => format!("Share to {target}"),
                (OutcomeField::CounterfactualShare, Lang::Sv) => format!("Andel till {target} utan insatsen"),
                (OutcomeField::CounterfactualShare, Lang::En) => format!("Share to {target} without the intervention"),
                (OutcomeField::Retention, Lang::Sv) => format!("Kvar i {target} efter ett år"),
                (OutcomeField::Retention, Lang::En) => format!("Still in {target} after a year"),
                (OutcomeField::Deadweight, _) => words(lang, "Dödviktsandel", "Deadweight").into(),
                (OutcomeField::Attribution, _) => words(lang, "Andel som beror på andra", "Attribution").into(),
                (OutcomeField::Displacement, _) => words(lang, "Undanträngning", "Displacement").into(),
                (OutcomeField::LagMonths, _) => words(lang, "Fördröjning (månader)", "Lag (months)").into(),
            };
            format!("{what}, {}", cohort_name(scenario, cohort, lang))
        }
    }
}

/// A value of the parameter at `path` in its unit: kronor for money (`67 500 kr`), a
/// percentage with up to four decimals for a share or rate (`32,41 %`), else the number with
/// thousands separators and up to four decimals (`1 200`, months and counts); the plain number
/// for an unknown path.
///
/// ```
/// use samkalk::{present::parameter_value, Lang};
/// let d = |s: &str| s.parse().unwrap();
/// assert_eq!(parameter_value("cohorts[0].intervention.cost_per_participant", d("67500.4"), Lang::Sv), "67 500 kr");
/// assert_eq!(parameter_value("cohorts[0].outcomes[0].share", d("0.068345"), Lang::Sv), "6,8345 %");
/// assert_eq!(parameter_value("cohorts[0].participants", d("1200"), Lang::En), "1,200");
/// ```
pub fn parameter_value(path: &str, value: Decimal, lang: Lang) -> String {
    // A switching value found by search can carry many decimals: four decimals of a
    // percentage (six of a share) and of a plain number are what a reader can use.
    let plain = || grouped(&value.round_dp(4).normalize().to_string(), lang, true);
    let Ok(target) = parse_target(path) else { return plain() };
    let money = || kronor(value, lang);
    let share = || crate::present::exact_percent(value.round_dp(6), lang);
    match target {
        Target::DiscountRate | Target::Tax(_) | Target::Financing { .. } => share(),
        Target::FlowAmount { .. } => money(),
        Target::Earnings { field: EarningsField::MonthlyWage, .. } => money(),
        Target::Earnings { .. } => share(),
        Target::Intervention { field: InterventionField::CostPerParticipant | InterventionField::FixedCost, .. } => money(),
        Target::Intervention { field: InterventionField::OptimismBias, .. } => share(),
        Target::Outcome { field: OutcomeField::LagMonths, .. } => plain(),
        Target::Outcome { .. } => share(),
        Target::Participants { .. } if value.fract().is_zero() => {
            fixed(value, 0).parse::<i64>().map(|n| count(n, lang)).unwrap_or_else(|_| plain())
        }
        Target::HorizonYears | Target::Participants { .. } | Target::Intervention { .. } => plain(),
    }
}

/// A parameter's name in `lang`: the request's `label` in that language when it gives one,
/// else the core's words ([`parameter_label`]).
///
/// ```
/// use samkalk::{analysis::GivenLabel, present::parameter_name, Lang, Scenario};
/// let s = Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let given = GivenLabel { sv: Some("Räntan".into()), en: None };
/// assert_eq!(parameter_name(&s, "discount_rate", Some(&given), Lang::Sv), "Räntan");
/// assert_eq!(parameter_name(&s, "discount_rate", Some(&given), Lang::En), "Discount rate");
/// assert_eq!(parameter_name(&s, "discount_rate", None, Lang::Sv), "Diskonteringsränta");
/// ```
pub fn parameter_name(scenario: &Scenario, path: &str, given: Option<&GivenLabel>, lang: Lang) -> String {
    match given.and_then(|g| g.get(lang)) {
        Some(text) => text.to_string(),
        None => parameter_label(scenario, path, lang),
    }
}

/// The names of an analysis result's parameters in one language ([`parameter_name`]),
/// section by section in the result's order: what every table and chart of the result shows.
///
/// ```
/// use samkalk::{analysis, present::analysis_names, Lang, Scenario};
///
/// let scenario = Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let request = analysis::Analysis::from_json(r#"{"tornado": {"parameters": [
///     {"parameter": "discount_rate", "label": {"sv": "Räntan"}, "low": "0", "high": "0.05"}]}}"#).unwrap();
/// let result = analysis::run(&scenario, &request, &mut |_, _| true).unwrap();
/// let sv = analysis_names(&scenario, &result, Lang::Sv);
/// assert_eq!(sv.tornado, ["Räntan"]);
/// // Without an English label, the core's own words.
/// assert_eq!(analysis_names(&scenario, &result, Lang::En).tornado, ["Discount rate"]);
/// assert_eq!(sv.to_json(), r#"{"tornado":["Räntan"],"switching":[],"monte_carlo":[]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct AnalysisNames {
    /// The sweep's parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<String>,
    /// The grid's two parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<[String; 2]>,
    /// One per tornado row, in the rows' order (society's swing, largest first).
    pub tornado: Vec<String>,
    /// One per switching value.
    pub switching: Vec<String>,
    /// One per Monte Carlo parameter.
    pub monte_carlo: Vec<String>,
}

impl AnalysisNames {
    /// As compact JSON text; an analysis without a sweep or a grid leaves those keys out.
    ///
    /// ```
    /// let names = samkalk::present::AnalysisNames { sweep: Some("Räntan".into()), ..Default::default() };
    /// assert_eq!(names.to_json(), r#"{"sweep":"Räntan","tornado":[],"switching":[],"monte_carlo":[]}"#);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The names of every parameter of `result` (run on `scenario`) in `lang`: a parameter's
/// own label in that language when the request gives one, else the core's
/// ([`parameter_label`]).
///
/// ```
/// use samkalk::{analysis, present::{analysis_names, parameter_label}, Lang, Scenario};
///
/// let scenario = Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2",
///     "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let share = "cohorts[0].outcomes[0].share";
/// let request = analysis::Analysis::from_json(&format!(r#"{{"grid": {{"parameters": [
///     {{"parameter": "{share}", "values": ["0.3", "0.6"]}},
///     {{"parameter": "discount_rate", "label": {{"en": "Rate"}}, "values": ["0", "0.035"]}}]}}}}"#)).unwrap();
/// let result = analysis::run(&scenario, &request, &mut |_, _| true).unwrap();
/// let en = analysis_names(&scenario, &result, Lang::En);
/// assert_eq!(en.grid, Some([parameter_label(&scenario, share, Lang::En), "Rate".to_string()]));
/// assert_eq!(en.sweep, None);
/// let sv = analysis_names(&scenario, &result, Lang::Sv);
/// assert_eq!(sv.grid.unwrap()[1], "Diskonteringsränta");
/// ```
pub fn analysis_names(scenario: &Scenario, result: &AnalysisResult, lang: Lang) -> AnalysisNames {
    let name = |path: &str, given: &Option<GivenLabel>| parameter_name(scenario, path, given.as_ref(), lang);
    AnalysisNames {
        sweep: result.sweep.as_ref().map(|s| name(&s.parameter, &s.label)),
        grid: result.grid.as_ref().map(|g| [name(&g.parameters[0], &g.labels[0]), name(&g.parameters[1], &g.labels[1])]),
        tornado: result.tornado.iter().flat_map(|t| &t.rows).map(|r| name(&r.parameter, &r.label)).collect(),
        switching: result.switching.iter().map(|s| name(&s.parameter, &s.label)).collect(),
        monte_carlo: result
            .monte_carlo
            .iter()
            .flat_map(|mc| mc.parameters.iter().enumerate().map(|(i, p)| name(p, mc.labels.get(i).unwrap_or(&None))))
            .collect(),
    }
}
