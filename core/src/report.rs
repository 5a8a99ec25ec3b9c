//! Reports for people: a Swedish text table and a tidy CSV. Pure functions of a scenario and
//! its result; the caller decides where they go.

use rust_decimal::Decimal;

use crate::actor::{Actor, SOCIETY_SWEDISH};
use crate::calculate::resolve_state;
use crate::lang::Lang;
use crate::present::{self, Field};
use crate::result::{ActorResult, BreakEven, CalculationResult, Money};
use crate::scenario::Scenario;

/// Whole kronor with spaces between thousands: `1 234 567 kr`, `-800 000 kr`
/// ([`crate::present::kronor`] in Swedish).
pub fn kronor(x: Decimal) -> String {
    present::kronor(x, Lang::Sv)
}

/// A share as a Swedish percentage with one decimal: `6,8 %` ([`crate::present::percent`] in
/// Swedish; never panics, whatever the share).
pub fn percent(share: Decimal) -> String {
    present::percent(share, Lang::Sv)
}

/// "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete." Without the comparison
/// group; [`crate::present::break_even_sentence`] takes it and the language.
pub fn break_even_sentence(who: &str, be: &BreakEven, target: &str) -> String {
    present::break_even_sentence(who, be, target, None, Lang::Sv)
}

pub use crate::present::analysis_report::analysis_table;

/// How a state is named in a sentence: its label in lower case, else its id.
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

fn actor_block(out: &mut String, title: &str, r: &ActorResult, years: &[i64]) {
    let width = 16;
    out.push_str(&format!("\n{title}\n"));
    out.push_str(&format!("{:<18}", ""));
    for y in years {
        out.push_str(&format!("{:>width$}", y));
    }
    out.push_str(&format!("{:>width$}\n", "Totalt"));
    let rows: [(&str, &[Money], Option<Money>); 4] = [
        (Field::Gain.label(Lang::Sv), &r.gain, Some(r.total_gain)),
        (Field::Investment.label(Lang::Sv), &r.investment, Some(r.total_investment)),
        (Field::Net.label(Lang::Sv), &r.net, Some(r.total_net)),
        (Field::CumulativeNet.label(Lang::Sv), &r.cumulative_net, None),
    ];
    for (label, values, total) in rows {
        out.push_str(&format!("{label:<18}"));
        for v in values {
            out.push_str(&format!("{:>width$}", kronor(v.value())));
        }
        out.push_str(&format!("{:>width$}\n", total.map(|x| kronor(x.value())).unwrap_or_default()));
    }
    let payback = r.payback_year.map(|y| y.to_string()).unwrap_or_else(|| "–".into());
    let bcr = r.benefit_cost_ratio.map(|x| present::ratio(x.value(), Lang::Sv)).unwrap_or_else(|| "–".into());
    out.push_str(&format!("Nuvärde {} · återbetalningsår {} · nytta/kostnad {}\n", kronor(r.npv.value()), payback, bcr));
}

/// Version 2: which tax method and equalisation convention the result uses (None for
/// version 1 and the effective method, whose report is unchanged).
fn tax_convention(scenario: &Scenario) -> Option<String> {
    let model = crate::calculate::resolved_model(scenario);
    let rt = model.rules?;
    let place = match &scenario.tax.municipality {
        Some(q) => crate::tax::municipalities(rt.rules.year)
            .and_then(|l| l.find(q).ok())
            .map(|m| format!("{} ({})", m.name, m.code))
            .unwrap_or_else(|| q.clone()),
        None if scenario.tax.municipal_rate.is_some() || scenario.tax.regional_rate.is_some() => "angivna skattesatser".to_string(),
        None => "riksgenomsnittet".to_string(),
    };
    let equalisation = if rt.equalisation.is_some() {
        "den utjämnade delen av kommunal- och regionskatten bokförs på staten (inkomstutjämningen)"
    } else {
        "utan inkomstutjämning (KNUT:s och SEE:s konvention)"
    };
    Some(format!(
        "Skatt enligt reglerna för inkomståret {}, {place}: kommunalskatt {}, regionskatt {}; {equalisation}",
        rt.rules.year,
        rate_percent(rt.municipal_rate),
        rate_percent(rt.regional_rate)
    ))
}

