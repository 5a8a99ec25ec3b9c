//! `samkalk`: calculate, validate, print the defaults or the scenario schema.

mod analyse;

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use samkalk::{Fault, FieldError, Lang, Scenario, ScenarioError, ValidScenario, Value};

#[derive(Parser)]
#[command(
    name = "samkalk",
    version,
    about = "Socioekonomisk investeringskalkyl: who gains how much, year by year, from a labour-market intervention"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language for people: fault messages on standard error (default sv), and the csv
    /// and xlsx output (default en for csv, today's form; sv for xlsx). sv (svenska) or en.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
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
        /// json: MODEL.md's result; table: a report in Swedish; csv: a tidy table (English with
        /// commas unless --lang sv); xlsx: an Excel workbook that recomputes (needs -o FILE, or a
        /// pipe); trace: the effect trace (method version 2) as CSV: cohort, year, state,
        /// participants. A .xlsx FILE that samkalk wrote is read back (its Grupper, Tillstånd and
        /// Antaganden sheets).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The date the workbook states it was written (YYYY-MM-DD); default today (UTC).
        #[arg(long)]
        date: Option<String>,
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
    /// Compare alternatives side by side: per actor, the public sector and society, each
    /// scenario's totals, NPV, payback year and benefit-cost ratio and the differences to the
    /// first (JSON, TOML or a workbook samkalk wrote, each).
    Compare {
        /// Two or more scenarios; the first is the one the others are measured against.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// The alternatives' names, comma-separated, in the files' order (default: each
        /// scenario's name, else its file name).
        #[arg(long, value_delimiter = ',')]
        names: Vec<String>,
        /// table: readable, in Swedish unless --lang en; json; csv: one line per actor and
        /// alternative.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
    },
    /// Print the JSON Schema of the scenario format.
    Schema,
    /// Sensitivity and uncertainty analysis: sweep, grid, tornado, switching values, Monte Carlo
    /// (docs/analysis.md). Both files JSON or TOML.
    Analyse {
        scenario: PathBuf,
        analysis: PathBuf,
        /// json: the analysis result JSON; table: readable tables, in Swedish unless --lang en
        /// (parameters named by the request's labels, else in the core's words).
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
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Table,
    Json,
    Csv,
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
        let toml = !matches!(samkalk::value::first_char(&text), Some('{' | '[' | '"') | None);
        (text, toml)
    } else {
        let text = std::fs::read_to_string(file)
            .map_err(|e| FieldError::new("", Fault::CannotRead { file: Some(file.display().to_string()), reason: e.to_string() }))?;
        let toml = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        (text, toml)
    };
    parse_text(&text, toml)
}

fn parse_text(text: &str, toml: bool) -> Result<Value, ScenarioError> {
    if toml {
        samkalk::value::parse_toml(text).map_err(|e| FieldError::new("", Fault::NotToml { detail: e.to_string() }).into())
    } else {
        samkalk::parse_json(text).map_err(|e| e.fault().into())
    }
}

/// The scenario of a file to calculate: a workbook samkalk wrote (by the extension .xlsx, or
/// standard input that starts like a zip file), else JSON or TOML as [`read_input`].
fn read_scenario(file: &PathBuf) -> Result<ValidScenario, ScenarioError> {
    let is_xlsx = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if file.as_os_str() != "-" && !is_xlsx {
        return ValidScenario::from_value(&read_input(file)?);
    }
    let bytes = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| FieldError::new("", Fault::CannotRead { file: None, reason: e.to_string() }))?;
        bytes
    } else {
        std::fs::read(file)
            .map_err(|e| FieldError::new("", Fault::CannotRead { file: Some(file.display().to_string()), reason: e.to_string() }))?
    };
    if is_xlsx || bytes.starts_with(b"PK\x03\x04") {
        return samkalk::export::xlsx_read::scenario_from_xlsx(&bytes);
    }
    let text = String::from_utf8(bytes).map_err(|_| FieldError::new("", Fault::NotUtf8 { file: None }))?;
    let toml = !matches!(samkalk::value::first_char(&text), Some('{' | '[' | '"') | None);
    ValidScenario::from_value(&parse_text(&text, toml)?)
}

/// Writes the output to the file, or to standard output.
fn emit(output: &Option<PathBuf>, bytes: &[u8]) -> Result<(), ScenarioError> {
    match output {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| FieldError::new("", Fault::CannotWrite { file: Some(path.display().to_string()), reason: e.to_string() }).into()),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .map_err(|e| FieldError::new("", Fault::CannotWrite { file: None, reason: e.to_string() }).into())
        }
    }
}

