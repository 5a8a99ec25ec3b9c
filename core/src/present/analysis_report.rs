//! The readable analysis report (`samkalk analyse --format table`): base case, sweep, grid,
//! tornado, switching values, Monte Carlo, each table in one language (`lang`), parameters by
//! their names ([`parameter_name`](super::parameter_name): the request's `label`, else the
//! core's words). The words of the front ends' analysis tables and charts are here too
//! ([`analysis_text`]).

use rust_decimal::Decimal;

use crate::actor::{Actor, ACTOR_COUNT};
use crate::analysis::{AnalysisResult, ByActor, SwitchingKind, Who, WHO_COUNT};
use crate::lang::Lang;
use crate::scenario::Scenario;

use super::format::{count, kronor, percent};
use super::labels::{actor_label, public_sector_label, society_label, who_label};
use super::parameters::{analysis_names, parameter_value};

/// The words of the analysis tables and charts, (key, Swedish, English): the keys Python's
/// and JavaScript's tables and charts look them up by, and the report's own headings.
const TEXT: &[(&str, &str, &str)] = &[
    ("title", "Känslighets- och osäkerhetsanalys", "Sensitivity and uncertainty analysis"),
    ("value", "Värde", "Value"),
    ("values", "Värden", "Values"),
    ("parameter", "Parameter", "Parameter"),
    ("actor", "Aktör", "Actor"),
    ("npv", "Nuvärde", "NPV"),
    ("low", "Lågt värde", "Low value"),
    ("high", "Högt värde", "High value"),
    ("npv_low", "Nuvärde lågt", "NPV low"),
    ("npv_high", "Nuvärde högt", "NPV high"),
    ("swing", "Utslag", "Swing"),
    ("base", "Grundscenariot", "Base case"),
    ("base_value", "Grundvärde", "Base value"),
    ("base_npv", "Nuvärde i grundscenariot", "NPV in the base case"),
    ("base_heading", "Grundscenariot: nuvärde per aktör", "Base case: net present value per actor"),
    ("sweep", "Känslighet", "Sweep"),
    ("grid", "Två parametrar", "Grid"),
    ("tornado", "Tornado: nuvärde vid lågt och högt värde", "Tornado: NPV at the low and the high value"),
    (
        "tornado_heading",
        "Tornado: samhällets nuvärde vid lågt och högt värde, störst utslag först",
        "Tornado: society's NPV at the low and the high value, largest swing first",
    ),
    ("switching", "Brytvärden (där nuvärdet passerar noll)", "Switching values (where the NPV crosses zero)"),
    ("switching_heading", "Brytvärden: där aktörens nuvärde blir noll", "Switching values: where the actor's NPV is zero"),
    ("switching_value", "Brytvärde", "Switching value"),
    ("monte_carlo", "Monte Carlo", "Monte Carlo"),
    ("drawn", "Dragna parametrar", "Drawn parameters"),
    ("draws", "dragningar", "draws"),
    ("seed", "frö", "seed"),
    ("mean", "Medelvärde", "Mean"),
    ("sd", "Standardavvikelse", "Standard deviation"),
    ("sd_short", "Std.avvikelse", "Std. deviation"),
    ("p5", "5:e percentil", "5th percentile"),
    ("p50", "Median", "Median"),
    ("p95", "95:e percentil", "95th percentile"),
    ("probability_gain", "Sannolikhet att gå plus", "Probability of a gain"),
    ("kind", "Metod", "Method"),
    ("gains", "Går plus", "Gains"),
    ("above", "över", "above"),
    ("below", "under", "below"),
    ("gains_above", "går plus över", "gains above"),
    ("gains_below", "går plus under", "gains below"),
    ("none", "inget brytvärde i intervallet", "no switching value in the range"),
    ("none_short", "inget", "none"),
    ("linear", "linjärt", "linear"),
    ("linear_exact", "linjärt, exakt", "linear, exact"),
    ("search", "sökning", "search"),
    ("more", "rader till", "more rows"),
    ("histogram", "Nuvärde per aktör", "NPV per actor"),
    ("count", "Antal dragningar", "Draws"),
    ("npv_axis", "Nuvärde (kr)", "NPV (SEK)"),
    ("progress", "Analys", "Analysis"),
];

