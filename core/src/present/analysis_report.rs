//! The readable analysis report (`samkalk analyse --format table`): base case, sweep, grid,
//! tornado, switching values, Monte Carlo. Headings are Swedish with English after a slash, as
//! the CLI has always printed them; actor names and numbers follow `lang`.

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::analysis::{AnalysisResult, ByActor, SwitchingKind, Who, WHO_COUNT};
use crate::lang::Lang;
use crate::scenario::Scenario;

use super::format::{kronor, percent};
use super::labels::{actor_label, public_sector_label, society_label, who_label};
use super::parameters::{parameter_label, parameter_value};

fn who_name(i: usize, lang: Lang) -> &'static str {
    Actor::ALL.get(i).map_or(society_label(lang), |a| actor_label(*a, lang))
}

fn who_from_id(id: &str, lang: Lang) -> &'static str {
    who_label(Who::from_id(id).unwrap_or(Who::Society), lang)
}

/// Short column heads for the eight NPV columns.
fn heads(lang: Lang) -> [&'static str; WHO_COUNT] {
    match lang {
        Lang::Sv => ["Kommunen", "Arbetsförm.", "Försäkringsk.", "Regionen", "Staten", "Arbetsgivaren", "Individen", "Samhället"],
        Lang::En => ["Municipality", "Empl. service", "Soc. insurance", "Region", "State", "Employer", "Individual", "Society"],
    }
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

fn lpad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        text.to_string()
    } else {
        format!("{}{text}", " ".repeat(width - n))
    }
}

fn value(x: crate::result::Exact) -> String {
    x.to_string()
}

const W: usize = 16;

fn npv_head(first: &str, first_width: usize, lang: Lang) -> String {
    let mut line = pad(first, first_width);
    for h in heads(lang) {
        line.push_str(&lpad(h, W));
    }
    line.push('\n');
    line
}

fn npv_row(first: &str, first_width: usize, npv: &ByActor, lang: Lang) -> String {
    let mut line = pad(first, first_width);
    for x in npv.as_array() {
        line.push_str(&lpad(&kronor(x.value(), lang), W));
    }
    line.push('\n');
    line
}

