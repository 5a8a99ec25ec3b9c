//! A portable random generator and portable sampling: the same seed gives the same draws on
//! every platform (native, WebAssembly, under Python or JavaScript). Only IEEE-754 operations
//! that are exactly specified (+ − × ÷, comparisons) and the pure-Rust `libm` crate (for log,
//! exp, sqrt, pow, erfc) are used; never the platform's own maths library, and never fused
//! multiply-add. docs/analysis.md describes every step so that another implementation can
//! reproduce the draws bit for bit.

/// SplitMix64's increment (the golden ratio in 64 bits).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64 output for the state after `n` increments from `seed` (n ≥ 1).
fn splitmix64_at(seed: u64, n: u64) -> u64 {
    let mut z = seed.wrapping_add(GOLDEN.wrapping_mul(n));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna, 2018), seeded by SplitMix64: the generator behind every
/// Monte Carlo draw, one per draw ([`Xoshiro256::for_draw`]).
///
/// ```
/// use samkalk::analysis::rng::Xoshiro256;
/// // Seed 42, draw 0: the outputs tests/analysis/montecarlo_seed.json pins for every layer.
/// let mut g = Xoshiro256::for_draw(42, 0);
/// assert_eq!(g.next_u64(), 1546998764402558742);
/// assert_eq!(g.next_u64(), 6990951692964543102);
/// ```
#[derive(Debug, Clone)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// The generator of draw `index` (0-based) of a run seeded with `seed`: its four state words
    /// are SplitMix64 outputs 4·index+1 … 4·index+4 of the stream that starts at `seed`. Each
    /// draw has its own generator, so draws can be computed in any order, on any number of
    /// threads, with the same result.
    ///
    /// ```
    /// use samkalk::analysis::rng::Xoshiro256;
    /// // Draw 1 of seed 42 (from an independent Python implementation of docs/analysis.md).
    /// assert_eq!(Xoshiro256::for_draw(42, 1).next_u64(), 18330915271058917507);
    /// // The same seed and draw give the same generator, whatever ran before.
    /// let (mut a, mut b) = (Xoshiro256::for_draw(2026, 7), Xoshiro256::for_draw(2026, 7));
    /// assert_eq!([a.next_u64(), a.next_u64()], [b.next_u64(), b.next_u64()]);
    /// ```
    pub fn for_draw(seed: u64, index: u64) -> Self {
        let base = index.wrapping_mul(4);
        let s = [
            splitmix64_at(seed, base.wrapping_add(1)),
            splitmix64_at(seed, base.wrapping_add(2)),
            splitmix64_at(seed, base.wrapping_add(3)),
            splitmix64_at(seed, base.wrapping_add(4)),
        ];
        // Four consecutive SplitMix64 outputs are distinct, so the state is never all zero.
        Xoshiro256 { s }
    }

    /// The next output of the generator (xoshiro256**): 64 uniformly distributed bits.
    ///
    /// ```
    /// use samkalk::analysis::rng::Xoshiro256;
    /// let mut g = Xoshiro256::for_draw(42, 0);
    /// let first: Vec<u64> = (0..4).map(|_| g.next_u64()).collect();
    /// // tests/analysis/montecarlo_seed.json's `generator`.
    /// assert_eq!(first, [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193]);
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1): the top 53 bits times 2^−53.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * TWO_POW_M53
    }

    /// A uniform number in (0, 1): (top 53 bits + ½) × 2^−53; never 0 or 1.
    pub(crate) fn open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * TWO_POW_M53
    }

    /// A standard normal number: Φ⁻¹ of one `open01`.
    pub(crate) fn normal(&mut self) -> f64 {
        inverse_normal_cdf(self.open01())
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through Gamma(shape + 1) · U^(1/shape).
    pub(crate) fn gamma(&mut self, shape: f64) -> f64 {
        if shape < 1.0 {
            let g = self.gamma_at_least_one(shape + 1.0);
            let u = self.open01();
            return g * libm::pow(u, 1.0 / shape);
        }
        self.gamma_at_least_one(shape)
    }

    fn gamma_at_least_one(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / libm::sqrt(9.0 * d);
        // Accepts with probability above 0.95 per round; bounded so no input can loop forever.
        for _ in 0..10_000 {
            let x = self.normal();
            let t = 1.0 + c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.open01();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * (x2 * x2) {
                return d * v;
            }
            if libm::log(u) < 0.5 * x2 + d * (1.0 - v + libm::log(v)) {
                return d * v;
            }
        }
        d
    }

    /// Beta(a, b) on [0, 1] as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    pub(crate) fn beta(&mut self, a: f64, b: f64) -> f64 {
        for _ in 0..10_000 {
            let x = self.gamma(a);
            let y = self.gamma(b);
            let sum = x + y;
            if sum > 0.0 && sum.is_finite() {
                return x / sum;
            }
        }
        a / (a + b)
    }
}

const TWO_POW_M53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// Φ(x), the standard normal distribution function: ½·erfc(−x/√2).
pub(crate) fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x * std::f64::consts::FRAC_1_SQRT_2)
}

/// Φ⁻¹(p): Acklam's rational approximation, then one Halley step on Φ (full double precision).
/// p ≤ 0 gives −∞ and p ≥ 1 gives +∞.
#[allow(clippy::excessive_precision)]
pub(crate) fn inverse_normal_cdf(p: f64) -> f64 {
    if p.is_nan() {
        return 0.0;
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    // Acklam's published coefficients, kept digit for digit.
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    const P_LOW: f64 = 0.02425;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let x = if p < P_LOW {
        tail(libm::sqrt(-2.0 * libm::log(p)))
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        -tail(libm::sqrt(-2.0 * libm::log(1.0 - p)))
    };
    // One Halley step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2), x ← x − u / (1 + x·u/2).
    let e = normal_cdf(x) - p;
    let u = e * SQRT_2PI * libm::exp(x * x / 2.0);
    let refined = x - u / (1.0 + x * u / 2.0);
    if refined.is_finite() {
        refined
    } else {
        x
    }
}

const SQRT_2PI: f64 = 2.506_628_274_631_000_5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference() {
        // SplitMix64 seeded with 1234567: the reference outputs of Vigna's splitmix64.c.
        assert_eq!(splitmix64_at(1234567, 1), 6457827717110365317);
        assert_eq!(splitmix64_at(1234567, 2), 3203168211198807973);
        assert_eq!(splitmix64_at(1234567, 3), 9817491932198370423);
    }

    #[test]
    fn inverse_normal_round_trips() {
        for p in [1e-300, 1e-12, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999] {
            let x = inverse_normal_cdf(p);
            let back = normal_cdf(x);
            assert!(((back - p) / p).abs() < 1e-13, "{p} -> {x} -> {back}");
        }
        assert!((inverse_normal_cdf(0.975) - 1.959963984540054).abs() < 1e-14);
        assert_eq!(inverse_normal_cdf(0.5), 0.0);
    }

    #[test]
    fn gamma_and_beta_means() {
        let mut rng = Xoshiro256::for_draw(7, 0);
        for shape in [0.3, 1.0, 2.5, 9.0] {
            let n = 40_000;
            let mean = (0..n).map(|_| rng.gamma(shape)).sum::<f64>() / n as f64;
            assert!((mean - shape).abs() < 0.05 * shape.max(1.0), "{shape}: {mean}");
        }
        let mean = (0..40_000).map(|_| rng.beta(2.0, 5.0)).sum::<f64>() / 40_000.0;
        assert!((mean - 2.0 / 7.0).abs() < 0.005, "{mean}");
    }
}
