//! Faults carry stable codes and typed values; the core writes their messages in Swedish and
//! English.

use rust_decimal::Decimal;
use samkalk::{CellContent, Context, Fault, FaultCode, FieldError, Lang, Unit};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// One fault of every code (the match makes adding a code without a sample a compile error).
fn sample(code: FaultCode) -> Fault {
    use FaultCode as C;
    let s = || "x".to_string();
    match code {
        C::WrongType => Fault::WrongType { expected: samkalk::Expected::Number, got: samkalk::ValueKind::Text },
        C::UnknownField => Fault::UnknownField { expected: vec!["a".into(), "b".into()] },
        C::DuplicateKey => Fault::DuplicateKey,
        C::Missing => Fault::Missing { expected: vec![] },
        C::TooMany => Fault::TooMany { max: 10, got: 11 },
        C::WrongCount => Fault::WrongCount { min: 1, max: 2, got: 3 },
        C::NotANumber => Fault::NotANumber { got: s() },
        C::TooManyDecimals => Fault::TooManyDecimals { got: s() },
        C::TooLarge => Fault::TooLarge { got: None },
        C::NotAnInteger => Fault::NotAnInteger { got: s() },
        C::NotWhole => Fault::NotWhole { got: d("1.5") },
        C::OutOfRange => Fault::out_of_range(d("0"), d("1"), d("2"), Unit::Share),
        C::NotAboveOther => Fault::NotAboveOther { other: "low".into(), other_value: d("1"), got: d("0") },
        C::BelowOther => Fault::BelowOther { other: "low".into(), other_value: d("1"), got: d("0") },
        C::UnsupportedVersion => Fault::UnsupportedVersion { got: 2, supported: 1 },
        C::BadStateId => Fault::BadStateId,
        C::NoPayerOrPayee => Fault::NoPayerOrPayee,
        C::SamePayerPayee => Fault::SamePayerPayee { actor: "region".into() },
        C::NotAState => Fault::NotAState { id: s() },
        C::SameAsOrigin => Fault::SameAsOrigin { origin: s() },
        C::UnknownActor => Fault::UnknownActor { id: Some(s()), also: None, expected: vec!["municipality".into()] },
        C::SumNotOne => Fault::SumNotOne { sum: d("0.9") },
        C::SumAboveOne => Fault::SumAboveOne { sum: d("1.2") },
        C::NotJson => Fault::NotJson { offset: 3, detail: s() },
        C::NotToml => Fault::NotToml { detail: s() },
        C::Overflow => Fault::Overflow,
        C::NotAPath => Fault::NotAPath { parameter: s() },
        C::NotAParameter => Fault::NotAParameter { parameter: s(), numbers: s() },
        C::NoSuchCohort => Fault::NoSuchCohort { index: 3, count: 1 },
        C::NoSuchFlow => Fault::NoSuchFlow { state: s(), index: 3, count: 1 },
        C::NoEarnings => Fault::NoEarnings { state: s() },
        C::NoSuchOutcome => Fault::NoSuchOutcome { cohort: 0, index: 3, count: 1 },
        C::NoLongerInScenario => Fault::NoLongerInScenario,
        C::EmptyRange => Fault::EmptyRange { low: d("1"), high: d("0") },
        C::NothingInRange => Fault::NothingInRange { range: "[0, 1]".into() },
        C::MeanOutsideRange => Fault::MeanOutsideRange { range: "[0, 1]".into(), got: d("2") },
        C::NoWholeInRange => Fault::NoWholeInRange,
        C::UnknownDistribution => Fault::UnknownDistribution { got: s() },
        C::WeightCount => Fault::WeightCount { expected: 2, got: 1 },
        C::NoPositiveWeight => Fault::NoPositiveWeight,
        C::TooManyCombinations => Fault::TooManyCombinations { max: 10, got: 11 },
        C::TooManyKeptDraws => Fault::TooManyKeptDraws { max: 10, got: 11 },
        C::BadSeed => Fault::BadSeed { got: s() },
        C::BadDraw => Fault::BadDraw,
        C::CannotRead => Fault::CannotRead { file: None, reason: s() },
        C::NotUtf8 => Fault::NotUtf8 { file: None },
        C::NotUnicode => Fault::NotUnicode,
        C::BadFilePath => Fault::BadFilePath { reason: s() },
        C::UnreadableValue => Fault::UnreadableValue { reason: s() },
        C::NestedTooDeeply => Fault::NestedTooDeeply,
        C::UnsupportedType => Fault::UnsupportedType { type_name: s() },
        C::KeyNotText => Fault::KeyNotText { type_name: s(), key: s() },
        C::ScenarioNotRequest => Fault::ScenarioNotRequest,
        C::RequiresVersion2 => Fault::RequiresVersion2,
        C::InvestmentNotToNull => Fault::InvestmentNotToNull,
        C::OriginHasStepCost => Fault::OriginHasStepCost { origin: s() },
        C::MoveFromOrigin => Fault::MoveFromOrigin { origin: s() },
        C::MoveToSameState => Fault::MoveToSameState { state: s() },
        C::Unreachable => Fault::Unreachable { from: s(), target: s() },
        C::MoveSharesAboveOne => Fault::MoveSharesAboveOne { from: s(), sum: d("1.2") },
        C::NotOneOf => Fault::NotOneOf { expected: vec!["a".into(), "b".into()], got: s() },
        C::TaxableNotToIndividual => Fault::TaxableNotToIndividual,
        C::RulesMethodOnly => Fault::RulesMethodOnly,
        C::NoTaxYear => Fault::NoTaxYear { got: 2019, years: vec![2025] },
        C::NoMunicipalRates => Fault::NoMunicipalRates { year: 2019 },
        C::UnknownMunicipality => Fault::UnknownMunicipality { got: s(), year: 2025, close: vec!["Timrå (2262)".into()] },
        C::RateWithMunicipality => Fault::RateWithMunicipality,
        C::NoPriceIndex => Fault::NoPriceIndex { got: 1990, years: vec![2025, 2026] },
        C::CannotWrite => Fault::CannotWrite { file: Some(s()), reason: s() },
        C::BadDate => Fault::BadDate { got: s() },
        C::BinaryToTerminal => Fault::BinaryToTerminal,
        C::NotAWorkbook => Fault::NotAWorkbook { detail: Some(s()) },
        C::NotSamkalkWorkbook => Fault::NotSamkalkWorkbook,
        C::NoFormatRow => Fault::NoFormatRow,
        C::WrongFormat => Fault::WrongFormat { expected: "samkalk-arbetsbok 1".into(), got: s() },
        C::MissingSheet => Fault::MissingSheet { sheet: "Grupper".into(), sheets: vec!["Grupper".into(), "Tillstånd".into()] },
        C::UnreadableSheet => Fault::UnreadableSheet { detail: None },
        C::UnexpectedHeader => Fault::UnexpectedHeader { expected: "Nr".into(), got: CellContent::Empty },
        C::CellNotText => Fault::CellNotText { got: CellContent::Boolean(true) },
        C::CellNotANumber => Fault::CellNotANumber { got: CellContent::Text("fyrtio".into()) },
        C::CellNotYesNo => Fault::CellNotYesNo { got: CellContent::Number("2.5".into()) },
        C::UnknownActorName => Fault::UnknownActorName { got: s(), outside: "(utanför)".into(), expected: vec!["Kommunen".into()] },
        C::DuplicateState => Fault::DuplicateState { id: s() },
        C::FlowOfUnknownState => Fault::FlowOfUnknownState { id: s() },
        C::DuplicateCohort => Fault::DuplicateCohort { number: "1".into() },
        C::OutcomeOfUnknownCohort => Fault::OutcomeOfUnknownCohort { number: "2".into() },
        C::StepOfUnknownOutcome => Fault::StepOfUnknownOutcome { cohort: "1".into(), outcome: "2".into() },
        C::NoFlowTable => Fault::NoFlowTable { headers: vec!["Tillstånd".into()] },
        C::NoOutcomeTable => Fault::NoOutcomeTable { headers: vec!["Grupp nr".into()] },
        C::NoStepTable => Fault::NoStepTable { headers: vec!["Grupp nr".into()] },
        C::CannotWriteWorkbook => Fault::CannotWriteWorkbook { detail: s() },
        C::NotBuiltIn => Fault::NotBuiltIn { id: s(), expected: vec!["AM1".into(), "AM2".into()] },
        C::NotAFlowOf => Fault::NotAFlowOf { state: "AM3".into(), label: s(), labels: vec!["a".into(), "b".into()] },
        C::RemoveWithChanges => Fault::RemoveWithChanges { fields: vec!["amount".into()] },
        C::DecimalComma => Fault::DecimalComma { got: "0,6".into(), suggested: "0.6".into() },
        C::SumNotOneByRounding => Fault::SumNotOneByRounding { sum: d("0.9999999999999999"), difference: d("0.0000000000000001") },
        C::EmptyText => Fault::EmptyText,
        C::TextTooLong => Fault::TextTooLong { max: 200, got: 201 },
        C::Internal => Fault::Internal { detail: s() },
    }
}

