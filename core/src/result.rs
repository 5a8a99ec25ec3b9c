//! The result: per actor and for society, year by year and over the horizon, and each cohort's
//! break-even shares. Values are held rounded as MODEL.md prints them (money to öre, shares to
//! six decimals, ratios to four), each rounded from the unrounded value.

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::actor::{Actor, ACTOR_COUNT, SOCIETY_ID};

/// 10^0 ..= 10^28, for rounding and the exact integer path ([`crate::fixed`]).
pub(crate) const POW10: [u128; 29] = {
    let mut table = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Half away from zero to `dp` decimals. The result is the same as rust_decimal's
/// `round_dp_with_strategy(dp, MidpointAwayFromZero)` (a unit test checks), with one integer
/// division on the 96-bit mantissa instead of a digit-by-digit loop: rounding is most of the
/// time a calculation takes.
fn round(x: Decimal, dp: u32) -> Decimal {
    round_parts(x.mantissa(), x.scale(), dp)
}

/// [`round`] of the decimal `mantissa / 10^scale` (|mantissa| < 2^96, scale ≤ 28), for the
/// calculation's own numbers ([`crate::fixed::Fx`]) that hold a decimal as these two parts.
#[inline]
pub(crate) fn round_parts(mantissa: i128, scale: u32, dp: u32) -> Decimal {
    let decimal = |m: i128, s: u32| {
        let u = m.unsigned_abs();
        Decimal::from_parts(u as u32, (u >> 32) as u32, (u >> 64) as u32, m < 0, s)
    };
    if scale <= dp {
        return decimal(mantissa, scale);
    }
    let magnitude = mantissa.unsigned_abs();
    let unit = POW10[(scale - dp) as usize];
    // u128 division is a library call; take the u64 one when both fit.
    let q = match (u64::try_from(magnitude), u64::try_from(unit)) {
        (Ok(m), Ok(u)) => u128::from(m / u + u64::from((m % u) >= u - (m % u))),
        _ => magnitude / unit + u128::from((magnitude % unit) * 2 >= unit),
    };
    // q ≤ |mantissa| < 2^96, so it is a decimal's mantissa; zero is never negative.
    decimal(if mantissa < 0 { -(q as i128) } else { q as i128 }, dp)
}

/// True when `x` rounded to öre is below zero, without rounding: x ≤ −0.005.
pub(crate) fn negative_to_the_ore(x: Decimal) -> bool {
    // Most figures are not negative; the sign bit decides those without rust_decimal's compare.
    x.is_sign_negative() && x <= HALF_ORE_BELOW_ZERO
}
const HALF_ORE_BELOW_ZERO: Decimal = Decimal::from_parts(5, 0, 0, true, 3);

/// To öre, half away from zero.
///
/// ```
/// use samkalk::result::round_money;
/// assert_eq!(round_money("2.345".parse().unwrap()).to_string(), "2.35");
/// assert_eq!(round_money("-2.345".parse().unwrap()).to_string(), "-2.35");
/// ```
pub fn round_money(x: Decimal) -> Decimal {
    round(x, 2)
}
/// To six decimals.
pub(crate) fn round_share(x: Decimal) -> Decimal {
    round(x, 6)
}
/// To four decimals.
pub(crate) fn round_ratio(x: Decimal) -> Decimal {
    round(x, 4)
}

/// A number written with a fixed count of decimals, on the stack.
///
/// ```
/// use samkalk::result::FixedText;
/// assert_eq!(FixedText::new("1234.5".parse().unwrap(), 2).as_str(), "1234.50");
/// assert_eq!(FixedText::new("-0.001".parse().unwrap(), 2).as_str(), "0.00");
/// ```
pub struct FixedText {
    // Written from the end: the text is `bytes[start..]`.
    bytes: [u8; FIXED_TEXT_CAPACITY],
    start: usize,
}

// The widest text: a sign, a decimal's 29 integer digits, the point and 28 decimals.
const FIXED_TEXT_CAPACITY: usize = 64;

/// "00" ..= "99": two digits per division, half the divisions of one digit at a time.
const DIGIT_PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// `n` units of the `dp`-th decimal (n = 123456, dp = 2: 1234.56) written into `buf` to end
/// before `end`, right to left, two digits per division: exactly `dp` decimals after a point and
/// at least one integer digit. Returns where the text starts. `buf[..end]` must hold it: at most
/// 20 digits of a u64 (or dp + 1), the point, and a place for the caller's sign (dp ≤ 19).
fn write_fixed(buf: &mut [u8], end: usize, mut n: u64, dp: usize) -> usize {
    let mut at = end;
    let pair_at = |buf: &mut [u8], at: &mut usize, n: u64| {
        let pair = n as usize * 2;
        *at -= 2;
        buf[*at..*at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    };
    let mut decimals = dp;
    while decimals >= 2 {
        pair_at(buf, &mut at, n % 100);
        n /= 100;
        decimals -= 2;
    }
    if decimals == 1 {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    if dp > 0 {
        at -= 1;
        buf[at] = b'.';
    }
    while n >= 100 {
        pair_at(buf, &mut at, n % 100);
        n /= 100;
    }
    if n >= 10 {
        pair_at(buf, &mut at, n);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

impl FixedText {
    /// Writes `x` rounded to `dp` decimals, always with exactly `dp` digits after the point,
    /// no exponent and no minus sign on zero. Written from the integer mantissa without
    /// allocating: a result is mostly these strings.
    ///
    /// ```
    /// assert_eq!(samkalk::result::FixedText::new("0.125".parse().unwrap(), 1).as_str(), "0.1");
    /// ```
    pub fn new(x: Decimal, dp: u32) -> FixedText {
        // A result's figures are held rounded already: most need no rounding here.
        let r = if x.scale() <= dp { x } else { round(x, dp) };
        let dp = dp.min(28) as usize;
        // |mantissa| < 2^96 and the scale is at most dp ≤ 28, so this fits in a u128.
        let mantissa = r.mantissa().unsigned_abs();
        let shift = dp - (r.scale() as usize).min(dp);
        let Some(scaled) = (if shift == 0 { Some(mantissa) } else { mantissa.checked_mul(POW10[shift]) }) else {
            // Only for a caller's own very wide request (28 decimals of a 29-digit number):
            // no output of samkalk's comes near.
            return FixedText::from_display(r, dp);
        };
        let mut out = FixedText { bytes: [b'0'; FIXED_TEXT_CAPACITY], start: FIXED_TEXT_CAPACITY };
        // u128 division is a library call; nearly every amount and its öre fit in a u64.
        match u64::try_from(scaled) {
            Ok(n) if dp <= 19 => out.start = write_fixed(&mut out.bytes, FIXED_TEXT_CAPACITY, n, dp),
            _ => {
                // Digit by digit: exactly dp after the point, at least one before it.
                let mut n = scaled;
                for written in 0.. {
                    if n == 0 && written > dp {
                        break;
                    }
                    if written == dp && dp > 0 {
                        out.push_byte(b'.');
                    }
                    out.push_byte(b'0' + (n % 10) as u8);
                    n /= 10;
                }
            }
        }
        if r.is_sign_negative() && scaled != 0 {
            out.push_byte(b'-');
        }
        out
    }

    fn push_byte(&mut self, b: u8) {
        if self.start > 0 {
            self.start -= 1;
            self.bytes[self.start] = b;
        }
    }

    fn from_display(r: Decimal, dp: usize) -> FixedText {
        let text = r.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = FixedText { bytes: [b'0'; FIXED_TEXT_CAPACITY], start: FIXED_TEXT_CAPACITY };
        // Right to left: the decimals padded to dp, the point, the integer part, the sign.
        let kept = &frac.as_bytes()[..frac.len().min(dp)];
        out.start -= dp.min(FIXED_TEXT_CAPACITY) - kept.len().min(FIXED_TEXT_CAPACITY);
        kept.iter().rev().for_each(|&b| out.push_byte(b));
        if dp > 0 {
            out.push_byte(b'.');
        }
        int.bytes().rev().for_each(|b| out.push_byte(b));
        if r.is_sign_negative() && !r.is_zero() {
            out.push_byte(b'-');
        }
        out
    }

    /// An integer (a year) in decimal.
    fn integer(n: i64) -> FixedText {
        let mut out = FixedText { bytes: [b'0'; FIXED_TEXT_CAPACITY], start: FIXED_TEXT_CAPACITY };
        out.start = write_fixed(&mut out.bytes, FIXED_TEXT_CAPACITY, n.unsigned_abs(), 0);
        if n < 0 {
            out.push_byte(b'-');
        }
        out
    }

    /// The text's bytes (ASCII).
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[self.start..]
    }

    /// The text written.
    ///
    /// ```
    /// assert_eq!(samkalk::result::FixedText::new(7.into(), 3).as_str(), "7.000");
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' are written.
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }
}

/// `x` rounded to `dp` decimals, as MODEL.md writes output numbers.
///
/// ```
/// assert_eq!(samkalk::result::fixed("1.23456".parse().unwrap(), 4), "1.2346");
/// assert_eq!(samkalk::result::fixed("-1.5".parse().unwrap(), 0), "-2");
/// ```
pub fn fixed(x: Decimal, dp: u32) -> String {
    FixedText::new(x, dp).as_str().to_string()
}

/// The kinds of output value, by the name each gives serde's `serialize_newtype_struct`. A
/// JSON writer sees only the string inside; a converter into another language's objects (the
/// Python binding) reads the name to make each a decimal, with no list of field names.
pub mod kind {
    /// [`super::Money`]: kronor, written with two decimals.
    pub const MONEY: &str = "samkalk.Money";
    /// [`super::Share`]: a share of participants, written with six decimals.
    pub const SHARE: &str = "samkalk.Share";
    /// [`super::Ratio`]: a benefit-cost ratio, written with four decimals.
    pub const RATIO: &str = "samkalk.Ratio";
    /// [`super::Exact`]: an exact value, written as its shortest decimal.
    pub const EXACT: &str = "samkalk.Exact";
}

macro_rules! output_value {
    ($(#[$doc:meta])* $name:ident, $kind:expr, $dp:expr, $round:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero, the default.
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// assert_eq!((Money::ZERO.to_string(), Share::ZERO.to_string(), Ratio::ZERO.to_string()),
            ///            ("0.00".to_string(), "0.000000".to_string(), "0.0000".to_string()));
            /// assert_eq!(Money::default(), Money::ZERO);
            /// ```
            pub const ZERO: $name = $name(Decimal::ZERO);
            /// Decimals it is written with (and rounded to by `rounded`).
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// assert_eq!((Money::DECIMALS, Share::DECIMALS, Ratio::DECIMALS), (2, 6, 4));
            /// assert_eq!(Share::ZERO.to_string().split('.').nth(1).unwrap().len(), Share::DECIMALS as usize);
            /// ```
            pub const DECIMALS: u32 = $dp;

            /// Holds `x` as it is (it is rounded only when written).
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// let x: rust_decimal::Decimal = "0.1234565".parse().unwrap();
            /// assert_eq!(Money::new(x).value(), x);
            /// assert_eq!((Money::new(x).to_string(), Share::new(x).to_string(), Ratio::new(x).to_string()),
            ///            ("0.12".to_string(), "0.123457".to_string(), "0.1235".to_string()));
            /// ```
            pub const fn new(x: Decimal) -> $name {
                $name(x)
            }
            /// Holds `x` rounded half away from zero to [`Self::DECIMALS`], as results keep it.
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// let x: rust_decimal::Decimal = "-2.0000005".parse().unwrap();
            /// assert_eq!(Money::rounded(x).value().to_string(), "-2.00");
            /// assert_eq!(Share::rounded(x).value().to_string(), "-2.000001");
            /// assert_eq!(Ratio::rounded(x), rust_decimal::Decimal::from(-2));
            /// assert_eq!((Money::DECIMALS, Share::DECIMALS, Ratio::DECIMALS), (2, 6, 4));
            /// ```
            pub fn rounded(x: Decimal) -> $name {
                $name($round(x))
            }
            /// The value held, unrounded if it was made with `new`.
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// let x: rust_decimal::Decimal = "0.125".parse().unwrap();
            /// assert_eq!((Money::new(x).value(), Share::new(x).value(), Ratio::new(x).value()), (x, x, x));
            /// assert_eq!(Money::ZERO.value(), rust_decimal::Decimal::ZERO);
            /// ```
            pub const fn value(self) -> Decimal {
                self.0
            }
            /// Written as MODEL.md writes it, without allocating: exactly [`Self::DECIMALS`]
            /// decimals, half away from zero, no minus sign on a zero.
            ///
            /// ```
            /// use samkalk::{Money, Ratio, Share};
            /// let x: rust_decimal::Decimal = "-0.004".parse().unwrap();
            /// assert_eq!(Money::new(x).text().as_str(), "0.00");
            /// assert_eq!(Share::new(x).text().as_str(), "-0.004000");
            /// assert_eq!(Ratio::new(x).text().as_str(), "-0.0040");
            /// ```
            pub fn text(self) -> FixedText {
                FixedText::new(self.0, $dp)
            }
        }

        impl From<$name> for Decimal {
            fn from(x: $name) -> Decimal {
                x.0
            }
        }

        impl PartialEq<Decimal> for $name {
            fn eq(&self, other: &Decimal) -> bool {
                self.0 == *other
            }
        }

        impl PartialOrd<Decimal> for $name {
            fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
                Some(self.0.cmp(other))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.text().as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_newtype_struct($kind, self.text().as_str())
            }
        }
    };
}

output_value!(
    /// An amount in kronor, written to öre (`"-1345020.00"`): every money figure of a result.
    ///
    /// ```
    /// use samkalk::{Actor, Money};
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// // Unfinanced, the municipality pays the whole intervention: 20 × 40 000 kr.
    /// let paid: Money = result.actor(Actor::Municipality).total_investment;
    /// assert_eq!(paid.to_string(), "800000.00");
    /// assert_eq!(serde_json::to_string(&paid).unwrap(), r#""800000.00""#);
    /// assert!(paid > rust_decimal::Decimal::ZERO && result.actor(Actor::Region).total_investment == Money::ZERO);
    /// ```
    Money, kind::MONEY, 2, round_money
);
output_value!(
    /// A share of participants, written with six decimals (`"0.068345"`): a break-even share.
    ///
    /// ```
    /// use samkalk::{Actor, BreakEvenKind, Share};
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let municipality = result.cohorts[0].break_even.as_ref().unwrap().get(Actor::Municipality);
    /// assert_eq!(municipality.kind, BreakEvenKind::AtLeast);
    /// let share: Share = municipality.share.unwrap();
    /// // The municipality breaks even below the 60 % the scenario expects.
    /// assert!(share > rust_decimal::Decimal::ZERO && share < "0.6".parse::<rust_decimal::Decimal>().unwrap());
    /// assert_eq!(share.to_string().len(), "0.000000".len());
    /// ```
    Share, kind::SHARE, 6, round_share
);
output_value!(
    /// A ratio (benefit over cost), written with four decimals (`"1.2345"`).
    ///
    /// ```
    /// use samkalk::{Actor, Ratio};
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let society: Ratio = result.society().benefit_cost_ratio.unwrap();
    /// assert!(society > rust_decimal::Decimal::ONE);
    /// // An actor that invests nothing has no ratio.
    /// assert_eq!(result.actor(Actor::Region).benefit_cost_ratio, None);
    /// assert_eq!(Ratio::new(5.into()).to_string(), "5.0000");
    /// ```
    Ratio, kind::RATIO, 4, round_ratio
);

/// An exact decimal (a parameter value of an analysis), written as its shortest decimal
/// (`"0.6"`, `"30"`).
///
/// ```
/// use samkalk::Exact;
/// let x = Exact::new("0.600".parse().unwrap());
/// assert_eq!(x.to_string(), "0.6");
/// assert_eq!(serde_json::to_string(&x).unwrap(), r#""0.6""#);
/// assert_eq!(x.value().to_string(), "0.600");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Exact(Decimal);

impl Exact {
    /// Holds `x`.
    ///
    /// ```
    /// assert!(samkalk::Exact::new(30.into()) == rust_decimal::Decimal::from(30));
    /// ```
    pub const fn new(x: Decimal) -> Exact {
        Exact(x)
    }
    /// The value held, with the scale it was given.
    ///
    /// ```
    /// let x = samkalk::Exact::new("30.00".parse().unwrap());
    /// assert_eq!((x.value().to_string(), x.to_string()), ("30.00".to_string(), "30".to_string()));
    /// ```
    pub const fn value(self) -> Decimal {
        self.0
    }
}

impl From<Exact> for Decimal {
    fn from(x: Exact) -> Decimal {
        x.0
    }
}

impl PartialEq<Decimal> for Exact {
    fn eq(&self, other: &Decimal) -> bool {
        self.0 == *other
    }
}

impl PartialOrd<Decimal> for Exact {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.0.cmp(other))
    }
}

impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(kind::EXACT, &self.0.normalize().to_string())
    }
}

/// One value for each of the seven actors, in [`Actor::ALL`] order, then one for society: the
/// shape of every per-actor figure of a result. Serialises as an object keyed by id
/// (`{"municipality": .., .., "individual": .., "society": ..}`).
///
/// ```
/// use samkalk::Actor;
///
/// let result = samkalk::calculate(&samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap()).unwrap();
/// let npv: samkalk::PerActor<samkalk::Money> = result.per_actor.map(|r| r.npv);
/// assert_eq!(npv.get(Actor::Region), &result.actor(Actor::Region).npv);
/// assert_eq!(npv.at(7), Some(npv.society()));
/// assert_eq!(npv.at(8), None);
/// assert_eq!(npv.iter().map(|(id, _)| id).last(), Some("society"));
/// assert_eq!(npv.actors().count(), 7);
/// // Society is the sum of the seven.
/// let sum: rust_decimal::Decimal = npv.actors().map(|(_, m)| m.value()).sum();
/// assert_eq!(sum, npv.society().value());
/// assert_eq!(npv.as_array().len(), samkalk::result::WHO_COUNT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PerActor<T>([T; ACTOR_COUNT + 1]);

/// Positions in a [`PerActor`]: the seven actors, then society.
///
/// ```
/// use samkalk::result::WHO_COUNT;
/// assert_eq!(WHO_COUNT, samkalk::Actor::ALL.len() + 1);
/// let result = samkalk::calculate(&samkalk::Scenario::new(2026)).unwrap();
/// assert_eq!(result.per_actor.iter().count(), WHO_COUNT);
/// ```
pub const WHO_COUNT: usize = ACTOR_COUNT + 1;

