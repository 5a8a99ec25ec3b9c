//! The rules of MODEL.md over values: ranges, references between states and cohorts, and the
//! rules over whole objects (financing sums to 1, outcome shares at most 1 together, a flow has
//! two different ends). Faults of shape and type are found while reading (`scenario`); a rule
//! is not checked on a field already reported there, nor a whole-object rule on an object one
//! of whose members was.

use rust_decimal::Decimal;

use crate::defaults::defaults;
use crate::error::FieldError;
use crate::path::Path;
use crate::scenario::{Cohort, Scenario, State};

pub const MAX_STATES: usize = 200;
pub const MAX_FLOWS: usize = 200;
pub const MAX_COHORTS: usize = 1000;
pub const MAX_OUTCOMES: usize = 20;
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0); // 10^12
pub const MAX_PARTICIPANTS: i64 = 10_000_000;

/// Every rule fault of a typed scenario (one built in Rust, say), each at its path.
pub fn validate(scenario: &Scenario) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_rules(scenario, &mut errors);
    errors
}

/// Checks the rules, adding faults to `errors`; faults already in `errors` (from reading)
/// mark fields whose rules are skipped.
pub(crate) fn check_rules(s: &Scenario, errors: &mut Vec<FieldError>) {
    let reported: Vec<String> = errors.iter().map(|e| e.path.clone()).collect();
    if reported.iter().any(|r| r.is_empty()) {
        return; // not an object (or not JSON): there is nothing to check rules on
    }
    let mut c = Checker { reported, errors };
    c.scenario(s);
}

struct Checker<'e> {
    reported: Vec<String>,
    errors: &'e mut Vec<FieldError>,
}

fn zero() -> Decimal {
    Decimal::ZERO
}

