//! The rules of income year 2025 against Skatteverket's own published figures: the monthly
//! withholding of "Skatteverket, skattetabeller för månadslön 2025" (open data), column 1
//! (wages, under 66 at the start of the year), antal dagar 30B (amounts in kronor).
//!
//! How a table row is computed (data/tax.toml, `tables`): the yearly income is the row's upper
//! bound × 12, rounded down to whole hundreds; the kommunal rate is the table number minus 1.16
//! points, and the 1.16 points are fees on the taxable income that no reduction touches
//! (burial and church fees, as the tables assume); the yearly tax from the rules is divided by
//! 12 and rounded down. Tolerance: none. Every row below matches exactly, and so does every row
//! 2 001–80 000 kr of tables 29–42 (checked with tests/reference/tax_tables.py against the full
//! file in ../shared/reference, which this test does not need).

use rust_decimal::Decimal;
use samkalk::tax::{rules_for, Income, LocalRates};

/// (table, income from, income to, column 1) copied from Skatteverket, skattetabeller för
/// månadslön 2025, rows for monthly wages 2 500, 5 000, 7 000, 9 800, 12 000, 16 000, 20 000,
/// 22 500, 25 900, 30 000, 35 000, 40 000, 50 000, 55 000, 60 000, 70 000 and 80 000 kr.
const ROWS: &[(i64, i64, i64, i64)] = &[
    (29, 2401, 2500, 184),
    (29, 4901, 5000, 412),
    (29, 6901, 7000, 588),
    (29, 9701, 9800, 1030),
    (29, 11901, 12000, 1430),
    (29, 15901, 16000, 2153),
    (29, 19901, 20000, 3063),
    (29, 22401, 22600, 3655),
    (29, 25801, 26000, 4453),
    (29, 29801, 30000, 5396),
    (29, 34801, 35000, 6575),
    (29, 39801, 40000, 7775),
    (29, 49801, 50000, 10675),
    (29, 54801, 55000, 12407),
    (29, 59801, 60000, 14857),
    (29, 69801, 70000, 19757),
    (29, 79801, 80000, 24657),
    (32, 2401, 2500, 184),
    (32, 4901, 5000, 412),
    (32, 6901, 7000, 588),
    (32, 9701, 9800, 1128),
    (32, 11901, 12000, 1569),
    (32, 15901, 16000, 2366),
    (32, 19901, 20000, 3372),
    (32, 22401, 22600, 4026),
    (32, 25801, 26000, 4906),
    (32, 29801, 30000, 5945),
    (32, 34801, 35000, 7244),
    (32, 39801, 40000, 8567),
    (32, 49801, 50000, 11767),
    (32, 54801, 55000, 13649),
    (32, 59801, 60000, 16249),
    (32, 69801, 70000, 21449),
    (32, 79801, 80000, 26649),
    (34, 2401, 2500, 184),
    (34, 4901, 5000, 412),
    (34, 6901, 7000, 599),
    (34, 9701, 9800, 1194),
    (34, 11901, 12000, 1661),
    (34, 15901, 16000, 2508),
    (34, 19901, 20000, 3578),
    (34, 22401, 22600, 4274),
    (34, 25801, 26000, 5208),
    (34, 29801, 30000, 6311),
    (34, 34801, 35000, 7691),
    (34, 39801, 40000, 9095),
    (34, 49801, 50000, 12495),
    (34, 54801, 55000, 14476),
    (34, 59801, 60000, 17176),
    (34, 69801, 70000, 22576),
    (34, 79801, 80000, 27976),
    (38, 2401, 2500, 184),
    (38, 4901, 5000, 412),
    (38, 6901, 7000, 661),
    (38, 9701, 9800, 1325),
    (38, 11901, 12000, 1846),
    (38, 15901, 16000, 2792),
    (38, 19901, 20000, 3990),
    (38, 22401, 22600, 4769),
    (38, 25801, 26000, 5812),
    (38, 29801, 30000, 7044),
    (38, 34801, 35000, 8583),
    (38, 39801, 40000, 10151),
    (38, 49801, 50000, 13951),
    (38, 54801, 55000, 16132),
    (38, 59801, 60000, 19032),
    (38, 69801, 70000, 24832),
    (38, 79801, 80000, 30632),
    (42, 2401, 2500, 184),
    (42, 4901, 5000, 412),
    (42, 6901, 7000, 724),
    (42, 9701, 9800, 1456),
    (42, 11901, 12000, 2031),
    (42, 15901, 16000, 3075),
    (42, 19901, 20000, 4402),
    (42, 22401, 22600, 5264),
    (42, 25801, 26000, 6416),
    (42, 29801, 30000, 7776),
    (42, 34801, 35000, 9475),
    (42, 39801, 40000, 11207),
    (42, 49801, 50000, 15407),
    (42, 54801, 55000, 17788),
    (42, 59801, 60000, 20888),
    (42, 69801, 70000, 27088),
    (42, 79801, 80000, 33288),
];

