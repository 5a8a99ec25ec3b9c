// The exports the council page's workbench uses: stateSummary, priceYears, inputText,
// comparisonWarning. Expected values are worked out here from the defaults, not copied.
import test from 'node:test';
import assert from 'node:assert/strict';

import * as samkalk from '../../pkg/node/index.mjs';

const base = { version: 2, start_year: 2026, cohorts: [{ name: 'g', origin: 'AM3', participants: 1, outcomes: [{ target: 'work', share: '0.5' }] }] };

test('stateSummary: AM3 and work, in use order, each actor\'s cost the negated net', () => {
  const list = samkalk.stateSummary(base);
  assert.deepEqual(list.map((s) => [s.id, s.given]), [['AM3', false], ['work', false]]);
  const am3 = list[0];
  const flows = samkalk.defaults().states.AM3.flows;
  // The municipality pays its flows and receives nothing in AM3.
  const paid = flows.filter((f) => f.payer === 'municipality').reduce((t, f) => t + BigInt(f.amount), 0n);
  assert.equal(am3.cost.municipality, String(paid));
  assert.equal(am3.net.municipality, String(-paid));
  // Over the seven actors the net is minus what is used up (flows paid to no one).
  const used = flows.filter((f) => !f.payee).reduce((t, f) => t + BigInt(f.amount), 0n);
  const sum = Object.values(am3.net).reduce((t, x) => t + BigInt(x), 0n);
  assert.equal(sum, -used);
  assert.deepEqual(am3.derived, []);
  // Work: the five rows its wage adds under the effective rates.
  const work = list[1];
  const wage = BigInt(samkalk.defaults().states.work.earnings.monthly_wage) * 12n;
  assert.deepEqual(work.derived.map((r) => r.label), ['Produktion', 'Lön', 'Arbetsgivaravgifter', 'Kommunalskatt', 'Regionskatt']);
  assert.equal(Number(work.derived[1].amount), Number(wage));
});

test('stateSummary: the scenario\'s own state as given, a municipality\'s tax rows under the rules', () => {
  const own = { ...base, states: { AM3: { label: 'Egen', flows: [{ label: 'x', payer: 'municipality', payee: null, amount: '1000' }] } } };
  const am3 = samkalk.stateSummary(own)[0];
  assert.equal(am3.given, true);
  assert.equal(am3.cost.municipality, '1000');
  const rules = { ...base, tax: { method: 'rules', municipality: 'Timrå' } };
  const labels = samkalk.stateSummary(rules)[1].derived.map((r) => r.label);
  assert.deepEqual(labels.slice(0, 3), ['Produktion', 'Lön', 'Arbetsgivaravgifter']);
  assert.ok(labels.includes('Kommunalskatt') && labels.includes('Jobbskatteavdrag'));
  assert.throws(() => samkalk.stateSummary({ ...base, horizon_years: 0 }), samkalk.ScenarioError);
});

test('priceYears: the index, with the defaults\' year; inputText reads back exactly', () => {
  const years = samkalk.priceYears();
  assert.ok(years.includes(samkalk.defaults().price_year));
  for (const y of years) assert.equal(samkalk.defaults(y).price_year, y);
  assert.equal(samkalk.inputText('percent', '0.125'), '12,5');
  assert.equal(samkalk.inputText('amount', '77523.8095238095238095238095'), '77523,8095238095238095238095');
  for (const x of ['0', '0.6', '0.0125', '1']) assert.equal(samkalk.parsePercent(samkalk.inputText('percent', x)), x);
  assert.throws(() => samkalk.inputText('percent', 'abc'), samkalk.ScenarioError);
  assert.throws(() => samkalk.inputText('whole', '1'), samkalk.ScenarioError);
});

test('comparisonWarning: only when the comparison group is above the share', () => {
  assert.equal(samkalk.comparisonWarning('0.6', '0.6'), null);
  assert.equal(samkalk.comparisonWarning('0.6', '0.1'), null);
  assert.match(samkalk.comparisonWarning('0.6', '0.7'), /^Fler hade nått arbete utan insatsen \(70,0 %\) än med den \(60,0 %\)/);
  assert.match(samkalk.comparisonWarning('0.6', '0.7', 'en'), /^More would have reached work without the intervention \(70\.0%\)/);
  assert.equal(samkalk.comparisonWarning('x', '0.7'), null);
});
