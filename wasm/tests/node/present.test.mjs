// The core's presentation layer through WebAssembly: parsers of Swedish input, formatters in
// both languages, labels, the standard sensitivity request and the tornado order.
import test from 'node:test';
import assert from 'node:assert/strict';

import {
  parseAmount, parsePercent, parseWhole, parseInput, kronor, kronorOre, percent, ratio, roundedAmount,
  labels, standardAnalysis, tornadoOrder, breakEven, actors, InputError, ScenarioError,
} from '../../pkg/node/index.mjs';

function inputError(fn, text) {
  try {
    fn(text);
  } catch (e) {
    assert.ok(e instanceof InputError, `${JSON.stringify(text)}: ${e}`);
    return e;
  }
  assert.fail(`${JSON.stringify(text)} was accepted`);
}

test('Swedish amounts as people type them', () => {
  assert.equal(parseAmount('120.000'), '120000');
  assert.equal(parseAmount('1.234.567'), '1234567');
  assert.equal(parseAmount('120 000 kr'), '120000');
  assert.equal(parseAmount('120\u00a0000'), '120000');
  assert.equal(parseAmount('35 000,50'), '35000.5');
  assert.equal(parseAmount('\u22125'), '-5');
  const ambiguous = inputError(parseAmount, '120.00');
  assert.equal(ambiguous.code, 'ambiguous_separator');
  assert.match(ambiguous.message_sv, /"120,00".*"120 000"/);
  assert.match(ambiguous.message_en, /ambiguous/);
  assert.equal(inputError(parseAmount, 'tolv').code, 'not_a_number');
  assert.equal(inputError(parseAmount, '1,2,3').code, 'not_a_number');
});

test('an empty field is "missing", with the page\'s Swedish message', () => {
  for (const text of ['', '   ', '\u00a0']) {
    const e = inputError(parseAmount, text);
    assert.equal(e.code, 'missing');
    assert.equal(e.message, 'Fyll i ett värde.');
    assert.equal(e.message_sv, 'Fyll i ett värde.');
    assert.equal(e.message_en, 'Enter a value.');
  }
  assert.equal(inputError(parsePercent, '').code, 'missing');
  assert.equal(inputError(parseWhole, '').code, 'missing');
  const r = parseInput('amount', '');
  assert.equal(r.value, undefined);
  assert.equal(r.error.code, 'missing');
  assert.deepEqual(parseInput('percent', '30 %'), { value: '0.3' });
});

test('percentages become exact shares; whole numbers refuse fractions', () => {
  assert.equal(parsePercent('30 %'), '0.3');
  assert.equal(parsePercent('12,5'), '0.125');
  assert.equal(parsePercent('0,0001'), '0.000001');
  assert.equal(parseWhole('1 200'), '1200');
  assert.equal(inputError(parseWhole, '2,5').code, 'not_a_whole_number');
  assert.equal(inputError(parseWhole, '99999999999999999999').code, 'too_large');
});

test('no input text traps the parsers', () => {
  const texts = ['\u0000', '💥', '-'.repeat(10000), '9'.repeat(100000), ',', '.', '%', 'kr', '1.2.3,4,5', '\ud800'];
  for (const t of texts) for (const kind of ['amount', 'percent', 'whole']) {
    const r = parseInput(kind, t);
    assert.ok(r.error instanceof InputError || typeof r.value === 'string', `${kind} ${t.slice(0, 20)}`);
  }
});

test('formatters: one count of decimals per quantity, in both languages', () => {
  assert.equal(kronor('1234567.49'), '1 234 567 kr');
  assert.equal(kronor('1234567.49', 'en'), '1,234,567 kr');
  assert.equal(kronorOre('35000.5'), '35 000,50 kr');
  assert.equal(percent('0.068345', 'en'), '6.8%');
  assert.equal(ratio('1.2345'), '1,23');
  assert.equal(ratio('1.2345', 'en'), '1.23');
  assert.equal(roundedAmount('3812345.67'), '3,8 miljoner kr');
  assert.equal(roundedAmount('849612'), '850 000 kr');
  assert.equal(roundedAmount('3812345.67', 'en'), '3.8 million kronor');
  // 29 digits: used to abort the wasm build (unchecked multiplication).
  assert.equal(percent('79228162514264337593543950335'), '7922816251426433759354395033500,0 %');
  assert.throws(() => kronor('not a number'), ScenarioError);
});

