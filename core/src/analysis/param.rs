//! Parameters: the numbers of a scenario an analysis varies, named by the same paths as
//! validation faults (`cohorts[0].outcomes[0].share`, `states.AM3.flows[2].amount`,
//! `tax.municipal_rate`, `discount_rate`).

use rust_decimal::Decimal;

use crate::actor::Actor;
use crate::calculate::resolved_state;
use crate::defaults::defaults;
use crate::error::{Context, Fault, FieldError};
use crate::limits::{self, Limit};
use crate::scenario::{Earnings, Scenario};

/// A field of an outcome that holds a number (its headings: `present::OutcomeField::label`).
///
/// ```
/// use samkalk::analysis::param::{OutcomeField, Param, Target};
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let p = Param::resolve("cohorts[0].outcomes[0].retention", &mut s).unwrap();
/// assert_eq!(p.target, Target::Outcome { cohort: 0, outcome: 0, field: OutcomeField::Retention });
/// // An outcome's retention defaults to 1: everyone who reaches work stays there.
/// assert_eq!(p.get(&s), Some(1.into()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeField {
    /// `share`.
    Share,
    /// `counterfactual_share`.
    CounterfactualShare,
    /// `deadweight`.
    Deadweight,
    /// `attribution`.
    Attribution,
    /// `displacement`.
    Displacement,
    /// `retention`.
    Retention,
    /// `lag_months` (whole months).
    LagMonths,
}

/// A field of an intervention that holds a number (financing shares are [`Target::Financing`]).
///
/// ```
/// use samkalk::analysis::param::{InterventionField, Param, Target};
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let p = Param::resolve("cohorts[0].intervention.duration_months", &mut s).unwrap();
/// assert_eq!(p.target, Target::Intervention { cohort: 0, field: InterventionField::DurationMonths });
/// assert_eq!(p.get(&s), Some(6.into()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterventionField {
    /// `cost_per_participant`.
    CostPerParticipant,
    /// `fixed_cost`.
    FixedCost,
    /// `optimism_bias`.
    OptimismBias,
    /// `duration_months` (whole months).
    DurationMonths,
    /// `start_month` (whole months).
    StartMonth,
}

/// A field of a state's earnings.
///
/// ```
/// use samkalk::analysis::param::{EarningsField, Param, Target};
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let p = Param::resolve("states.work.earnings.monthly_wage", &mut s).unwrap();
/// assert_eq!(p.target, Target::Earnings { state: "work".into(), field: EarningsField::MonthlyWage });
/// // The built-in job pays 25 900 kr a month.
/// assert_eq!(p.get(&s), Some(25900.into()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EarningsField {
    /// `monthly_wage`.
    MonthlyWage,
    /// `employment_rate`.
    EmploymentRate,
    /// `productivity`.
    Productivity,
}

/// One of the three rates of `tax` (effective rates on the gross wage; with `tax.method =
/// "rules"` the municipal and regional rates are the nominal rates on taxable income).
///
/// ```
/// use samkalk::analysis::param::{Param, TaxField, Target};
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "tax": {"municipal_rate": "0.13"}}"#).unwrap();
/// let given = Param::resolve("tax.municipal_rate", &mut s).unwrap();
/// assert_eq!(given.target, Target::Tax(TaxField::Municipal));
/// assert_eq!(given.get(&s), Some("0.13".parse().unwrap()));
/// // A rate left out is the built-in default: employer contributions of 31,42 %.
/// let left_out = Param::resolve("tax.employer_contribution_rate", &mut s).unwrap();
/// assert_eq!(left_out.get(&s), Some("0.3142".parse().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxField {
    /// `tax.municipal_rate`.
    Municipal,
    /// `tax.regional_rate`.
    Regional,
    /// `tax.employer_contribution_rate`.
    EmployerContribution,
}