#[test]
fn every_code_has_a_swedish_and_an_english_message_that_differ() {
    let codes = FaultCode::ALL;
    let mut seen = std::collections::HashSet::new();
    for code in codes {
        let fault = sample(code);
        assert_eq!(fault.code(), code);
        assert!(seen.insert(code.as_str()), "code {code:?} twice");
        assert!(
            !code.as_str().is_empty() && code.as_str().chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{code:?}"
        );
        let (sv, en) = (fault.message(Lang::Sv), fault.message(Lang::En));
        assert!(!sv.trim().is_empty() && !en.trim().is_empty(), "{code:?}");
        assert_ne!(sv, en, "{code:?} has no Swedish text");
    }
    assert_eq!(seen.len(), FaultCode::ALL.len());
    // docs/method.md lists every code, once, and no other.
    let doc = include_str!("../../docs/method.md");
    let listed: Vec<&str> =
        doc.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split_once("` |")).map(|(code, _)| code).collect();
    for code in &seen {
        assert_eq!(listed.iter().filter(|c| **c == code.as_str()).count(), 1, "docs/method.md lists {code} once");
    }
    assert!(listed.iter().filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')).all(|c| seen.contains(*c)));
}

fn faults(json: &str) -> Vec<FieldError> {
    samkalk::validate_json(json)
}

