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
/// ([`crate::present::kronor`] in Swedish). Rounded half away from zero.
///
/// ```
/// use samkalk::report::kronor;
/// assert_eq!(kronor("1234567.5".parse().unwrap()), "1 234 568 kr");
/// assert_eq!(kronor((-800_000).into()), "-800 000 kr");
/// ```
pub fn kronor(x: Decimal) -> String {
    present::kronor(x, Lang::Sv)
}

/// A share as a Swedish percentage with one decimal: `6,8 %` ([`crate::present::percent`] in
/// Swedish; never panics, whatever the share).
///
/// ```
/// use samkalk::report::percent;
/// assert_eq!(percent("0.06834".parse().unwrap()), "6,8 %");
/// assert_eq!(percent(1.into()), "100,0 %");
/// ```
pub fn percent(share: Decimal) -> String {
    present::percent(share, Lang::Sv)
}

/// "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete." Without the comparison
/// group; [`crate::present::break_even_sentence`] takes it and the language.
///
/// ```
/// use samkalk::{report::break_even_sentence, BreakEven, BreakEvenKind, Share};
/// let at_least = BreakEven { share: Some(Share::new("0.068".parse().unwrap())), kind: BreakEvenKind::AtLeast };
/// assert_eq!(break_even_sentence("Kommunen", &at_least, "arbete"), "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete.");
/// let always = BreakEven { share: None, kind: BreakEvenKind::Always };
/// assert!(break_even_sentence("Staten", &always, "arbete").starts_with("Staten "));
/// ```
pub fn break_even_sentence(who: &str, be: &BreakEven, target: &str) -> String {
    present::break_even_sentence(who, be, target, None, Lang::Sv)
}

pub use crate::present::analysis_report::analysis_table;
use crate::present::state_phrase;

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

/// The readable report in Swedish: a heading, the years and discount rate, the cohorts, a
/// block of figures per actor, the public sector and society, the break-even sentences and the
/// assumptions (what `samkalk calculate --format table` prints).
///
/// ```
/// # let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
/// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// # let result = samkalk::calculate(&scenario).unwrap();
/// let report = samkalk::report::table(&scenario, &result);
/// assert!(report.starts_with("Socioekonomisk investeringskalkyl\nÅr 2026–2029, diskonteringsränta 0,0 %\n"));
/// assert!(report.contains("  A: 20 deltagare från AM2"));
/// // The municipality pays the 20 × 40 000 kr in the first year.
/// let investment = report.lines().find(|l| l.starts_with("Investering")).unwrap();
/// assert_eq!(investment.split_whitespace().collect::<Vec<_>>()[1..4], ["800", "000", "kr"]);
/// assert!(report.contains("\nOffentlig sektor\n") && report.contains("\nSamhället\n"));
/// ```
pub fn table(scenario: &Scenario, result: &CalculationResult) -> String {
    let mut out = String::new();
    let heading = present::Heading::Title.label(Lang::Sv);
    let title = if scenario.name.is_empty() { heading.to_string() } else { format!("{heading}: {}", scenario.name) };
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
        let name = if cohort.name.is_empty() { present::Heading::Cohort.label(Lang::Sv) } else { &cohort.name };
        out.push_str(&format!("  {name}: {} deltagare från {}\n", cohort.participants, state_phrase(scenario, &cohort.origin)));
    }
    for actor in Actor::ALL {
        actor_block(&mut out, actor.swedish(), result.actor(actor), &result.years);
    }
    // The public sector beside society; it is calculated again from the scenario, exactly, since
    // the result holds only rounded figures (an invalid scenario has no result to report).
    if let Ok(public) = crate::public_sector::public_sector(scenario) {
        actor_block(&mut out, present::public_sector_label(Lang::Sv), &public, &result.years);
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
    // The inputs that made the numbers, so that a printed report stands on its own.
    out.push('\n');
    out.push_str(&present::assumptions_text(scenario, Lang::Sv));
    out
}

/// A tidy table: one row per actor (and society) and year, amounts to öre with a decimal
/// point (`samkalk calculate --format csv`).
///
/// ```
/// # let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
/// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// # let result = samkalk::calculate(&scenario).unwrap();
/// let csv = samkalk::report::csv(&result);
/// let lines: Vec<&str> = csv.lines().collect();
/// assert_eq!(lines[0], "actor,year,gain,investment,net,cumulative_net");
/// assert!(lines[1].starts_with("municipality,2026,") && lines[1].contains(",800000.00,"));
/// // Eight rows (seven actors and society) of four years.
/// assert_eq!(lines.len(), 1 + 8 * 4);
/// assert!(lines[32].starts_with("society,2029,"));
/// ```
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
///
/// ```
/// let doc = samkalk::report::defaults_markdown();
/// assert!(doc.starts_with("# samkalk's built-in parameter set\n"));
/// // One row of yearly net per built-in state, each under its own heading further down.
/// for id in samkalk::defaults().states.keys() {
///     assert!(doc.contains(&format!("| `{id}` ")) && doc.contains(&format!("\n## `{id}`: ")), "{id}");
/// }
/// ```
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
    out.push_str(&default_job_tax_markdown());
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

