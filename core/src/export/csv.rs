//! The tidy CSV in two forms. English: today's `actor,year,gain,investment,net,cumulative_net`
//! with actor ids, commas and decimal points (for programs). Swedish: what Swedish Excel opens
//! as a table with a double click: UTF-8 with a byte order mark (else Excel reads the text as
//! Windows-1252), semicolons between fields, decimal commas, Swedish headers and actor names,
//! and the assumptions in the first rows above the table.

use rust_decimal::Decimal;

use crate::actor::Actor;
use crate::calculate::{resolve_state, resolved_tax};
use crate::export::plain;
use crate::lang::Lang;
use crate::present::{actor_label as actor_name, society_label as society_name, OutcomeField};
use crate::result::{fixed, CalculationResult};
use crate::scenario::Scenario;

/// The byte order mark that tells Excel the file is UTF-8: the Swedish CSV's first character.
///
/// ```
/// use samkalk::export::csv::{csv, BOM};
/// let scenario = samkalk::Scenario::new(2026);
/// let result = samkalk::calculate(&scenario).unwrap();
/// assert!(csv(&scenario, &result, samkalk::Lang::Sv).starts_with(BOM));
/// assert!(!csv(&scenario, &result, samkalk::Lang::En).starts_with(BOM));
/// ```
pub const BOM: char = '\u{FEFF}';

/// The header of the Swedish table, in the English CSV's column order.
///
/// ```
/// use samkalk::export::csv::{csv, SWEDISH_HEADER};
/// let scenario = samkalk::Scenario::new(2026);
/// let result = samkalk::calculate(&scenario).unwrap();
/// let sv = csv(&scenario, &result, samkalk::Lang::Sv);
/// assert!(sv.contains(&format!("\r\n{}\r\n", SWEDISH_HEADER.join(";"))));
/// assert_eq!(SWEDISH_HEADER[5], "Ackumulerat netto");
/// ```
pub const SWEDISH_HEADER: [&str; 6] = ["Aktör", "År", "Vinst", "Investering", "Netto", "Ackumulerat netto"];

/// The CSV in `lang`: [`Lang::En`] is exactly [`crate::report::csv`]; [`Lang::Sv`] is the
/// Swedish Excel form with the assumptions above the table.
///
/// ```
/// let scenario = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"origin": "AM2",
///     "participants": 10, "intervention": {"cost_per_participant": "1000.5"}}]}"#).unwrap();
/// let result = samkalk::calculate(&scenario).unwrap();
/// let sv = samkalk::export::csv::csv(&scenario, &result, samkalk::Lang::Sv);
/// assert!(sv.starts_with('\u{FEFF}'));
/// assert!(sv.contains("\r\nAktör;År;Vinst;Investering;Netto;Ackumulerat netto\r\n"));
/// assert!(sv.contains("\r\nKommunen;2026;0,00;10005,00;-10005,00;-10005,00\r\n"));
/// assert_eq!(samkalk::export::csv::csv(&scenario, &result, samkalk::Lang::En), samkalk::report::csv(&result));
/// ```
pub fn csv(scenario: &Scenario, result: &CalculationResult, lang: Lang) -> String {
    match lang {
        Lang::En => crate::report::csv(result),
        Lang::Sv => swedish(scenario, result),
    }
}

/// A decimal with a decimal comma, exactly as held (`0,035`, `40000`).
fn number(x: Decimal) -> String {
    plain(x).replace('.', ",")
}

/// Money to öre with a decimal comma (`-10005,00`), no thousands separator: Excel reads it as a
/// number in a Swedish locale.
fn money(x: Decimal) -> String {
    fixed(x, 2).replace('.', ",")
}

