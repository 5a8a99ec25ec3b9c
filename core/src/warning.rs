//! Warnings: input that is valid but looks like a mistake. A warning never stops a calculation;
//! like a fault it has a path, a stable code, typed values and a message in Swedish and
//! English (docs/method.md, "Warning codes").

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{number, Unit};
use crate::lang::Lang;
use crate::scenario::{Scenario, TaxMethod};

/// The highest municipal rate that looks like an effective rate on the gross wage: 0.15. The
/// built-in effective rate is about 0.12; nominal municipal rates (kommunalskatt on taxable
/// income) are about 0.17 to 0.24.
pub(crate) const MAX_EFFECTIVE_MUNICIPAL_RATE: Decimal = Decimal::from_parts(15, 0, 0, false, 2);

/// A warning: its code (the variant, serialised snake_case as `code`) and the values its
/// message needs (serialised as `params`).
///
/// ```
/// use samkalk::Warning;
/// let w: &Warning = &samkalk::warnings_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2074"}}"#)[0].warning;
/// let Warning::NominalMunicipalRate { rate, limit } = w;
/// assert_eq!((rate.to_string(), limit.to_string()), ("0.2074".to_string(), "0.15".to_string()));
/// assert_eq!(serde_json::to_string(w).unwrap(), r#"{"code":"nominal_municipal_rate","params":{"rate":"0.2074","limit":"0.15"}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// The fields are the message's parameters, named as docs/method.md lists them.
#[allow(missing_docs)]
pub enum Warning {
    /// Under the effective-rates method, a municipal rate above `limit`: most likely the
    /// nominal kommunalskatt, which applies to taxable income, not to the gross wage.
    NominalMunicipalRate { rate: Decimal, limit: Decimal },
}

impl Warning {
    /// The message in a language, with its numbers written as that language writes them.
    ///
    /// ```
    /// use samkalk::{Lang, Warning};
    /// let w = Warning::NominalMunicipalRate { rate: "0.2074".parse().unwrap(), limit: "0.15".parse().unwrap() };
    /// assert!(w.message(Lang::En).starts_with("0.2074 looks like a nominal municipal tax rate"));
    /// assert!(w.message(Lang::Sv).starts_with("0,2074 ser ut som en nominell kommunalskatt"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::NominalMunicipalRate { rate, limit } => {
                let (rate, limit) = (number(*rate, lang, Unit::Share), number(*limit, lang, Unit::Share));
                match lang {
                    Lang::Sv => format!(
                        "{rate} ser ut som en nominell kommunalskatt: med effektiva skattesatser (tax.method = \"effective\") är municipal_rate andelen av bruttolönen, i regel under {limit}; för den nominella skattesatsen, använd tax.method = \"rules\" (version 2)"
                    ),
                    Lang::En => format!(
                        "{rate} looks like a nominal municipal tax rate: with effective rates (tax.method = \"effective\") municipal_rate is the share of the gross wage, as a rule below {limit}; for the nominal rate, use tax.method = \"rules\" (version 2)"
                    ),
                }
            }
        }
    }
}

/// A warning at the path of the field it concerns. Serialised as `{"path", "code", "params",
/// "message", "message_sv", "message_en"}` (`message` is English), like a fault.
///
/// ```
/// use samkalk::Lang;
/// let w: &samkalk::ScenarioWarning = &samkalk::warnings_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2"}}"#)[0];
/// assert_eq!(w.path, "tax.municipal_rate");
/// assert_ne!(w.warning.message(Lang::Sv), w.warning.message(Lang::En));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioWarning {
    /// The field concerned (`tax.municipal_rate`).
    pub path: String,
    /// What looks wrong.
    pub warning: Warning,
}

impl ScenarioWarning {
    /// `varning: path: message` (`warning: …` in English), as the CLI prints it.
    ///
    /// ```
    /// let s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2074"}}"#).unwrap();
    /// let [w] = samkalk::warnings(&s).try_into().unwrap();
    /// assert!(w.line(samkalk::Lang::En).starts_with("warning: tax.municipal_rate: 0.2074 looks like a nominal"));
    /// ```
    pub fn line(&self, lang: Lang) -> String {
        let word = match lang {
            Lang::Sv => "varning",
            Lang::En => "warning",
        };
        format!("{word}: {}: {}", self.path, self.warning.message(lang))
    }
}

impl Serialize for ScenarioWarning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (code, params) = match serde_json::to_value(&self.warning) {
            Ok(serde_json::Value::Object(mut m)) => (m.remove("code").unwrap_or_default(), m.remove("params").unwrap_or_default()),
            _ => (serde_json::Value::Null, serde_json::Value::Null),
        };
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("code", &code)?;
        map.serialize_entry("params", &params)?;
        map.serialize_entry("message", &self.warning.message(Lang::En))?;
        map.serialize_entry("message_sv", &self.warning.message(Lang::Sv))?;
        map.serialize_entry("message_en", &self.warning.message(Lang::En))?;
        map.end()
    }
}

/// Every warning of a scenario.
///
/// ```
/// let nominal = samkalk::Scenario::from_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.2074"}}"#).unwrap();
/// assert_eq!(samkalk::warnings(&nominal)[0].path, "tax.municipal_rate");
/// let effective = samkalk::Scenario::from_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.12"}}"#).unwrap();
/// assert!(samkalk::warnings(&effective).is_empty());
/// ```
pub fn warnings(scenario: &Scenario) -> Vec<ScenarioWarning> {
    let mut out = Vec::new();
    let effective = scenario.version < 2 || scenario.tax.method != Some(TaxMethod::Rules);
    if let Some(rate) = scenario.tax.municipal_rate {
        if effective && rate > MAX_EFFECTIVE_MUNICIPAL_RATE {
            out.push(ScenarioWarning {
                path: "tax.municipal_rate".into(),
                warning: Warning::NominalMunicipalRate { rate, limit: MAX_EFFECTIVE_MUNICIPAL_RATE },
            });
        }
    }
    out
}