/// docs/defaults.md's section on the default job's income tax: each actor's yearly tax in
/// kronor under the effective rates (version 1) and under the rules (version 2, at the
/// national average nominal rates), with the rules' derivation step by step. Every figure is
/// the engine's ([`crate::tax::TaxRules::income_tax`], [`crate::flow::rules_flows`]); empty
/// when the defaults have no job or the data no rules.
fn default_job_tax_markdown() -> String {
    use crate::scenario::TaxMethod;
    use crate::state::taxable_income;
    let mut v2 = Scenario::new(crate::defaults::defaults().price_year);
    v2.version = 2;
    v2.tax.method = Some(TaxMethod::Rules);
    let model = crate::calculate::resolved_model(&v2);
    let (Some(rt), Some(work)) = (model.rules, resolve_state(&v2, "work")) else { return String::new() };
    let Some(e) = &work.earnings else { return String::new() };
    let Ok((earned, other)) = taxable_income(work) else { return String::new() };
    let rates = crate::tax::LocalRates { municipal: rt.municipal_rate, regional: rt.regional_rate, fees: Decimal::ZERO };
    let Ok(t) = rt.rules.income_tax(crate::tax::Income { earned, other }, rates) else { return String::new() };
    let Ok(flows) = crate::flow::rules_flows(earned, other, &rt) else { return String::new() };
    let Ok(total) = t.total() else { return String::new() };
    let r = rt.rules;
    let pct = exact_percent;
    let kr = |x: Decimal| present::kronor_ore(x, Lang::Sv);
    let nat = crate::tax::municipalities(r.year).map(|m| m.national_source.clone()).unwrap_or_default();
    let mut out = format!(
        "\n## Income tax on the default job: effective rates (version 1) and the rules (version 2)\n\n\
         The default job (`work`, {} a month, employment rate {}) is {} of earned income a year. Version 1 books the effective rates \
         above on the gross wage. Version 2 with `tax.method = \"rules\"` computes the tax from the rules of income year {} \
         (core/data/tax.toml, each figure with its source there) at the national average nominal rates, municipal {} and regional {} \
         ({}), and books it per actor: the municipality and the region receive their nominal rates on the taxable income, the \
         jobbskatteavdrag and the other tax reductions are borne by the state, state income tax and the fees go to the state. \
         Every figure below is computed by the engine.\n\n| Step | Kronor a year | Rule |\n|---|---:|---|\n",
        kronor(e.monthly_wage),
        e.employment_rate,
        kronor(earned),
        r.year,
        pct(rt.municipal_rate),
        pct(rt.regional_rate),
        cell(&nat)
    );
    let steps = [
        ("Earned income (förvärvsinkomst)", earned, "monthly wage × 12 × employment rate".to_string()),
        ("Fastställd förvärvsinkomst", t.assessed_income, "rounded down to whole hundreds".to_string()),
        (
            "Grundavdrag",
            t.grundavdrag,
            format!(
                "by bands of the assessed income in prisbasbelopp ({} kr), rounded up to {} kr",
                kronor_plain(r.prisbasbelopp),
                kronor_plain(r.grundavdrag_round_up)
            ),
        ),
        ("Beskattningsbar förvärvsinkomst", t.taxable_income, "fastställd förvärvsinkomst − grundavdrag".to_string()),
        ("Kommunalskatt (to the municipality)", t.municipal_tax, format!("taxable income × {}, rounded down", pct(rt.municipal_rate))),
        ("Regionskatt (to the region)", t.regional_tax, format!("taxable income × {}, rounded down", pct(rt.regional_rate))),
        (
            "Statlig inkomstskatt (to the state)",
            t.state_tax,
            format!("{} of the taxable income above {} kr", pct(r.state_tax_rate), kronor_plain(r.state_tax_threshold)),
        ),
        (
            "Allmän pensionsavgift (to the state)",
            t.pension_fee,
            format!("{} of the assessed income, to the nearest {} kr", pct(r.pension_fee_rate), kronor_plain(r.pension_fee_round_to)),
        ),
        (
            "− Skattereduktion för allmän pensionsavgift (state)",
            t.pension_fee_reduction,
            "the fee, at most the kommunal and state income tax".to_string(),
        ),
        (
            "− Jobbskatteavdrag (state)",
            t.jobbskatteavdrag,
            format!(
                "(band value of the earned income − grundavdrag) × kommunal rate {}, rounded down, at most the kommunal tax left",
                pct(rt.municipal_rate + rt.regional_rate)
            ),
        ),
        (
            "− Skattereduktion för förvärvsinkomst (state)",
            t.earned_income_reduction,
            format!(
                "{} of the taxable income above {} kr, at most {} kr and the tax left",
                pct(r.earned_income_reduction_rate),
                kronor_plain(r.earned_income_reduction_threshold),
                kronor_plain(r.earned_income_reduction_max)
            ),
        ),
        (
            "Public service-avgift (to the state)",
            t.public_service_fee,
            format!("{} of the taxable income, at most {} kr", pct(r.public_service_fee_rate), kronor_plain(r.public_service_fee_max)),
        ),
        ("Tax the individual pays in all", total, "taxes and fees − reductions".to_string()),
    ];
    for (step, amount, rule) in steps {
        out.push_str(&format!("| {step} | {} | {} |\n", kr(amount), cell(&rule)));
    }
    // Each actor's yearly tax: version 1 from the effective rates on the wage, version 2 from
    // the rules' flows (a payer's amount counts as paid, a payee's as received).
    let mut v1 = [Decimal::ZERO; 7];
    let mut v2 = [Decimal::ZERO; 7];
    let tax = &model.tax;
    for (actor, rate) in [(Actor::Municipality, tax.municipal_rate), (Actor::Region, tax.regional_rate)] {
        let amount = earned.checked_mul(rate).unwrap_or_default();
        v1[actor.index()] += amount;
        v1[Actor::Individual.index()] -= amount;
    }
    for (_, payer, payee, amount) in flows {
        if let Some(a) = payer {
            v2[a.index()] -= amount;
        }
        if let Some(a) = payee {
            v2[a.index()] += amount;
        }
    }
    out.push_str(
        "\nEach actor's income tax on the default job (received +, paid −; employer contributions are the same under both methods and left out):\n\n\
         | Actor | Version 1, effective rates | Version 2, rules | Difference |\n|---|---:|---:|---:|\n",
    );
    for a in Actor::ALL {
        let (x, y) = (v1[a.index()], v2[a.index()]);
        if x.is_zero() && y.is_zero() {
            continue;
        }
        out.push_str(&format!("| {} | {} | {} | {} |\n", a.swedish(), kr(x), kr(y), kr(y - x)));
    }
    out
}

