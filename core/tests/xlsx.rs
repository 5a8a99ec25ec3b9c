//! The workbook (cargo feature `xlsx`): written for every valid vector and read back into a
//! scenario that gives the same result JSON byte for byte; bad workbooks give faults at cells.
#![cfg(feature = "xlsx")]

use samkalk::export::xlsx::{workbook, WorkbookOptions};
use samkalk::export::xlsx_read::scenario_from_xlsx;
use samkalk::export::Date;
use samkalk::{parse_json, FaultCode, Lang, Scenario};

fn valid_vectors() -> Vec<(String, Scenario)> {
    vectors_in("../tests/vectors", 31)
}

/// The result vectors (those with `expected`) of a folder of vectors, at least `min` of them.
fn vectors_in(folder: &str, min: usize) -> Vec<(String, Scenario)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let v = parse_json(&std::fs::read_to_string(&p).unwrap()).unwrap();
        if v.get("expected").is_some() {
            out.push((p.file_name().unwrap().to_string_lossy().into_owned(), Scenario::from_value(v.get("scenario").unwrap()).unwrap()));
        }
    }
    assert!(out.len() >= min, "{folder}: {}", out.len());
    out
}

/// Writes the workbook, reads it back and calculates again: the same result JSON, byte for byte.
fn assert_round_trip(name: &str, scenario: &Scenario) {
    let result = samkalk::calculate(scenario).unwrap();
    for lang in Lang::ALL {
        let bytes = workbook(scenario, &result, &options(lang)).unwrap();
        let back = scenario_from_xlsx(&bytes).unwrap_or_else(|e| panic!("{name} ({lang:?}): {e}"));
        let again = samkalk::calculate(&back).unwrap_or_else(|e| panic!("{name} ({lang:?}): {e}"));
        assert_eq!(again.to_json(), result.to_json(), "{name} ({lang:?})");
        assert_eq!(back.cohorts, scenario.cohorts, "{name}: cohorts read back as written");
        assert_eq!(back.discount_rate, scenario.discount_rate, "{name}");
        assert_eq!((back.version, back.price_year, &back.tax), (scenario.version, scenario.price_year, &scenario.tax), "{name}");
    }
}

fn options(lang: Lang) -> WorkbookOptions {
    WorkbookOptions { lang, date: Date::new(2026, 12, 1).unwrap() }
}

#[test]
fn every_vector_round_trips_byte_for_byte_in_both_languages() {
    for (name, scenario) in valid_vectors() {
        assert_round_trip(&name, &scenario);
    }
}

/// Version 2: pathway steps, step investments, the rules method, a municipality, taxable
/// benefits, equalisation and price years all survive the workbook.
#[test]
fn every_version_2_vector_round_trips_byte_for_byte_in_both_languages() {
    let vectors = vectors_in("../tests/vectors/v2", 15);
    assert!(vectors.iter().any(|(_, s)| s.cohorts.iter().any(|c| c.outcomes.iter().any(|o| !o.then.is_empty()))));
    assert!(vectors.iter().any(|(_, s)| s.states.values().any(|st| st.flows.iter().any(|f| f.investment))));
    assert!(vectors.iter().any(|(_, s)| s.states.values().any(|st| st.flows.iter().any(|f| f.taxable))));
    assert!(vectors.iter().any(|(_, s)| s.tax.municipality.is_some() && s.tax.equalisation.is_none()));
    assert!(vectors.iter().any(|(_, s)| s.tax.equalisation == Some(true)));
    for (name, scenario) in vectors {
        assert_round_trip(&name, &scenario);
    }
}

/// The main example (version 1) uses the built-in AM2 and AM3, whose benefits are marked
/// `taxable` (a version-2 field): its workbook reads back as the same version-1 scenario.
#[test]
fn a_version_1_scenario_on_the_built_in_states_round_trips() {
    let scenario = Scenario::from_toml(include_str!("../../examples/programme.toml")).unwrap();
    assert_eq!(scenario.version, 1);
    assert!(samkalk::defaults().states["AM3"].state.flows.iter().any(|f| f.taxable), "the defaults mark a taxable flow");
    assert_round_trip("programme.toml", &scenario);
}

