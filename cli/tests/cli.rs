//! The command line, run as a user would.

use std::io::Write;
use std::process::{Command, Stdio};

fn samkalk(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_samkalk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("samkalk runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn vector_scenario(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(name);
    let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    vector["scenario"].to_string()
}

#[test]
fn calculate_prints_the_result_json() {
    let (code, out, _) = samkalk(&["calculate", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(code, 0);
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["actors"]["municipality"]["gain"][0], "1003320.00");
    assert_eq!(result["society"]["benefit_cost_ratio"], "22.7987");
    assert_eq!(result["cohorts"][0]["break_even"]["municipality"]["share"], "0.068345");
}

#[test]
fn table_reports_in_swedish() {
    let (code, out, _) = samkalk(&["calculate", "--format", "table", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(code, 0);
    assert!(out.contains("Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete."), "{out}");
    assert!(out.contains("1 003 320 kr"), "{out}");
    assert!(out.contains("Samhället"));
    // One Swedish word for cumulative (as the page), and "oavsett hur många".
    assert!(out.contains("Ackumulerat netto") && !out.contains("Kumulativt"), "{out}");
    assert!(!out.contains("hur många som än"), "{out}");
}

#[test]
fn csv_is_tidy() {
    let (code, out, _) = samkalk(&["calculate", "--format", "csv", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "actor,year,gain,investment,net,cumulative_net");
    assert_eq!(lines[1], "municipality,2026,1003320.00,800000.00,203320.00,203320.00");
    assert_eq!(lines.len(), 1 + 8 * 4);
}

#[test]
fn invalid_scenarios_exit_1_with_paths() {
    let (code, out, err) = samkalk(&["calculate", "--lang", "en", "-"], Some(&vector_scenario("031.json")));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.3"), "{err}");
    // Swedish by default, as the table output is.
    let (code, _, err) = samkalk(&["calculate", "-"], Some(&vector_scenario("031.json")));
    assert_eq!(code, 1);
    assert!(err.contains("cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)"), "{err}");
    let (code, out, _) = samkalk(&["validate", "-"], Some(&vector_scenario("064.json")));
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut paths: Vec<&str> = report["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(paths, ["cohorts[0].outcomes[0].share", "cohorts[0].participants", "horizon_years", "states.work.earnings.productivity"]);
    let share = report["errors"].as_array().unwrap().iter().find(|e| e["path"] == "cohorts[0].outcomes[0].share").unwrap();
    assert_eq!(share["code"], "out_of_range");
    assert_eq!(share["params"]["max"], "1");
    assert_eq!(share["message"], share["message_en"]);
    assert!(share["message_sv"].as_str().unwrap().starts_with("måste vara mellan 0 och 1 (0–100 %)"), "{share}");
    let (code, out, _) = samkalk(&["validate", "-"], Some(&vector_scenario("000.json")));
    assert_eq!((code, out.contains("\"errors\": []")), (0, true));
}

#[test]
fn toml_input_by_extension_and_by_content() {
    let toml =
        "start_year = 2026\n[[cohorts]]\norigin = \"AM2\"\nparticipants = 10\n[[cohorts.outcomes]]\ntarget = \"work\"\nshare = 0.5\n";
    let (code, out, err) = samkalk(&["calculate", "-"], Some(toml));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"years\""));
    let file = std::env::temp_dir().join(format!("samkalk-cli-test-{}.toml", std::process::id()));
    std::fs::write(&file, toml).unwrap();
    let (code, by_file, _) = samkalk(&["calculate", file.to_str().unwrap()], None);
    std::fs::remove_file(&file).ok();
    assert_eq!((code, by_file), (0, out));
}

#[test]
fn defaults_and_schema() {
    let (code, out, _) = samkalk(&["defaults"], None);
    assert_eq!(code, 0);
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(d["price_year"].is_i64());
    for flow in d["states"]["AM3"]["flows"].as_array().unwrap() {
        assert!(!flow["source"].as_str().unwrap().is_empty());
    }
    let (code, out, _) = samkalk(&["schema"], None);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["start_year"]));
    assert!(schema["properties"]["cohorts"].is_object());
}

#[test]
fn missing_file_is_an_error_not_a_crash() {
    let (code, _, err) = samkalk(&["calculate", "--lang", "en", "/nonexistent/scenario.json"], None);
    assert_eq!(code, 1);
    assert!(err.contains("(scenario): cannot read /nonexistent/scenario.json"), "{err}");
    let (code, _, err) = samkalk(&["calculate", "/nonexistent/scenario.json"], None);
    assert_eq!(code, 1);
    assert!(err.contains("(scenariot): kan inte läsa /nonexistent/scenario.json"), "{err}");
}

#[test]
fn trace_prints_the_effect_trace_as_csv() {
    // tests/vectors/v2/011-by-hand.json: 10 participants; B holds 8.5 / 12 of them on average
    // in 2026, C 2.5 / 12; in 2027 each 3 / 12.
    let (code, out, _) = samkalk(&["calculate", "--format", "trace", "-"], Some(&vector_scenario("v2/011-by-hand.json")));
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "cohort,year,state,participants",
            "hand,2026,A,0.833333",
            "hand,2026,B,7.083333",
            "hand,2026,C,2.083333",
            "hand,2027,A,5.000000",
            "hand,2027,B,2.500000",
            "hand,2027,C,2.500000",
        ]
    );
}