/// What a parameter path names, by shape (whether it exists is checked against a scenario
/// by [`Param::resolve`]).
///
/// ```
/// use samkalk::Actor;
/// use samkalk::analysis::param::{Param, Target};
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let target = |path: &str, s: &mut samkalk::Scenario| Param::resolve(path, s).map(|p| p.target);
/// assert_eq!(target("discount_rate", &mut s), Ok(Target::DiscountRate));
/// assert_eq!(target("states.AM2.flows[0].amount", &mut s), Ok(Target::FlowAmount { state: "AM2".into(), flow: 0 }));
/// assert_eq!(
///     target("cohorts[0].intervention.financing.employment_service", &mut s),
///     Ok(Target::Financing { cohort: 0, actor: Actor::EmploymentService })
/// );
/// // The cohort's name is text, not a number.
/// assert_eq!(target("cohorts[0].name", &mut s).unwrap_err().code(), samkalk::FaultCode::NotAParameter);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `discount_rate`.
    DiscountRate,
    /// `horizon_years`.
    HorizonYears,
    /// `tax.<rate>`.
    Tax(TaxField),
    /// `states.<id>.flows[<i>].amount`.
    FlowAmount {
        /// The state's id.
        state: String,
        /// The flow's index in the state.
        flow: usize,
    },
    /// `states.<id>.earnings.<field>`.
    Earnings {
        /// The state's id.
        state: String,
        /// Which number of the earnings.
        field: EarningsField,
    },
    /// `cohorts[<i>].participants`.
    Participants {
        /// The cohort's index.
        cohort: usize,
    },
    /// `cohorts[<i>].intervention.<field>`.
    Intervention {
        /// The cohort's index.
        cohort: usize,
        /// Which number of the intervention.
        field: InterventionField,
    },
    /// `cohorts[<i>].intervention.financing.<actor>`.
    Financing {
        /// The cohort's index.
        cohort: usize,
        /// The actor whose share of the cost it is.
        actor: Actor,
    },
    /// `cohorts[<i>].outcomes[<k>].<field>`.
    Outcome {
        /// The cohort's index.
        cohort: usize,
        /// The outcome's index in the cohort.
        outcome: usize,
        /// Which number of the outcome.
        field: OutcomeField,
    },
}

#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `a.b[2].c` into keys and indices; None when it is not spelled like a path.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() {
            return None;
        }
        out.push(Segment::Key(key));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let digits = rest.get(1..close)?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.len() > 1 && digits.starts_with('0')) {
                return None;
            }
            out.push(Segment::Index(digits.parse().ok()?));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return None;
            }
        }
    }
    Some(out)
}

const NUMBER_PATHS: &str = "discount_rate, horizon_years, tax.<rate>, states.<id>.flows[k].amount, states.<id>.earnings.<field>, \
cohorts[i].participants, cohorts[i].intervention.<field>, cohorts[i].intervention.financing.<actor>, cohorts[i].outcomes[k].<field>";