/// The ids in result order: the seven actors, then `society`.
pub(crate) fn who_ids() -> impl Iterator<Item = &'static str> {
    Actor::ALL.into_iter().map(|a| a.id()).chain(std::iter::once(SOCIETY_ID))
}

impl<T> PerActor<T> {
    /// From the seven actors' values, in [`Actor::ALL`] order, then society's.
    pub(crate) const fn from_array(values: [T; WHO_COUNT]) -> PerActor<T> {
        PerActor(values)
    }
    /// From a function of the position (0–6 the actors in [`Actor::ALL`] order, 7 society).
    pub(crate) fn from_fn(f: impl FnMut(usize) -> T) -> PerActor<T> {
        PerActor(std::array::from_fn(f))
    }
    /// An actor's value.
    ///
    /// ```
    /// use samkalk::Actor;
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let invested = result.per_actor.map(|r| r.total_investment);
    /// assert_eq!(invested.get(Actor::Municipality).to_string(), "800000.00");
    /// assert_eq!(invested.get(Actor::Employer).to_string(), "0.00");
    /// ```
    pub fn get(&self, actor: Actor) -> &T {
        &self.0[actor.index()]
    }
    /// Society's value: for a result's figures, the sum over the seven actors.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let invested = result.per_actor.map(|r| r.total_investment);
    /// // Only the municipality pays, so society invests what it does.
    /// assert_eq!(invested.society(), invested.get(samkalk::Actor::Municipality));
    /// ```
    pub fn society(&self) -> &T {
        &self.0[ACTOR_COUNT]
    }
    /// The value at a position (0–6 the actors in [`Actor::ALL`] order, 7 society); None past
    /// the end.
    ///
    /// ```
    /// use samkalk::Actor;
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let p = &result.per_actor;
    /// assert_eq!(p.at(Actor::Region.index()), Some(p.get(Actor::Region)));
    /// assert_eq!(p.at(7), Some(p.society()));
    /// assert_eq!(p.at(8), None);
    /// ```
    pub fn at(&self, index: usize) -> Option<&T> {
        self.0.get(index)
    }
    /// The seven actors' values, then society's, in result order.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let [municipality, .., society] = result.per_actor.map(|r| r.total_investment).as_array().map(|m| m.to_string());
    /// assert_eq!((municipality.as_str(), society.as_str()), ("800000.00", "800000.00"));
    /// ```
    pub fn as_array(&self) -> &[T; WHO_COUNT] {
        &self.0
    }
    /// Each actor's value with the actor, in [`Actor::ALL`] order (without society).
    ///
    /// ```
    /// use samkalk::Actor;
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let paying: Vec<Actor> = result.per_actor.actors().filter(|(_, r)| !r.total_investment.value().is_zero()).map(|(a, _)| a).collect();
    /// assert_eq!(paying, [Actor::Municipality]);
    /// ```
    pub fn actors(&self) -> impl Iterator<Item = (Actor, &T)> {
        Actor::ALL.into_iter().zip(self.0.iter())
    }
    /// Each value with its id (`municipality`, …, `society`), in result order.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let ids: Vec<&str> = result.per_actor.iter().map(|(id, _)| id).collect();
    /// assert_eq!(ids, ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual", "society"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        who_ids().zip(self.0.iter())
    }
    /// The same shape with `f` applied to each value.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let payback: samkalk::PerActor<Option<i64>> = result.per_actor.map(|r| r.payback_year);
    /// // Who invests nothing has no payback year.
    /// assert_eq!(*payback.get(samkalk::Actor::Individual), None);
    /// assert!(payback.society().is_some());
    /// ```
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> PerActor<U> {
        PerActor(std::array::from_fn(|i| f(&self.0[i])))
    }
}