#[test]
fn the_same_date_gives_the_same_bytes() {
    let (_, scenario) = valid_vectors().remove(0);
    let result = samkalk::calculate(&scenario).unwrap();
    assert_eq!(workbook(&scenario, &result, &options(Lang::Sv)), workbook(&scenario, &result, &options(Lang::Sv)));
}

#[test]
fn numbers_beyond_a_double_round_trip_as_text() {
    let scenario = Scenario::from_json(
        r#"{"start_year": 2026, "discount_rate": "0.0312345678901234567", "cohorts": [{"origin": "AM2", "participants": 20,
        "intervention": {"cost_per_participant": "40000.123456789012345678"},
        "outcomes": [{"target": "work", "share": "0.6000000000000000001"}]}]}"#,
    )
    .unwrap();
    let result = samkalk::calculate(&scenario).unwrap();
    let back = scenario_from_xlsx(&workbook(&scenario, &result, &options(Lang::Sv)).unwrap()).unwrap();
    assert_eq!(back.cohorts, scenario.cohorts);
    assert_eq!(back.discount_rate.to_string(), "0.0312345678901234567");
    assert_eq!(samkalk::calculate(&back).unwrap().to_json(), result.to_json());
}

#[test]
fn not_a_workbook_is_a_fault_not_a_panic() {
    for bytes in [&b""[..], b"PK\x03\x04 not really a zip", b"{\"start_year\": 2026}", &[0xff; 300]] {
        let e = scenario_from_xlsx(bytes).unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].code(), FaultCode::NotAWorkbook, "{e}");
        assert!(e.errors[0].message.starts_with("not an Excel workbook"), "{e}");
        assert!(e.errors[0].message_in(Lang::Sv).starts_with("inte en Excel-arbetsbok (.xlsx) som går att läsa"), "{e}");
    }
}

