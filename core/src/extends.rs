//! `extends`: a scenario state that starts from a built-in one and changes, adds or removes
//! single flows and earnings fields (docs/method.md, "Changing a built-in state"). Reading
//! resolves it into the whole state, so the calculation sees exactly the state written out in
//! full; the paths of faults stay those of the input (`flows.<label>`).

use rust_decimal::Decimal;

use crate::error::Fault;
use crate::node::Node;
use crate::path::Path;
use crate::read::{Fields, Reader};
use crate::scenario::{BuiltInStates, Earnings, Flow, State, EARNINGS_CHANGE_FIELDS, FLOW_CHANGE_FIELDS};

/// The members of a state that extends a built-in one.
const EXTENDED_FIELDS: &[&str] = &["extends", "label", "description", "flows", "earnings"];

impl Reader {
    /// A state with `extends`: the built-in state it names, as a scenario of `(version, price
    /// year)` uses it (restated in version 2), with the given label, description, flow changes
    /// and earnings changes applied.
    pub(crate) fn extended_state<'v, N: Node<'v>>(
        &mut self,
        value: N,
        path: &Path,
        built_in: &BuiltInStates,
        at: (i64, Option<i64>),
    ) -> State {
        let Some(f) = self.object(value, path, EXTENDED_FIELDS) else {
            return State::default();
        };
        let ep = path.key("extends");
        let Some(id) = self.required(f.get("extends"), &ep, Reader::text) else {
            return State::default();
        };
        let mut state = match (built_in.state)(&id, at.0, at.1) {
            None => {
                self.fault(&ep, Fault::NotBuiltIn { id, expected: (built_in.ids)() });
                return State::default();
            }
            Some(Ok(s)) => s,
            Some(Err(_)) => {
                self.fault(&ep, Fault::Overflow);
                return State::default();
            }
        };
        if let Some(v) = f.get("label") {
            state.label = self.text(v, &path.key("label")).unwrap_or_default();
        }
        if let Some(v) = f.get("description") {
            state.description = self.text(v, &path.key("description")).unwrap_or_default();
        }
        if let Some(flows) = f.get("flows") {
            self.flow_changes(&mut state, &id, flows, path);
        }
        if let Some(earnings) = f.get("earnings") {
            self.earnings_change(&mut state, &id, earnings, &path.key("earnings"));
        }
        state
    }

    /// `flows = {"<label>" = {...}, ...}`: each entry changes the built-in flow of that label,
    /// removes it (`remove = true`) or, for a label the state does not have, adds a flow.
    fn flow_changes<'v, N: Node<'v>>(&mut self, state: &mut State, id: &str, flows: N, path: &Path) {
        let fpath = path.key("flows");
        let Some(members) = self.map(flows, &fpath, crate::limits::MAX_FLOWS) else {
            return;
        };
        let labels: Vec<String> = state.flows.iter().map(|f| f.label.clone()).collect();
        // For each flow of the resolved state, the input path that changed or added it.
        let mut from_input: Vec<Option<String>> = vec![None; state.flows.len()];
        for (label, change) in members {
            let cpath = fpath.key(label);
            let at = state.flows.iter().position(|f| f.label == label);
            let Some(c) = self.object(change, &cpath, FLOW_CHANGE_FIELDS) else {
                continue;
            };
            if self.removes(&c, &cpath) {
                match at {
                    Some(k) => {
                        state.flows.remove(k);
                        from_input.remove(k);
                    }
                    None => self.not_a_flow_of(id, label, &labels, &cpath),
                }
                continue;
            }
            match at {
                Some(k) => {
                    self.flow_fields(&mut state.flows[k], &c, &cpath);
                    from_input[k] = Some(cpath.to_string());
                }
                None if c.get("amount").is_none() => self.not_a_flow_of(id, label, &labels, &cpath),
                None => {
                    let mut flow = Flow { label: label.to_string(), ..Flow::default() };
                    self.flow_fields(&mut flow, &c, &cpath);
                    state.flows.push(flow);
                    from_input.push(Some(cpath.to_string()));
                }
            }
        }
        for (k, input) in from_input.into_iter().enumerate() {
            if let Some(input) = input {
                let flow = fpath.index(k);
                self.renames.push((flow.to_string(), input));
            }
        }
    }

    /// `earnings = {...}`: changes the built-in wage's fields, adds a wage to a state without
    /// one (then `monthly_wage` is required), or removes it (`remove = true`).
    fn earnings_change<'v, N: Node<'v>>(&mut self, state: &mut State, id: &str, value: N, path: &Path) {
        let Some(e) = self.object(value, path, EARNINGS_CHANGE_FIELDS) else {
            return;
        };
        if self.removes(&e, path) {
            if state.earnings.take().is_none() {
                self.fault(path, Fault::NoEarnings { state: id.to_string() });
            }
            return;
        }
        let mut earnings = match state.earnings.take() {
            Some(earnings) => earnings,
            None => {
                if e.get("monthly_wage").is_none() {
                    self.fault(&path.key("monthly_wage"), Fault::Missing { expected: Vec::new() });
                }
                Earnings::new(Decimal::ZERO)
            }
        };
        self.earnings_fields(&mut earnings, &e, path);
        state.earnings = Some(earnings);
    }

    /// True when the entry says `remove = true`; other fields beside it are a fault.
    fn removes<'v, N: Node<'v>>(&mut self, entry: &Fields<'v, N>, path: &Path) -> bool {
        let Some(v) = entry.get("remove") else { return false };
        if self.boolean(v, &path.key("remove")) != Some(true) {
            return false;
        }
        let others: Vec<String> = entry.names().filter(|n| *n != "remove").map(str::to_string).collect();
        if !others.is_empty() {
            self.fault(path, Fault::RemoveWithChanges { fields: others });
        }
        true
    }

    fn not_a_flow_of(&mut self, id: &str, label: &str, labels: &[String], path: &Path) {
        self.fault(path, Fault::NotAFlowOf { state: id.to_string(), label: label.to_string(), labels: labels.to_vec() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{EARNINGS_FIELDS, FLOW_FIELDS};

    #[test]
    fn change_fields_are_the_fields_and_remove() {
        assert_eq!(FLOW_CHANGE_FIELDS, [&FLOW_FIELDS[1..], &["remove"]].concat());
        assert_eq!(EARNINGS_CHANGE_FIELDS, [EARNINGS_FIELDS, &["remove"]].concat());
    }
}