/// Reads a parameter path into what it names, or says why it names no number.
pub(crate) fn parse_target(path: &str) -> Result<Target, FieldError> {
    use Segment::{Index, Key};
    let Some(segs) = segments(path) else {
        return Err(FieldError::new("", Fault::NotAPath { parameter: path.to_string() }));
    };
    let not_number = || Err(FieldError::new("", Fault::NotAParameter { parameter: path.to_string(), numbers: NUMBER_PATHS.to_string() }));
    Ok(match segs.as_slice() {
        [Key("discount_rate")] => Target::DiscountRate,
        [Key("horizon_years")] => Target::HorizonYears,
        [Key("tax"), Key(name)] => Target::Tax(match *name {
            "municipal_rate" => TaxField::Municipal,
            "regional_rate" => TaxField::Regional,
            "employer_contribution_rate" => TaxField::EmployerContribution,
            _ => return not_number(),
        }),
        [Key("states"), Key(id), Key("flows"), Index(k), Key("amount")] => Target::FlowAmount { state: id.to_string(), flow: *k },
        [Key("states"), Key(id), Key("earnings"), Key(name)] => Target::Earnings {
            state: id.to_string(),
            field: match *name {
                "monthly_wage" => EarningsField::MonthlyWage,
                "employment_rate" => EarningsField::EmploymentRate,
                "productivity" => EarningsField::Productivity,
                _ => return not_number(),
            },
        },
        [Key("cohorts"), Index(i), Key("participants")] => Target::Participants { cohort: *i },
        [Key("cohorts"), Index(i), Key("intervention"), Key("financing"), Key(actor)] => match Actor::from_id(actor) {
            Some(actor) => Target::Financing { cohort: *i, actor },
            None => {
                return Err(about(
                    path,
                    Fault::UnknownActor { id: Some(actor.to_string()), also: None, expected: crate::scenario::actor_ids() },
                ))
            }
        },
        [Key("cohorts"), Index(i), Key("intervention"), Key(name)] => Target::Intervention {
            cohort: *i,
            field: match *name {
                "cost_per_participant" => InterventionField::CostPerParticipant,
                "fixed_cost" => InterventionField::FixedCost,
                "optimism_bias" => InterventionField::OptimismBias,
                "duration_months" => InterventionField::DurationMonths,
                "start_month" => InterventionField::StartMonth,
                _ => return not_number(),
            },
        },
        [Key("cohorts"), Index(i), Key("outcomes"), Index(k), Key(name)] => Target::Outcome {
            cohort: *i,
            outcome: *k,
            field: match *name {
                "share" => OutcomeField::Share,
                "counterfactual_share" => OutcomeField::CounterfactualShare,
                "deadweight" => OutcomeField::Deadweight,
                "attribution" => OutcomeField::Attribution,
                "displacement" => OutcomeField::Displacement,
                "retention" => OutcomeField::Retention,
                "lag_months" => OutcomeField::LagMonths,
                _ => return not_number(),
            },
        },
        _ => return not_number(),
    })
}

/// The valid range of a parameter: `lo ≤ x ≤ hi` (or `< hi` when `hi_open`), as
/// [`Param::range`] gives it.
///
/// ```
/// use samkalk::analysis::param::Param;
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026}"#).unwrap();
/// let rate = Param::resolve("discount_rate", &mut s).unwrap().range(&s);
/// assert_eq!((rate.lo, rate.hi, rate.hi_open), (0.into(), 1.into(), true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The lowest valid value.
    pub lo: Decimal,
    /// The highest valid value (or the bound below it when `hi_open`).
    pub hi: Decimal,
    /// True when `hi` itself is not valid (a discount rate is below 1).
    pub hi_open: bool,
}

impl Range {
    fn closed(lo: Decimal, hi: Decimal) -> Range {
        Range { lo, hi, hi_open: false }
    }
    /// True when `x` is in the range (`hi` included unless `hi_open`).
    ///
    /// ```
    /// use samkalk::analysis::param::Range;
    /// let discount = Range { lo: 0.into(), hi: 1.into(), hi_open: true };
    /// assert!(discount.contains("0.035".parse().unwrap()));
    /// assert!(!discount.contains(1.into()));
    /// let share = Range { hi_open: false, ..discount };
    /// assert!(share.contains(1.into()));
    /// assert!(!share.contains((-1).into()));
    /// ```
    pub fn contains(&self, x: Decimal) -> bool {
        x >= self.lo && (x < self.hi || (!self.hi_open && x == self.hi))
    }
    /// The fault of a value outside this range ([`crate::FaultCode::OutOfRange`]); the caller
    /// places it at its path.
    ///
    /// ```
    /// use samkalk::{analysis::param::Range, FaultCode, Lang};
    /// let discount = Range { lo: 0.into(), hi: 1.into(), hi_open: true };
    /// let fault = discount.fault("1.5".parse().unwrap());
    /// assert_eq!(fault.code(), FaultCode::OutOfRange);
    /// assert_eq!(fault.message(Lang::En), "must be at least 0 and below 1, got 1.5");
    /// ```
    pub fn fault(&self, got: Decimal) -> Fault {
        Fault::OutOfRange {
            min: self.lo,
            max: Some(self.hi),
            min_exclusive: false,
            max_exclusive: self.hi_open,
            got,
            unit: crate::error::Unit::Number,
            note: None,
        }
    }