#[test]
fn table_shows_step_investments_in_the_investment_row() {
    // The same vector: the municipality invests 10 × 8.5 × 2 400 / 12 = 17 000 in group B in 2026.
    let (code, out, _) = samkalk(&["calculate", "--format", "table", "-"], Some(&vector_scenario("v2/011-by-hand.json")));
    assert_eq!(code, 0);
    let kommunen = out.split("\nKommunen\n").nth(1).unwrap();
    let row = kommunen.lines().find(|l| l.starts_with("Investering")).unwrap();
    assert!(row.contains("17 000 kr") && row.contains("6 000 kr") && row.contains("23 000 kr"), "{row}");
}

#[test]
fn municipalities_table_and_json() {
    let (code, out, _) = samkalk(&["municipalities"], None);
    assert_eq!(code, 0);
    let timra = out.lines().find(|l| l.starts_with("2262")).expect("Timrå is listed");
    assert!(timra.contains("Timrå") && timra.contains("23,19") && timra.contains("11,29") && timra.contains("34,48"), "{timra}");
    assert_eq!(out.lines().filter(|l| l.len() > 4 && l.as_bytes()[..4].iter().all(u8::is_ascii_digit)).count(), 290);
    let (code, out, _) = samkalk(&["municipalities", "--format", "json"], None);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["year"], 2025);
    let list = json["municipalities"].as_array().unwrap();
    assert_eq!(list.len(), 290);
    let gotland = list.iter().find(|m| m["code"] == "0980").unwrap();
    assert_eq!((gotland["municipal_rate"].as_str(), gotland["regional_rate"].as_str()), (Some("0.336"), Some("0")));
}

#[test]
fn defaults_restated_to_a_price_year() {
    let (code, out, _) = samkalk(&["defaults", "--price-year", "2026"], None);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["price_year"], 2026);
    // 105 000 x 59 200 / 58 800 = 105 714.285714…
    let amount = json["states"]["AM2"]["flows"][0]["amount"].as_str().unwrap();
    assert!(amount.starts_with("105714.285714"), "{amount}");
    let (code, _, err) = samkalk(&["defaults", "--price-year", "2031"], None);
    assert_eq!(code, 1);
    assert!(err.starts_with("price_year: ") && err.contains("2026"), "{err}");
}

