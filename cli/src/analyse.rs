//! `samkalk analyse SCENARIO ANALYSIS`: sensitivity and uncertainty analysis (docs/analysis.md),
//! as JSON or as a readable table in Swedish with English in the headings.

use std::io::IsTerminal;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rust_decimal::Decimal;
use samkalk::analysis::{run, Analysis, AnalysisError, AnalysisResult, ByActor, Exact, SwitchingKind, Who, WHO_COUNT};
use samkalk::report::{kronor, percent};
use samkalk::{Actor, FieldError, Scenario, Value};

/// Output of `analyse`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum AnalyseFormat {
    /// Tables for people.
    Table,
    /// The result JSON of docs/analysis.md.
    Json,
}

/// Runs the subcommand on two input trees (already read from their files).
pub fn analyse(scenario: Result<Value, Vec<FieldError>>, analysis: Result<Value, Vec<FieldError>>, format: AnalyseFormat) -> ExitCode {
    let scenario = scenario.and_then(|v| Scenario::from_value(&v).map_err(|e| e.errors));
    let analysis = analysis.and_then(|v| Analysis::from_value(&v).map_err(|e| e.errors));
    let (scenario, analysis) = match (scenario, analysis) {
        (Ok(s), Ok(a)) => (s, a),
        (s, a) => {
            for e in s.err().unwrap_or_default() {
                eprintln!("scenario: {e}");
            }
            for e in a.err().unwrap_or_default() {
                eprintln!("analysis: {e}");
            }
            return ExitCode::from(1);
        }
    };

    // A progress bar on standard error when it is a terminal; hidden otherwise.
    let bar = ProgressBar::with_draw_target(
        None,
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
    );
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} ({eta})") {
        bar.set_style(style);
    }
    let outcome = run(&scenario, &analysis, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
        true
    });
    bar.finish_and_clear();

    match outcome {
        Ok(result) => {
            match format {
                AnalyseFormat::Json => println!("{}", result.to_json_pretty()),
                AnalyseFormat::Table => print!("{}", table(&scenario, &result)),
            }
            ExitCode::SUCCESS
        }
        Err(AnalysisError::Scenario(errors)) => {
            for e in errors {
                eprintln!("scenario: {e}");
            }
            ExitCode::from(1)
        }
        Err(AnalysisError::Invalid(errors)) => {
            for e in errors {
                eprintln!("analysis: {e}");
            }
            ExitCode::from(1)
        }
        Err(AnalysisError::Cancelled) => {
            eprintln!("cancelled");
            ExitCode::from(130)
        }
    }
}

fn who_name(i: usize) -> &'static str {
    Actor::ALL.get(i).map_or("Samhället", |a| a.swedish())
}

fn who_from_id(id: &str) -> &'static str {
    match Who::from_id(id) {
        Some(Who::Actor(a)) => a.swedish(),
        _ => "Samhället",
    }
}

/// Short column heads for the eight NPV columns.
const HEADS: [&str; WHO_COUNT] =
    ["Kommunen", "Arbetsförm.", "Försäkringsk.", "Regionen", "Staten", "Arbetsgivaren", "Individen", "Samhället"];

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

fn value(x: Exact) -> String {
    x.to_string()
}

const W: usize = 16;

fn npv_head(first: &str, first_width: usize) -> String {
    let mut line = pad(first, first_width);
    for h in HEADS {
        line.push_str(&lpad(h, W));
    }
    line.push('\n');
    line
}

fn npv_row(first: &str, first_width: usize, npv: &ByActor) -> String {
    let mut line = pad(first, first_width);
    for x in npv.as_array() {
        line.push_str(&lpad(&kronor(x.value()), W));
    }
    line.push('\n');
    line
}

