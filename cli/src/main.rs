//! `samkalk`: calculate, validate, print the defaults or the scenario schema.

mod analyse;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use samkalk::{Fault, FieldError, Lang, Scenario, ScenarioError, Value};

#[derive(Parser)]
#[command(
    name = "samkalk",
    version,
    about = "Socioekonomisk investeringskalkyl: who gains how much, year by year, from a labour-market intervention"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of fault messages on standard error: sv (svenska) or en (English).
    #[arg(long, value_enum, global = true, default_value_t = LangArg::Sv)]
    lang: LangArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Calculate a scenario (JSON or TOML; `-` reads standard input).
    Calculate {
        file: PathBuf,
        /// json: MODEL.md's result; table: a report in Swedish; csv: actor, year, gain, investment, net, cumulative_net;
        /// trace: the effect trace (method version 2) as CSV: cohort, year, state, participants.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Check a scenario; prints {"errors": [...]}, exits 1 when there are any.
    Validate { file: PathBuf },
    /// Print the built-in parameter set, every number with its source.
    Defaults {
        #[arg(long, value_enum, default_value_t = DefaultsFormat::Json)]
        format: DefaultsFormat,
        /// Restate the built-in states to this price year by the prisbasbelopp (JSON only).
        #[arg(long)]
        price_year: Option<i64>,
    },
    /// List the municipalities' income tax rates (Skatteverket, skattesatser).
    Municipalities {
        #[arg(long, value_enum, default_value_t = MunicipalitiesFormat::Table)]
        format: MunicipalitiesFormat,
        /// The income year (default: the latest in the data).
        #[arg(long)]
        year: Option<i64>,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
    /// Sensitivity and uncertainty analysis: sweep, grid, tornado, switching values, Monte Carlo
    /// (docs/analysis.md). Both files JSON or TOML.
    Analyse {
        scenario: PathBuf,
        analysis: PathBuf,
        /// json: the analysis result JSON; table: readable tables.
        #[arg(long, value_enum, default_value_t = analyse::AnalyseFormat::Json)]
        format: analyse::AnalyseFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
    Csv,
    Trace,
}

#[derive(Clone, Copy, ValueEnum)]
enum MunicipalitiesFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DefaultsFormat {
    Json,
    /// The readable table of docs/defaults.md.
    Markdown,
}

/// Reads a scenario file into the input tree: TOML by extension (or, on standard input, when
/// the text does not start like JSON), JSON otherwise.
fn read_input(file: &PathBuf) -> Result<Value, ScenarioError> {
    let (text, toml) = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| FieldError::new("", Fault::CannotRead { file: None, reason: e.to_string() }))?;
        let toml = !matches!(text.trim_start().chars().next(), Some('{' | '[' | '"') | None);
        (text, toml)
    } else {
        let text = std::fs::read_to_string(file)
            .map_err(|e| FieldError::new("", Fault::CannotRead { file: Some(file.display().to_string()), reason: e.to_string() }))?;
        let toml = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        (text, toml)
    };
    if toml {
        samkalk::value::parse_toml(&text).map_err(|e| FieldError::new("", Fault::NotToml { detail: e.to_string() }).into())
    } else {
        samkalk::parse_json(&text).map_err(|e| e.fault().into())
    }
}

fn print_errors(error: &ScenarioError, lang: Lang) {
    for e in &error.errors {
        eprintln!("{}", e.line(lang));
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::from(cli.lang);
    match cli.command {
        Command::Calculate { file, format } => {
            let outcome = read_input(&file).and_then(|v| Scenario::from_value(&v)).and_then(|s| samkalk::calculate(&s).map(|r| (s, r)));
            match outcome {
                Ok((scenario, result)) => {
                    match format {
                        Format::Json => println!("{}", result.to_json()),
                        Format::Table => print!("{}", samkalk::report::table(&scenario, &result)),
                        Format::Csv => print!("{}", samkalk::report::csv(&result)),
                        Format::Trace => match samkalk::trace(&scenario) {
                            Ok(trace) => print!("{}", trace.to_csv()),
                            Err(e) => {
                                print_errors(&e, lang);
                                return ExitCode::from(1);
                            }
                        },
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    print_errors(&e, lang);
                    ExitCode::from(1)
                }
            }
        }
        Command::Validate { file } => {
            let errors = match read_input(&file) {
                Ok(v) => samkalk::validate_value(&v),
                Err(e) => e.errors,
            };
            let json = serde_json::json!({ "errors": errors });
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
            if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Defaults { format, price_year } => {
            match (format, price_year) {
                (DefaultsFormat::Json, None) => println!("{}", serde_json::to_string_pretty(&samkalk::defaults_json()).unwrap_or_default()),
                (DefaultsFormat::Json, Some(year)) => match samkalk::defaults_json_at(year) {
                    Ok(json) => println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default()),
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::from(1);
                    }
                },
                (DefaultsFormat::Markdown, None) => print!("{}", samkalk::report::defaults_markdown()),
                (DefaultsFormat::Markdown, Some(_)) => {
                    eprintln!("--price-year: only with --format json");
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        Command::Municipalities { format, year } => {
            let out = match format {
                MunicipalitiesFormat::Table => samkalk::tax::municipalities_table(year),
                MunicipalitiesFormat::Json => {
                    samkalk::tax::municipalities_json(year).map(|j| serde_json::to_string_pretty(&j).unwrap_or_default() + "\n")
                }
            };
            match out {
                Some(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("year: no municipal tax rates for that year (years with rates: {:?})", samkalk::tax::tax_years());
                    ExitCode::from(1)
                }
            }
        }
        Command::Analyse { scenario, analysis, format } => {
            analyse::analyse(read_input(&scenario).map_err(|e| e.errors), read_input(&analysis).map_err(|e| e.errors), format, lang)
        }
        Command::Schema => {
            println!("{}", serde_json::to_string_pretty(&samkalk::schema::scenario_schema()).unwrap_or_default());
            ExitCode::SUCCESS
        }
    }
}