#[test]
fn csv_in_swedish_for_excel() {
    let (code, out, _) = samkalk(&["calculate", "--format", "csv", "--lang", "sv", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(code, 0);
    assert!(out.starts_with('\u{FEFF}'));
    assert!(
        out.contains(
            "\r\nAktör;År;Vinst;Investering;Netto;Ackumulerat netto\r\nKommunen;2026;1003320,00;800000,00;203320,00;203320,00\r\n"
        ),
        "{out}"
    );
    let (_, en, _) = samkalk(&["calculate", "--format", "csv", "--lang", "en", "-"], Some(&vector_scenario("000.json")));
    let (_, default, _) = samkalk(&["calculate", "--format", "csv", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(en, default);
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("samkalk-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn xlsx_to_a_file_and_back() {
    let dir = temp_dir("xlsx");
    let book = dir.join("kalkyl.xlsx");
    let scenario = dir.join("s.json");
    std::fs::write(&scenario, vector_scenario("003.json")).unwrap();
    let (code, out, err) =
        samkalk(&["calculate", scenario.to_str().unwrap(), "--format", "xlsx", "-o", book.to_str().unwrap(), "--date", "2026-12-01"], None);
    // Vector 003's effective municipal rate (0.2074) looks nominal: a warning, nothing else.
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.lines().all(|l| l.starts_with("varning: tax.municipal_rate: ")), "{err}");
    assert_eq!(&std::fs::read(&book).unwrap()[..4], b"PK\x03\x04");
    let (_, direct, _) = samkalk(&["calculate", scenario.to_str().unwrap()], None);
    let (code, again, err) = samkalk(&["calculate", book.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, direct);
    // A bad date and a file that is no workbook are faults, not crashes.
    let (code, _, err) =
        samkalk(&["calculate", scenario.to_str().unwrap(), "--format", "xlsx", "-o", book.to_str().unwrap(), "--date", "1.12.2026"], None);
    assert_eq!(code, 1);
    // The CLI writes its faults in Swedish.
    assert!(err.contains("--date: måste vara ett datum skrivet ÅÅÅÅ-MM-DD, fick \"1.12.2026\""), "{err}");
    let fake = dir.join("fake.xlsx");
    std::fs::write(&fake, "hej").unwrap();
    let (code, _, err) = samkalk(&["calculate", fake.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert!(err.contains("inte en Excel-arbetsbok (.xlsx) som går att läsa"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn xlsx_is_refused_on_a_terminal() {
    // `script` runs the command with its standard output on a pseudo-terminal.
    let dir = temp_dir("tty");
    let scenario = dir.join("s.json");
    std::fs::write(&scenario, vector_scenario("000.json")).unwrap();
    let command = format!("{} calculate {} --format xlsx", env!("CARGO_BIN_EXE_samkalk"), scenario.display());
    let Ok(out) = Command::new("script").args(["-qec", &command, "/dev/null"]).stdin(Stdio::null()).output() else {
        panic!("util-linux `script` is needed for this test");
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("skriv den till en fil med -o kalkyl.xlsx"), "{text}");
    assert!(!text.contains("PK"), "no binary on the terminal");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn helpful_faults_and_a_warning_on_stderr() {
    // A byte-order mark before JSON on standard input (Windows Notepad), a nominal municipal
    // rate: the result as without the mark, and a warning on stderr.
    let text = r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2074"}, "cohorts": [{"origin": "AM2", "participants": 3, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#;
    let (code, plain, _) = samkalk(&["calculate", "-"], Some(text));
    assert_eq!(code, 0);
    let (code, out, err) = samkalk(&["calculate", "-"], Some(&format!("\u{FEFF}{text}")));
    assert_eq!((code, out), (0, plain));
    assert!(err.starts_with("varning: tax.municipal_rate: 0,2074 ser ut som en nominell kommunalskatt"), "{err}");
    let (_, _, err) = samkalk(&["--lang", "en", "calculate", "-"], Some(text));
    assert!(err.starts_with("warning: tax.municipal_rate: 0.2074 looks like a nominal"), "{err}");
    let (code, out, _) = samkalk(&["validate", "-"], Some(text));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((code, v["errors"].as_array().unwrap().len(), v["warnings"][0]["code"].as_str()), (0, 0, Some("nominal_municipal_rate")));
    // A decimal comma, in Swedish by default.
    let (code, _, err) = samkalk(&["calculate", "-"], Some(&text.replace(r#""0.6""#, r#""0,6""#)));
    assert_eq!(code, 1);
    assert!(err.contains("cohorts[0].outcomes[0].share: decimaltecknet är punkt i scenariot: skriv 0.6, inte \"0,6\""), "{err}");
}

#[test]
fn table_ends_with_the_assumptions() {
    // Vector 000's inputs, written out by hand from its scenario (defaults: start month 0,
    // the municipality pays all, no counterfactual, full retention, no discounting).
    let (code, out, _) = samkalk(&["calculate", "--format", "table", "-"], Some(&vector_scenario("000.json")));
    assert_eq!(code, 0);
    let expected = "\nFörutsättningar
  Deltagare, AM2-grupp: 20 från AM2: behöver kortare insatser
  Kostnad per deltagare, AM2-grupp: 40 000 kr
  Insatsens tid, AM2-grupp: från månad 0 (0 = januari 2026), 6 månader
  Finansiering, AM2-grupp: Kommunen 100 %
  Andel till arbete, AM2-grupp: 60 %
  Andel till arbete utan insatsen (jämförelsegruppen), AM2-grupp: 0 %
  Kvar i arbete efter ett år, AM2-grupp: 100 %
  Skattemetod: effektiva skattesatser på bruttolönen
  Kommunalskatt: 20,74 %
  Regionskatt: 11,39 %
  Arbetsgivaravgifter: 31,42 %
  Diskonteringsränta: 0 %
  Kalkylperiod: 4 år (2026–2029)
  Prisår: inte angivet
  Metodversion: 1
";
    assert!(out.ends_with(expected), "{out}");
}
