//! The Swedish CSV read back as Swedish Excel reads it: the byte order mark says UTF-8, fields
//! split at semicolons (quotes respected), numbers with a decimal comma; every number of the
//! table must equal the engine's result exactly, for every valid vector.

use std::str::FromStr;

use rust_decimal::Decimal;
use samkalk::export::csv::{csv, SWEDISH_HEADER};
use samkalk::{parse_json, Actor, Lang, Scenario};

fn valid_vectors() -> Vec<(String, Scenario)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    paths.sort();
    for p in paths {
        let v = parse_json(&std::fs::read_to_string(&p).unwrap()).unwrap();
        if v.get("expected").is_some() {
            out.push((p.display().to_string(), Scenario::from_value(v.get("scenario").unwrap()).unwrap()));
        }
    }
    assert!(out.len() >= 31, "the 31 valid vectors");
    out
}

/// Splits one line as Excel does with ";" as the list separator: quotes group, "" is a quote.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// A number as Swedish Excel reads it: digits, an optional minus, a decimal comma. A point is
/// not a decimal separator there, so a number spelled with one fails here.
fn swedish_number(text: &str) -> Decimal {
    assert!(!text.contains('.'), "{text:?} has a point, which Swedish Excel does not read as a decimal separator");
    assert!(text.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '-'), "{text:?} is not a Swedish number");
    Decimal::from_str(&text.replace(',', ".")).unwrap()
}

#[test]
fn swedish_csv_reads_back_as_the_engines_numbers() {
    for (name, scenario) in valid_vectors() {
        let result = samkalk::calculate(&scenario).unwrap();
        let text = csv(&scenario, &result, Lang::Sv);
        let body = text.strip_prefix('\u{FEFF}').unwrap_or_else(|| panic!("{name}: no byte order mark"));
        assert!(body.ends_with("\r\n"), "{name}");
        let lines: Vec<&str> = body.split("\r\n").collect();
        // The assumptions come first: the discount rate as Excel reads it.
        let rate = lines.iter().map(|l| fields(l)).find(|f| f[0] == "Diskonteringsränta").unwrap();
        assert_eq!(swedish_number(&rate[1]), scenario.discount_rate, "{name}");
        assert!(lines.iter().all(|l| !l.starts_with('#')), "{name}: no comment lines");
        let header = lines.iter().position(|l| fields(l) == SWEDISH_HEADER).unwrap_or_else(|| panic!("{name}: no header"));
        assert!(header > 5, "{name}: the assumptions stand above the table");
        let rows: Vec<Vec<String>> = lines[header + 1..].iter().filter(|l| !l.is_empty()).map(|l| fields(l)).collect();
        assert_eq!(rows.len(), 8 * result.years.len(), "{name}");
        let names: Vec<&str> = Actor::ALL.iter().map(|a| a.swedish()).chain(["Samhället"]).collect();
        let mut i = 0;
        for ((_, r), who) in result.rows().zip(&names) {
            for (t, year) in result.years.iter().enumerate() {
                let row = &rows[i];
                i += 1;
                assert_eq!(row.len(), 6, "{name}: {row:?}");
                assert_eq!(row[0], *who, "{name}");
                assert_eq!(row[1].parse::<i64>().unwrap(), *year, "{name}");
                let got: Vec<Decimal> = row[2..].iter().map(|x| swedish_number(x)).collect();
                assert_eq!(
                    got,
                    vec![r.gain[t].value(), r.investment[t].value(), r.net[t].value(), r.cumulative_net[t].value()],
                    "{name}: {who} {year}"
                );
            }
        }
    }
}

#[test]
fn assumptions_list_every_cohort_and_outcome() {
    let scenario = Scenario::from_json(
        r#"{"name": "Test; \"citat\"", "start_year": 2026, "price_year": 2025, "discount_rate": "0.035",
        "cohorts": [{"name": "=1+1", "origin": "AM2", "participants": 20,
        "intervention": {"cost_per_participant": "40000.50", "duration_months": 6, "financing": {"municipality": "0.25", "region": "0.75"}},
        "outcomes": [{"target": "work", "share": "0.6", "counterfactual_share": "0.1"}]}]}"#,
    )
    .unwrap();
    let result = samkalk::calculate(&scenario).unwrap();
    let text = csv(&scenario, &result, Lang::Sv);
    let lines: Vec<Vec<String>> = text.trim_start_matches('\u{FEFF}').split("\r\n").map(fields).collect();
    assert_eq!(lines[0], ["Socioekonomisk investeringskalkyl", "Test; \"citat\""]);
    assert!(lines.contains(&vec!["Prisår".to_string(), "2025".into()]));
    let cohort = lines.iter().find(|f| f[0] == "'=1+1" && f.len() == 9).unwrap();
    assert_eq!(cohort[1], "20");
    assert_eq!(swedish_number(&cohort[3]), Decimal::from_str("40000.5").unwrap());
    assert_eq!(cohort[8], "Kommunen 25 % + Regionen 75 %");
    let outcome = lines.iter().find(|f| f[0] == "'=1+1" && f[2] == "0,6").unwrap();
    assert_eq!(outcome[3], "0,1");
    // The English form is the program-facing one, unchanged.
    assert_eq!(csv(&scenario, &result, Lang::En), samkalk::report::csv(&result));
    assert!(samkalk::report::csv(&result).starts_with("actor,year,gain,investment,net,cumulative_net\n"));
}