/// The words of the analysis tables and charts in `lang`, by key (`title`, `low`, `swing`,
/// `probability_gain`, ...), for front ends that draw their own tables and charts of an
/// analysis result (Python's HTML and charts, JavaScript).
///
/// ```
/// use samkalk::{present::analysis_report::analysis_text, Lang};
/// let en = analysis_text(Lang::En);
/// assert!(en.contains(&("swing", "Swing")));
/// assert!(analysis_text(Lang::Sv).contains(&("swing", "Utslag")));
/// ```
pub fn analysis_text(lang: Lang) -> Vec<(&'static str, &'static str)> {
    TEXT.iter().map(|(key, sv, en)| (*key, if lang == Lang::Sv { *sv } else { *en })).collect()
}

fn t(key: &str, lang: Lang) -> &'static str {
    TEXT.iter().find(|(k, _, _)| *k == key).map_or("", |(_, sv, en)| if lang == Lang::Sv { sv } else { en })
}

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

/// The readable report of an analysis result in `lang`: base case, sweep, grid, tornado,
/// switching values, Monte Carlo, then the base case's assumptions; what `samkalk analyse
/// --format table --lang sv|en` prints. Parameters are named by the request's `label` when it
/// gives one, else in the core's words.
///
/// ```
/// use samkalk::{analysis, present::analysis_report::analysis_table, Lang, Scenario};
///
/// let scenario = Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap();
/// let request = analysis::Analysis::from_json(r#"{"sweep": {"parameter": "discount_rate", "values": ["0", "0.035"]}}"#).unwrap();
/// let result = analysis::run(&scenario, &request, &mut |_, _| true).unwrap();
/// let sv = analysis_table(&scenario, &result, Lang::Sv);
/// assert!(sv.contains("Diskonteringsränta"));
/// assert!(sv.contains("Förutsättningar"));
/// assert!(analysis_table(&scenario, &result, Lang::En).contains("Discount rate"));
/// ```
pub fn analysis_table(scenario: &Scenario, r: &AnalysisResult, lang: Lang) -> String {
    let mut out = String::new();
    let names = analysis_names(scenario, r, lang);
    let name = if scenario.name.is_empty() { String::new() } else { format!(": {}", scenario.name) };
    out.push_str(&format!("{}{name}\n\n", t("title", lang)));

    out.push_str(&format!("{}\n", t("base_heading", lang)));
    out.push_str(&format!("{}  {}\n", pad(t("actor", lang), 20), lpad(t("npv", lang), W)));
    for i in 0..WHO_COUNT {
        // The public sector beside society, calculated exactly from the scenario.
        if i == ACTOR_COUNT {
            if let Ok(public) = crate::public_sector::public_sector(scenario) {
                out.push_str(&format!("{}  {}\n", pad(public_sector_label(lang), 20), lpad(&kronor(public.npv.value(), lang), W)));
            }
        }
        out.push_str(&format!("{}  {}\n", pad(who_name(i, lang), 20), lpad(&kronor(r.base.npv.as_array()[i].value(), lang), W)));
    }

    if let (Some(sweep), Some(label)) = (&r.sweep, &names.sweep) {
        let base = parameter_value(&sweep.parameter, sweep.base_value.value(), lang);
        out.push_str(&format!("\n{}: {label} ({} {base})\n", t("sweep", lang), t("base_value", lang).to_lowercase()));
        out.push_str(&npv_head(t("value", lang), 14, lang));
        for row in &sweep.rows {
            out.push_str(&npv_row(&value(row.value), 14, &row.outcome.npv, lang));
        }
    }

    if let (Some(grid), Some([first, second])) = (&r.grid, &names.grid) {
        out.push_str(&format!("\n{}: {first} × {second}\n", t("grid", lang)));
        out.push_str(&npv_head(t("values", lang), 20, lang));
        for row in &grid.rows {
            out.push_str(&npv_row(&format!("{} × {}", value(row.values[0]), value(row.values[1])), 20, &row.outcome.npv, lang));
        }
    }

    if let Some(tornado) = &r.tornado {
        out.push_str(&format!("\n{}\n", t("tornado_heading", lang)));
        let width = names.tornado.iter().map(|n| n.chars().count()).max().unwrap_or(9).max(9) + 2;
        let unit = |row: &crate::analysis::TornadoRow, x: crate::result::Exact| parameter_value(&row.parameter, x.value(), lang);
        let vwidth = tornado
            .rows
            .iter()
            .flat_map(|row| [unit(row, row.low), unit(row, row.high)])
            .chain([t("low", lang).to_string(), t("high", lang).to_string()])
            .map(|v| v.chars().count())
            .max()
            .unwrap_or(10)
            .max(10)
            + 2;
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            pad(t("parameter", lang), width),
            lpad(t("low", lang), vwidth),
            lpad(t("high", lang), vwidth),
            lpad(t("npv_low", lang), W),
            lpad(t("npv_high", lang), W),
            lpad(t("swing", lang), W)
        ));
        let widest = tornado.rows.iter().map(|row| row.swing).max().unwrap_or_default();
        for (row, name) in tornado.rows.iter().zip(&names.tornado) {
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
        out.push_str(&format!("\n{}\n", t("switching_heading", lang)));
        let width = names.switching.iter().map(|n| n.chars().count()).max().unwrap_or(9).max(9) + 2;
        out.push_str(&format!(
            "{}{}{}{}  {}\n",
            pad(t("parameter", lang), width),
            pad(t("actor", lang), 20),
            lpad(t("switching_value", lang), 18),
            lpad(t("base_value", lang), 14),
            t("kind", lang)
        ));
        for (s, name) in r.switching.iter().zip(&names.switching) {
            let (found, how) = match (s.kind, s.value) {
                (SwitchingKind::None, _) | (_, None) => (t("none_short", lang).to_string(), t("none", lang).to_string()),
                (kind, Some(x)) => {
                    let method = if kind == SwitchingKind::Linear { t("linear_exact", lang) } else { t("search", lang) };
                    let side = match s.gains {
                        Some("above") => format!(", {}", t("gains_above", lang)),
                        Some("below") => format!(", {}", t("gains_below", lang)),
                        _ => String::new(),
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
        let draws = i64::try_from(mc.draws).map(|n| count(n, lang)).unwrap_or_else(|_| mc.draws.to_string());
        out.push_str(&format!("\n{}: {draws} {}, {} {}\n", t("monte_carlo", lang), t("draws", lang), t("seed", lang), mc.seed));
        out.push_str(&format!("{}: {}\n", t("drawn", lang), names.monte_carlo.join("; ")));
        out.push_str(&format!(
            "{}{}{}{}{}{}  {}\n",
            pad(t("actor", lang), 20),
            lpad(t("mean", lang), W),
            lpad(t("sd_short", lang), W),
            lpad("P5", W),
            lpad("P50", W),
            lpad("P95", W),
            t("probability_gain", lang)
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
        assert!(sv.starts_with("Känslighets- och osäkerhetsanalys\n\nGrundscenariot: nuvärde per aktör\nAktör "), "{sv}");
        assert!(en.starts_with("Sensitivity and uncertainty analysis\n\nBase case: net present value per actor\nActor "), "{en}");
        // One language at a time: no heading of the other language in either.
        for (text, other) in [(&sv, Lang::En), (&en, Lang::Sv)] {
            for key in ["title", "base_heading", "tornado_heading", "low", "high", "npv_low", "npv_high", "swing"] {
                assert!(!text.contains(t(key, other)), "{key}: {text}");
            }
            assert!(!text.contains(" / "), "{text}");
        }
        assert!(
            sv.contains(
                "\nParameter             Lågt värde  Högt värde    Nuvärde lågt    Nuvärde högt          Utslag\nDiskonteringsränta    "
            ),
            "{sv}"
        );
        assert!(
            en.contains("\nParameter         Low value  High value         NPV low        NPV high           Swing\nDiscount rate  "),
            "{en}"
        );
        assert!(sv.contains("\nDiskonteringsränta  "), "{sv}");
        assert!(en.contains("\nDiscount rate  "), "{en}");
        let public = crate::public_sector::public_sector(&scenario).unwrap();
        assert!(en.contains(&format!("{}  {}\nSociety", pad("Public sector", 20), lpad(&kronor(public.npv.value(), Lang::En), W))), "{en}");
        // It ends with the base case's assumptions in its language.
        assert!(sv.ends_with("\nFörutsättningar\n  Deltagare, A: 20 från AM2: behöver kortare insatser\n  Kostnad per deltagare, A: 40 000 kr\n  Insatsens tid, A: från månad 0 (0 = januari 2026), 6 månader\n  Finansiering, A: Kommunen 100 %\n  Andel till arbete, A: 60 %\n  Andel till arbete utan insatsen (jämförelsegruppen), A: 0 %\n  Kvar i arbete efter ett år, A: 100 %\n  Skattemetod: effektiva skattesatser på bruttolönen\n  Kommunalskatt: 12,05 %\n  Regionskatt: 6,75 %\n  Arbetsgivaravgifter: 31,42 %\n  Diskonteringsränta: 0 %\n  Kalkylperiod: 4 år (2026–2029)\n  Prisår: inte angivet\n  Metodversion: 1\n"), "{sv}");
        assert!(en.contains("\nAssumptions\n  Participants, A: 20 from AM2"), "{en}");
    }
}