#[test]
fn column_1_of_the_2025_monthly_tables_is_reproduced_exactly() {
    let rules = rules_for(2025).expect("the data holds 2025");
    let mut misses = Vec::new();
    for &(table, from, to, expected) in ROWS {
        let got = rules.table_column_1(table, Decimal::from(to)).unwrap();
        if got != Decimal::from(expected) {
            misses.push(format!("table {table}, {from}–{to} kr: got {got}, Skatteverket {expected}"));
        }
    }
    assert!(misses.is_empty(), "{} of {} rows differ:\n{}", misses.len(), ROWS.len(), misses.join("\n"));
    assert_eq!(ROWS.len(), 85);
}

#[test]
fn the_default_job_in_table_32_by_parts() {
    // 25 801–26 000 kr, table 32: 26 000 x 12 = 312 000 kr a year. Grundavdrag: 312 000 lies
    // between 3.11 and 7.88 pbb, 0.77 x 58 800 - 0.1 x (312 000 - 182 868) = 32 362.8, up to
    // 32 400. Taxable 279 600. Kommunal tax at 30.84 %: 86 228 (86 228.64 rounded down); fees
    // at 1.16 %: 3 243. Pension fee 7 % of 312 000 = 21 840, to 21 800, fully reduced.
    // Jobbskatteavdrag: (1.813 x 58 800 + 0.199 x (312 000 - 190 512) - 32 400) x 30.84 %
    // = (106 604.4 + 24 176.112 - 32 400) x 0.3084 = 30 340.55, down to 30 340. Reduction for
    // earned income: 0.75 % x (279 600 - 40 000) = 1 797, at most 1 500. Public service fee:
    // 1 % of 279 600 = 2 796, at most 1 249. Total 86 228 - 30 340 - 1 500 + 1 249 + 3 243 =
    // 58 880; / 12 = 4 906.67, down to 4 906: Skatteverket's figure.
    let rules = rules_for(2025).unwrap();
    let rates = LocalRates { municipal: Decimal::new(3084, 4), regional: Decimal::ZERO, fees: Decimal::new(116, 4) };
    let t = rules.income_tax(Income { earned: Decimal::from(312_000), other: Decimal::ZERO }, rates).unwrap();
    assert_eq!(t.grundavdrag, Decimal::from(32_400));
    assert_eq!(t.taxable_income, Decimal::from(279_600));
    assert_eq!(t.municipal_tax, Decimal::from(86_228));
    assert_eq!(t.fees, Decimal::from(3_243));
    assert_eq!(t.pension_fee, Decimal::from(21_800));
    assert_eq!(t.pension_fee_reduction, Decimal::from(21_800));
    assert_eq!(t.jobbskatteavdrag, Decimal::from(30_340));
    assert_eq!(t.earned_income_reduction, Decimal::from(1_500));
    assert_eq!(t.public_service_fee, Decimal::from(1_249));
    assert_eq!(t.total().unwrap(), Decimal::from(58_880));
    assert_eq!(rules.table_column_1(32, Decimal::from(26_000)).unwrap(), Decimal::from(4_906));
}

#[test]
fn state_income_tax_above_the_threshold() {
    // 70 000 kr a month: 840 000 a year, grundavdrag 0.293 pbb = 17 228.4, up to 17 300;
    // taxable 822 700; state tax 20 % of (822 700 - 625 800) = 39 380.
    let rules = rules_for(2025).unwrap();
    let t = rules.income_tax(Income { earned: Decimal::from(840_000), other: Decimal::ZERO }, LocalRates::default()).unwrap();
    assert_eq!(t.grundavdrag, Decimal::from(17_300));
    assert_eq!(t.state_tax, Decimal::from(39_380));
}
