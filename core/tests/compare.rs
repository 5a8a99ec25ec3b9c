//! Alternatives side by side: a scenario against itself differs by nothing, and each
//! alternative's figures are exactly what `calculate` gives it.

use samkalk::compare::{compare, row_ids};
use samkalk::public_sector::public_sector;
use samkalk::{Actor, Lang, Scenario};

fn examples(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name);
    Scenario::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_scenario_against_itself_differs_by_nothing() {
    let s = examples("programme.toml");
    let c = compare(&[("A".into(), &s), ("A again".into(), &s)]).unwrap();
    assert_eq!(c.rows.len(), 9);
    for row in &c.rows {
        assert_eq!(row.alternatives[0], row.alternatives[1], "{}", row.who);
        for d in &row.differences {
            assert!(d.total_gain.value().is_zero() && d.total_investment.value().is_zero() && d.total_net.value().is_zero());
            assert!(d.npv.value().is_zero(), "{}", row.who);
            assert!(d.payback_year.is_none_or(|y| y == 0));
            assert!(d.benefit_cost_ratio.is_none_or(|r| r.value().is_zero()));
        }
    }
}

#[test]
fn agrees_with_calculate_on_each_alternative() {
    let names = ["programme.toml", "nynashamn.toml", "trelleborg.toml", "relapse.toml"];
    let scenarios: Vec<Scenario> = names.iter().map(|n| examples(n)).collect();
    let named: Vec<(String, &Scenario)> = names.iter().map(|n| n.to_string()).zip(&scenarios).collect();
    let c = compare(&named).unwrap();
    assert_eq!(c.alternatives, names);
    assert_eq!(c.rows.iter().map(|r| r.who).collect::<Vec<_>>(), row_ids().collect::<Vec<_>>());
    for (i, s) in scenarios.iter().enumerate() {
        let result = samkalk::calculate(s).unwrap();
        let public = public_sector(s).unwrap();
        for row in &c.rows {
            let r = match Actor::from_id(row.who) {
                Some(a) => result.actor(a),
                None if row.who == "public_sector" => &public,
                None => result.society(),
            };
            let f = &row.alternatives[i];
            assert_eq!((f.total_gain, f.total_investment, f.total_net, f.npv), (r.total_gain, r.total_investment, r.total_net, r.npv));
            assert_eq!((f.payback_year, f.benefit_cost_ratio), (r.payback_year, r.benefit_cost_ratio));
            // The difference to the first, exactly.
            let first = &row.alternatives[0];
            assert_eq!(row.differences[i].npv.value(), f.npv.value() - first.npv.value());
        }
    }
}

#[test]
fn differences_by_hand_and_the_outputs() {
    // Twice the participants in the same programme: twice the municipality's investment.
    let a = Scenario::from_json(
        r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
        "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#,
    )
    .unwrap();
    let mut b = a.clone();
    b.cohorts[0].participants = 40;
    let c = compare(&[("A".into(), &a), ("B".into(), &b)]).unwrap();
    let m = &c.rows[0];
    assert_eq!(m.who, "municipality");
    assert_eq!(m.alternatives[0].total_investment.to_string(), "800000.00");
    assert_eq!(m.differences[1].total_investment.to_string(), "800000.00");
    assert_eq!(m.differences[1].npv.value(), m.alternatives[0].npv.value());
    let table = samkalk::present::compare::compare_table(&c, Lang::Sv);
    assert!(table.contains("\nKommunen\n"), "{table}");
    assert!(table.contains("B − A"), "{table}");
    let line = table.lines().find(|l| l.starts_with("Total investering")).unwrap();
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>(),
        ["Total", "investering", "800", "000", "kr", "1", "600", "000", "kr", "+800", "000", "kr"]
    );
    let en = samkalk::present::compare::compare_table(&c, Lang::En);
    assert!(en.starts_with("Comparison of alternatives\n") && en.contains("\nPublic sector\n") && en.contains("+800,000 kr"), "{en}");
    let csv = c.to_csv();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("who,alternative,total_gain,total_investment,total_net,npv,payback_year,benefit_cost_ratio,difference_total_gain,difference_total_investment,difference_total_net,difference_npv,difference_payback_year,difference_benefit_cost_ratio"));
    assert_eq!(csv.lines().count(), 1 + 9 * 2);
    let json = c.to_json_pretty();
    assert!(json.contains("\"who\": \"public_sector\""));
    // A fault names the alternative.
    let mut bad = a.clone();
    bad.horizon_years = 0;
    let err = compare(&[("A".into(), &a), ("bad".into(), &bad)]).unwrap_err();
    assert_eq!((err.index, err.name.as_str(), err.error.errors[0].path.as_str()), (1, "bad", "horizon_years"));
}
