//! A request's labels for its parameters (`label`, docs/analysis.md): read and validated at
//! their paths, carried into the result, and shown instead of the core's words in the report.

use samkalk::analysis::{run, Analysis, GivenLabel};
use samkalk::present::{analysis_names, analysis_report::analysis_table, parameter_label};
use samkalk::{FaultCode, Lang, Scenario};

fn scenario() -> Scenario {
    Scenario::from_json(
        r#"{"start_year": 2026, "cohorts": [{"name": "AM3-grupp", "origin": "AM3", "participants": 20,
        "intervention": {"cost_per_participant": "90000", "duration_months": 12},
        "outcomes": [{"target": "work", "share": "0.4"}]}]}"#,
    )
    .unwrap()
}

const COST: &str = "cohorts[0].intervention.cost_per_participant";

/// Every kind of entry that names a parameter, each with a label.
const LABELLED: &str = r#"{
  "sweep": {"parameter": "discount_rate", "label": "Räntan i svepet", "values": ["0", "0.035"]},
  "grid": {"parameters": [
    {"parameter": "discount_rate", "label": {"sv": "Räntan i rutnätet", "en": "The grid's rate"}, "values": ["0"]},
    {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.4"]}]},
  "tornado": {"parameters": [
    {"parameter": "cohorts[0].intervention.cost_per_participant", "label": {"sv": "Insatsens pris", "en": "Price of the programme"},
     "low": "70000", "high": "120000"},
    {"parameter": "discount_rate", "label": {"en": "Rate (English only)"}, "low": "0", "high": "0.035"}]},
  "switching": [{"parameter": "cohorts[0].intervention.cost_per_participant", "label": "Pris per person", "actor": "municipality"}],
  "monte_carlo": {"draws": 20, "seed": 1, "parameters": [
    {"parameter": "cohorts[0].outcomes[0].share", "label": {"sv": "Andel i arbete", "en": "Share in work"},
     "distribution": {"kind": "uniform", "low": "0.3", "high": "0.5"}}]}
}"#;

#[test]
fn labels_are_read_carried_and_shown_in_place_of_the_generated_ones() {
    let s = scenario();
    let analysis = Analysis::from_json(LABELLED).unwrap();
    assert_eq!(analysis.sweep.as_ref().unwrap().label, Some(GivenLabel::both("Räntan i svepet")));
    let result = run(&s, &analysis, &mut |_, _| true).unwrap();

    // The result carries each label with its entry, the languages given.
    let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
    assert_eq!(json["sweep"]["label"], serde_json::json!({"sv": "Räntan i svepet", "en": "Räntan i svepet"}));
    assert_eq!(json["grid"]["labels"], serde_json::json!([{"sv": "Räntan i rutnätet", "en": "The grid's rate"}, null]));
    let rows = json["tornado"]["rows"].as_array().unwrap();
    let cost_row = rows.iter().find(|r| r["parameter"] == COST).unwrap();
    assert_eq!(cost_row["label"], serde_json::json!({"sv": "Insatsens pris", "en": "Price of the programme"}));
    let rate_row = rows.iter().find(|r| r["parameter"] == "discount_rate").unwrap();
    assert_eq!(rate_row["label"], serde_json::json!({"en": "Rate (English only)"}));
    assert_eq!(json["switching"][0]["label"], serde_json::json!({"sv": "Pris per person", "en": "Pris per person"}));
    assert_eq!(json["monte_carlo"]["labels"], serde_json::json!([{"sv": "Andel i arbete", "en": "Share in work"}]));

    // The names: the label in its language, else the core's words in that language.
    let sv = analysis_names(&s, &result, Lang::Sv);
    let en = analysis_names(&s, &result, Lang::En);
    assert_eq!(sv.sweep.as_deref(), Some("Räntan i svepet"));
    assert_eq!(sv.grid, Some(["Räntan i rutnätet".to_string(), parameter_label(&s, "cohorts[0].outcomes[0].share", Lang::Sv)]));
    assert_eq!(en.grid.as_ref().map(|g| g[0].as_str()), Some("The grid's rate"));
    let order: Vec<&str> = result.tornado.as_ref().unwrap().rows.iter().map(|r| r.parameter.as_str()).collect();
    let at = |p: &str| order.iter().position(|x| *x == p).unwrap();
    assert_eq!(sv.tornado[at(COST)], "Insatsens pris");
    assert_eq!(en.tornado[at(COST)], "Price of the programme");
    assert_eq!(sv.tornado[at("discount_rate")], "Diskonteringsränta");
    assert_eq!(en.tornado[at("discount_rate")], "Rate (English only)");
    assert_eq!(sv.switching, vec!["Pris per person".to_string()]);
    assert_eq!(en.monte_carlo, vec!["Share in work".to_string()]);

    // The report shows them, not the generated names.
    let table_sv = analysis_table(&s, &result, Lang::Sv);
    let table_en = analysis_table(&s, &result, Lang::En);
    for name in ["Räntan i svepet", "Räntan i rutnätet", "Insatsens pris", "Pris per person", "Andel i arbete"] {
        assert!(table_sv.contains(name), "{name}: {table_sv}");
    }
    for name in ["Räntan i svepet", "The grid's rate", "Price of the programme", "Rate (English only)", "Pris per person", "Share in work"]
    {
        assert!(table_en.contains(name), "{name}: {table_en}");
    }
    assert!(table_sv.contains("\nInsatsens pris  "), "{table_sv}");
    assert!(table_sv.contains("\nPris per person  Kommunen "), "{table_sv}");
    // (The assumptions at the end name the scenario's inputs in the core's words.)
    let tables_sv = table_sv.split("\nFörutsättningar\n").next().unwrap();
    let tables_en = table_en.split("\nAssumptions\n").next().unwrap();
    assert!(!tables_sv.contains(&parameter_label(&s, COST, Lang::Sv)), "{table_sv}");
    assert!(!tables_en.contains(&parameter_label(&s, COST, Lang::En)), "{table_en}");
    assert!(table_en.contains("\nDrawn parameters: Share in work\n"), "{table_en}");
}

#[test]
fn without_labels_the_result_has_no_label_fields() {
    let request = r#"{"tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.035"}]},
      "grid": {"parameters": [{"parameter": "discount_rate", "values": ["0"]}, {"parameter": "cohorts[0].outcomes[0].share", "values": ["0.4"]}]},
      "monte_carlo": {"draws": 2, "seed": 1, "parameters": [{"parameter": "discount_rate", "distribution": {"kind": "uniform", "low": "0", "high": "0.01"}}]}}"#;
    let result = run(&scenario(), &Analysis::from_json(request).unwrap(), &mut |_, _| true).unwrap();
    let json = result.to_json();
    assert!(!json.contains("\"label"), "{json}");
}

fn faults_of(request: &str) -> Vec<(String, FaultCode, String, String)> {
    let errors = Analysis::from_json(request).unwrap_err().errors;
    errors.iter().map(|e| (e.path.clone(), e.code(), e.message_in(Lang::Sv), e.message_in(Lang::En))).collect()
}

#[test]
fn a_bad_label_is_a_fault_at_its_path_in_both_languages() {
    let long = "x".repeat(201);
    let cases: Vec<(String, &str, FaultCode, &str, &str)> = vec![
        (
            r#"{"sweep": {"parameter": "discount_rate", "label": "", "values": ["0"]}}"#.into(),
            "sweep.label",
            FaultCode::EmptyText,
            "texten är tom: skriv något, eller utelämna fältet",
            "the text is empty: write something, or leave the field out",
        ),
        (
            r#"{"tornado": {"parameters": [{"parameter": "discount_rate", "label": {"sv": "   "}, "low": "0", "high": "0.03"}]}}"#.into(),
            "tornado.parameters[0].label.sv",
            FaultCode::EmptyText,
            "texten är tom",
            "the text is empty",
        ),
        (
            format!(r#"{{"switching": [{{"parameter": "discount_rate", "actor": "society", "label": {{"en": "{long}"}}}}]}}"#),
            "switching[0].label.en",
            FaultCode::TextTooLong,
            "texten är för lång: 201 tecken, högst 200 tillåts",
            "the text is too long: 201 characters, at most 200 allowed",
        ),
        (
            r#"{"monte_carlo": {"draws": 1, "seed": 1, "parameters": [{"parameter": "discount_rate", "label": {"sv": "Ränta", "de": "Zins"},
               "distribution": {"kind": "uniform", "low": "0", "high": "0.01"}}]}}"#
                .into(),
            "monte_carlo.parameters[0].label.de",
            FaultCode::UnknownField,
            "okänt fält (tillåtna fält: sv, en)",
            "unknown field (expected one of: sv, en)",
        ),
        (
            r#"{"grid": {"parameters": [{"parameter": "discount_rate", "values": ["0"]}, {"parameter": "discount_rate", "label": 5, "values": ["0"]}]}}"#.into(),
            "grid.parameters[1].label",
            FaultCode::WrongType,
            "måste vara text, eller ett objekt med sv och en som text, fick ett tal",
            "must be text, or an object with sv and en as text, got a number",
        ),
        (
            r#"{"sweep": {"parameter": "discount_rate", "label": {}, "values": ["0"]}}"#.into(),
            "sweep.label",
            FaultCode::Missing,
            "sv",
            "sv",
        ),
        (
            r#"{"sweep": {"parameter": "discount_rate", "label": {"sv": true}, "values": ["0"]}}"#.into(),
            "sweep.label.sv",
            FaultCode::WrongType,
            "text",
            "text",
        ),
    ];
    for (request, path, code, sv, en) in cases {
        let faults = faults_of(&request);
        assert_eq!(faults.len(), 1, "{request}: {faults:?}");
        let (p, c, msg_sv, msg_en) = &faults[0];
        assert_eq!((p.as_str(), *c), (path, code), "{request}");
        assert!(msg_sv.contains(sv), "{msg_sv}");
        assert!(msg_en.contains(en), "{msg_en}");
        assert_ne!(msg_sv, msg_en);
    }
    // Exactly 200 characters is allowed.
    let fits = format!(r#"{{"sweep": {{"parameter": "discount_rate", "label": "{}", "values": ["0"]}}}}"#, "å".repeat(200));
    assert!(Analysis::from_json(&fits).is_ok());
}