impl<T: Serialize> Serialize for PerActor<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(WHO_COUNT))?;
        for (id, x) in self.iter() {
            map.serialize_entry(id, x)?;
        }
        map.end()
    }
}

/// The seven actors' entries of a [`PerActor`] alone (a result's `actors` object).
struct ActorsOnly<'a, T>(&'a PerActor<T>);

impl<T: Serialize> Serialize for ActorsOnly<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(ACTOR_COUNT))?;
        for (actor, x) in self.0.actors() {
            map.serialize_entry(actor.id(), x)?;
        }
        map.end()
    }
}

/// One actor's (or society's) figures.
///
/// ```
/// let result = samkalk::calculate(&samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap()).unwrap();
/// let m: &samkalk::ActorResult = result.actor(samkalk::Actor::Municipality);
/// assert_eq!(m.gain.len(), 4);
/// // Net is gain less investment, year by year, and cumulative net sums it.
/// for y in 0..4 {
///     assert_eq!(m.net[y].value(), m.gain[y].value() - m.investment[y].value());
/// }
/// assert_eq!(m.cumulative_net[3].value(), m.total_net.value());
/// // The programme leaves the discount rate at its default, 0: the NPV is the total net.
/// assert_eq!(m.npv, m.total_net);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorResult {
    /// Gain per year.
    pub gain: Vec<Money>,
    /// Investment per year.
    pub investment: Vec<Money>,
    /// Gain less investment per year.
    pub net: Vec<Money>,
    /// Net summed from year 1 up to each year (undiscounted).
    pub cumulative_net: Vec<Money>,
    /// Undiscounted sum of gain.
    pub total_gain: Money,
    /// Undiscounted sum of investment.
    pub total_investment: Money,
    /// Undiscounted sum of net.
    pub total_net: Money,
    /// Net present value (the sum of net when nothing is discounted).
    pub npv: Money,
    /// The year from which the (discounted) cumulative net stays at or above zero; None when it
    /// never does or there is no investment.
    pub payback_year: Option<i64>,
    /// Present value of gain over present value of investment; None without investment.
    pub benefit_cost_ratio: Option<Ratio>,
}