/// A text field: quoted when it holds a separator, a quote or a line break; text that Excel
/// would take for a formula (`=`, `+`, `-`, `@` first) is marked as text with an apostrophe,
/// so that a cohort's name never runs as a formula.
fn text(s: &str) -> String {
    let mut s = s.replace(['\r', '\n'], " ");
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([';', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(";"));
    out.push_str("\r\n");
}

fn swedish(scenario: &Scenario, result: &CalculationResult) -> String {
    let mut out = String::new();
    out.push(BOM);
    let s = |x: &str| x.to_string();
    line(&mut out, &[s(crate::present::Heading::Title.label(Lang::Sv)), text(&scenario.name)]);
    let first = result.years.first().copied().unwrap_or(scenario.start_year);
    let last = result.years.last().copied().unwrap_or(scenario.start_year);
    line(&mut out, &[s("År"), format!("{first}–{last}")]);
    line(&mut out, &[s("Prisår"), scenario.price_year.map(|p| p.to_string()).unwrap_or_else(|| "ej angivet".into())]);
    line(&mut out, &[s("Diskonteringsränta"), number(scenario.discount_rate)]);
    let tax = resolved_tax(scenario);
    line(&mut out, &[s("Kommunalskatt"), number(tax.municipal_rate)]);
    line(&mut out, &[s("Regionskatt"), number(tax.regional_rate)]);
    line(&mut out, &[s("Arbetsgivaravgifter"), number(tax.employer_contribution_rate)]);
    line(&mut out, &[s("Metodversion"), scenario.version.to_string()]);
    out.push_str("\r\n");
    line(
        &mut out,
        &[
            "Grupp",
            "Deltagare",
            "Från",
            "Kostnad per deltagare",
            "Fast kostnad",
            "Optimismpåslag",
            "Längd (månader)",
            "Startmånad",
            "Finansiering",
        ]
        .map(s),
    );
    for (i, c) in scenario.cohorts.iter().enumerate() {
        let iv = &c.intervention;
        let financing: Vec<String> = Actor::ALL
            .into_iter()
            .filter_map(|a| {
                iv.financing
                    .get(&a)
                    .map(|share| format!("{} {} %", a.swedish(), number(share.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(*share))))
            })
            .collect();
        line(
            &mut out,
            &[
                text(&cohort_name(&c.name, i)),
                c.participants.to_string(),
                text(&state_name(scenario, &c.origin)),
                number(iv.cost_per_participant),
                number(iv.fixed_cost),
                number(iv.optimism_bias),
                iv.duration_months.to_string(),
                iv.start_month.to_string(),
                text(&financing.join(" + ")),
            ],
        );
    }
    if scenario.cohorts.iter().any(|c| !c.outcomes.is_empty()) {
        out.push_str("\r\n");
        line(&mut out, &["Grupp", "Till"].into_iter().chain(OutcomeField::ALL.map(|f| f.label(Lang::Sv))).map(s).collect::<Vec<_>>());
        for (i, c) in scenario.cohorts.iter().enumerate() {
            for o in &c.outcomes {
                line(
                    &mut out,
                    &[
                        text(&cohort_name(&c.name, i)),
                        text(&state_name(scenario, &o.target)),
                        number(o.share),
                        number(o.counterfactual_share),
                        number(o.deadweight),
                        number(o.attribution),
                        number(o.displacement),
                        number(o.retention),
                        o.lag_months.to_string(),
                    ],
                );
            }
        }
    }
    out.push_str("\r\n");
    line(&mut out, &SWEDISH_HEADER.map(s));
    let names = Actor::ALL.into_iter().map(|a| actor_name(a, Lang::Sv)).chain(std::iter::once(society_name(Lang::Sv)));
    for ((_, r), name) in result.rows().zip(names) {
        for (t, year) in result.years.iter().enumerate() {
            line(
                &mut out,
                &[
                    s(name),
                    year.to_string(),
                    money(r.gain[t].value()),
                    money(r.investment[t].value()),
                    money(r.net[t].value()),
                    money(r.cumulative_net[t].value()),
                ],
            );
        }
    }
    out
}

/// A cohort's name, or "Grupp 1" when it has none.
fn cohort_name(name: &str, index: usize) -> String {
    if name.trim().is_empty() {
        format!("Grupp {}", index + 1)
    } else {
        name.to_string()
    }
}

/// A state by its label with its id (`AM2: behöver kortare insatser (AM2)`), or its id alone.
fn state_name(scenario: &Scenario, id: &str) -> String {
    match resolve_state(scenario, id).map(|s| s.label.trim()).filter(|l| !l.is_empty()) {
        Some(label) if label != id => format!("{label} ({id})"),
        _ => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_quoted_and_never_formulas() {
        assert_eq!(text("AM2; grupp"), "\"AM2; grupp\"");
        assert_eq!(text("Säg \"hej\""), "\"Säg \"\"hej\"\"\"");
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("rad\nett"), "rad ett");
        assert_eq!(number(Decimal::new(35, 3)), "0,035");
        assert_eq!(money(Decimal::new(-1000550, 2)), "-10005,50");
    }
}