/// The readable report: base case, sweep, grid, tornado, switching values, Monte Carlo.
pub fn table(scenario: &Scenario, r: &AnalysisResult) -> String {
    let mut out = String::new();
    let name = if scenario.name.is_empty() { String::new() } else { format!(": {}", scenario.name) };
    out.push_str(&format!("Känslighetsanalys / Sensitivity analysis{name}\n\n"));

    out.push_str("Grundkalkyl / Base case: nuvärde (NPV) per aktör\n");
    out.push_str(&format!("{}  {}\n", pad("Aktör", 20), lpad("Nuvärde (NPV)", W)));
    for i in 0..WHO_COUNT {
        out.push_str(&format!("{}  {}\n", pad(who_name(i), 20), lpad(&kronor(r.base.npv.as_array()[i].value()), W)));
    }

    if let Some(sweep) = &r.sweep {
        out.push_str(&format!("\nKänslighet / Sweep: {} (grundvärde / base {})\n", sweep.parameter, value(sweep.base_value)));
        out.push_str(&npv_head("Värde / value", 14));
        for row in &sweep.rows {
            out.push_str(&npv_row(&value(row.value), 14, &row.outcome.npv));
        }
    }

    if let Some(grid) = &r.grid {
        out.push_str(&format!("\nRutnät / Grid: {} × {}\n", grid.parameters[0], grid.parameters[1]));
        out.push_str(&npv_head("Värden / values", 20));
        for row in &grid.rows {
            out.push_str(&npv_row(&format!("{} × {}", value(row.values[0]), value(row.values[1])), 20, &row.outcome.npv));
        }
    }

    if let Some(tornado) = &r.tornado {
        out.push_str("\nTornado: samhällets nuvärde vid lågt och högt värde, störst spann först / society's NPV at low and high, largest swing first\n");
        let width = tornado.rows.iter().map(|row| row.parameter.chars().count()).max().unwrap_or(9).max(9) + 2;
        out.push_str(&format!(
            "{}{}{}{}{}{}\n",
            pad("Parameter", width),
            lpad("Låg / low", 12),
            lpad("Hög / high", 12),
            lpad("NPV låg", W),
            lpad("NPV hög", W),
            lpad("Spann / swing", W)
        ));
        let widest = tornado.rows.iter().map(|row| row.swing).max().unwrap_or_default();
        for row in &tornado.rows {
            let bar_len = if widest.value().is_zero() {
                0
            } else {
                (row.swing.value() * Decimal::from(20) / widest.value()).round().to_string().parse::<usize>().unwrap_or(0)
            };
            out.push_str(&format!(
                "{}{}{}{}{}{}  {}\n",
                pad(&row.parameter, width),
                lpad(&value(row.low), 12),
                lpad(&value(row.high), 12),
                lpad(&kronor(row.npv_low.society().value()), W),
                lpad(&kronor(row.npv_high.society().value()), W),
                lpad(&kronor(row.swing.value()), W),
                "█".repeat(bar_len.min(20))
            ));
        }
    }

    if !r.switching.is_empty() {
        out.push_str("\nBrytvärden / Switching values: där aktörens nuvärde blir noll / where the actor's NPV is zero\n");
        let width = r.switching.iter().map(|s| s.parameter.chars().count()).max().unwrap_or(9).max(9) + 2;
        out.push_str(&format!(
            "{}{}{}{}  {}\n",
            pad("Parameter", width),
            pad("Aktör", 20),
            lpad("Brytvärde", 18),
            lpad("Grundvärde", 14),
            "Metod / method"
        ));
        for s in &r.switching {
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
                    (value(x), format!("{method}{side}"))
                }
            };
            out.push_str(&format!(
                "{}{}{}{}  {}\n",
                pad(&s.parameter, width),
                pad(who_from_id(&s.actor), 20),
                lpad(&found, 18),
                lpad(&value(s.base_value), 14),
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
                pad(who_name(i), 20),
                lpad(&kronor(st.mean.value()), W),
                lpad(&kronor(st.sd.value()), W),
                lpad(&kronor(st.p5.value()), W),
                lpad(&kronor(st.p50.value()), W),
                lpad(&kronor(st.p95.value()), W),
                lpad(&percent(st.probability_gain.value()), 8)
            ));
        }
    }
    out
}