impl ActorResult {
    /// No years and zeros, without allocating: a place for the calculation to write into.
    pub(crate) const fn empty() -> ActorResult {
        ActorResult {
            gain: Vec::new(),
            investment: Vec::new(),
            net: Vec::new(),
            cumulative_net: Vec::new(),
            total_gain: Money::ZERO,
            total_investment: Money::ZERO,
            total_net: Money::ZERO,
            npv: Money::ZERO,
            payback_year: None,
            benefit_cost_ratio: None,
        }
    }
}

/// How an actor's NPV depends on the first outcome's share.
///
/// ```
/// use samkalk::BreakEvenKind;
/// assert_eq!(BreakEvenKind::ALL.map(BreakEvenKind::id), ["always", "never", "at_least", "at_most"]);
/// assert_eq!(serde_json::to_string(&BreakEvenKind::AtMost).unwrap(), r#""at_most""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakEvenKind {
    /// NPV ≥ 0 whatever the share.
    Always,
    /// NPV < 0 whatever the share.
    Never,
    /// NPV ≥ 0 when the share is at least `share`.
    AtLeast,
    /// NPV ≥ 0 when the share is at most `share` (the outcome costs this actor).
    AtMost,
}

impl BreakEvenKind {
    /// All four, in the order MODEL.md lists them.
    ///
    /// ```
    /// use samkalk::{present::break_even_kind_label, BreakEvenKind, Lang};
    /// assert_eq!(BreakEvenKind::ALL.len(), 4);
    /// // Each has its own words.
    /// let labels = BreakEvenKind::ALL.map(|k| break_even_kind_label(k, Lang::En));
    /// assert!(labels.iter().enumerate().all(|(i, l)| !labels[..i].contains(l)));
    /// ```
    pub const ALL: [BreakEvenKind; 4] = [BreakEvenKind::Always, BreakEvenKind::Never, BreakEvenKind::AtLeast, BreakEvenKind::AtMost];

    /// The identifier in the result JSON (`at_least`).
    ///
    /// ```
    /// assert_eq!(samkalk::BreakEvenKind::AtLeast.id(), "at_least");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            BreakEvenKind::Always => "always",
            BreakEvenKind::Never => "never",
            BreakEvenKind::AtLeast => "at_least",
            BreakEvenKind::AtMost => "at_most",
        }
    }
}

/// An actor's break-even on the cohort's first outcome.
///
/// ```
/// use samkalk::{BreakEven, BreakEvenKind};
/// let result = samkalk::calculate(&samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap()).unwrap();
/// let table = result.cohorts[0].break_even.as_ref().unwrap();
/// let society: &BreakEven = table.society();
/// // A share is given exactly for at least / at most.
/// assert_eq!(society.share.is_some(), matches!(society.kind, BreakEvenKind::AtLeast | BreakEvenKind::AtMost));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BreakEven {
    /// The absolute share (not a difference to the counterfactual); null for always and never.
    pub share: Option<Share>,
    /// How the NPV depends on the share.
    pub kind: BreakEvenKind,
}

/// Break-even for the seven actors, then society.
///
/// ```
/// let result = samkalk::calculate(&samkalk::Scenario::from_toml(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/programme.toml"))).unwrap()).unwrap();
/// let table: &samkalk::result::BreakEvenTable = result.cohorts[1].break_even.as_ref().unwrap();
/// assert_eq!(table.iter().count(), 8);
/// ```
pub type BreakEvenTable = PerActor<BreakEven>;

/// A cohort's echo: its name and break-even table (`{}` when it has no outcomes).
///
/// ```
/// let s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "Utan utfall", "origin": "AM2", "participants": 5}]}"#).unwrap();
/// let cohort: &samkalk::CohortResult = &samkalk::calculate(&s).unwrap().cohorts[0];
/// assert_eq!((cohort.name.as_str(), cohort.break_even.is_none()), ("Utan utfall", true));
/// assert_eq!(serde_json::to_string(cohort).unwrap(), r#"{"name":"Utan utfall","break_even":{}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortResult {
    /// The cohort's name as given.
    pub name: String,
    /// Break-even on the first outcome's share; None for a cohort without outcomes.
    #[serde(serialize_with = "break_even_or_empty")]
    pub break_even: Option<BreakEvenTable>,
}