impl Checker<'_> {
    fn fault(&mut self, path: &Path, message: String) {
        self.errors.push(FieldError::new(path, message));
    }

    /// True when reading already reported this field or something inside it.
    fn reported(&self, path: &Path) -> bool {
        if self.reported.is_empty() {
            return false;
        }
        let p = path.to_string();
        self.reported
            .iter()
            .any(|r| r == &p || (r.starts_with(&p) && (p.is_empty() || matches!(r.as_bytes().get(p.len()), Some(b'.' | b'[')))))
    }

    /// lo ≤ x ≤ hi; false when out of range (or reported).
    fn within(&mut self, path: &Path, x: Decimal, lo: Decimal, hi: Decimal) -> bool {
        if self.reported(path) {
            return false;
        }
        if x < lo || x > hi {
            self.fault(path, format!("must be between {lo} and {hi}, got {}", x.normalize()));
            return false;
        }
        true
    }

    fn whole_within(&mut self, path: &Path, x: i64, lo: i64, hi: i64) -> bool {
        if self.reported(path) {
            return false;
        }
        if x < lo || x > hi {
            self.fault(path, format!("must be between {lo} and {hi}, got {x}"));
            return false;
        }
        true
    }

    fn scenario(&mut self, s: &Scenario) {
        let root = Path::Root;
        let version = root.key("version");
        if !self.reported(&version) && !(1..=MAX_VERSION).contains(&s.version) {
            self.fault(&version, format!("must be 1 or 2 (the versions of the method), got {}", s.version));
        }
        self.whole_within(&root.key("start_year"), s.start_year, 1900, 2200);
        if let Some(p) = s.price_year {
            self.whole_within(&root.key("price_year"), p, 1900, 2200);
        }
        self.whole_within(&root.key("horizon_years"), s.horizon_years, 1, 60);
        let dr = root.key("discount_rate");
        if !self.reported(&dr) && (s.discount_rate < zero() || s.discount_rate >= Decimal::ONE) {
            self.fault(&dr, format!("must be at least 0 and below 1, got {}", s.discount_rate.normalize()));
        }
        let tax = root.key("tax");
        for (name, rate) in [
            ("municipal_rate", s.tax.municipal_rate),
            ("regional_rate", s.tax.regional_rate),
            ("employer_contribution_rate", s.tax.employer_contribution_rate),
        ] {
            if let Some(rate) = rate {
                self.within(&tax.key(name), rate, zero(), Decimal::ONE);
            }
        }
        self.tax_v2(s);
        let states = root.key("states");
        if s.states.len() > MAX_STATES {
            self.fault(&states, format!("at most {MAX_STATES} entries, got {}", s.states.len()));
        } else {
            for (id, state) in &s.states {
                self.state(&states.key(id), id, state);
            }
        }
        let cohorts = root.key("cohorts");
        if s.cohorts.len() > MAX_COHORTS {
            self.fault(&cohorts, format!("at most {MAX_COHORTS} entries, got {}", s.cohorts.len()));
        } else {
            // A states block that could not be read at all: references to it cannot be judged.
            let states_unreadable = self.reported.iter().any(|r| r == "states");
            for (i, cohort) in s.cohorts.iter().enumerate() {
                self.cohort(&cohorts.index(i), cohort, s, states_unreadable);
            }
        }
    }

    fn state(&mut self, path: &Path, id: &str, state: &State) {
        if !valid_state_id(id) && !self.reported.iter().any(|r| r == &path.to_string()) {
            self.fault(path, "a state id is 1 to 64 characters of A-Z, a-z, 0-9, _ and -".to_string());
        }
        let flows = path.key("flows");
        if state.flows.len() > MAX_FLOWS {
            self.fault(&flows, format!("at most {MAX_FLOWS} entries, got {}", state.flows.len()));
        } else {
            for (k, flow) in state.flows.iter().enumerate() {
                let fp = flows.index(k);
                self.within(&fp.key("amount"), flow.amount, zero(), MAX_AMOUNT);
                let ends_read = !self.reported(&fp.key("payer"))
                    && !self.reported(&fp.key("payee"))
                    && !self.reported.iter().any(|r| r == &fp.to_string());
                if ends_read {
                    match (flow.payer, flow.payee) {
                        (None, None) => self.fault(&fp, "a flow needs a payer or a payee: both are null".to_string()),
                        (Some(a), Some(b)) if a == b => self.fault(&fp, format!("payer and payee are both {}: they must differ", a.id())),
                        _ => {}
                    }
                }
            }
        }
        if let Some(e) = &state.earnings {
            let ep = path.key("earnings");
            self.within(&ep.key("monthly_wage"), e.monthly_wage, zero(), MAX_AMOUNT);
            self.within(&ep.key("employment_rate"), e.employment_rate, zero(), Decimal::ONE);
            self.within(&ep.key("productivity"), e.productivity, zero(), Decimal::TEN);
        }
    }

    fn cohort(&mut self, path: &Path, c: &Cohort, s: &Scenario, states_unreadable: bool) {
        let known = |id: &str| (s.states.contains_key(id) && valid_state_id(id)) || defaults().states.contains_key(id);
        let origin = path.key("origin");
        let origin_ok = !self.reported(&origin);
        if origin_ok && !states_unreadable && !known(&c.origin) {
            self.fault(&origin, format!("unknown state {:?} (neither built in nor given under states)", c.origin));
        }
        self.whole_within(&path.key("participants"), c.participants, 0, MAX_PARTICIPANTS);

        let ip = path.key("intervention");
        let it = &c.intervention;
        self.within(&ip.key("cost_per_participant"), it.cost_per_participant, zero(), MAX_AMOUNT);
        self.within(&ip.key("fixed_cost"), it.fixed_cost, zero(), MAX_AMOUNT);
        self.within(&ip.key("optimism_bias"), it.optimism_bias, zero(), Decimal::TEN);
        let intervention_unreadable = self.reported.iter().any(|r| r == &ip.to_string());
        let duration_ok = !intervention_unreadable && self.whole_within(&ip.key("duration_months"), it.duration_months, 1, 600);
        self.whole_within(&ip.key("start_month"), it.start_month, 0, 720);
        let fp = ip.key("financing");
        let mut members_ok = !self.reported(&fp);
        for (actor, share) in &it.financing {
            members_ok &= self.within(&fp.key(actor.id()), *share, zero(), Decimal::ONE);
        }
        if members_ok {
            let sum: Decimal = it.financing.values().copied().fold(Decimal::ZERO, |a, b| a + b);
            if sum != Decimal::ONE {
                self.fault(&fp, format!("the financing shares must sum to exactly 1, got {}", sum.normalize()));
            }
        }

        let op = path.key("outcomes");
        if c.outcomes.len() > MAX_OUTCOMES {
            self.fault(&op, format!("at most {MAX_OUTCOMES} entries, got {}", c.outcomes.len()));
            return;
        }
        let lag_floor = if duration_ok { -it.duration_months } else { -600 };
        let mut shares_ok = !self.reported.iter().any(|r| r == &op.to_string());
        let mut sum = Decimal::ZERO;
        for (k, o) in c.outcomes.iter().enumerate() {
            let p = op.index(k);
            let target = p.key("target");
            if !self.reported(&target) {
                if !states_unreadable && !known(&o.target) {
                    self.fault(&target, format!("unknown state {:?} (neither built in nor given under states)", o.target));
                } else if origin_ok && o.target == c.origin {
                    self.fault(&target, format!("must differ from the cohort's origin ({:?})", c.origin));
                }
            }
            let share_ok = self.within(&p.key("share"), o.share, zero(), Decimal::ONE);
            shares_ok &= share_ok;
            sum += if share_ok { o.share } else { Decimal::ZERO };
            for (name, x) in [
                ("counterfactual_share", o.counterfactual_share),
                ("deadweight", o.deadweight),
                ("attribution", o.attribution),
                ("displacement", o.displacement),
                ("retention", o.retention),
            ] {
                self.within(&p.key(name), x, zero(), Decimal::ONE);
            }
            let lag = p.key("lag_months");
            if !self.reported(&lag) && (o.lag_months < lag_floor || o.lag_months > 600) {
                let why = if duration_ok { " (a move cannot come before the intervention starts)" } else { "" };
                self.fault(&lag, format!("must be between {lag_floor} and 600, got {}{why}", o.lag_months));
            }
        }
        if shares_ok && sum > Decimal::ONE {
            self.fault(&op, format!("the outcomes' shares sum to {}, more than 1", sum.normalize()));
        }
    }
}