fn one<'a>(errors: &'a [FieldError], path: &str) -> &'a FieldError {
    errors.iter().find(|e| e.path == path).unwrap_or_else(|| panic!("no fault at {path}: {errors:?}"))
}

const BASE: &str = r#"{"start_year": 2025, "cohorts": [{"origin": "AM3", "participants": 10,
    "intervention": {"financing": {"municipality": "0.5", "region": "0.4"}},
    "outcomes": [{"target": "EMPLOYED", "share": "1.3"}, {"target": "NOPE", "share": "0.1"}]}]}"#;

#[test]
fn a_share_out_of_range_in_both_languages() {
    let errors = faults(BASE);
    let e = one(&errors, "cohorts[0].outcomes[0].share");
    assert_eq!(e.code(), FaultCode::OutOfRange);
    assert_eq!(e.message_in(Lang::En), "must be between 0 and 1, got 1.3");
    assert_eq!(e.message, "must be between 0 and 1, got 1.3");
    assert_eq!(e.message_in(Lang::Sv), "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
    assert_eq!(e.line(Lang::Sv), "cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
}

#[test]
fn an_unknown_state_and_financing_not_summing_to_one() {
    let errors = faults(BASE);
    let e = one(&errors, "cohorts[0].outcomes[1].target");
    assert_eq!(e.code(), FaultCode::NotAState);
    assert_eq!(e.message_in(Lang::En), r#"unknown state "NOPE" (neither built in nor given under states)"#);
    assert_eq!(e.message_in(Lang::Sv), r#"okänt tillstånd "NOPE" (varken inbyggt eller angivet under states)"#);
    let e = one(&errors, "cohorts[0].intervention.financing");
    assert_eq!(e.code(), FaultCode::SumNotOne);
    assert_eq!(e.message_in(Lang::En), "the financing shares must sum to exactly 1, got 0.9");
    assert_eq!(e.message_in(Lang::Sv), "finansieringsandelarna måste summera till exakt 1 (100 %), summan är 0,9 (90 %)");
}

#[test]
fn a_missing_field_and_a_year_and_a_large_number() {
    let errors = faults(r#"{"start_year": 1800, "cohorts": [{"participants": 20000000}]}"#);
    let e = one(&errors, "cohorts[0].origin");
    assert_eq!(e.code(), FaultCode::Missing);
    assert_eq!((e.message_in(Lang::En).as_str(), e.message_in(Lang::Sv).as_str()), ("is required", "måste anges"));
    // Years have no thousands space; other numbers do in Swedish.
    assert_eq!(one(&errors, "start_year").message_in(Lang::Sv), "måste vara mellan 1900 och 2200, fick 1800");
    assert_eq!(one(&errors, "cohorts[0].participants").message_in(Lang::Sv), "måste vara mellan 0 och 10 000 000, fick 20 000 000");
    assert_eq!(one(&errors, "cohorts[0].participants").message_in(Lang::En), "must be between 0 and 10000000, got 20000000");
}

#[test]
fn the_serialised_shape() {
    let errors = faults(BASE);
    let v = serde_json::to_value(one(&errors, "cohorts[0].outcomes[0].share")).unwrap();
    assert_eq!(v["path"], "cohorts[0].outcomes[0].share");
    assert_eq!(v["code"], "out_of_range");
    assert_eq!(v["params"]["min"], "0");
    assert_eq!(v["params"]["max"], "1");
    assert_eq!(v["params"]["got"], "1.3");
    assert_eq!(v["params"]["unit"], "share");
    assert_eq!(v["message"], "must be between 0 and 1, got 1.3");
    assert_eq!(v["message_en"], v["message"]);
    assert_eq!(v["message_sv"], "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)");
    assert_eq!(v["context"], serde_json::json!([]));
    let dup = serde_json::to_value(&samkalk::validate_json(r#"{"start_year": 2025, "start_year": 2025}"#)[0]).unwrap();
    assert_eq!((dup["code"].as_str(), dup["params"].clone()), (Some("duplicate_key"), serde_json::json!({})));
}

#[test]
fn a_context_is_written_first_in_each_language() {
    let e = FieldError::new("sweep.values[1]", Fault::out_of_range(d("0"), d("1"), d("1.5"), Unit::Share))
        .within(Context::Parameter { path: "cohorts[0].outcomes[0].share".into() })
        .within(Context::Draw { draw: 7 });
    assert_eq!(e.message, "draw 7: cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.5");
    assert!(e.message_in(Lang::Sv).starts_with("dragning 7: cohorts[0].outcomes[0].share: måste vara mellan 0 och 1"));
    assert_eq!(e.to_string(), format!("sweep.values[1]: {}", e.message));
}

#[test]
fn not_json_is_a_fault_at_the_root() {
    let errors = faults("{nope");
    assert_eq!((errors[0].path.as_str(), errors[0].code()), ("", FaultCode::NotJson));
    assert!(errors[0].message_in(Lang::Sv).starts_with("inte giltig JSON vid byte 1"), "{}", errors[0].message_in(Lang::Sv));
    assert!(errors[0].line(Lang::En).starts_with("(scenario): not valid JSON at byte 1"));
}

proptest::proptest! {
    /// Any number in a range fault, in any unit, gives a message in both languages without a
    /// panic (the percent scaling of a 28-digit share overflows and is then left out).
    #[test]
    fn range_messages_never_panic(lo in proptest::num::i128::ANY, hi in proptest::num::i128::ANY, got in proptest::num::i128::ANY,
                                  scale in 0u32..=28, unit in 0..3usize) {
        let dec = |n: i128| Decimal::from_i128_with_scale(n % 79_228_162_514_264_337_593_543_950_335, scale);
        let unit = [Unit::Number, Unit::Share, Unit::Year][unit];
        let f = Fault::out_of_range(dec(lo), dec(hi), dec(got), unit);
        proptest::prop_assert!(!f.message(Lang::Sv).is_empty() && !f.message(Lang::En).is_empty());
        let s = Fault::SumNotOne { sum: dec(got) };
        proptest::prop_assert!(s.message(Lang::Sv).starts_with("finansieringsandelarna"));
    }
}