/// A tax rate in percent with two decimals, Swedish style: 0.2319 → "23,19 %".
fn rate_percent(rate: Decimal) -> String {
    format!("{:.2} %", rate * Decimal::ONE_HUNDRED).replace('.', ",")
}

/// The readable report in Swedish.
pub fn table(scenario: &Scenario, result: &CalculationResult) -> String {
    let mut out = String::new();
    let title = if scenario.name.is_empty() {
        "Socioekonomisk investeringskalkyl".to_string()
    } else {
        format!("Socioekonomisk investeringskalkyl: {}", scenario.name)
    };
    out.push_str(&title);
    out.push('\n');
    let first = result.years.first().copied().unwrap_or_default();
    let last = result.years.last().copied().unwrap_or_default();
    let mut context = format!("År {first}–{last}");
    if let Some(p) = scenario.price_year {
        context.push_str(&format!(", {p} års priser"));
    }
    context.push_str(&format!(", diskonteringsränta {}", percent(scenario.discount_rate)));
    out.push_str(&context);
    out.push('\n');
    if let Some(line) = tax_convention(scenario) {
        out.push_str(&line);
        out.push('\n');
    }
    for cohort in &scenario.cohorts {
        let name = if cohort.name.is_empty() { "Kohort" } else { &cohort.name };
        out.push_str(&format!("  {name}: {} deltagare från {}\n", cohort.participants, state_phrase(scenario, &cohort.origin)));
    }
    for actor in Actor::ALL {
        actor_block(&mut out, actor.swedish(), result.actor(actor), &result.years);
    }
    actor_block(&mut out, SOCIETY_SWEDISH, result.society(), &result.years);
    for (cohort, cr) in scenario.cohorts.iter().zip(&result.cohorts) {
        let Some(table) = &cr.break_even else { continue };
        let Some(first) = cohort.outcomes.first() else { continue };
        let name = if cr.name.is_empty() { "kohorten".to_string() } else { format!("\"{}\"", cr.name) };
        out.push_str(&format!("\nNär går man jämnt ut? ({name})\n"));
        let target = state_phrase(scenario, &first.target);
        let comparison = Some(first.counterfactual_share);
        for actor in Actor::ALL {
            out.push_str(&format!(
                "  {}\n",
                present::break_even_sentence(actor.swedish(), table.get(actor), &target, comparison, Lang::Sv)
            ));
        }
        out.push_str(&format!("  {}\n", present::break_even_sentence(SOCIETY_SWEDISH, table.society(), &target, comparison, Lang::Sv)));
    }
    out
}

/// A tidy table: one row per actor (and society) and year.
pub fn csv(result: &CalculationResult) -> String {
    let mut out = String::from("actor,year,gain,investment,net,cumulative_net\n");
    for (id, r) in result.rows() {
        for (t, year) in result.years.iter().enumerate() {
            out.push_str(&format!("{id},{year},{},{},{},{}\n", r.gain[t], r.investment[t], r.net[t], r.cumulative_net[t]));
        }
    }
    out
}

use crate::present::PUBLIC_SECTOR as PUBLIC;