/// The readable report of an analysis result: base case, sweep, grid, tornado, switching
/// values, Monte Carlo. With [`Lang::Sv`] it is byte for byte what `samkalk analyse --format
/// table` has printed.
pub fn analysis_table(scenario: &Scenario, r: &AnalysisResult, lang: Lang) -> String {
    let mut out = String::new();
    let name = if scenario.name.is_empty() { String::new() } else { format!(": {}", scenario.name) };
    out.push_str(&format!("Känslighetsanalys / Sensitivity analysis{name}\n\n"));

    out.push_str("Grundkalkyl / Base case: nuvärde (NPV) per aktör\n");
    out.push_str(&format!("{}  {}\n", pad("Aktör", 20), lpad("Nuvärde (NPV)", W)));
    for i in 0..WHO_COUNT {
        // The public sector beside society, calculated exactly from the scenario.
        if i == ACTOR_COUNT {
            if let Ok(public) = crate::public_sector::public_sector(scenario) {
                out.push_str(&format!("{}  {}\n", pad(public_sector_label(lang), 20), lpad(&kronor(public.npv.value(), lang), W)));
            }
        }
        out.push_str(&format!("{}  {}\n", pad(who_name(i, lang), 20), lpad(&kronor(r.base.npv.as_array()[i].value(), lang), W)));
    }

    if let Some(sweep) = &r.sweep {
        out.push_str(&format!("\nKänslighet / Sweep: {} (grundvärde / base {})\n", sweep.parameter, value(sweep.base_value)));
        out.push_str(&npv_head("Värde / value", 14, lang));
        for row in &sweep.rows {
            out.push_str(&npv_row(&value(row.value), 14, &row.outcome.npv, lang));
        }
    }

    if let Some(grid) = &r.grid {
        out.push_str(&format!("\nRutnät / Grid: {} × {}\n", grid.parameters[0], grid.parameters[1]));
        out.push_str(&npv_head("Värden / values", 20, lang));
        for row in &grid.rows {
            out.push_str(&npv_row(&format!("{} × {}", value(row.values[0]), value(row.values[1])), 20, &row.outcome.npv, lang));
        }
    }

    if let Some(tornado) = &r.tornado {
        out.push_str("\nTornado: samhällets nuvärde vid lågt och högt värde, störst spann först / society's NPV at low and high, largest swing first\n");
        // Parameters in words and values in their units (present::parameters), in `lang`.
        let names: Vec<String> = tornado.rows.iter().map(|row| parameter_label(scenario, &row.parameter, lang)).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(9).max(9) + 2;
        let unit = |row: &crate::analysis::TornadoRow, x: crate::result::Exact| parameter_value(&row.parameter, x.value(), lang);
        let vwidth = tornado
            .rows
            .iter()
            .flat_map(|row| [unit(row, row.low), unit(row, row.high)])
            .map(|v| v.chars().count())
            .max()
            .unwrap_or(10)
            .max(10)
            + 2;
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            pad("Parameter", width),
            lpad("Låg / low", vwidth),
            lpad("Hög / high", vwidth),
            lpad("NPV låg", W),
            lpad("NPV hög", W),
            lpad("Spann / swing", W)
        ));
        let widest = tornado.rows.iter().map(|row| row.swing).max().unwrap_or_default();
        for (row, name) in tornado.rows.iter().zip(&names) {
            let bar_len = if widest.value().is_zero() {
                0
            } else {
                // Checked: a swing near the Decimal range must not overflow the scaling.
                let scaled = row.swing.value().checked_mul(Decimal::from(20)).and_then(|x| x.checked_div(widest.value()));
                let scaled =
                    scaled.or_else(|| row.swing.value().checked_div(widest.value()).and_then(|q| q.checked_mul(Decimal::from(20))));
                scaled.unwrap_or_default().round().to_string().parse::<usize>().unwrap_or(0)
            };
            out.push_str(&format!(
                "{}{}{}{}{}{}  {}\n",
                pad(name, width),
                lpad(&unit(row, row.low), vwidth),
                lpad(&unit(row, row.high), vwidth),
                lpad(&kronor(row.npv_low.society().value(), lang), W),
                lpad(&kronor(row.npv_high.society().value(), lang), W),
                lpad(&kronor(row.swing.value(), lang), W),
                "█".repeat(bar_len.min(20))
            ));
        }
    }

    if !r.switching.is_empty() {
        out.push_str("\nBrytvärden / Switching values: där aktörens nuvärde blir noll / where the actor's NPV is zero\n");
        let names: Vec<String> = r.switching.iter().map(|s| parameter_label(scenario, &s.parameter, lang)).collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(9).max(9) + 2;
        out.push_str(&format!(
            "{}{}{}{}  {}\n",
            pad("Parameter", width),
            pad("Aktör", 20),
            lpad("Brytvärde", 18),
            lpad("Grundvärde", 14),
            "Metod / method"
        ));
        for (s, name) in r.switching.iter().zip(&names) {
            let (found, how) = match (s.kind, s.value) {
                (SwitchingKind::None, _) | (_, None) => {
                    ("ingen / none".to_string(), "inget nollställe i intervallet / no crossing in range".to_string())
                }
                (kind, Some(x)) => {
                    let method = if kind == SwitchingKind::Linear { "linjär, exakt / linear, exact" } else { "sökning / search" };
                    let side = match s.gains {
                        Some("above") => ", går plus över / gains above",
                        Some("below") => ", går plus under / gains below",
                        _ => "",
                    };
                    (parameter_value(&s.parameter, x.value(), lang), format!("{method}{side}"))
                }
            };
            out.push_str(&format!(
                "{}{}{}{}  {}\n",
                pad(name, width),
                pad(who_from_id(&s.actor, lang), 20),
                lpad(&found, 18),
                lpad(&parameter_value(&s.parameter, s.base_value.value(), lang), 14),
                how
            ));
        }
    }

    if let Some(mc) = &r.monte_carlo {
        out.push_str(&format!("\nMonte Carlo: {} dragningar / draws, frö / seed {}\n", mc.draws, mc.seed));
        out.push_str(&format!(
            "{}{}{}{}{}{}  {}\n",
            pad("Aktör", 20),
            lpad("Medel / mean", W),
            lpad("Std.avv. / sd", W),
            lpad("P5", W),
            lpad("P50", W),
            lpad("P95", W),
            "Sannolikhet att gå plus / P(NPV ≥ 0)"
        ));
        for (i, st) in mc.statistics.as_array().iter().enumerate() {
            out.push_str(&format!(
                "{}{}{}{}{}{}  {}\n",
                pad(who_name(i, lang), 20),
                lpad(&kronor(st.mean.value(), lang), W),
                lpad(&kronor(st.sd.value(), lang), W),
                lpad(&kronor(st.p5.value(), lang), W),
                lpad(&kronor(st.p50.value(), lang), W),
                lpad(&kronor(st.p95.value(), lang), W),
                lpad(&percent(st.probability_gain.value(), lang), 8)
            ));
        }
    }
    // The inputs of the base case, so that a printed analysis stands on its own.
    out.push('\n');
    out.push_str(&crate::present::assumptions_text(scenario, lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{run, Analysis};

    #[test]
    fn report_in_both_languages() {
        let scenario = Scenario::from_json(
            r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
            "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#,
        )
        .unwrap();
        let analysis = Analysis::from_json(
            r#"{"version": 1, "tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.035"}]}}"#,
        )
        .unwrap();
        let result = run(&scenario, &analysis, &mut |_, _| true).unwrap();
        let sv = analysis_table(&scenario, &result, Lang::Sv);
        let en = analysis_table(&scenario, &result, Lang::En);
        let society = result.base.npv.society();
        assert!(sv.contains(&format!("{}  {}\n", pad("Samhället", 20), lpad(&kronor(society.value(), Lang::Sv), W))), "{sv}");
        assert!(en.contains(&format!("{}  {}\n", pad("Society", 20), lpad(&kronor(society.value(), Lang::En), W))), "{en}");
        assert!(sv.starts_with("Känslighetsanalys / Sensitivity analysis\n\nGrundkalkyl / Base case"));
        assert!(sv.contains("\nDiskonteringsränta  "), "{sv}");
        assert!(en.contains("\nDiscount rate  "), "{en}");
        let public = crate::public_sector::public_sector(&scenario).unwrap();
        assert!(en.contains(&format!("{}  {}\nSociety", pad("Public sector", 20), lpad(&kronor(public.npv.value(), Lang::En), W))), "{en}");
        // It ends with the base case's assumptions in its language.
        assert!(sv.ends_with("\nFörutsättningar\n  Deltagare, A: 20 från AM2: behöver kortare insatser\n  Kostnad per deltagare, A: 40 000 kr\n  Insatsens tid, A: från månad 0 (0 = januari 2026), 6 månader\n  Finansiering, A: Kommunen 100 %\n  Andel till arbete, A: 60 %\n  Andel till arbete utan insatsen (jämförelsegruppen), A: 0 %\n  Kvar i arbete efter ett år, A: 100 %\n  Skattemetod: effektiva skattesatser på bruttolönen\n  Kommunalskatt: 12,05 %\n  Regionskatt: 6,75 %\n  Arbetsgivaravgifter: 31,42 %\n  Diskonteringsränta: 0 %\n  Kalkylperiod: 4 år (2026–2029)\n  Prisår: inte angivet\n  Metodversion: 1\n"), "{sv}");
        assert!(en.contains("\nAssumptions\n  Participants, A: 20 from AM2"), "{en}");
    }
}
