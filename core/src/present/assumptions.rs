//! The assumptions behind a result, for every report: the groups, the intervention's cost and
//! timing, the outcome shares, the financing, the tax, the discount rate, the horizon, the
//! price year and the method version, so that a printed report can be defended on its own.
//! Built once here; the CLI table, Python's summary and the analysis report show the same
//! lines.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::present::format::{grouped, kronor, percent};
use crate::present::labels::actor_label;
use crate::scenario::Scenario;

/// One line of the assumptions: what (`Kostnad per deltagare, AM3-grupp`) and its value
/// (`120 000 kr`), both written for people.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let lines: Vec<samkalk::present::Assumption> = samkalk::present::assumptions(&scenario, samkalk::Lang::Sv);
/// let cost = lines.iter().find(|a| a.label.starts_with("Kostnad per deltagare")).unwrap();
/// assert_eq!(cost.value, "40 000 kr");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Assumption {
    /// What the value is, in the report's language.
    pub label: String,
    /// The value, formatted by [`crate::present::format`].
    pub value: String,
}

fn line(out: &mut Vec<Assumption>, label: impl Into<String>, value: impl Into<String>) {
    out.push(Assumption { label: label.into(), value: value.into() });
}

fn words(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// A share as a percentage with every decimal it has (a tax rate of 0.3241 is `32,41 %`, not
/// rounded to one decimal as [`percent`] does); the one-decimal form when the exact one would
/// not fit.
///
/// ```
/// use samkalk::{present::exact_percent, Lang};
/// assert_eq!(exact_percent("0.3241".parse().unwrap(), Lang::Sv), "32,41 %");
/// assert_eq!(exact_percent("0.3241".parse().unwrap(), Lang::En), "32.41%");
/// ```
pub fn exact_percent(share: Decimal, lang: Lang) -> String {
    let Some(p) = share.checked_mul(Decimal::ONE_HUNDRED) else { return percent(share, lang) };
    let text = grouped(&p.normalize().to_string(), lang, false);
    match lang {
        Lang::Sv => format!("{text} %"),
        Lang::En => format!("{text}%"),
    }
}

/// How a cohort is named in a label: its name, else `grupp 1` / `group 1`.
fn cohort_name(name: &str, index: usize, lang: Lang) -> String {
    if name.trim().is_empty() {
        format!("{} {}", words(lang, "grupp", "group"), index + 1)
    } else {
        name.to_string()
    }
}

/// The assumptions of `scenario` in `lang`, in the order a reader checks them.
///
/// ```
/// use samkalk::{present::assumptions, Lang, Scenario};
/// let s = Scenario::from_toml(r#"
/// start_year = 2026
/// [[cohorts]]
/// name = "AM3-grupp"
/// origin = "AM3"
/// participants = 10
/// intervention = { cost_per_participant = "120000" }
/// outcomes = [{ target = "work", share = "0.3" }]
/// "#).unwrap();
/// let lines = assumptions(&s, Lang::Sv);
/// let cost = lines.iter().find(|a| a.label == "Kostnad per deltagare, AM3-grupp").unwrap();
/// assert_eq!(cost.value, "120 000 kr");
/// ```
pub fn assumptions(scenario: &Scenario, lang: Lang) -> Vec<Assumption> {
    let mut out = Vec::new();
    let state = |id: &str| crate::present::state_phrase(scenario, id);
    for (i, c) in scenario.cohorts.iter().enumerate() {
        let name = cohort_name(&c.name, i, lang);
        let v = &c.intervention;
        let participants = crate::present::count(c.participants, lang);
        line(
            &mut out,
            format!("{}, {name}", words(lang, "Deltagare", "Participants")),
            match lang {
                Lang::Sv => format!("{participants} från {}", state(&c.origin)),
                Lang::En => format!("{participants} from {}", state(&c.origin)),
            },
        );
        line(
            &mut out,
            format!("{}, {name}", words(lang, "Kostnad per deltagare", "Cost per participant")),
            kronor(v.cost_per_participant, lang),
        );
        if !v.fixed_cost.is_zero() {
            line(&mut out, format!("{}, {name}", words(lang, "Fast kostnad", "Fixed cost")), kronor(v.fixed_cost, lang));
        }
        if !v.optimism_bias.is_zero() {
            line(&mut out, format!("{}, {name}", words(lang, "Optimismpåslag", "Optimism bias")), exact_percent(v.optimism_bias, lang));
        }
        line(
            &mut out,
            format!("{}, {name}", words(lang, "Insatsens tid", "Timing of the intervention")),
            match lang {
                Lang::Sv => format!("från månad {} (0 = januari {}), {} månader", v.start_month, scenario.start_year, v.duration_months),
                Lang::En => format!("from month {} (0 = January {}), {} months", v.start_month, scenario.start_year, v.duration_months),
            },
        );
        let financing: Vec<String> =
            v.financing.iter().map(|(a, share)| format!("{} {}", actor_label(*a, lang), exact_percent(*share, lang))).collect();
        line(&mut out, format!("{}, {name}", words(lang, "Finansiering", "Financing")), financing.join(", "));
        for o in &c.outcomes {
            let target = state(&o.target);
            let to = match lang {
                Lang::Sv => format!("till {target}"),
                Lang::En => format!("to {target}"),
            };
            line(&mut out, format!("{} {to}, {name}", words(lang, "Andel", "Share")), exact_percent(o.share, lang));
            let (without, still) = match lang {
                Lang::Sv => {
                    (format!("Andel {to} utan insatsen (jämförelsegruppen), {name}"), format!("Kvar i {target} efter ett år, {name}"))
                }
                Lang::En => (
                    format!("Share {to} without the intervention (counterfactual), {name}"),
                    format!("Still in {target} after a year, {name}"),
                ),
            };
            line(&mut out, without, exact_percent(o.counterfactual_share, lang));
            line(&mut out, still, exact_percent(o.retention, lang));
            for (value, sv, en) in [
                (o.deadweight, "Dödviktsandel", "Deadweight"),
                (o.attribution, "Andel som beror på andra", "Attribution"),
                (o.displacement, "Undanträngning", "Displacement"),
            ] {
                if !value.is_zero() {
                    line(&mut out, format!("{} {to}, {name}", words(lang, sv, en)), exact_percent(value, lang));
                }
            }
            if o.lag_months != 0 {
                line(
                    &mut out,
                    format!("{} {to}, {name}", words(lang, "Fördröjning", "Lag")),
                    match lang {
                        Lang::Sv => format!("{} månader", o.lag_months),
                        Lang::En => format!("{} months", o.lag_months),
                    },
                );
            }
        }
    }
    tax_lines(&mut out, scenario, lang);
    line(&mut out, words(lang, "Diskonteringsränta", "Discount rate"), exact_percent(scenario.discount_rate, lang));
    let horizon = scenario.horizon_years;
    let last = scenario.start_year.saturating_add(horizon.saturating_sub(1));
    line(
        &mut out,
        words(lang, "Kalkylperiod", "Horizon"),
        match lang {
            Lang::Sv => format!("{horizon} år ({}–{last})", scenario.start_year),
            Lang::En => format!("{horizon} years ({}–{last})", scenario.start_year),
        },
    );
    line(
        &mut out,
        words(lang, "Prisår", "Price year"),
        scenario.price_year.map(crate::present::year).unwrap_or_else(|| words(lang, "inte angivet", "not given").to_string()),
    );
    line(&mut out, words(lang, "Metodversion", "Method version"), scenario.version.to_string());
    out
}

/// The tax: method, and the rates in force (the scenario's, else the built-in defaults).
fn tax_lines(out: &mut Vec<Assumption>, scenario: &Scenario, lang: Lang) {
    let model = crate::calculate::resolved_model(scenario);
    let method = words(lang, "Skattemetod", "Tax method");
    let employer = words(lang, "Arbetsgivaravgifter", "Employer contributions");
    match &model.rules {
        None => {
            line(out, method, words(lang, "effektiva skattesatser på bruttolönen", "effective rates on the gross wage"));
            line(out, words(lang, "Kommunalskatt", "Municipal tax"), exact_percent(model.tax.municipal_rate, lang));
            line(out, words(lang, "Regionskatt", "Regional tax"), exact_percent(model.tax.regional_rate, lang));
        }
        Some(rt) => {
            let place = match &scenario.tax.municipality {
                Some(q) => crate::tax::municipalities(rt.rules.year)
                    .and_then(|l| l.find(q).ok())
                    .map(|m| format!("{} ({})", m.name, m.code))
                    .unwrap_or_else(|| q.clone()),
                None => words(lang, "riksgenomsnittet", "the national average").to_string(),
            };
            line(
                out,
                method,
                match lang {
                    Lang::Sv => format!("reglerna för inkomståret {}, {place}", rt.rules.year),
                    Lang::En => format!("the rules of income year {}, {place}", rt.rules.year),
                },
            );
            line(out, words(lang, "Kommunalskatt (nominell)", "Municipal tax (nominal)"), exact_percent(rt.municipal_rate, lang));
            line(out, words(lang, "Regionskatt (nominell)", "Regional tax (nominal)"), exact_percent(rt.regional_rate, lang));
            line(
                out,
                words(lang, "Inkomstutjämning", "Income equalisation"),
                if rt.equalisation.is_some() {
                    words(lang, "den utjämnade delen bokförs på staten", "the equalised part is booked to the state")
                } else {
                    words(lang, "ingen (KNUT:s och SEE:s konvention)", "none (the KNUT and SEE convention)")
                },
            );
        }
    }
    line(out, employer, exact_percent(model.tax.employer_contribution_rate, lang));
}

/// The heading of the assumptions: `Förutsättningar` / `Assumptions`.
///
/// ```
/// assert_eq!(samkalk::present::assumptions_heading(samkalk::Lang::En), "Assumptions");
/// ```
pub fn assumptions_heading(lang: Lang) -> &'static str {
    words(lang, "Förutsättningar", "Assumptions")
}

/// The assumptions as text: a heading, then one `label: value` line each, indented.
///
/// ```
/// let scenario = samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let text = samkalk::present::assumptions_text(&scenario, samkalk::Lang::Sv);
/// assert!(text.starts_with("Förutsättningar\n  "));
/// assert!(text.contains(": 120 000 kr\n"));
/// ```
pub fn assumptions_text(scenario: &Scenario, lang: Lang) -> String {
    let mut out = format!("{}\n", assumptions_heading(lang));
    for a in assumptions(scenario, lang) {
        out.push_str(&format!("  {}: {}\n", a.label, a.value));
    }
    out
}