/// 1–64 characters of `A-Z a-z 0-9 _ -`.
pub fn valid_state_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

// ---------------------------------------------------------------------------------------------
// Version 2: the tax fields (docs/method.md, "Tax from the rules", "Price years"). The version
// gate is the same as the pathways branch's (`requires_v2_fault`, `MAX_VERSION`): keep one copy
// when both are merged.

/// The highest version of the method.
pub const MAX_VERSION: i64 = 2;

/// The fault for a version-2 field in a version-1 scenario; every version-2 field uses it.
pub(crate) fn requires_v2_fault(path: &Path) -> FieldError {
    FieldError::new(path, "is a field of method version 2: set version = 2 to use it")
}

fn list_years(years: &[i64]) -> String {
    years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
}

impl Checker<'_> {
    /// `tax.method`, `tax.municipality`, `tax.year`, `tax.equalisation`, flows' `taxable` and
    /// the restating `price_year`: version 2 only, each checked against the data.
    fn tax_v2(&mut self, s: &Scenario) {
        let root = Path::Root;
        let tax = root.key("tax");
        let (mp, up, yp, ep) = (tax.key("method"), tax.key("municipality"), tax.key("year"), tax.key("equalisation"));
        let t = &s.tax;
        let given = [(&mp, t.method.is_some()), (&up, t.municipality.is_some()), (&yp, t.year.is_some()), (&ep, t.equalisation.is_some())];
        let mut taxable = Vec::new();
        for (id, state) in &s.states {
            if state.flows.len() <= MAX_FLOWS {
                for (k, f) in state.flows.iter().enumerate() {
                    if f.taxable {
                        taxable.push((id.as_str(), k, f.payee));
                    }
                }
            }
        }
        if s.version == 1 {
            for (path, present) in given {
                if present && !self.reported(path) {
                    self.errors.push(requires_v2_fault(path));
                }
            }
            let states = root.key("states");
            for (id, k, _) in &taxable {
                let sp = states.key(id);
                let flows = sp.key("flows");
                let fp = flows.index(*k);
                let p = fp.key("taxable");
                if !self.reported(&p) {
                    self.errors.push(requires_v2_fault(&p));
                }
            }
            return;
        }
        if s.version != MAX_VERSION {
            return;
        }
        let states = root.key("states");
        for (id, k, payee) in &taxable {
            let sp = states.key(id);
            let flows = sp.key("flows");
            let fp = flows.index(*k);
            let p = fp.key("taxable");
            if !self.reported(&fp.key("payee")) && *payee != Some(crate::actor::Actor::Individual) {
                self.fault(
                    &p,
                    "only a flow paid to the individual can be taxable (skattepliktig ersättning betalas till individen)".to_string(),
                );
            }
        }
        let rules = t.method == Some(crate::scenario::TaxMethod::Rules);
        if !rules {
            for (path, present) in [(&up, t.municipality.is_some()), (&yp, t.year.is_some()), (&ep, t.equalisation.is_some())] {
                if present && !self.reported(path) {
                    self.fault(path, "applies only with tax.method = \"rules\" (gäller bara med tax.method = \"rules\")".to_string());
                }
            }
        }
        let years = crate::tax::tax_years();
        let year = t.year.unwrap_or_else(crate::tax::default_tax_year);
        if let Some(y) = t.year {
            if !self.reported(&yp) && !years.contains(&y) {
                self.fault(
                    &yp,
                    format!(
                        "no tax rules for income year {y} (inga skatteregler för inkomståret {y}); years in the data: {}",
                        list_years(&years)
                    ),
                );
            }
        }
        if let Some(q) = &t.municipality {
            if !self.reported(&up) && rules && years.contains(&year) {
                match crate::tax::municipalities(year) {
                    None => {
                        self.fault(&up, format!("no municipal tax rates for {year} in the data (inga kommunala skattesatser för {year})"))
                    }
                    Some(list) => {
                        if let Err(close) = list.find(q) {
                            let hint = if close.is_empty() {
                                "give a kommunkod (\"2262\") or a name (\"Timrå\"); `samkalk municipalities` lists them".to_string()
                            } else {
                                format!("close names (närmaste namn): {}", close.join(", "))
                            };
                            self.fault(&up, format!("unknown municipality {q:?} for {year} (okänd kommun); {hint}"));
                        }
                    }
                }
                for name in ["municipal_rate", "regional_rate"] {
                    let rp = tax.key(name);
                    let present = if name == "municipal_rate" { t.municipal_rate.is_some() } else { t.regional_rate.is_some() };
                    if present && !self.reported(&rp) {
                        self.fault(
                            &rp,
                            "give either tax.municipality or the rate, not both (ange antingen kommun eller skattesats)".to_string(),
                        );
                    }
                }
            }
        }
        if let Some(p) = s.price_year {
            let pp = root.key("price_year");
            let index = crate::tax::price_years();
            if !self.reported(&pp) && (1900..=2200).contains(&p) && p != defaults().price_year && !index.contains(&p) {
                self.fault(
                    &pp,
                    format!(
                        "no prisbasbelopp for {p} to restate the built-in states with (inget prisbasbelopp för {p}); years in the index: {}",
                        list_years(&index)
                    ),
                );
            }
        }
    }
}
