//! Files for other programs: a CSV that Swedish (or English) Excel opens as a table, and,
//! behind the cargo feature `xlsx`, a workbook whose figures are formulas with the engine's
//! exact values cached, and the reader that takes such a workbook back into a scenario.
//! Pure functions: the caller gives the date and decides where the bytes go.

pub mod csv;
#[cfg(feature = "xlsx")]
pub mod xlsx;
#[cfg(feature = "xlsx")]
pub mod xlsx_read;

use rust_decimal::Decimal;

use crate::actor::Actor;

/// Reads an actor from its id or its name in either language (`region`, `Regionen`, `Region`).
///
/// ```
/// use samkalk::{export::actor_from_name, Actor};
/// assert_eq!(actor_from_name("Regionen"), Some(Actor::Region));
/// assert_eq!(actor_from_name("employment service"), Some(Actor::EmploymentService));
/// assert_eq!(actor_from_name("social_insurance"), Some(Actor::SocialInsurance));
/// assert_eq!(actor_from_name("Kommun"), None);
/// ```
pub fn actor_from_name(text: &str) -> Option<Actor> {
    let t = text.trim();
    Actor::ALL.into_iter().find(|a| a.id() == t || a.swedish().eq_ignore_ascii_case(t) || a.english().eq_ignore_ascii_case(t))
}

/// An exact decimal written plainly, without trailing zeros after the point (`0.035`, `40000`).
///
/// ```
/// use samkalk::export::plain;
/// assert_eq!(plain("0.0350".parse().unwrap()), "0.035");
/// assert_eq!(plain("40000.00".parse().unwrap()), "40000");
/// assert_eq!(plain("-0.0".parse().unwrap()), "0");
/// ```
pub fn plain(x: Decimal) -> String {
    let text = x.normalize().to_string();
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// A calendar date (proleptic Gregorian), given by the caller: the core reads no clock.
///
/// ```
/// use samkalk::export::Date;
/// let d = Date::new(2024, 2, 29).unwrap();
/// assert_eq!((d.year, d.month, d.day), (2024, 2, 29));
/// assert_eq!(Date::new(2026, 2, 29), None);
/// assert_eq!(Date::parse("2026-12-02"), Date::new(2026, 12, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (1900–9999).
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (month 1–12, day within the month, year 1900–9999 as Excel
    /// holds dates).
    ///
    /// ```
    /// assert!(samkalk::export::Date::new(2026, 4, 31).is_none());
    /// assert!(samkalk::export::Date::new(1899, 12, 31).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
    ///
    /// ```
    /// use samkalk::export::Date;
    /// assert_eq!(Date::parse("2026-12-01"), Date::new(2026, 12, 1));
    /// assert_eq!(Date::parse("2026-02-30"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || !(y.chars().chain(m.chars()).chain(d.chars()).all(|c| c.is_ascii_digit())) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The date `days` days after 1970-01-01 (negative: before), for callers that hold a Unix
    /// time; `None` outside the years [`Date::new`] takes.
    ///
    /// ```
    /// use samkalk::export::Date;
    /// assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
    /// assert_eq!(Date::from_unix_days(20_423), Date::new(2025, 12, 1));
    /// ```
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Civil-from-days over 400-year eras of 146 097 days (the Gregorian cycle).
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month as u8, day as u8)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_unix_days_agree_with_parsing() {
        assert_eq!(Date::from_unix_days(-1), Date::new(1969, 12, 31));
        assert_eq!(Date::from_unix_days(11_016), Date::new(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_788), Date::parse("2026-12-01"));
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        assert_eq!(Date::parse("2026-1-01"), None);
        assert_eq!(Date::parse("2100-02-29"), None);
        assert_eq!(Date::parse("2000-02-29").map(|d| d.to_string()), Some("2000-02-29".into()));
    }

    #[test]
    fn actors_by_any_name() {
        for a in Actor::ALL {
            assert_eq!(actor_from_name(a.id()), Some(a));
            assert_eq!(actor_from_name(a.swedish()), Some(a));
            assert_eq!(actor_from_name(&a.english().to_uppercase()), Some(a));
        }
        assert_eq!(actor_from_name("Samhället"), None);
    }
}
