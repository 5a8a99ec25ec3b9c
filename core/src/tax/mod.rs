//! Tax from the rules (method version 2): the Swedish income-tax rules by income year, each
//! municipality's rates, the prisbasbelopp by year, and the equalisation rates, all as data
//! with sources in `data/tax.toml` and `data/skattesatser-<year>.csv`, embedded at build time.
//! Pure functions: nothing here knows about scenarios; `crate::flow` books the results.

pub mod municipalities;
pub mod prices;
pub mod rules;

use std::sync::OnceLock;

use rust_decimal::Decimal;

pub use municipalities::{Municipality, MunicipalityYear};
pub(crate) use prices::index_ratio;
pub use prices::{price_years, prisbasbelopp, restate, PriceIndexEntry};
pub use rules::{Band, Income, IncomeTax, LocalRates, RuleSource, TaxRules};

use crate::value::{parse_json, Value};
use rules::{dec, text};

/// The rates of one county (län) that the income equalisation grant is computed with, as
/// fractions.
///
/// ```
/// let county: &samkalk::tax::CountyRates = &samkalk::tax::tax_data().equalisation.counties[0];
/// assert_eq!(county.code.len(), 2);
/// assert!(county.municipal > rust_decimal::Decimal::ZERO);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CountyRates {
    /// The first two digits of its municipalities' codes.
    pub code: String,
    /// The county's name.
    pub name: String,
    /// The equalisation rate of the municipal tax (a fraction).
    pub municipal: Decimal,
    /// The equalisation rate of the regional tax (a fraction).
    pub regional: Decimal,
}

/// The income equalisation rates and the convention they are used with.
///
/// ```
/// let eq: &samkalk::tax::Equalisation = &samkalk::tax::tax_data().equalisation;
/// // Nynäshamn (0192) is in Stockholm county (01).
/// let stockholm = eq.counties.iter().find(|c| c.code == "01").unwrap();
/// assert_eq!(eq.rates_for(Some("0192")), (stockholm.municipal, stockholm.regional));
/// // Without a municipality: the mean over the counties with a region.
/// let (m, r) = eq.rates_for(None);
/// assert!(m > rust_decimal::Decimal::ZERO && r > rust_decimal::Decimal::ZERO);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Equalisation {
    /// Every county's rates.
    pub counties: Vec<CountyRates>,
    /// Where the rates come from (publisher, document, year).
    pub source: String,
    /// How they are used, and what is simplified.
    pub note: String,
    /// How the figures are checked: `two`, `one` or `not` (see data/tax.toml).
    pub verified: String,
}

impl Equalisation {
    /// The county rates of a kommunkod; for no municipality (the national average) the
    /// unweighted mean over the counties that have a region. The county is the kommunkod's first
    /// two digits; an unknown county is treated as no municipality.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let eq = &samkalk::tax::tax_data().equalisation;
    /// // Timrå (2262) is in Västernorrland county (22).
    /// let county = eq.counties.iter().find(|c| c.code == "22").unwrap();
    /// assert_eq!(eq.rates_for(Some("2262")), (county.municipal, county.regional));
    /// // The national average: the plain mean of the counties with a region.
    /// let with_region: Vec<_> = eq.counties.iter().filter(|c| !c.regional.is_zero()).collect();
    /// let mean = with_region.iter().map(|c| c.municipal).sum::<Decimal>() / Decimal::from(with_region.len());
    /// assert_eq!(eq.rates_for(None).0, mean);
    /// assert_eq!(eq.rates_for(Some("99")), eq.rates_for(None));
    /// ```
    pub fn rates_for(&self, code: Option<&str>) -> (Decimal, Decimal) {
        if let Some(c) = code.and_then(|c| c.get(..2)).and_then(|p| self.counties.iter().find(|k| k.code == p)) {
            return (c.municipal, c.regional);
        }
        let with_region: Vec<&CountyRates> = self.counties.iter().filter(|c| !c.regional.is_zero()).collect();
        let n = Decimal::from(with_region.len().max(1) as u64);
        let sum = |f: fn(&CountyRates) -> Decimal| with_region.iter().map(|c| f(c)).fold(Decimal::ZERO, |a, b| a + b);
        (sum(|c| c.municipal) / n, sum(|c| c.regional) / n)
    }
}

