//! Break-even sentences: when an actor's present value is zero or more, in words.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::result::{round_share, BreakEven, BreakEvenKind};
use crate::scenario::Scenario;

use super::format::percent;

/// How a state is named in a sentence: in Swedish its label with a lower-case first letter
/// (`arbete`, see [`crate::present::state_phrase`]); in English its id (the built-in labels are
/// Swedish), so `work`.
///
/// ```
/// let scenario = samkalk::Scenario::new(2026);
/// assert_eq!(samkalk::present::target_phrase(&scenario, "work", samkalk::Lang::Sv), "arbete");
/// assert_eq!(samkalk::present::target_phrase(&scenario, "work", samkalk::Lang::En), "work");
/// ```
pub fn target_phrase(scenario: &Scenario, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => crate::present::state_phrase(scenario, id),
        Lang::En => id.to_string(),
    }
}

/// One actor's break-even on a cohort's first outcome as a sentence.
///
/// `comparison` is that outcome's counterfactual share (the comparison group). When the
/// break-even share equals it, the actor's present value has no part that does not depend on
/// the outcome (NPV(s) = A × (s − c), cohort.rs: it invests nothing in the cohort), so the
/// sentence says what that means instead of restating the comparison group as a threshold.
///
/// ```
/// use rust_decimal::Decimal;
/// use samkalk::{present::break_even_sentence, BreakEven, BreakEvenKind, Lang, Share};
/// let share = |s: &str| Some(Share::new(s.parse::<Decimal>().unwrap()));
/// let be = BreakEven { share: share("0.068345"), kind: BreakEvenKind::AtLeast };
/// assert_eq!(break_even_sentence("Kommunen", &be, "arbete", None, Lang::Sv),
///            "Kommunen går jämnt ut om minst 6,8 % av deltagarna når arbete.");
/// let af = BreakEven { share: share("0.1"), kind: BreakEvenKind::AtLeast };
/// assert_eq!(break_even_sentence("Arbetsförmedlingen", &af, "arbete", Some("0.1".parse().unwrap()), Lang::Sv),
///            "Arbetsförmedlingen vinner så snart fler än jämförelsegruppen (10,0 %) når arbete.");
/// ```
pub fn break_even_sentence(who: &str, be: &BreakEven, target: &str, comparison: Option<Decimal>, lang: Lang) -> String {
    let only_outcome = match (be.share, comparison) {
        (Some(s), Some(c)) => s == round_share(c),
        _ => false,
    };
    let c = comparison.unwrap_or_default();
    match (be.kind, be.share, lang) {
        (BreakEvenKind::AtLeast, Some(_), Lang::Sv) if only_outcome && c.is_zero() => {
            format!("{who} vinner så snart någon av deltagarna når {target}.")
        }
        (BreakEvenKind::AtLeast, Some(_), Lang::En) if only_outcome && c.is_zero() => {
            format!("{who} gains as soon as any participant reaches {target}.")
        }
        (BreakEvenKind::AtMost, Some(_), Lang::Sv) if only_outcome && c.is_zero() => {
            format!("{who} förlorar så snart någon av deltagarna når {target}.")
        }
        (BreakEvenKind::AtMost, Some(_), Lang::En) if only_outcome && c.is_zero() => {
            format!("{who} loses as soon as any participant reaches {target}.")
        }
        (BreakEvenKind::AtLeast, Some(_), Lang::Sv) if only_outcome => {
            format!("{who} vinner så snart fler än jämförelsegruppen ({}) når {target}.", percent(c, lang))
        }
        (BreakEvenKind::AtLeast, Some(_), Lang::En) if only_outcome => {
            format!("{who} gains as soon as more than the comparison group ({}) reach {target}.", percent(c, lang))
        }
        (BreakEvenKind::AtMost, Some(_), Lang::Sv) if only_outcome => {
            format!("{who} förlorar så snart fler än jämförelsegruppen ({}) når {target}.", percent(c, lang))
        }
        (BreakEvenKind::AtMost, Some(_), Lang::En) if only_outcome => {
            format!("{who} loses as soon as more than the comparison group ({}) reach {target}.", percent(c, lang))
        }
        (BreakEvenKind::AtLeast, Some(s), Lang::Sv) => {
            format!("{who} går jämnt ut om minst {} av deltagarna når {target}.", percent(s.value(), lang))
        }
        (BreakEvenKind::AtLeast, Some(s), Lang::En) => {
            format!("{who} breaks even if at least {} of the participants reach {target}.", percent(s.value(), lang))
        }
        (BreakEvenKind::AtMost, Some(s), Lang::Sv) => {
            format!("{who} går jämnt ut om högst {} av deltagarna når {target}.", percent(s.value(), lang))
        }
        (BreakEvenKind::AtMost, Some(s), Lang::En) => {
            format!("{who} breaks even if at most {} of the participants reach {target}.", percent(s.value(), lang))
        }
        (BreakEvenKind::Never, _, Lang::Sv) => format!("{who} går inte jämnt ut, oavsett hur många som når {target}."),
        (BreakEvenKind::Never, _, Lang::En) => format!("{who} does not break even, however many reach {target}."),
        (_, _, Lang::Sv) => format!("{who} går jämnt ut eller bättre, oavsett hur många som når {target}."),
        (_, _, Lang::En) => format!("{who} breaks even or better, however many reach {target}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn every_kind_in_both_languages() {
        let at = |kind, s: &str| BreakEven { share: Some(crate::result::Share::new(d(s))), kind };
        let none = |kind| BreakEven { share: None, kind };
        let s = |be: &BreakEven, c: Option<&str>, lang| break_even_sentence("X", be, "arbete", c.map(d), lang);
        assert_eq!(
            s(&at(BreakEvenKind::AtLeast, "0.068345"), Some("0.1"), Lang::Sv),
            "X går jämnt ut om minst 6,8 % av deltagarna når arbete."
        );
        assert_eq!(s(&at(BreakEvenKind::AtMost, "0.5"), None, Lang::Sv), "X går jämnt ut om högst 50,0 % av deltagarna når arbete.");
        assert_eq!(s(&none(BreakEvenKind::Never), None, Lang::Sv), "X går inte jämnt ut, oavsett hur många som når arbete.");
        assert_eq!(s(&none(BreakEvenKind::Always), None, Lang::Sv), "X går jämnt ut eller bättre, oavsett hur många som når arbete.");
        assert_eq!(
            s(&at(BreakEvenKind::AtLeast, "0.1"), Some("0.1"), Lang::Sv),
            "X vinner så snart fler än jämförelsegruppen (10,0 %) når arbete."
        );
        assert_eq!(
            s(&at(BreakEvenKind::AtMost, "0.1"), Some("0.1"), Lang::Sv),
            "X förlorar så snart fler än jämförelsegruppen (10,0 %) når arbete."
        );
        assert_eq!(s(&at(BreakEvenKind::AtLeast, "0"), Some("0"), Lang::Sv), "X vinner så snart någon av deltagarna når arbete.");
        assert_eq!(
            s(&at(BreakEvenKind::AtLeast, "0.068345"), None, Lang::En),
            "X breaks even if at least 6.8% of the participants reach arbete."
        );
        assert_eq!(
            s(&at(BreakEvenKind::AtLeast, "0.1"), Some("0.1"), Lang::En),
            "X gains as soon as more than the comparison group (10.0%) reach arbete."
        );
        assert_eq!(s(&none(BreakEvenKind::Never), None, Lang::En), "X does not break even, however many reach arbete.");
        assert_eq!(s(&none(BreakEvenKind::Always), None, Lang::En), "X breaks even or better, however many reach arbete.");
    }
}
