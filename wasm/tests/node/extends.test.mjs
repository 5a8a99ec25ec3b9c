// Changing one number of a built-in state: the defaults paste back, and state(...) writes the
// `extends` fragment (docs/method.md, "Changing a built-in state").
import test from 'node:test';
import assert from 'node:assert/strict';

import { calculate, validate, defaults, state, ScenarioError } from '../../pkg/node/index.mjs';

const cohorts = [
  { name: 'AM3-grupp', origin: 'AM3', participants: 15,
    intervention: { cost_per_participant: '120000', duration_months: 18 },
    outcomes: [{ target: 'work', share: '0.4', retention: '0.8' }] },
  { name: 'AM1-grupp', origin: 'AM1', participants: 10, outcomes: [{ target: 'studies', share: '0.5' }] },
];
const scenario = (states, extra = {}) => ({ start_year: 2026, states, cohorts, ...extra });
const json = (s) => JSON.stringify(calculate(s));

test('the defaults paste back unchanged and give the built-in result, in either version', () => {
  const d = defaults();
  for (const version of [1, 2]) {
    const pasted = scenario(d.states, { version, tax: d.tax });
    assert.deepEqual(validate(pasted), []);
    assert.equal(json(pasted), json(scenario({}, { version })));
  }
  const restated = defaults(2026);
  assert.equal(json(scenario(restated.states, { version: 2, price_year: 2026 })), json(scenario({}, { version: 2, price_year: 2026 })));
});

test('extends without a change is the built-in state; withFlow is the state written out with that number', () => {
  assert.equal(json(scenario({ AM3: state('AM3'), AM1: state('AM1') })), json(scenario({})));
  const am3 = state('AM3').withFlow('Försörjningsstöd', { amount: '138000' });
  assert.deepEqual(JSON.parse(JSON.stringify(am3)), { extends: 'AM3', flows: { Försörjningsstöd: { amount: '138000' } } });
  const full = defaults().states.AM3;
  full.flows.find((f) => f.label === 'Försörjningsstöd').amount = '138000';
  assert.equal(json(scenario({ AM3: am3 })), json(scenario({ AM3: full })));
  assert.notEqual(json(scenario({ AM3: am3 })), json(scenario({})));
});

test('the builder composes, leaves each step as it was, and the core judges each step', () => {
  const base = state('work', { label: 'Deltid' });
  const partTime = base.withEarnings({ employment_rate: '0.5' });
  assert.deepEqual({ ...base }, { extends: 'work', label: 'Deltid' });
  assert.deepEqual(partTime.earnings, { employment_rate: '0.5' });
  const am3 = state('AM3').withFlow('Försörjningsstöd', { amount: 138000 }).withFlow('Försörjningsstöd', { source: 'bokslut' })
    .withoutFlow('Specialiserad psykiatrisk vård').withFlow('Boendestöd', { payer: 'municipality', payee: null, amount: '18000' });
  assert.deepEqual(am3.flows, {
    Försörjningsstöd: { amount: 138000, source: 'bokslut' },
    'Specialiserad psykiatrisk vård': { remove: true },
    Boendestöd: { payer: 'municipality', payee: null, amount: '18000' },
  });
  assert.deepEqual(validate(scenario({ AM3: am3, deltid: partTime })), []);
  assert.throws(() => state('AM9'), (e) => e instanceof ScenarioError && e.errors[0].path === 'states.AM9.extends' && e.errors[0].code === 'not_built_in');
  assert.throws(() => state('AM3').withFlow('Forsorjningsstod', { payer: 'region' }),
    (e) => e.errors[0].code === 'not_a_flow_of' && e.errors[0].path === 'states.AM3.flows.Forsorjningsstod');
  assert.throws(() => state('AM3').withFlow('Försörjningsstöd', { amount: '-1' }),
    (e) => e.errors[0].path === 'states.AM3.flows.Försörjningsstöd.amount' && e.errors[0].code === 'out_of_range');
});

test('helpful faults and a warning', async () => {
  const { warnings } = await import('../../pkg/node/index.mjs');
  const base = { start_year: 2026, cohorts: [{ origin: 'AM2', participants: 20, outcomes: [{ target: 'work', share: '0,6' }] }] };
  const [fault] = validate(base);
  assert.deepEqual([fault.code, fault.params], ['decimal_comma', { got: '0,6', suggested: '0.6' }]);
  const valid = { ...base, tax: { municipal_rate: '0.2074' }, cohorts: [{ ...base.cohorts[0], outcomes: [{ target: 'work', share: 0.6 }] }] };
  assert.equal(JSON.stringify(calculate('\uFEFF' + JSON.stringify(valid))), JSON.stringify(calculate(valid)));
  const [w] = warnings(valid);
  assert.deepEqual([w.path, w.code, w.params.rate], ['tax.municipal_rate', 'nominal_municipal_rate', '0.2074']);
  assert.deepEqual(warnings(base), []);
});