    /// The range as people read it: `[0, 1]`, `[0, 1)`.
    pub(crate) fn describe(&self) -> String {
        if self.hi_open {
            format!("[{}, {})", self.lo.normalize(), self.hi.normalize())
        } else {
            format!("[{}, {}]", self.lo.normalize(), self.hi.normalize())
        }
    }
}

/// A parameter resolved against a scenario: it names a number that exists there. Made by
/// [`Param::resolve`]; read with [`Param::get`], set with [`Param::set`].
///
/// ```
/// use samkalk::analysis::param::Param;
/// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
/// let cost = Param::resolve("cohorts[0].intervention.cost_per_participant", &mut s).unwrap();
/// assert_eq!(cost.path, "cohorts[0].intervention.cost_per_participant");
/// cost.set(&mut s, 55000.into()).unwrap();
/// assert_eq!(s.cohorts[0].intervention.cost_per_participant, 55000.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The path as written in the request.
    pub path: String,
    /// What the path names.
    pub target: Target,
}

impl Param {
    /// True when a value within [`Param::range`] (taken on a valid scenario) keeps the scenario
    /// valid while the parameters `drawn` (this one among them) are set together: the field's
    /// only rule is its range, or (an outcome's share, an outcome's lag) the other field its
    /// range depends on is not among `drawn`. A financing share (whose balancing actor takes
    /// the difference), a tax rate (version 2's rules about rates and municipalities) and an
    /// intervention's duration (the floor of its outcomes' lags) always need validating.
    ///
    /// ```
    /// use samkalk::analysis::param::Param;
    /// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "A",
    ///     "origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.3"},
    ///     {"target": "studies", "share": "0.3"}]}]}"#).unwrap();
    /// let first = Param::resolve("cohorts[0].outcomes[0].share", &mut s).unwrap();
    /// let second = Param::resolve("cohorts[0].outcomes[1].share", &mut s).unwrap();
    /// let rate = Param::resolve("discount_rate", &mut s).unwrap();
    /// assert!(first.stands_alone([&first, &rate]));
    /// assert!(!first.stands_alone([&first, &second]));
    /// ```
    pub fn stands_alone<'a>(&self, drawn: impl IntoIterator<Item = &'a Param>) -> bool {
        match &self.target {
            Target::DiscountRate | Target::HorizonYears | Target::FlowAmount { .. } | Target::Earnings { .. } => true,
            Target::Participants { .. } => true,
            Target::Intervention { field, .. } => !matches!(field, InterventionField::DurationMonths),
            Target::Tax(_) | Target::Financing { .. } => false,
            Target::Outcome { cohort, outcome, field } => match field {
                OutcomeField::Share => !drawn.into_iter().any(|p| {
                    matches!(&p.target, Target::Outcome { cohort: c, outcome: o, field: OutcomeField::Share } if c == cohort && o != outcome)
                }),
                OutcomeField::LagMonths => !drawn.into_iter().any(|p| {
                    matches!(&p.target, Target::Intervention { cohort: c, field: InterventionField::DurationMonths } if c == cohort)
                }),
                _ => true,
            },
        }
    }

    /// True for whole-number fields (participants, months, horizon_years).
    pub(crate) fn is_whole(&self) -> bool {
        matches!(
            self.target,
            Target::HorizonYears
                | Target::Participants { .. }
                | Target::Intervention { field: InterventionField::DurationMonths | InterventionField::StartMonth, .. }
                | Target::Outcome { field: OutcomeField::LagMonths, .. }
        )
    }

    /// Resolves `path` against `scenario`, copying a built-in state that the path names into
    /// `scenario.states` (the same numbers, so every result stays the same) so it can be set.
    /// A path that names no number, or a cohort, outcome, flow or state the scenario lacks, is
    /// a fault whose message starts with the path.
    ///
    /// ```
    /// use samkalk::{analysis::param::Param, FaultCode};
    /// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
    ///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// assert!(s.states.is_empty());
    /// let benefit = Param::resolve("states.AM2.flows[0].amount", &mut s).unwrap();
    /// // The built-in AM2 is now the scenario's own, försörjningsstöd of 105 000 kr first.
    /// assert_eq!(s.states["AM2"].flows[0].amount, 105000.into());
    /// assert_eq!(benefit.get(&s), Some(105000.into()));
    /// let missing = Param::resolve("cohorts[1].participants", &mut s).unwrap_err();
    /// assert_eq!(missing.code(), FaultCode::NoSuchCohort);
    /// assert!(missing.message.starts_with("cohorts[1].participants: "));
    /// ```
    pub fn resolve(path: &str, scenario: &mut Scenario) -> Result<Param, FieldError> {
        let target = parse_target(path)?;
        let cohort_count = scenario.cohorts.len();
        let no_cohort = |i: usize| about(path, Fault::NoSuchCohort { index: i as u64, count: cohort_count as u64 });
        match &target {
            Target::FlowAmount { state, flow } => {
                materialise(scenario, state, path)?;
                let n = scenario.states.get(state).map_or(0, |s| s.flows.len());
                if *flow >= n {
                    return Err(about(path, Fault::NoSuchFlow { state: state.clone(), index: *flow as u64, count: n as u64 }));
                }
            }
            Target::Earnings { state, .. } => {
                materialise(scenario, state, path)?;
                if scenario.states.get(state).is_none_or(|s| s.earnings.is_none()) {
                    return Err(about(path, Fault::NoEarnings { state: state.clone() }));
                }
            }
            Target::Participants { cohort } | Target::Intervention { cohort, .. } | Target::Financing { cohort, .. } => {
                if *cohort >= cohort_count {
                    return Err(no_cohort(*cohort));
                }
            }
            Target::Outcome { cohort, outcome, .. } => {
                let Some(c) = scenario.cohorts.get(*cohort) else {
                    return Err(no_cohort(*cohort));
                };
                if *outcome >= c.outcomes.len() {
                    return Err(about(
                        path,
                        Fault::NoSuchOutcome { cohort: *cohort as u64, index: *outcome as u64, count: c.outcomes.len() as u64 },
                    ));
                }
            }
            Target::DiscountRate | Target::HorizonYears | Target::Tax(_) => {}
        }
        Ok(Param { path: path.to_string(), target })
    }

    /// The value in `scenario` (a tax rate left out is the built-in default; a financing actor
    /// not listed pays 0). None only if the scenario lost the field since resolving.
    ///
    /// ```
    /// use samkalk::analysis::param::Param;
    /// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
    ///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let get = |path: &str, s: &mut samkalk::Scenario| Param::resolve(path, s).unwrap().get(s);
    /// assert_eq!(get("cohorts[0].participants", &mut s), Some(20.into()));
    /// assert_eq!(get("cohorts[0].outcomes[0].share", &mut s), Some("0.6".parse().unwrap()));
    /// // The municipality pays it all by default; the region nothing.
    /// assert_eq!(get("cohorts[0].intervention.financing.municipality", &mut s), Some(1.into()));
    /// assert_eq!(get("cohorts[0].intervention.financing.region", &mut s), Some(0.into()));
    /// ```
    pub fn get(&self, s: &Scenario) -> Option<Decimal> {
        let d = &defaults().tax;
        Some(match &self.target {
            Target::DiscountRate => s.discount_rate,
            Target::HorizonYears => Decimal::from(s.horizon_years),
            Target::Tax(TaxField::Municipal) => s.tax.municipal_rate.unwrap_or(d.municipal_rate.value),
            Target::Tax(TaxField::Regional) => s.tax.regional_rate.unwrap_or(d.regional_rate.value),
            Target::Tax(TaxField::EmployerContribution) => s.tax.employer_contribution_rate.unwrap_or(d.employer_contribution_rate.value),
            Target::FlowAmount { state, flow } => s.states.get(state)?.flows.get(*flow)?.amount,
            Target::Earnings { state, field } => {
                let e = s.states.get(state)?.earnings.as_ref()?;
                match field {
                    EarningsField::MonthlyWage => e.monthly_wage,
                    EarningsField::EmploymentRate => e.employment_rate,
                    EarningsField::Productivity => e.productivity,
                }
            }
            Target::Participants { cohort } => Decimal::from(s.cohorts.get(*cohort)?.participants),
            Target::Intervention { cohort, field } => {
                let it = &s.cohorts.get(*cohort)?.intervention;
                match field {
                    InterventionField::CostPerParticipant => it.cost_per_participant,
                    InterventionField::FixedCost => it.fixed_cost,
                    InterventionField::OptimismBias => it.optimism_bias,
                    InterventionField::DurationMonths => Decimal::from(it.duration_months),
                    InterventionField::StartMonth => Decimal::from(it.start_month),
                }
            }
            Target::Financing { cohort, actor } => {
                s.cohorts.get(*cohort)?.intervention.financing.get(actor).copied().unwrap_or(Decimal::ZERO)
            }
            Target::Outcome { cohort, outcome, field } => {
                let o = s.cohorts.get(*cohort)?.outcomes.get(*outcome)?;
                match field {
                    OutcomeField::Share => o.share,
                    OutcomeField::CounterfactualShare => o.counterfactual_share,
                    OutcomeField::Deadweight => o.deadweight,
                    OutcomeField::Attribution => o.attribution,
                    OutcomeField::Displacement => o.displacement,
                    OutcomeField::Retention => o.retention,
                    OutcomeField::LagMonths => Decimal::from(o.lag_months),
                }
            }
        })
    }

    /// The range the field's own rule allows, given the rest of `s` as it is: a share's upper
    /// end leaves room for the cohort's other outcomes, `lag_months` starts at −duration.
    ///
    /// ```
    /// use samkalk::analysis::param::{Param, Range};
    /// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
    ///     "origin": "AM2", "participants": 20, "intervention": {"duration_months": 6},
    ///     "outcomes": [{"target": "work", "share": "0.6"}, {"target": "studies", "share": "0.15"}]}]}"#).unwrap();
    /// let range = |path: &str, s: &mut samkalk::Scenario| Param::resolve(path, s).unwrap().range(s);
    /// // Work can take at most what studies leave: 1 − 0.15.
    /// assert_eq!(range("cohorts[0].outcomes[0].share", &mut s), Range { lo: 0.into(), hi: "0.85".parse().unwrap(), hi_open: false });
    /// // An effect may start at most 6 months early, when the intervention starts.
    /// assert_eq!(range("cohorts[0].outcomes[0].lag_months", &mut s), Range { lo: (-6).into(), hi: 600.into(), hi_open: false });
    /// ```
    pub fn range(&self, s: &Scenario) -> Range {
        let one = Decimal::ONE;
        let zero = Decimal::ZERO;
        // The field's own limits, from the format's table of record (crate::limits).
        let of = |l: Limit| Range { lo: l.min, hi: l.max, hi_open: l.max_exclusive };
        match &self.target {
            Target::DiscountRate => of(limits::DISCOUNT_RATE),
            Target::HorizonYears => of(limits::HORIZON_YEARS),
            Target::Tax(_) => of(limits::SHARE),
            Target::FlowAmount { .. } => of(limits::AMOUNT),
            Target::Earnings { field: EarningsField::MonthlyWage, .. } => of(limits::AMOUNT),
            Target::Earnings { field: EarningsField::EmploymentRate, .. } => of(limits::SHARE),
            Target::Earnings { field: EarningsField::Productivity, .. } => of(limits::MULTIPLE),
            Target::Participants { .. } => of(limits::PARTICIPANTS),
            Target::Intervention { field, .. } => match field {
                InterventionField::CostPerParticipant | InterventionField::FixedCost => of(limits::AMOUNT),
                InterventionField::OptimismBias => of(limits::MULTIPLE),
                InterventionField::DurationMonths => of(limits::DURATION_MONTHS),
                InterventionField::StartMonth => of(limits::MONTH),
            },
            Target::Financing { .. } => of(limits::SHARE),
            Target::Outcome { cohort, outcome, field } => match field {
                OutcomeField::Share => {
                    let others = s.cohorts.get(*cohort).map_or(zero, |c| {
                        c.outcomes
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| k != outcome)
                            .fold(zero, |acc, (_, o)| acc.checked_add(o.share).unwrap_or(acc))
                    });
                    let hi = (one - others.clamp(zero, one)).max(zero);
                    Range::closed(zero, hi)
                }
                OutcomeField::LagMonths => {
                    let (lo, hi) = limits::DURATION_MONTHS.whole();
                    let duration = s.cohorts.get(*cohort).map_or(hi, |c| c.intervention.duration_months.clamp(lo, hi));
                    Range::closed(Decimal::from(-duration), limits::LAG_MONTHS.max)
                }
                _ => of(limits::SHARE),
            },
        }
    }

    /// Sets the value in `s`. A whole-number field takes only a whole value; a financing share
    /// moves the difference to the balancing actor (see docs/analysis.md). The result is not
    /// validated here.
    ///
    /// ```
    /// use samkalk::{analysis::param::Param, Actor, FaultCode};
    /// let mut s = samkalk::Scenario::from_json(r#"{"start_year": 2026, "cohorts": [{"name": "AM2-grupp",
    ///     "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ///     "outcomes": [{"target": "work", "share": "0.6"}]}]}"#).unwrap();
    /// let af = Param::resolve("cohorts[0].intervention.financing.employment_service", &mut s).unwrap();
    /// af.set(&mut s, "0.25".parse().unwrap()).unwrap();
    /// // Arbetsförmedlingen pays a quarter; the municipality, the balancing actor, the rest.
    /// let financing = &s.cohorts[0].intervention.financing;
    /// assert_eq!(financing[&Actor::EmploymentService], "0.25".parse().unwrap());
    /// assert_eq!(financing[&Actor::Municipality], "0.75".parse().unwrap());
    /// let months = Param::resolve("cohorts[0].intervention.duration_months", &mut s).unwrap();
    /// assert_eq!(months.set(&mut s, "6.5".parse().unwrap()).unwrap_err().code(), FaultCode::NotWhole);
    /// ```
    pub fn set(&self, s: &mut Scenario, x: Decimal) -> Result<(), FieldError> {
        let whole = || -> Result<i64, FieldError> {
            if !x.fract().is_zero() {
                return Err(about(&self.path, Fault::NotWhole { got: x }));
            }
            i64::try_from(x).map_err(|_| about(&self.path, Fault::TooLarge { got: Some(x.normalize().to_string()) }))
        };
        let gone = || about(&self.path, Fault::NoLongerInScenario);
        match &self.target {
            Target::DiscountRate => s.discount_rate = x,
            Target::HorizonYears => s.horizon_years = whole()?,
            Target::Tax(TaxField::Municipal) => s.tax.municipal_rate = Some(x),
            Target::Tax(TaxField::Regional) => s.tax.regional_rate = Some(x),
            Target::Tax(TaxField::EmployerContribution) => s.tax.employer_contribution_rate = Some(x),
            Target::FlowAmount { state, flow } => {
                s.states.get_mut(state).and_then(|st| st.flows.get_mut(*flow)).ok_or_else(gone)?.amount = x;
            }
            Target::Earnings { state, field } => {
                let e: &mut Earnings = s.states.get_mut(state).and_then(|st| st.earnings.as_mut()).ok_or_else(gone)?;
                match field {
                    EarningsField::MonthlyWage => e.monthly_wage = x,
                    EarningsField::EmploymentRate => e.employment_rate = x,
                    EarningsField::Productivity => e.productivity = x,
                }
            }
            Target::Participants { cohort } => {
                let n = whole()?;
                s.cohorts.get_mut(*cohort).ok_or_else(gone)?.participants = n;
            }
            Target::Intervention { cohort, field } => {
                let it = &mut s.cohorts.get_mut(*cohort).ok_or_else(gone)?.intervention;
                match field {
                    InterventionField::CostPerParticipant => it.cost_per_participant = x,
                    InterventionField::FixedCost => it.fixed_cost = x,
                    InterventionField::OptimismBias => it.optimism_bias = x,
                    InterventionField::DurationMonths => it.duration_months = whole()?,
                    InterventionField::StartMonth => it.start_month = whole()?,
                }
            }
            Target::Financing { cohort, actor } => {
                let fin = &mut s.cohorts.get_mut(*cohort).ok_or_else(gone)?.intervention.financing;
                let balancing = balancing_actor(fin.keys().copied(), *actor);
                fin.insert(*actor, x);
                let others = fin
                    .iter()
                    .filter(|(a, _)| **a != *actor && **a != balancing)
                    .fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v).unwrap_or(acc));
                let rest = Decimal::ONE
                    .checked_sub(x)
                    .and_then(|r| r.checked_sub(others))
                    .ok_or_else(|| about(&self.path, Fault::TooLarge { got: None }))?;
                fin.insert(balancing, rest);
            }
            Target::Outcome { cohort, outcome, field } => {
                let o = s.cohorts.get_mut(*cohort).and_then(|c| c.outcomes.get_mut(*outcome)).ok_or_else(gone)?;
                match field {
                    OutcomeField::Share => o.share = x,
                    OutcomeField::CounterfactualShare => o.counterfactual_share = x,
                    OutcomeField::Deadweight => o.deadweight = x,
                    OutcomeField::Attribution => o.attribution = x,
                    OutcomeField::Displacement => o.displacement = x,
                    OutcomeField::Retention => o.retention = x,
                    OutcomeField::LagMonths => o.lag_months = whole()?,
                }
            }
        }
        Ok(())
    }
}