/// A workbook rust_xlsxwriter writes without samkalk's sheets or marker.
/// (label, value, field key) rows of a sheet.
type Rows<'a> = &'a [(&'a str, &'a str, &'a str)];

fn foreign(sheets: &[(&str, Rows)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, (a, b, c)) in rows.iter().enumerate() {
            ws.write_string(r as u32 + 1, 0, *a).unwrap();
            ws.write_string(r as u32 + 1, 1, *b).unwrap();
            ws.write_string(r as u32 + 1, 2, *c).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_samkalk_did_not_write() {
    let e = scenario_from_xlsx(&foreign(&[("Blad1", &[])])).unwrap_err();
    assert_eq!(e.errors[0].code(), FaultCode::NotSamkalkWorkbook);
    assert!(e.errors[0].message.contains("no sheet Antaganden"), "{e}");
    assert_eq!(
        e.errors[0].message_in(Lang::Sv),
        "inte en arbetsbok som samkalk har skrivit: den har inget blad Antaganden (eller Assumptions)"
    );
    let e = scenario_from_xlsx(&foreign(&[("Antaganden", &[("Format", "något annat", "format")])])).unwrap_err();
    assert_eq!(e.errors[0].path, "Antaganden!B2");
    assert_eq!(e.errors[0].code(), FaultCode::WrongFormat);
    assert_eq!(e.errors[0].message, "not a workbook written by samkalk: expected \"samkalk-arbetsbok 1\" here, got \"något annat\"");
    let e = scenario_from_xlsx(&foreign(&[("Antaganden", &[("Format", "x", "formatet")])])).unwrap_err();
    assert_eq!((e.errors[0].path.as_str(), e.errors[0].code()), ("Antaganden", FaultCode::NoFormatRow), "{e}");
    let e = scenario_from_xlsx(&foreign(&[("Antaganden", &[("Format", "samkalk-arbetsbok 1", "format")])])).unwrap_err();
    let paths: Vec<&str> = e.errors.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["Tillstånd", "Grupper"], "{e}");
    assert_eq!(e.errors[1].code(), FaultCode::MissingSheet);
    assert!(e.errors[1].message.starts_with("the sheet \"Grupper\" is missing"), "{e}");
    assert!(e.errors[1]
        .message_in(Lang::Sv)
        .starts_with("bladet \"Grupper\" saknas; en arbetsbok från samkalk har bladen Sammanfattning, "));
}

/// Edits one cell of a written workbook: reads every sheet with calamine and writes it again
/// with rust_xlsxwriter (values only), replacing one cell.
fn edited(bytes: &[u8], sheet: &str, row: u32, col: u16, value: Option<&str>, number: Option<f64>) -> Vec<u8> {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let mut src: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).unwrap();
        let ws = book.add_worksheet();
        ws.set_name(&name).unwrap();
        for (r, c, d) in range.used_cells() {
            let (r, c) = (r as u32 + range.start().unwrap().0, c as u16 + range.start().unwrap().1 as u16);
            if name == sheet && (r, c) == (row, col) {
                continue;
            }
            match d {
                Data::String(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()).unwrap(),
                Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()).unwrap(),
                _ => {}
            }
        }
        if name == sheet {
            match (value, number) {
                (Some(t), _) => ws.write_string(row, col, t).map(|_| ()).unwrap(),
                (None, Some(f)) => ws.write_number(row, col, f).map(|_| ()).unwrap(),
                (None, None) => {}
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn edited_workbooks_give_faults_at_cells() {
    let scenario = valid_vectors().into_iter().find(|(n, _)| n == "000.json").unwrap().1;
    let result = samkalk::calculate(&scenario).unwrap();
    let bytes = workbook(&scenario, &result, &options(Lang::Sv)).unwrap();
    // Text in an amount cell (cost per participant of cohort 1 is Grupper!E2).
    let e = scenario_from_xlsx(&edited(&bytes, "Grupper", 1, 4, Some("fyrtio tusen"), None)).unwrap_err();
    assert_eq!(e.errors.len(), 1, "{:?}", e.errors);
    assert_eq!((e.errors[0].path.as_str(), e.errors[0].message.as_str()), ("Grupper!E2", "must be a number, got text \"fyrtio tusen\""));
    assert_eq!(e.errors[0].code(), FaultCode::CellNotANumber);
    assert_eq!(e.errors[0].message_in(Lang::Sv), "måste vara ett tal, fick texten \"fyrtio tusen\"");
    // A share above 1: the engine's rule, reported at the cell (outcomes start below the cohorts).
    let e = scenario_from_xlsx(&edited(&bytes, "Grupper", 5, 2, None, Some(1.3))).unwrap_err();
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].path, "Grupper!C6");
    assert!(e.errors[0].message.contains("cohorts[0].outcomes[0].share"), "{e}");
    // Participants emptied: required, at its cell.
    let e = scenario_from_xlsx(&edited(&bytes, "Grupper", 1, 3, None, None)).unwrap_err();
    assert_eq!(e.errors[0].path, "Grupper!D2", "{e}");
    // An edit that is valid is calculated: 30 participants instead of 20.
    let back = scenario_from_xlsx(&edited(&bytes, "Grupper", 1, 3, None, Some(30.0))).unwrap();
    assert_eq!(back.cohorts[0].participants, 30);
    // A decimal comma typed as text reads exactly.
    let back = scenario_from_xlsx(&edited(&bytes, "Grupper", 1, 4, Some("40000,5"), None)).unwrap();
    assert_eq!(back.cohorts[0].intervention.cost_per_participant.to_string(), "40000.5");
    // An unknown payer on Tillstånd names its cell; the flow table starts below the states.
    let tree = samkalk::export::xlsx_read::read_tree(&bytes).unwrap().1;
    let payer = tree["states.AM2.flows[0].payer"].clone();
    assert!(payer.starts_with("Tillstånd!C"), "{payer}");
    let row: u32 = payer["Tillstånd!C".len()..].parse().unwrap();
    let e = scenario_from_xlsx(&edited(&bytes, "Tillstånd", row - 1, 2, Some("Kommunen AB"), None)).unwrap_err();
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].path, payer);
    assert!(e.errors[0].message.starts_with("unknown actor \"Kommunen AB\" (expected (utanför) or one of: Kommunen, "), "{e}");
    assert_eq!(e.errors[0].code(), FaultCode::UnknownActorName);
    assert!(e.errors[0].message_in(Lang::Sv).starts_with("okänd aktör \"Kommunen AB\" (ange (utanför) eller en av: Kommunen, "), "{e}");
    // A state renamed in the state table leaves its flows without a state: each flow row says so.
    let e = scenario_from_xlsx(&edited(&bytes, "Tillstånd", 1, 0, Some("AM9"), None)).unwrap_err();
    assert!(!e.errors.is_empty());
    for f in &e.errors {
        assert!(f.path.starts_with("Tillstånd!A"), "{e}");
        assert!(f.message.contains("which is not in the state table above"), "{e}");
        assert_eq!(f.code(), FaultCode::FlowOfUnknownState);
        assert!(f.message_in(Lang::Sv).contains("som inte finns i tillståndstabellen ovanför"), "{e}");
    }
}

