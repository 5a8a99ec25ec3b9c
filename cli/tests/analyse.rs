//! `samkalk analyse`, run as a user would, on examples/analysis.json and the main example
//! (tests/vectors/002.json's scenario).

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn repo(path: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn samkalk(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_samkalk")).args(args).stdin(Stdio::null()).output().expect("samkalk runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// Writes `text` to a file of its own in the temporary directory.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samkalk-analyse-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The main example's scenario, extracted from its vector into a file.
fn main_scenario_file(name: &str) -> PathBuf {
    let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(repo("tests/vectors/002.json")).unwrap()).unwrap();
    temp_file(name, &vector["scenario"].to_string())
}

#[test]
fn analyse_prints_the_result_json() {
    let scenario = main_scenario_file("json.json");
    let example = repo("examples/analysis.json");
    let (code, out, err) = samkalk(&["analyse", scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    // Standard error is not a terminal here: no progress bar is drawn.
    assert!(err.is_empty(), "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["version"], 1);
    assert_eq!(r["base"]["npv"]["society"], "37110096.80");
    assert_eq!(r["base"]["npv"]["municipality"], "13152989.60");
    // Sweep: the AM2 group's share of 0.1 … 0.7; 0.6 is the scenario itself.
    assert_eq!(r["sweep"]["rows"][0]["value"], "0.1");
    assert_eq!(r["sweep"]["rows"][0]["npv"]["society"], "14311446.80");
    assert_eq!(r["sweep"]["rows"][5]["npv"]["society"], "37110096.80");
    assert_eq!(r["grid"]["rows"][0]["values"], serde_json::json!(["0.3", "0.2"]));
    assert_eq!(r["tornado"]["rows"][0]["parameter"], "cohorts[0].outcomes[0].share");
    assert_eq!(r["tornado"]["rows"][0]["swing"], "22798650.00");
    assert_eq!(r["switching"][0]["kind"], "linear");
    assert_eq!(r["switching"][0]["value"], "747649.48");
    assert_eq!(r["switching"][0]["npv"], "0.00");
    assert_eq!(r["switching"][4]["kind"], "none");
    let municipality = &r["monte_carlo"]["statistics"]["municipality"];
    assert_eq!(municipality["mean"], "5771745.51");
    assert_eq!(municipality["p50"], "5626723.14");
    assert_eq!(municipality["probability_gain"], "0.991600");
    assert_eq!(municipality["gains"], 9916);
}

#[test]
fn analyse_prints_tables() {
    let scenario = main_scenario_file("table.json");
    let example = repo("examples/analysis.json");
    let (code, out, err) = samkalk(&["analyse", scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "table"]);
    assert_eq!(code, 0, "{err}");
    // Parameters in words and values in their units (the core's present::parameters): the AM3
    // group's cost per participant switches for the municipality at 747 649,48 kr (JSON).
    let switching = "Kostnad per deltagare, AM3-grupp  Kommunen                    747 649 kr     90 000 kr";
    let tornado = "Diskonteringsränta                              0 %       3,5 %";
    for expected in [
        "Tornado",
        "\nBrytvärden: där aktörens nuvärde blir noll\n",
        switching,
        tornado,
        "54,343 %",
        "Sannolikhet att gå plus",
        "99,2 %",
        "37 110 097 kr",
    ] {
        assert!(out.contains(expected), "{expected:?} missing in:\n{out}");
    }
}

/// The headings of the report in Swedish and English, keyed alike.
const HEADINGS: [(&str, &str); 8] = [
    ("Känslighets- och osäkerhetsanalys", "Sensitivity and uncertainty analysis"),
    ("Grundscenariot: nuvärde per aktör", "Base case: net present value per actor"),
    ("\nKänslighet: Andel till arbete, AM2-grupp (grundvärde 60 %)\n", "\nSweep: Share to arbete, AM2-grupp (base value 60%)\n"),
    ("\nTvå parametrar: ", "\nGrid: "),
    (
        "Tornado: samhällets nuvärde vid lågt och högt värde, störst utslag först",
        "Tornado: society's NPV at the low and the high value, largest swing first",
    ),
    ("Brytvärden: där aktörens nuvärde blir noll", "Switching values: where the actor's NPV is zero"),
    ("Monte Carlo: 10 000 dragningar, frö 42", "Monte Carlo: 10,000 draws, seed 42"),
    ("Sannolikhet att gå plus", "Probability of a gain"),
];

#[test]
fn analyse_prints_each_table_in_one_language() {
    let scenario = main_scenario_file("one-language.json");
    let example = repo("examples/analysis.json");
    let table = |lang: &str| {
        let (code, out, err) =
            samkalk(&["analyse", "--lang", lang, scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "table"]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let (sv, en) = (table("sv"), table("en"));
    for (swedish, english) in HEADINGS {
        assert!(sv.contains(swedish) && !sv.contains(english), "{swedish:?} / {english:?} in:\n{sv}");
        assert!(en.contains(english) && !en.contains(swedish), "{english:?} / {swedish:?} in:\n{en}");
    }
    for swedish in
        ["Lågt värde", "Nuvärde lågt", "Utslag", "Grundvärde", "Metod", "linjärt, exakt", "går plus under", "dragningar", "Aktör"]
    {
        assert!(!en.contains(swedish), "{swedish:?} in:\n{en}");
    }
    assert!(!sv.contains(" / ") && !en.contains(" / "), "{sv}\n{en}");
    // Swedish is the default.
    let (_, default, _) = samkalk(&["analyse", scenario.to_str().unwrap(), example.to_str().unwrap(), "--format", "table"]);
    assert_eq!(default, sv);
}

#[test]
fn analyse_shows_the_requests_labels() {
    let programme = repo("examples/programme.toml");
    let labelled = repo("examples/labelled_analysis.toml");
    let run = |args: &[&str]| {
        let mut all = vec!["analyse", programme.to_str().unwrap(), labelled.to_str().unwrap()];
        all.extend_from_slice(args);
        let (code, out, err) = samkalk(&all);
        assert_eq!(code, 0, "{err}");
        out
    };
    let sv = run(&["--format", "table"]);
    let en = run(&["--format", "table", "--lang", "en"]);
    assert!(sv.contains("\nAndel AM2 i arbete    "), "{sv}");
    assert!(sv.contains("\nPris per AM3-deltagare  Kommunen "), "{sv}");
    assert!(sv.contains("\nRänta (SKR:s kalkylränta)  "), "{sv}");
    assert!(en.contains("\nAM2 share in work    "), "{en}");
    assert!(en.contains("\nPrice per AM3 participant  Municipality "), "{en}");
    assert!(en.contains("\nRänta (SKR:s kalkylränta)  "), "{en}");
    // Not the generated names, in the tables (the assumptions after them use the core's words).
    let tables = sv.split("\nFörutsättningar\n").next().unwrap();
    assert!(!tables.contains("Kostnad per deltagare") && !tables.contains("Andel till arbete"), "{sv}");
    // The JSON carries each label with its entry.
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert_eq!(json["switching"][0]["label"], serde_json::json!({"sv": "Pris per AM3-deltagare", "en": "Price per AM3 participant"}));
    let rate = json["tornado"]["rows"].as_array().unwrap().iter().find(|r| r["parameter"] == "discount_rate").unwrap().clone();
    assert_eq!(rate["label"], serde_json::json!({"sv": "Ränta (SKR:s kalkylränta)", "en": "Ränta (SKR:s kalkylränta)"}));
}

#[test]
fn analyse_reports_a_bad_label_at_its_path() {
    let scenario = main_scenario_file("bad-label.json");
    let analysis = temp_file(
        "bad-label.toml",
        "[[tornado.parameters]]\nparameter = \"discount_rate\"\nlabel = { sv = \"\", fr = \"Taux\" }\nlow = \"0\"\nhigh = \"0.03\"\n",
    );
    let (code, out, err) = samkalk(&["analyse", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("analys: tornado.parameters[0].label.sv: texten är tom"), "{err}");
    assert!(err.contains("analys: tornado.parameters[0].label.fr: okänt fält (tillåtna fält: sv, en)"), "{err}");
    let (_, _, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert!(err.contains("analysis: tornado.parameters[0].label.sv: the text is empty"), "{err}");
    assert!(err.contains("analysis: tornado.parameters[0].label.fr: unknown field (expected one of: sv, en)"), "{err}");
}

#[test]
fn analyse_reads_toml_and_reports_faults() {
    let scenario = main_scenario_file("faults.json");
    let analysis = temp_file("faults.toml", "[sweep]\nparameter = \"cohorts[0].outcomes[0].share\"\nvalues = [\"0.5\", \"1.5\"]\n");
    let (code, out, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("analysis: sweep.values[1]: cohorts[0].outcomes[0].share: must be between 0 and 1"), "{err}");
    let (code, _, err) = samkalk(&["analyse", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("analys: sweep.values[1]: cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,5"), "{err}");

    let analysis = temp_file(
        "bad-path.json",
        r#"{"monte_carlo": {"draws": 10, "seed": 1, "parameters": [{"parameter": "cohorts[0].name", "distribution": {"kind": "uniform", "low": 0, "high": 1}}]}}"#,
    );
    let (code, _, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), analysis.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("monte_carlo.parameters[0].parameter"), "{err}");
    assert!(err.contains("does not name a number"), "{err}");

    let (code, _, err) = samkalk(&["analyse", "--lang", "en", scenario.to_str().unwrap(), "/nonexistent/analysis.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}