/// Who takes up the difference when one financing share changes: the first other actor in the
/// financing (in the order of [`Actor::ALL`]); the municipality when there is none (or the
/// employment service when the municipality's own share is the one that changes).
pub(crate) fn balancing_actor(listed: impl Iterator<Item = Actor>, changed: Actor) -> Actor {
    let mut listed: Vec<Actor> = listed.filter(|a| *a != changed).collect();
    listed.sort();
    match listed.first() {
        Some(a) => *a,
        None if changed == Actor::Municipality => Actor::EmploymentService,
        None => Actor::Municipality,
    }
}

/// Copies a built-in state into the scenario's own states (same numbers, restated to a
/// version-2 scenario's price year as the calculation would), so a path into it can be set; a
/// state neither given nor built in is an error.
fn materialise(scenario: &mut Scenario, id: &str, path: &str) -> Result<(), FieldError> {
    if scenario.states.contains_key(id) {
        return Ok(());
    }
    match resolved_state(scenario, id) {
        Some(Ok(state)) => {
            let state = state.into_owned();
            scenario.states.insert(id.to_string(), state);
            Ok(())
        }
        Some(Err(_)) => Err(about(path, Fault::Overflow)),
        None => Err(about(path, Fault::NotAState { id: id.to_string() })),
    }
}

/// A fault about a parameter (its path written first); placed at its request path by the caller.
fn about(parameter: &str, fault: Fault) -> FieldError {
    FieldError::new("", fault).within(Context::Parameter { path: parameter.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paths() {
        assert_eq!(parse_target("discount_rate"), Ok(Target::DiscountRate));
        assert_eq!(
            parse_target("cohorts[0].outcomes[12].share"),
            Ok(Target::Outcome { cohort: 0, outcome: 12, field: OutcomeField::Share })
        );
        assert_eq!(parse_target("states.AM3.flows[2].amount"), Ok(Target::FlowAmount { state: "AM3".into(), flow: 2 }));
        assert_eq!(parse_target("cohorts[1].intervention.financing.region"), Ok(Target::Financing { cohort: 1, actor: Actor::Region }));
        for bad in [
            "",
            "cohorts",
            "cohorts[0]",
            "cohorts[01].participants",
            "cohorts[x].participants",
            "cohorts[0]x.participants",
            "name",
            "tax.foo",
            "states.AM2.label",
            "cohorts[0].outcomes[0].target",
            ".discount_rate",
            "cohorts[0.participants",
        ] {
            assert!(parse_target(bad).is_err(), "{bad}");
        }
    }
}