fn v2_vector(name: &str) -> Scenario {
    vectors_in("../tests/vectors/v2", 15).into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no vector {name}")).1
}

/// A cell's text, or its number as text.
fn cell_text(range: &calamine::Range<calamine::Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(calamine::Data::String(s)) => s.clone(),
        Some(calamine::Data::Float(f)) => f.to_string(),
        _ => String::new(),
    }
}

/// A state's net per actor on Tillstånd is SUMIFS over its flows that are not investments:
/// recomputing the formula's sums from the flow table gives the cached (engine's) value, and
/// the step costs are left out.
#[test]
fn a_states_net_leaves_out_its_step_costs() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let scenario = v2_vector("005-step-investments.json");
    let result = samkalk::calculate(&scenario).unwrap();
    let bytes = workbook(&scenario, &result, &options(Lang::Sv)).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let values = book.worksheet_range("Tillstånd").unwrap();
    let formulas = book.worksheet_formula("Tillstånd").unwrap();
    let head = (0..=values.end().unwrap().0).find(|&r| cell_text(&values, r, 7) == "Investering (stegkostnad)").unwrap();
    let flows: Vec<u32> = (head + 1..=values.end().unwrap().0).take_while(|&r| !cell_text(&values, r, 0).is_empty()).collect();
    let step_flows: Vec<u32> = flows.iter().copied().filter(|&r| cell_text(&values, r, 7) == "ja").collect();
    assert!(!step_flows.is_empty(), "the vector has step costs");
    let mut checked_a_step_state = false;
    for row in 1..head.saturating_sub(2) {
        let state = cell_text(&values, row, 0);
        if state.is_empty() {
            break;
        }
        for (k, actor) in samkalk::Actor::ALL.iter().enumerate() {
            let col = 7 + k as u32;
            let formula = formulas.get_value((row, col)).cloned().unwrap_or_default();
            assert!(formula.starts_with("SUMIFS(") && formula.contains(",\"nej\")"), "{state}: {formula}");
            let who = actor.swedish();
            let amount = |r: u32| match values.get_value((r, 4)) {
                Some(Data::Float(f)) => *f,
                other => panic!("{other:?}"),
            };
            let sum = |r_filter: &dyn Fn(u32) -> bool| -> f64 { flows.iter().copied().filter(|&r| r_filter(r)).map(amount).sum() };
            let ours = |r: u32| cell_text(&values, r, 0) == state && cell_text(&values, r, 7) == "nej";
            let net = sum(&|r| ours(r) && cell_text(&values, r, 3) == who) - sum(&|r| ours(r) && cell_text(&values, r, 2) == who);
            let cached = match values.get_value((row, col)) {
                Some(Data::Float(f)) => *f,
                other => panic!("{other:?}"),
            };
            assert!((net - cached).abs() < 1e-6, "{state} {who}: {net} vs the engine's {cached}");
            let with_steps =
                net - sum(&|r| step_flows.contains(&r) && cell_text(&values, r, 0) == state && cell_text(&values, r, 2) == who);
            if with_steps != net {
                checked_a_step_state = true;
            }
        }
    }
    assert!(checked_a_step_state, "a state with step costs was checked");
}