/// docs/defaults.md: the built-in states' yearly net per actor, then every flow with its source
/// and arithmetic. Generated from the data, so the document cannot drift from it.
pub fn defaults_markdown() -> String {
    use crate::defaults::defaults;
    use crate::state::yearly_net;
    let d = defaults();
    let tax = crate::calculate::resolved_tax(&Scenario::new(d.price_year));
    let mut out = String::new();
    out.push_str("# samkalk's built-in parameter set\n\n");
    out.push_str("<!-- Generated by `samkalk defaults --format markdown` from core/data/defaults.toml; do not edit by hand. -->\n\n");
    out.push_str(&format!("Prices of {}. Amounts are kronor per person and year. A negative net is what a year in the state costs the actor; a positive one is what the actor receives.\n\n", d.price_year));
    out.push_str("## Yearly net per actor (nettoflöde per aktör och år)\n\n| State | ");
    for a in Actor::ALL {
        out.push_str(a.swedish());
        out.push_str(" | ");
    }
    out.push_str(&format!("{} | {} |\n|---|", present::public_sector_label(Lang::Sv), present::society_label(Lang::Sv)));
    out.push_str(&"---:|".repeat(Actor::ALL.len() + 2));
    out.push('\n');
    for (id, ds) in &d.states {
        let Ok(net) = yearly_net(&ds.state, &tax) else { continue };
        out.push_str(&format!("| `{id}` {} | ", ds.state.label));
        for a in Actor::ALL {
            out.push_str(&kronor(net[a.index()]));
            out.push_str(" | ");
        }
        let public: Decimal = PUBLIC.iter().map(|a| net[a.index()]).sum();
        let society: Decimal = net.iter().copied().sum();
        out.push_str(&format!("{} | {} |\n", kronor(public), kronor(society)));
    }
    out.push_str(
        "\n## Tax rates (effective, on the default job's gross wage)\n\n| Rate | Value | Source | Derivation |\n|---|---:|---|---|\n",
    );
    for (name, r) in [
        ("municipal_rate", &d.tax.municipal_rate),
        ("regional_rate", &d.tax.regional_rate),
        ("employer_contribution_rate", &d.tax.employer_contribution_rate),
    ] {
        out.push_str(&format!("| `{name}` | {} | {} | {} |\n", r.value, cell(&r.source), cell(&r.note)));
    }
    for (id, ds) in &d.states {
        out.push_str(&format!("\n## `{id}`: {}\n\n", ds.state.label));
        if !ds.state.description.is_empty() {
            out.push_str(&format!("{}\n\n", ds.state.description));
        }
        if let Some(e) = &ds.state.earnings {
            out.push_str(&format!(
                "Earnings: {} a month, employment rate {}, productivity {} (the engine adds production, wage, employer contributions and income taxes).\n\n",
                kronor(e.monthly_wage),
                e.employment_rate,
                e.productivity
            ));
            if let Some((source, note)) = &ds.earnings_source {
                out.push_str(&format!("Wage source: {}\n\nArithmetic: {}\n\n", source, note));
            }
        }
        if ds.state.flows.is_empty() {
            continue;
        }
        out.push_str("| Flow | Payer | Payee | Kronor a year | Source | Arithmetic |\n|---|---|---|---:|---|---|\n");
        for (flow, note) in ds.state.flows.iter().zip(ds.notes.iter().chain(std::iter::repeat(&String::new()))) {
            let end = |a: Option<Actor>| a.map(|a| a.swedish()).unwrap_or("(utanför)");
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(&flow.label),
                end(flow.payer),
                end(flow.payee),
                kronor(flow.amount),
                cell(&flow.source),
                cell(note)
            ));
        }
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::BreakEvenKind;
    use std::str::FromStr;

    #[test]
    fn swedish_amounts_and_percentages() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(kronor(d("1234567.49")), "1 234 567 kr");
        assert_eq!(kronor(d("-800000")), "-800 000 kr");
        assert_eq!(kronor(d("999.5")), "1 000 kr");
        assert_eq!(kronor(d("-0.4")), "0 kr");
        assert_eq!(percent(d("0.068345")), "6,8 %");
        // 29 digits: multiplying by 100 would overflow; the percentage is still written.
        assert_eq!(percent(d("79228162514264337593543950335")), "7922816251426433759354395033500,0 %");
        let be = BreakEven { share: Some(crate::result::Share::new(d("0.068345"))), kind: BreakEvenKind::AtLeast };
        assert_eq!(break_even_sentence("Kommunen", &be, "arbete"), "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete.");
        let always = BreakEven { share: None, kind: BreakEvenKind::Always };
        assert_eq!(
            break_even_sentence("Individen", &always, "arbete"),
            "Individen går jämnt ut eller bättre, oavsett hur många som når arbete."
        );
    }
}