test('labels from the core', () => {
  const sv = labels('sv');
  const en = labels('en');
  assert.equal(sv.actors.employment_service, 'Arbetsförmedlingen');
  assert.equal(sv.society, 'Samhället');
  assert.equal(en.society, 'Society');
  assert.equal(sv.public_sector, 'Offentlig sektor');
  assert.deepEqual(sv.public_sector_members, ['municipality', 'employment_service', 'social_insurance', 'region', 'state']);
  assert.equal(sv.fields.cumulative_net, 'Ackumulerat netto');
  assert.equal(sv.fields.benefit_cost_ratio, 'Nytta per investerad krona');
  assert.equal(en.fields.benefit_cost_ratio, 'Benefit-cost ratio');
  assert.equal(sv.break_even_kinds.at_least, 'Minst');
  assert.equal(sv.headings.title, 'Socioekonomisk investeringskalkyl');
  assert.equal(en.headings.currency, 'SEK');
  assert.deepEqual(Object.keys(en.headings), ['title', 'actor', 'year', 'cohort', 'break_even', 'currency', 'persons', 'trace']);
  assert.equal(actors().at(-1).english, 'Society');
});

const scenario = {
  start_year: 2026,
  cohorts: [{ name: 'A', origin: 'AM2', participants: 20, intervention: { cost_per_participant: '40000', duration_months: 6 },
    outcomes: [{ target: 'work', share: '0.8', counterfactual_share: '0.1' }] }],
};

test('the standard sensitivity request', () => {
  const { request, labels: l, method } = standardAnalysis(scenario);
  assert.deepEqual(request.tornado.parameters.slice(0, 3), [
    { parameter: 'cohorts[0].outcomes[0].share', low: '0.4', high: '1' },
    { parameter: 'cohorts[0].outcomes[0].retention', low: '0.8', high: '1' },
    { parameter: 'cohorts[0].intervention.cost_per_participant', low: '30000', high: '50000' },
  ]);
  assert.deepEqual(request.monte_carlo.parameters[0].distribution, { kind: 'triangular', low: '0.4', mode: '0.8', high: '1' });
  // The Monte Carlo also varies how many stay in work and the comparison group.
  assert.deepEqual(request.monte_carlo.parameters.map((p) => p.parameter), [
    'cohorts[0].outcomes[0].share', 'cohorts[0].outcomes[0].retention',
    'cohorts[0].outcomes[0].counterfactual_share', 'cohorts[0].intervention.cost_per_participant',
  ]);
  assert.deepEqual(request.monte_carlo.parameters[1].distribution, { kind: 'triangular', low: '0.8', mode: '1', high: '1' });
  assert.deepEqual(request.monte_carlo.parameters[2].distribution, { kind: 'triangular', low: '0.05', mode: '0.1', high: '0.15' });
  assert.deepEqual(l.at(-1), { parameter: 'cohorts[0].outcomes[0].counterfactual_share', what: 'Hade nått arbete ändå (jämförelsegrupp), AM2', low: '5,0 %', high: '15,0 %' });
  assert.match(method, /^Kalkylen räknades om 2\s000 gånger/);
  assert.match(method, /kvar i arbete varje år upp till 20 procentenheter/);
  assert.match(method, /\(slumpfrö 2026\)/);
  assert.equal(request.monte_carlo.draws, 2000);
  assert.equal(request.monte_carlo.seed, 2026);
  assert.deepEqual(l[0], { parameter: 'cohorts[0].outcomes[0].share', what: 'Andel som når arbete, AM2', low: '40,0 %', high: '100,0 %' });
  assert.equal(standardAnalysis(scenario, 'en').labels[2].what, 'Cost per participant, AM2');
  assert.throws(() => standardAnalysis({ cohorts: 'x' }), ScenarioError);
});

test('the tornado order for one actor', () => {
  assert.deepEqual(tornadoOrder([['0', '5'], ['10.00', '-10.00'], ['3', '-2']]), [
    { index: 1, swing: '20.00' }, { index: 0, swing: '5.00' }, { index: 2, swing: '5.00' },
  ]);
  assert.throws(() => tornadoOrder([['x', '1']]), ScenarioError);
});

test('break-even sentences say what "the comparison group" means, in both languages', () => {
  const be = breakEven(scenario);
  // Arbetsförmedlingen pays nothing of the intervention (the municipality does by default), so
  // its NPV is A × (s − c): it breaks even exactly at the comparison group's share.
  const af = be[0].sentences.find((s) => s.actor === 'employment_service');
  assert.equal(af.kind, 'at_least');
  assert.equal(af.share, '0.100000');
  assert.equal(af.text, 'Arbetsförmedlingen vinner så snart fler än jämförelsegruppen (10,0 %) når arbete.');
  const enAf = breakEven(scenario, 'en')[0].sentences.find((s) => s.actor === 'employment_service');
  assert.equal(enAf.text, 'Employment service gains as soon as more than the comparison group (10.0%) reach work.');
  for (const s of be[0].sentences) assert.doesNotMatch(s.text, /hur många som än/);
  const en = breakEven(scenario, 'en');
  assert.equal(en[0].sentences.at(-1).who, 'Society');
  assert.equal(en[0].target_phrase, 'work');
});