/// The workbook's date: `--date`, else today in UTC from the system clock.
fn workbook_date(date: &Option<String>) -> Result<samkalk::export::Date, ScenarioError> {
    match date {
        Some(text) => {
            samkalk::export::Date::parse(text).ok_or_else(|| FieldError::new("--date", Fault::BadDate { got: text.clone() }).into())
        }
        None => {
            let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
            samkalk::export::Date::from_unix_days((secs / 86_400) as i64).ok_or_else(|| {
                FieldError::new("", Fault::Internal { detail: "the system clock is outside the years a workbook can state".into() }).into()
            })
        }
    }
}

/// Calculates and writes one scenario in the chosen format.
fn calculate(
    file: &PathBuf,
    format: Format,
    lang: Option<Lang>,
    output: &Option<PathBuf>,
    date: &Option<String>,
) -> Result<(), ScenarioError> {
    if matches!(format, Format::Xlsx) && output.is_none() && std::io::stdout().is_terminal() {
        return Err(FieldError::new("--format", Fault::BinaryToTerminal).into());
    }
    let scenario = read_scenario(file)?;
    let result = scenario.calculate()?;
    // Valid input that looks like a mistake: said on stderr, the output is unchanged.
    for w in samkalk::warnings(&scenario) {
        eprintln!("{}", w.line(lang.unwrap_or(Lang::Sv)));
    }
    let bytes = match format {
        Format::Json => format!("{}\n", result.to_json()).into_bytes(),
        Format::Table => samkalk::report::table(&scenario, &result).into_bytes(),
        Format::Csv => samkalk::export::csv::csv(&scenario, &result, lang.unwrap_or(Lang::En)).into_bytes(),
        Format::Trace => scenario.trace()?.to_csv().into_bytes(),
        Format::Xlsx => {
            let options = samkalk::export::xlsx::WorkbookOptions { lang: lang.unwrap_or(Lang::Sv), date: workbook_date(date)? };
            samkalk::export::xlsx::workbook(&scenario, &result, &options)?
        }
    };
    emit(output, &bytes)
}

/// Compares the files' scenarios and prints the comparison; a fault is printed with its file.
fn compare(files: &[PathBuf], names: &[String], format: CompareFormat, lang: Lang) -> ExitCode {
    if !names.is_empty() && names.len() != files.len() {
        eprintln!("--names: {} names for {} files", names.len(), files.len());
        return ExitCode::from(2);
    }
    let mut scenarios = Vec::with_capacity(files.len());
    for file in files {
        match read_scenario(file) {
            Ok(s) => scenarios.push(s),
            Err(e) => {
                for fault in &e.errors {
                    eprintln!("{}: {}", file.display(), fault.line(lang));
                }
                return ExitCode::from(1);
            }
        }
    }
    let named: Vec<(String, &ValidScenario)> = files
        .iter()
        .zip(&scenarios)
        .enumerate()
        .map(|(i, (file, s))| {
            let name = match names.get(i) {
                Some(n) => n.clone(),
                None if !s.name.is_empty() => s.name.clone(),
                None => file.file_stem().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| format!("{}", i + 1)),
            };
            (name, s)
        })
        .collect();
    match samkalk::compare::compare_valid(&named) {
        Ok(c) => {
            let text = match format {
                CompareFormat::Table => samkalk::present::compare::compare_table(&c, lang),
                CompareFormat::Json => c.to_json_pretty() + "\n",
                CompareFormat::Csv => c.to_csv(),
            };
            match emit(&None, text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    print_errors(&e, lang);
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            for fault in &e.error.errors {
                eprintln!("{}: {}", files[e.index].display(), fault.line(lang));
            }
            ExitCode::from(1)
        }
    }
}

fn print_errors(error: &ScenarioError, lang: Lang) {
    for e in &error.errors {
        eprintln!("{}", e.line(lang));
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map(Lang::from).unwrap_or(Lang::Sv);
    match cli.command {
        Command::Calculate { file, format, output, date } => match calculate(&file, format, cli.lang.map(Lang::from), &output, &date) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                print_errors(&e, lang);
                ExitCode::from(1)
            }
        },
        Command::Validate { file } => {
            let (errors, warnings) = match read_input(&file) {
                Ok(v) => match Scenario::from_value(&v) {
                    Ok(s) => (Vec::new(), samkalk::warnings(&s)),
                    Err(e) => (e.errors, Vec::new()),
                },
                Err(e) => (e.errors, Vec::new()),
            };
            let mut json = serde_json::json!({ "errors": errors });
            if !warnings.is_empty() {
                json["warnings"] = serde_json::json!(warnings);
            }
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
        Command::Compare { files, names, format } => compare(&files, &names, format, lang),
        Command::Schema => {
            println!("{}", serde_json::to_string_pretty(&samkalk::schema::scenario_schema()).unwrap_or_default());
            ExitCode::SUCCESS
        }
    }
}