/// Version 2's cells give coded faults at the cell: a yes/no cell that says neither, a step of
/// an outcome that is not there, a step's share above 1.
#[test]
fn version_2_cells_give_faults_at_cells() {
    let scenario = v2_vector("005-step-investments.json");
    let result = samkalk::calculate(&scenario).unwrap();
    let bytes = workbook(&scenario, &result, &options(Lang::Sv)).unwrap();
    let cells = samkalk::export::xlsx_read::read_tree(&bytes).unwrap().1;
    let (state, flow) = scenario
        .states
        .iter()
        .find_map(|(id, s)| s.flows.iter().position(|f| f.investment).map(|k| (id.clone(), k)))
        .expect("a flow marked investment");
    let cell = cells[&format!("states.{state}.flows[{flow}].investment")].clone();
    assert!(cell.starts_with("Tillstånd!H"), "{cell}");
    let row: u32 = cell["Tillstånd!H".len()..].parse().unwrap();
    let e = scenario_from_xlsx(&edited(&bytes, "Tillstånd", row - 1, 7, Some("kanske"), None)).unwrap_err();
    assert_eq!((e.errors.len(), e.errors[0].path.as_str(), e.errors[0].code()), (1, cell.as_str(), FaultCode::CellNotYesNo), "{e}");
    assert_eq!(e.errors[0].message_in(Lang::Sv), "måste vara ja eller nej (eller tom), fick texten \"kanske\"");
    // "nej" takes the step cost out of the investments: a valid scenario with another result.
    let back = scenario_from_xlsx(&edited(&bytes, "Tillstånd", row - 1, 7, Some("nej"), None)).unwrap();
    assert!(!back.states[&state].flows[flow].investment);

    let scenario = v2_vector("001-single-move.json");
    let result = samkalk::calculate(&scenario).unwrap();
    let bytes = workbook(&scenario, &result, &options(Lang::En)).unwrap();
    let cells = samkalk::export::xlsx_read::read_tree(&bytes).unwrap().1;
    let to = cells["cohorts[0].outcomes[0].then[0].to"].clone();
    assert!(to.starts_with("Groups!D"), "{to}");
    let row: u32 = to["Groups!D".len()..].parse().unwrap();
    let e = scenario_from_xlsx(&edited(&bytes, "Groups", row - 1, 1, None, Some(9.0))).unwrap_err();
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code()),
        (format!("Groups!B{row}").as_str(), FaultCode::StepOfUnknownOutcome),
        "{e}"
    );
    assert_eq!(e.errors[0].message, "a step of outcome \"9\" of cohort \"1\", which is not in the outcome table above");
    assert_eq!(e.errors[0].message_in(Lang::Sv), "ett steg för utfall \"9\" i grupp \"1\", som inte finns i utfallstabellen ovanför");
    // A share above 1: the engine's rule at the step's share cell, with the scenario path.
    let e = scenario_from_xlsx(&edited(&bytes, "Groups", row - 1, 4, None, Some(1.5))).unwrap_err();
    assert_eq!(e.errors[0].path, format!("Groups!E{row}"), "{e}");
    assert!(e.errors[0].message.starts_with("cohorts[0].outcomes[0].then[0].share: must be between 0 and 1"), "{e}");
}

/// A restated built-in amount has more digits than a double: the amount cell is a number (so
/// the SUMIFS count it) and the exact decimal stands beside it; editing the amount wins.
#[test]
fn restated_amounts_are_numbers_with_their_exact_decimal_beside() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let scenario = v2_vector("tax-05-price-year-2026.json");
    let result = samkalk::calculate(&scenario).unwrap();
    let bytes = workbook(&scenario, &result, &options(Lang::Sv)).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let values = book.worksheet_range("Tillstånd").unwrap();
    let last = values.end().unwrap().0;
    let head = (0..=last).find(|&r| cell_text(&values, r, 9) == "Exakt belopp").expect("the flow table");
    let row = (head + 1..=last).find(|&r| !cell_text(&values, r, 9).is_empty()).expect("an exact amount");
    let exact = cell_text(&values, row, 9);
    assert!(exact.len() > 17, "{exact}");
    assert!(matches!(values.get_value((row, 4)), Some(Data::Float(f)) if exact.parse::<f64>().unwrap() == *f));
    let state = cell_text(&values, row, 0);
    let back = scenario_from_xlsx(&bytes).unwrap();
    assert!(back.states[&state].flows.iter().any(|f| f.amount.to_string() == exact), "{exact}");
    let back = scenario_from_xlsx(&edited(&bytes, "Tillstånd", row, 4, None, Some(1000.0))).unwrap();
    assert!(back.states[&state].flows.iter().any(|f| f.amount.to_string() == "1000"));
    assert!(!back.states[&state].flows.iter().any(|f| f.amount.to_string() == exact));
}