fn break_even_or_empty<S: Serializer>(x: &Option<BreakEvenTable>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(t) => t.serialize(s),
        None => s.serialize_map(Some(0))?.end(),
    }
}

/// What `calculate` returns; serialises to MODEL.md's result JSON
/// (`{"version", "years", "actors": {seven actors}, "society", "cohorts"}`).
///
/// ```
/// let result: samkalk::CalculationResult = samkalk::calculate(&samkalk::Scenario::new(2026)).unwrap();
/// assert_eq!((result.version, result.years.len(), result.cohorts.len()), (1, 4, 0));
/// assert!(result.to_json().starts_with(r#"{"version":1,"years":[2026,2027,2028,2029],"actors":{"municipality":{"gain":["0.00","#));
/// assert!(result.to_json_pretty().starts_with("{\n  \"version\": 1,"));
/// assert_eq!(result.rows().map(|(id, _)| id).collect::<Vec<_>>()[7], "society");
/// assert_eq!(result.society().total_net.to_string(), "0.00");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CalculationResult {
    /// Version of the result format (1).
    pub version: i64,
    /// The calendar years, from the start year on.
    pub years: Vec<i64>,
    /// The seven actors' figures, then society's.
    pub per_actor: PerActor<ActorResult>,
    /// Each cohort's echo, in input order.
    pub cohorts: Vec<CohortResult>,
}

impl Serialize for CalculationResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("version", &self.version)?;
        map.serialize_entry("years", &self.years)?;
        map.serialize_entry("actors", &ActorsOnly(&self.per_actor))?;
        map.serialize_entry("society", self.per_actor.society())?;
        map.serialize_entry("cohorts", &self.cohorts)?;
        map.end()
    }
}

/// The compact result JSON written straight into bytes: the same text as serde_json writes from
/// the `Serialize` impls above (a test in calculate.rs compares them on random scenarios, and the
/// vector tests on every vector), at a fraction of the cost, since a result is mostly fixed-point
/// numbers and member names that need no escaping. Only the cohorts' names go through
/// serde_json, for its escaping.
struct CompactJson(Vec<u8>);

impl CompactJson {
    fn result(&mut self, r: &CalculationResult) {
        self.raw(b"{\"version\":");
        self.integer(r.version);
        self.raw(b",\"years\":[");
        for (i, year) in r.years.iter().enumerate() {
            self.separator(i);
            self.integer(*year);
        }
        self.raw(b"],\"actors\":{");
        for (i, (actor, x)) in r.per_actor.actors().enumerate() {
            self.separator(i);
            self.key(actor.id());
            self.actor(x);
        }
        self.raw(b"},\"society\":");
        self.actor(r.per_actor.society());
        self.raw(b",\"cohorts\":[");
        for (i, cohort) in r.cohorts.iter().enumerate() {
            self.separator(i);
            self.raw(b"{\"name\":");
            // serde_json's escaping, so that the text stays what serde_json would write.
            if serde_json::to_writer(&mut self.0, &cohort.name).is_err() {
                self.raw(b"\"\"");
            }
            self.raw(b",\"break_even\":{");
            if let Some(table) = &cohort.break_even {
                for (i, (id, b)) in table.iter().enumerate() {
                    self.separator(i);
                    self.key(id);
                    self.raw(b"{\"share\":");
                    match b.share {
                        Some(share) => self.number(share.value(), Share::DECIMALS),
                        None => self.raw(b"null"),
                    }
                    self.raw(b",\"kind\":\"");
                    self.raw(b.kind.id().as_bytes());
                    self.raw(b"\"}");
                }
            }
            self.raw(b"}}");
        }
        self.raw(b"]}");
    }