/// A rate as an exact Swedish percentage, every decimal kept: `0.2077` → `20,77 %`.
fn exact_percent(x: Decimal) -> String {
    let p = x.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(x).normalize();
    format!("{} %", p.to_string().replace('.', ","))
}

/// Whole kronor with thousands separators and no unit, for a figure inside a sentence.
fn kronor_plain(x: Decimal) -> String {
    present::kronor(x, Lang::Sv).trim_end_matches(" kr").to_string()
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::BreakEvenKind;
    use std::str::FromStr;

    /// The amount in a markdown row's `n`th cell ("57 802,00 kr" → 57802.00).
    fn amount_in(row: &str, n: usize) -> Decimal {
        let cell = row.split('|').nth(n).unwrap().trim().trim_end_matches(" kr").replace(' ', "").replace(',', ".");
        Decimal::from_str(&cell).unwrap()
    }

    #[test]
    fn the_default_jobs_tax_under_both_methods() {
        let md = defaults_markdown();
        let row = |start: &str| md.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no row {start}")).to_string();
        // The derivation holds together: taxable = assessed − grundavdrag, and the municipal
        // and regional taxes are the national average nominal rates on it, rounded down.
        let assessed = amount_in(&row("| Fastställd förvärvsinkomst |"), 2);
        assert_eq!(assessed, Decimal::from(310_800), "25 900 kr × 12");
        let taxable = amount_in(&row("| Beskattningsbar förvärvsinkomst |"), 2);
        assert_eq!(taxable, assessed - amount_in(&row("| Grundavdrag |"), 2));
        assert_eq!(amount_in(&row("| Kommunalskatt (to the municipality) |"), 2), (taxable * Decimal::new(2077, 4)).floor());
        assert_eq!(amount_in(&row("| Regionskatt (to the region) |"), 2), (taxable * Decimal::new(1164, 4)).floor());
        // Version 1: the effective rates on the gross wage (0.1205 and 0.0675).
        assert_eq!(amount_in(&row("| Kommunen |"), 2), Decimal::from_str("37451.40").unwrap());
        assert_eq!(amount_in(&row("| Regionen |"), 2), Decimal::from_str("20979.00").unwrap());
        // Version 2: what the individual pays is what the actors receive, and the municipality
        // receives the whole nominal municipal tax (the jobbskatteavdrag is the state's).
        let actors = ["| Kommunen |", "| Regionen |", "| Staten |", "| Individen |"];
        assert_eq!(actors.iter().map(|a| amount_in(&row(a), 3)).sum::<Decimal>(), Decimal::ZERO);
        assert_eq!(-amount_in(&row("| Individen |"), 3), amount_in(&row("| Tax the individual pays in all |"), 2));
        assert_eq!(amount_in(&row("| Kommunen |"), 3), amount_in(&row("| Kommunalskatt (to the municipality) |"), 2));
        let jsa = amount_in(&row("| − Jobbskatteavdrag (state) |"), 2);
        assert!(jsa > Decimal::ZERO && amount_in(&row("| Staten |"), 3) <= -jsa + Decimal::from(1249));
    }

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
