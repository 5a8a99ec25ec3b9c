//! The readable comparison of alternatives (`samkalk compare`): a block per actor, the public
//! sector and society, one column per alternative, then one per difference to the first.

use crate::compare::{Comparison, Figures};
use crate::lang::Lang;

use super::format::{kronor, ratio};
use super::labels::{comparison_title, difference_heading, row_label, Field};

fn lpad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        format!(" {text}")
    } else {
        format!("{}{text}", " ".repeat(width - n))
    }
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        format!("{text} ")
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

/// A figure as the table writes it; `signed` puts a `+` before a positive difference.
fn cell(f: &Figures, field: Field, signed: bool, lang: Lang) -> String {
    let plus = |text: String, positive: bool| if signed && positive { format!("+{text}") } else { text };
    let money = |m: crate::result::Money| plus(kronor(m.value(), lang), m.value() >= rust_decimal::Decimal::new(5, 1));
    match field {
        Field::TotalGain => money(f.total_gain),
        Field::TotalInvestment => money(f.total_investment),
        Field::TotalNet => money(f.total_net),
        Field::Npv => money(f.npv),
        Field::PaybackYear => match f.payback_year {
            Some(y) if signed => {
                if y > 0 {
                    format!("+{y}")
                } else {
                    y.to_string()
                }
            }
            Some(y) => y.to_string(),
            None => "–".into(),
        },
        Field::BenefitCostRatio => match f.benefit_cost_ratio {
            // A difference shown to two decimals is positive when it rounds away from zero.
            Some(r) => plus(ratio(r.value(), lang), r.value() >= rust_decimal::Decimal::new(5, 3)),
            None => "–".into(),
        },
        _ => String::new(),
    }
}

/// The longest name a column is headed by.
const SHORT_NAME: usize = 14;

/// The fields a comparison shows, in this order: the totals and summary figures of an actor's
/// result, not its yearly rows.
///
/// ```
/// use samkalk::present::compare::COMPARED;
/// assert_eq!(COMPARED.map(|f| f.id()), ["total_gain", "total_investment", "total_net", "npv", "payback_year", "benefit_cost_ratio"]);
/// ```
pub const COMPARED: [Field; 6] =
    [Field::TotalGain, Field::TotalInvestment, Field::TotalNet, Field::Npv, Field::PaybackYear, Field::BenefitCostRatio];

/// The comparison as a text table in `lang`: per actor, the public sector and society, each
/// alternative's figures, then each later alternative's difference to the first (`B − A`).
/// Columns are headed by the alternatives' names when each has at most 14 characters, else by
/// their numbers in the legend above the table.
///
/// ```
/// let a = samkalk::Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let c = samkalk::compare::compare(&[("A".into(), &a), ("B".into(), &a)]).unwrap();
/// let text = samkalk::present::compare::compare_table(&c, samkalk::Lang::Sv);
/// assert!(text.starts_with("Jämförelse av alternativ\n") && text.contains("\nOffentlig sektor\n"));
/// ```
pub fn compare_table(c: &Comparison, lang: Lang) -> String {
    // Columns are headed by the names when they are short, else by the numbers of the legend.
    let short = c.alternatives.iter().all(|n| !n.is_empty() && n.chars().count() <= SHORT_NAME);
    let names: Vec<String> = if short { c.alternatives.clone() } else { (1..=c.alternatives.len()).map(|i| i.to_string()).collect() };
    let first = names.first().map(String::as_str).unwrap_or("");
    let mut heads: Vec<String> = names.clone();
    heads.extend(names.iter().skip(1).map(|n| difference_heading(n, first)));
    let label_width = COMPARED.iter().map(|f| f.label(lang).chars().count()).max().unwrap_or(0) + 2;
    let width = heads.iter().map(|h| h.chars().count() + 2).max().unwrap_or(0).max(16);
    let mut out = String::new();
    out.push_str(comparison_title(lang));
    out.push('\n');
    for (i, name) in c.alternatives.iter().enumerate() {
        out.push_str(&format!("  {}: {name}\n", i + 1));
    }
    for row in &c.rows {
        out.push_str(&format!("\n{}\n", row_label(row.who, lang).unwrap_or(row.who)));
        out.push_str(&pad("", label_width));
        for h in &heads {
            out.push_str(&lpad(h, width));
        }
        out.push('\n');
        for field in COMPARED {
            out.push_str(&pad(field.label(lang), label_width));
            for f in &row.alternatives {
                out.push_str(&lpad(&cell(f, field, false, lang), width));
            }
            for d in row.differences.iter().skip(1) {
                out.push_str(&lpad(&cell(d, field, true, lang), width));
            }
            out.push('\n');
        }
    }
    out
}
