//! The typed scenario through serde: any format deserialises it (read and validated as by
//! Scenario::from_value), and it serialises back to the input format.

use samkalk::Scenario;

const TOML: &str = r#"
start_year = 2026
[[cohorts]]
origin = "AM2"
participants = 20
intervention = { cost_per_participant = "40000", duration_months = 6 }
outcomes = [{ target = "work", share = 0.6 }]
"#;

#[test]
fn deserialises_from_json_and_toml_with_serde() {
    let from_toml: Scenario = toml::from_str(TOML).unwrap();
    let from_json: Scenario = serde_json::from_str(&from_toml.to_json()).unwrap();
    assert_eq!(from_toml, from_json);
    assert_eq!(from_toml.cohorts[0].outcomes[0].share.to_string(), "0.6"); // a TOML float, through its shortest repr
    assert_eq!(from_toml, Scenario::from_toml(TOML).unwrap());
}

#[test]
fn serde_reports_every_fault_with_its_path() {
    let err = serde_json::from_str::<Scenario>(r#"{"start_year": 2026, "cohorts": [{"origin": "AM2", "participants": -1, "outcomes": [{"target": "work", "share": 1.3, "shar": 1}]}]}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("cohorts[0].participants: must be between 0 and 10000000, got -1"), "{err}");
    assert!(err.contains("cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.3"), "{err}");
    assert!(err.contains("cohorts[0].outcomes[0].shar: unknown field"), "{err}");
}

#[test]
fn serialises_back_to_the_input_format() {
    let s = Scenario::from_toml(TOML).unwrap();
    let again = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(s, again);
    assert_eq!(samkalk::calculate(&s).unwrap(), samkalk::calculate(&again).unwrap());
}
