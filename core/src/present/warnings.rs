//! Warnings: inputs that are valid but that a reader should look at twice, in both languages.

use rust_decimal::Decimal;

use super::format::percent;
use crate::Lang;

/// The warning for an outcome whose comparison group (`counterfactual_share`) is above the
/// share reaching the target: allowed, but the intervention then counts as a loss. `None` when
/// the comparison group is not above the share.
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::{present::comparison_warning, Lang};
/// let (share, comparison) = ("0.1".parse::<Decimal>().unwrap(), "0.3".parse::<Decimal>().unwrap());
/// assert!(comparison_warning(share, comparison, Lang::Sv).unwrap().starts_with("Fler hade nått arbete utan insatsen (30,0 %)"));
/// assert_eq!(comparison_warning(comparison, share, Lang::Sv), None);
/// assert_eq!(comparison_warning(share, share, Lang::Sv), None);
/// ```
pub fn comparison_warning(share: Decimal, counterfactual_share: Decimal, lang: Lang) -> Option<String> {
    if counterfactual_share <= share {
        return None;
    }
    let (without, with) = (percent(counterfactual_share, lang), percent(share, lang));
    Some(match lang {
        Lang::Sv => format!(
            "Fler hade nått arbete utan insatsen ({without}) än med den ({with}). Kalkylen räknar då med att insatsen håller deltagare borta från arbete: en förlust."
        ),
        Lang::En => format!(
            "More would have reached work without the intervention ({without}) than with it ({with}). The calculation then counts the intervention as keeping participants from work: a loss."
        ),
    })
}