/// Everything in `data/tax.toml` and the municipality files.
///
/// ```
/// let data: &samkalk::tax::TaxData = samkalk::tax::tax_data();
/// assert!(data.rules.iter().any(|r| r.year == 2025));
/// assert!(data.prices.iter().any(|p| p.year == 2026));
/// assert_eq!(data.municipalities[0].municipalities.len(), 290);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TaxData {
    /// Income years, ascending.
    pub rules: Vec<TaxRules>,
    /// Prisbasbelopp by year, ascending.
    pub prices: Vec<PriceIndexEntry>,
    /// Municipalities by income year, ascending.
    pub municipalities: Vec<MunicipalityYear>,
    /// The income equalisation rates (the option `tax.equalisation`).
    pub equalisation: Equalisation,
}

const TAX_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/tax.json"));

/// The municipality files, by the name `data/tax.toml` gives them.
const MUNICIPALITY_FILES: &[(&str, &str)] = &[("skattesatser-2025.csv", include_str!("../../data/skattesatser-2025.csv"))];

/// The tax data, read once. It is part of the build and checked by the crate's tests.
///
/// ```
/// assert!(std::ptr::eq(samkalk::tax::tax_data(), samkalk::tax::tax_data()));
/// ```
pub fn tax_data() -> &'static TaxData {
    static DATA: OnceLock<TaxData> = OnceLock::new();
    DATA.get_or_init(|| read_tax_data(TAX_JSON).unwrap_or_else(|e| panic!("built-in tax data is broken: {e}")))
}

/// The rules of an income year, if the data holds it.
///
/// ```
/// assert_eq!(samkalk::tax::rules_for(2025).unwrap().prisbasbelopp.to_string(), "58800");
/// assert!(samkalk::tax::rules_for(1990).is_none());
/// ```
pub fn rules_for(year: i64) -> Option<&'static TaxRules> {
    tax_data().rules.iter().find(|r| r.year == year)
}

/// The income years the rules cover, ascending.
///
/// ```
/// assert!(samkalk::tax::tax_years().contains(&2025));
/// ```
pub fn tax_years() -> Vec<i64> {
    tax_data().rules.iter().map(|r| r.year).collect()
}

/// The municipalities of an income year; None when the data has no list for it.
///
/// ```
/// let year = samkalk::tax::municipalities(2025).unwrap();
/// let nynashamn = year.find("Nynäshamn").unwrap();
/// assert_eq!((nynashamn.code.as_str(), nynashamn.municipal_rate.to_string()), ("0192", "0.1985".to_string()));
/// ```
pub fn municipalities(year: i64) -> Option<&'static MunicipalityYear> {
    tax_data().municipalities.iter().find(|m| m.year == year)
}

/// The latest income year with both rules and municipalities: a scenario's default tax year.
///
/// ```
/// let year = samkalk::tax::default_tax_year();
/// assert!(samkalk::tax::rules_for(year).is_some() && samkalk::tax::municipalities(year).is_some());
/// ```
pub fn default_tax_year() -> i64 {
    tax_years().into_iter().rev().find(|y| municipalities(*y).is_some()).unwrap_or(0)
}

fn years_of(v: Option<&Value>) -> Vec<(i64, &Value)> {
    let mut out: Vec<(i64, &Value)> = match v {
        Some(Value::Object(m)) => m.iter().filter_map(|(k, v)| k.parse().ok().map(|y| (y, v))).collect(),
        _ => Vec::new(),
    };
    out.sort_by_key(|(y, _)| *y);
    out
}

