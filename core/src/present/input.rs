//! Values written back into a form field, exactly: the inverse of the parsers in [`super::parse`]
//! (no rounding, a decimal comma), so a value read from a file or a link shows in the field and
//! reads back as the same decimal.

use rust_decimal::Decimal;

/// An amount as a form field holds it: `77523.81` → `"77523,81"`, exact (no rounding).
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::present::{amount_input, parse_amount};
/// let x: Decimal = "77523.8095238095238095238095".parse().unwrap();
/// assert_eq!(amount_input(x), "77523,8095238095238095238095");
/// assert_eq!(parse_amount(&amount_input(x)).unwrap(), x);
/// ```
pub fn amount_input(x: Decimal) -> String {
    x.normalize().to_string().replace('.', ",")
}

/// A share as a percentage field holds it: `0.125` → `"12,5"`, exact; `None` when the share
/// times 100 does not fit a decimal.
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::present::{parse_percent, percent_input};
/// let x: Decimal = "0.0125".parse().unwrap();
/// assert_eq!(percent_input(x).as_deref(), Some("1,25"));
/// assert_eq!(parse_percent(&percent_input(x).unwrap()).unwrap(), x);
/// ```
pub fn percent_input(share: Decimal) -> Option<String> {
    share.checked_mul(Decimal::ONE_HUNDRED).map(|p| p.normalize().to_string().replace('.', ","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::{parse_amount, parse_percent};

    #[test]
    fn written_values_read_back_exactly() {
        for text in ["0", "35000", "35000.5", "-800000", "0.0000000000000000000000000001", "79228162514264337593543950335"] {
            let x: Decimal = text.parse().unwrap();
            assert_eq!(parse_amount(&amount_input(x)).unwrap(), x, "{text}");
        }
        for text in ["0", "1", "0.6", "0.125", "0.0125", "1.5"] {
            let x: Decimal = text.parse().unwrap();
            assert_eq!(parse_percent(&percent_input(x).unwrap()).unwrap(), x, "{text}");
        }
        assert_eq!(percent_input(Decimal::MAX), None);
    }
}
