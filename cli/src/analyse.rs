//! `samkalk analyse SCENARIO ANALYSIS`: sensitivity and uncertainty analysis (docs/analysis.md),
//! as JSON or as a readable report in one language (`--lang`, Swedish by default).

use std::io::IsTerminal;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use samkalk::analysis::{run_valid, Analysis, AnalysisError, RunOptions};
use samkalk::{FieldError, Lang, ValidScenario, Value};

/// Output of `analyse`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum AnalyseFormat {
    /// Tables for people.
    Table,
    /// The result JSON of docs/analysis.md.
    Json,
}

/// Runs the subcommand on two input trees (already read from their files).
pub fn analyse(
    scenario: Result<Value, Vec<FieldError>>,
    analysis: Result<Value, Vec<FieldError>>,
    format: AnalyseFormat,
    lang: Lang,
) -> ExitCode {
    let scenario = scenario.and_then(|v| ValidScenario::from_value(&v).map_err(|e| e.errors));
    let analysis = analysis.and_then(|v| Analysis::from_value(&v).map_err(|e| e.errors));
    let (scenario, analysis) = match (scenario, analysis) {
        (Ok(s), Ok(a)) => (s, a),
        (s, a) => {
            for e in s.err().unwrap_or_default() {
                eprintln!("scenario: {}", e.line(lang));
            }
            for e in a.err().unwrap_or_default() {
                eprintln!("{}: {}", analysis_label(lang), e.line(lang));
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
    let outcome = run_valid(&scenario, &analysis, RunOptions::default(), &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
        true
    });
    bar.finish_and_clear();

    match outcome {
        Ok(result) => {
            match format {
                AnalyseFormat::Json => println!("{}", result.to_json_pretty()),
                AnalyseFormat::Table => print!("{}", samkalk::report::analysis_table(&scenario, &result, lang)),
            }
            ExitCode::SUCCESS
        }
        Err(AnalysisError::Scenario(errors)) => {
            for e in errors {
                eprintln!("scenario: {}", e.line(lang));
            }
            ExitCode::from(1)
        }
        Err(AnalysisError::Invalid(errors)) => {
            for e in errors {
                eprintln!("{}: {}", analysis_label(lang), e.line(lang));
            }
            ExitCode::from(1)
        }
        Err(AnalysisError::Cancelled) => {
            eprintln!("cancelled");
            ExitCode::from(130)
        }
    }
}
/// What the CLI calls the analysis request when it names the document a fault is in.
fn analysis_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "analys",
        Lang::En => "analysis",
    }
}
