//! The languages samkalk speaks to people in: Swedish (the default, as its users write) and
//! English. Every message, label and formatted number that the core writes for people takes one.

use serde::{Deserialize, Serialize};

/// A language for text meant for people.
///
/// ```
/// use samkalk::Lang;
/// assert_eq!(Lang::from_code("en"), Some(Lang::En));
/// assert_eq!(Lang::default(), Lang::Sv);
/// assert_eq!(Lang::Sv.code(), "sv");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish (svenska).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Swedish first.
    ///
    /// ```
    /// use samkalk::Lang;
    /// assert_eq!(Lang::ALL.map(Lang::code), ["sv", "en"]);
    /// ```
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// Reads an ISO 639-1 code: `"sv"` or `"en"` (case-insensitive, surrounding blanks
    /// ignored); anything else is `None`.
    ///
    /// ```
    /// use samkalk::Lang;
    /// assert_eq!(Lang::from_code("sv"), Some(Lang::Sv));
    /// assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
    /// assert_eq!(Lang::from_code("sv-SE"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code, which [`Lang::from_code`] reads back.
    ///
    /// ```
    /// use samkalk::Lang;
    /// assert_eq!(Lang::En.code(), "en");
    /// assert!(Lang::ALL.into_iter().all(|l| Lang::from_code(l.code()) == Some(l)));
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}