    fn actor(&mut self, a: &ActorResult) {
        for (i, (name, values)) in
            [("gain", &a.gain), ("investment", &a.investment), ("net", &a.net), ("cumulative_net", &a.cumulative_net)]
                .into_iter()
                .enumerate()
        {
            self.raw(if i == 0 { b"{\"" } else { b",\"" });
            self.raw(name.as_bytes());
            self.raw(b"\":[");
            for (j, x) in values.iter().enumerate() {
                self.separator(j);
                self.number(x.value(), Money::DECIMALS);
            }
            self.raw(b"]");
        }
        for (name, x) in
            [("total_gain", a.total_gain), ("total_investment", a.total_investment), ("total_net", a.total_net), ("npv", a.npv)]
        {
            self.raw(b",\"");
            self.raw(name.as_bytes());
            self.raw(b"\":");
            self.number(x.value(), Money::DECIMALS);
        }
        self.raw(b",\"payback_year\":");
        match a.payback_year {
            Some(year) => self.integer(year),
            None => self.raw(b"null"),
        }
        self.raw(b",\"benefit_cost_ratio\":");
        match a.benefit_cost_ratio {
            Some(ratio) => self.number(ratio.value(), Ratio::DECIMALS),
            None => self.raw(b"null"),
        }
        self.raw(b"}");
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
    /// A comma before every item but the first.
    fn separator(&mut self, index: usize) {
        if index > 0 {
            self.0.push(b',');
        }
    }
    /// An identifier of the format (ASCII letters and `_`: nothing to escape) and its colon.
    fn key(&mut self, id: &str) {
        self.0.push(b'"');
        self.raw(id.as_bytes());
        self.raw(b"\":");
    }
    /// A fixed-point number as MODEL.md writes it ([`FixedText`]), in quotes: a JSON string.
    fn number(&mut self, x: Decimal, dp: u32) {
        self.0.push(b'"');
        self.raw(FixedText::new(x, dp).as_bytes());
        self.0.push(b'"');
    }
    fn integer(&mut self, n: i64) {
        let text = FixedText::integer(n);
        self.raw(text.as_bytes());
    }
}

impl CalculationResult {
    /// MODEL.md's result JSON, compact.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let json: serde_json::Value = serde_json::from_str(&result.to_json()).unwrap();
    /// assert_eq!(json["actors"]["municipality"]["total_investment"], "800000.00");
    /// assert_eq!(json["society"]["investment"][0], "800000.00");
    /// assert_eq!(json["cohorts"][0]["name"], "A");
    /// ```
    pub fn to_json(&self) -> String {
        // Sized for a four-year result with a few cohorts, so the buffer rarely grows.
        let mut out = CompactJson(Vec::with_capacity(4096 + 1024 * self.cohorts.len() + 512 * self.years.len()));
        out.result(self);
        // Only ASCII and serde_json's own strings (the cohorts' names) are written.
        String::from_utf8(out.0).unwrap_or_default()
    }
    /// MODEL.md's result JSON, indented for people; the same JSON as [`Self::to_json`].
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let pretty = result.to_json_pretty();
    /// assert!(pretty.starts_with("{\n  \"version\": 1,\n  \"years\": [\n    2026,"));
    /// let same = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
    /// assert_eq!(same(&pretty), same(&result.to_json()));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// An actor's figures.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let m = result.actor(samkalk::Actor::Municipality);
    /// // The six months' cost falls in the first year.
    /// assert_eq!(m.investment.iter().map(|x| x.to_string()).collect::<Vec<_>>(), ["800000.00", "0.00", "0.00", "0.00"]);
    /// ```
    pub fn actor(&self, actor: Actor) -> &ActorResult {
        self.per_actor.get(actor)
    }
    /// Society's figures: the sum over the seven actors.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let sum: Decimal = samkalk::Actor::ALL.iter().map(|&a| result.actor(a).npv.value()).sum();
    /// assert_eq!(result.society().npv.value(), sum);
    /// ```
    pub fn society(&self) -> &ActorResult {
        self.per_actor.society()
    }
    /// Each actor's result, then society's, with the actor's id: a table's rows.
    ///
    /// ```
    /// # let result = samkalk::calculate_json(r#"{"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    /// #     "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let (id, society) = result.rows().last().unwrap();
    /// assert_eq!((id, society), ("society", result.society()));
    /// assert_eq!(result.rows().count(), samkalk::result::WHO_COUNT);
    /// ```
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &ActorResult)> {
        self.per_actor.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::RoundingStrategy;
    use std::str::FromStr;

    #[test]
    fn fast_rounding_matches_rust_decimal() {
        for text in [
            "0.005",
            "-0.005",
            "0.004999",
            "123456789.125",
            "-7.0000000000000000000000000005",
            "79228162514264337593543950335",
            "0.9999999999999999999999999999",
            "-0.0049",
            "2.5",
            "1E-28",
        ] {
            let x = Decimal::from_scientific(text).or_else(|_| Decimal::from_str(text)).unwrap();
            for dp in [0, 2, 4, 6] {
                let expected = x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
                assert_eq!(round(x, dp), expected, "{text} to {dp}");
                let unsigned_zero = if expected.is_zero() { expected.abs() } else { expected };
                assert_eq!(round(x, dp).to_string(), unsigned_zero.to_string(), "{text} to {dp}, as text");
            }
        }
        assert!(negative_to_the_ore(Decimal::from_str("-0.005").unwrap()));
        assert!(!negative_to_the_ore(Decimal::from_str("-0.0049999").unwrap()));
    }

    #[test]
    fn typed_values_write_model_strings() {
        let d = |s| Decimal::from_str(s).unwrap();
        let json = |v: &dyn erased::Json| v.json();
        assert_eq!(json(&Money::new(d("-0.005"))), r#""-0.01""#);
        assert_eq!(json(&Money::new(d("-0.004"))), r#""0.00""#);
        assert_eq!(json(&Money::rounded(d("1234.565"))), r#""1234.57""#);
        assert_eq!(Money::rounded(d("1234.565")).value(), d("1234.57"));
        assert_eq!(json(&Share::new(d("0.0683449"))), r#""0.068345""#);
        assert_eq!(json(&Ratio::new(d("5.61505"))), r#""5.6151""#);
        assert_eq!(json(&Exact::new(d("0.600"))), r#""0.6""#);
        assert_eq!(json(&Exact::new(d("3E+1"))), r#""30""#);
        assert_eq!(Share::new(d("0.5")).to_string(), "0.500000");
        assert!(Money::new(d("1")) > d("0.99") && Money::new(d("1")) == d("1.00"));
    }

    #[test]
    fn per_actor_is_seven_actors_then_society() {
        let p = PerActor::from_fn(|i| i as i64);
        assert_eq!(*p.get(Actor::Region), 3);
        assert_eq!(*p.society(), 7);
        assert_eq!(p.at(8), None);
        let ids: Vec<&str> = p.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual", "society"]);
        assert_eq!(p.actors().count(), 7);
        assert_eq!(p.map(|x| x * 10).society(), &70);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"municipality":0,"employment_service":1,"social_insurance":2,"region":3,"state":4,"employer":5,"individual":6,"society":7}"#
        );
        // In a calculation's result the actors are an object of seven, society beside it.
        let shown = serde_json::to_string(&ActorsOnly(&p)).unwrap();
        assert!(shown.ends_with(r#""individual":6}"#) && !shown.contains("society"), "{shown}");
    }

    /// serde_json for a `&dyn` in the test above.
    mod erased {
        pub(super) trait Json {
            fn json(&self) -> String;
        }
        impl<T: serde::Serialize> Json for T {
            fn json(&self) -> String {
                serde_json::to_string(self).unwrap()
            }
        }
    }

    #[test]
    fn fixed_rounds_half_away_from_zero() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(fixed(d("0.005"), 2), "0.01");
        assert_eq!(fixed(d("-0.005"), 2), "-0.01");
        assert_eq!(fixed(d("-0.004"), 2), "0.00");
        assert_eq!(fixed(d("800000"), 2), "800000.00");
        assert_eq!(fixed(d("0.0683449"), 6), "0.068345");
        assert_eq!(fixed(d("-0"), 4), "0.0000");
        assert_eq!(fixed(d("12.3"), 0), "12");
        assert_eq!(fixed(d("0.5"), 0), "1");
        assert_eq!(fixed(d("-1234567.895"), 2), "-1234567.90");
        assert_eq!(fixed(d("0.000001"), 6), "0.000001");
        assert_eq!(fixed(d("79228162514264337593543950335"), 4), "79228162514264337593543950335.0000");
        assert_eq!(fixed(d("0.12"), 4), "0.1200");
        assert_eq!(fixed(d("-12345678901234567890"), 28), "-12345678901234567890.0000000000000000000000000000");
        assert_eq!(fixed(d("1.5"), 99), "1.5000000000000000000000000000");
    }

    #[test]
    fn to_json_is_serde_jsons_text() {
        // Names that need escaping, a cohort without outcomes (`{}`), missing payback years and
        // ratios (null), negative figures and a horizon other than four years.
        let text = r#"{"start_year": 2026, "horizon_years": 6, "cohorts": [
            {"name": "Ä \"citat\" \\ \n\t\u0001\u001f\u007f ✓", "origin": "AM2", "participants": 20,
             "intervention": {"cost_per_participant": "40000", "duration_months": 6}, "outcomes": [{"target": "work", "share": "0.6"}]},
            {"name": "", "origin": "AM3", "participants": 3},
            {"name": "Dyr", "origin": "AM3", "participants": 1,
             "intervention": {"cost_per_participant": "99999999", "duration_months": 30}, "outcomes": [{"target": "studies", "share": "0.01"}]}]}"#;
        let result = crate::calculate_json(text).unwrap();
        let json = result.to_json();
        assert_eq!(json, serde_json::to_string(&result).unwrap());
        assert!(
            json.contains("{\"name\":\"Ä \\\"citat\\\" \\\\ \\n\\t\\u0001\\u001f\u{7f} ✓\",\"break_even\":{\"municipality\":{\"share\":"),
            "{json}"
        );
        assert!(
            json.contains(r#"{"name":"","break_even":{}}"#) && json.contains(r#""payback_year":null,"benefit_cost_ratio":null}"#),
            "{json}"
        );
        assert!(json.contains(r#""years":[2026,2027,2028,2029,2030,2031]"#) && json.contains(r#""net":["-"#), "{json}");
        assert_eq!((FixedText::integer(i64::MIN).as_str(), FixedText::integer(0).as_str()), ("-9223372036854775808", "0"));
    }

    /// A mantissa of one of four widths by `case` (short amounts, a word, three digits, up to
    /// 96 bits) from two draws of the generated sequence.
    fn generated_mantissa(case: u32, a: u64, b: u64) -> i128 {
        let mantissa = match case % 4 {
            0 => i128::from(a % 1_000_000_000_000),
            1 => i128::from(a),
            2 => i128::from(a % 1000),
            _ => i128::from(a) << 32 | i128::from(b as u32),
        };
        mantissa % (1i128 << 96)
    }

    #[test]
    fn compact_json_numbers_are_what_rust_decimal_rounds_to() {
        let mut next = crate::generated::generated_sequence(0x1405_7B7E_F767_814F);
        for case in 0..200_000u32 {
            let (a, b, c) = (next(), next(), next());
            let mantissa = generated_mantissa(case, a, b);
            let dp = [2, 6, 4, 0, 1, 18][(c >> 1) as usize % 6];
            // Mostly held at or below the decimals written, as a result holds its figures.
            let scale = if c & 2 == 2 { (b >> 40) as u32 % 29 } else { (b >> 40) as u32 % (dp + 1) };
            let x = Decimal::from_i128_with_scale(if c & 1 == 1 { -mantissa } else { mantissa }, scale);
            let mut out = CompactJson(Vec::new());
            out.number(x, dp);
            assert_eq!(String::from_utf8(out.0).unwrap(), format!("\"{}\"", fixed_by_rust_decimal(x, dp)), "{x} to {dp}");
        }
    }

    /// rust_decimal's own rounding and digits, padded: what `FixedText` must write.
    fn fixed_by_rust_decimal(x: Decimal, dp: u32) -> String {
        let r = x.round_dp_with_strategy(dp.min(28), rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let text = r.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let sign = if r.is_sign_negative() && !r.is_zero() { "-" } else { "" };
        let point = if dp == 0 { "" } else { "." };
        format!("{sign}{int}{point}{frac:0<width$}", width = dp.min(28) as usize)
    }

    #[test]
    fn fixed_text_writes_what_rust_decimal_rounds_to() {
        let mut next = crate::generated::generated_sequence(0x5DEE_CE66_D1CE_4E5B);
        for case in 0..200_000u32 {
            let (a, b, c) = (next(), next(), next());
            // Every scale and every written width.
            let mantissa = generated_mantissa(case, a, b);
            let x = Decimal::from_i128_with_scale(if c & 1 == 1 { -mantissa } else { mantissa }, (b >> 40) as u32 % 29);
            let dp = [2, 6, 4, 0, 1, 28][(c >> 1) as usize % 6];
            assert_eq!(fixed(x, dp), fixed_by_rust_decimal(x, dp), "{x} to {dp}");
        }
    }
}