fn read_tax_data(json: &str) -> Result<TaxData, String> {
    let root = parse_json(json).map_err(|e| e.to_string())?;
    let rules = years_of(root.get("years")).into_iter().map(|(y, v)| rules::read_rules(y, v)).collect::<Result<Vec<_>, _>>()?;
    let prices = years_of(root.get("prisbasbelopp"))
        .into_iter()
        .map(|(year, v)| {
            Ok(PriceIndexEntry {
                year,
                prisbasbelopp: dec(v.get("value"), &format!("prisbasbelopp.{year}"))?,
                source: text(v.get("source")),
                verified: text(v.get("verified")),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let hundred = Decimal::ONE_HUNDRED;
    let pct = |v: Option<&Value>, at: &str| -> Result<Decimal, String> { Ok(dec(v, at)? / hundred) };
    let mut municipalities = Vec::new();
    for (year, v) in years_of(root.get("municipalities")) {
        let file = text(v.get("file"));
        let csv = MUNICIPALITY_FILES.iter().find(|(name, _)| *name == file).ok_or(format!("municipalities.{year}: no file {file}"))?.1;
        municipalities.push(MunicipalityYear {
            year,
            source: text(v.get("source")),
            verified: text(v.get("verified")),
            national_municipal: pct(v.get("national_municipal"), "national_municipal")?,
            national_regional: pct(v.get("national_regional"), "national_regional")?,
            national_source: text(v.get("national_source")),
            municipalities: municipalities::read_csv(csv).map_err(|e| format!("{file}: {e}"))?,
        });
    }
    let eq = root.get("equalisation").ok_or("equalisation is missing")?;
    let Some(Value::Array(counties)) = eq.get("counties") else { return Err("equalisation.counties is missing".into()) };
    let counties = counties
        .iter()
        .map(|c| {
            Ok(CountyRates {
                code: text(c.get("code")),
                name: text(c.get("name")),
                municipal: pct(c.get("municipal"), "equalisation.counties.municipal")?,
                regional: pct(c.get("regional"), "equalisation.counties.regional")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let equalisation =
        Equalisation { counties, source: text(eq.get("source")), note: text(eq.get("note")), verified: text(eq.get("verified")) };
    Ok(TaxData { rules, prices, municipalities, equalisation })
}

/// The municipalities of the default tax year as JSON: `{"year", "source", "national":
/// {"municipal_rate", "regional_rate", "source"}, "municipalities": [{"code", "name",
/// "municipal_rate", "regional_rate", "burial_fee"}]}`, rates as decimal fractions in text.
///
/// ```
/// let json = samkalk::tax::municipalities_json(Some(2025)).unwrap();
/// assert_eq!(json["year"], 2025);
/// assert_eq!(json["municipalities"].as_array().unwrap().len(), 290);
/// assert!(samkalk::tax::municipalities_json(Some(1990)).is_none());
/// ```
pub fn municipalities_json(year: Option<i64>) -> Option<serde_json::Value> {
    use serde_json::json;
    let y = municipalities(year.unwrap_or_else(default_tax_year))?;
    let list: Vec<serde_json::Value> = y
        .municipalities
        .iter()
        .map(|m| {
            json!({"code": m.code, "name": m.name, "municipal_rate": m.municipal_rate.normalize().to_string(),
                   "regional_rate": m.regional_rate.normalize().to_string(), "burial_fee": m.burial_fee.normalize().to_string()})
        })
        .collect();
    Some(json!({
        "year": y.year,
        "source": y.source,
        "national": {"municipal_rate": y.national_municipal.normalize().to_string(),
                     "regional_rate": y.national_regional.normalize().to_string(), "source": y.national_source},
        "municipalities": list,
    }))
}

/// The municipalities of an income year as a table for people: kommunkod, name, municipal,
/// regional and total rate and burial fee in percent, Swedish decimal commas; then the source.
///
/// ```
/// let table = samkalk::tax::municipalities_table(Some(2025)).unwrap();
/// assert!(table.starts_with("Kommunala skattesatser 2025 (procent)\n"));
/// assert!(table.contains("19,85"));
/// ```
pub fn municipalities_table(year: Option<i64>) -> Option<String> {
    let y = municipalities(year.unwrap_or_else(default_tax_year))?;
    let pct = |x: Decimal| format!("{:.2}", x * Decimal::ONE_HUNDRED).replace('.', ",");
    let mut out = format!("Kommunala skattesatser {} (procent)\n", y.year);
    out += &format!("{:<6} {:<20} {:>8} {:>8} {:>8} {:>8}\n", "Kod", "Kommun", "Kommun", "Region", "Summa", "Begr.");
    for m in &y.municipalities {
        out += &format!(
            "{:<6} {:<20} {:>8} {:>8} {:>8} {:>8}\n",
            m.code,
            m.name,
            pct(m.municipal_rate),
            pct(m.regional_rate),
            pct(m.municipal_rate + m.regional_rate),
            format!("{:.3}", m.burial_fee * Decimal::ONE_HUNDRED).replace('.', ",")
        );
    }
    out += &format!("Källa: {}\n", y.source);
    Some(out)
}
