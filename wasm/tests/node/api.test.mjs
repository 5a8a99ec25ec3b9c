// The JS API: shapes, errors as ScenarioError, and no input that panics or traps.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import api, {
  calculate, publicSector, calculateWithPublicSector, validate, defaults, municipalities, schema, toCsv, report, breakEven, kronor, percent, actors, version,
  ScenarioError, MAX_SCENARIO_CHARS,
} from '../../pkg/node/index.mjs';
import { VECTOR_DIR, loadVectors, memberText } from '../vectors.mjs';

const main = JSON.parse(readFileSync(join(VECTOR_DIR, '002.json'), 'utf8'));
const mainText = memberText(readFileSync(join(VECTOR_DIR, '002.json'), 'utf8'), 'scenario');

const small = {
  start_year: 2026,
  cohorts: [{ name: 'AM2-grupp', origin: 'AM2', participants: 20,
    intervention: { cost_per_participant: '40000', duration_months: 6 },
    outcomes: [{ target: 'work', share: 0.6 }] }],
};

test('calculate returns the result object with money as exact strings', () => {
  const r = calculate(main.scenario);
  assert.deepEqual(r.years, [2026, 2027, 2028, 2029]);
  assert.deepEqual(Object.keys(r.actors), ['municipality', 'employment_service', 'social_insurance', 'region', 'state', 'employer', 'individual']);
  assert.equal(r.actors.municipality.npv, '13152989.60');
  assert.equal(r.society.benefit_cost_ratio, '14.0211');
  assert.equal(r.cohorts[0].break_even.municipality.share, '0.059801');
  assert.deepEqual(calculate(mainText), r, 'a JSON string gives the same result');
  assert.deepEqual(calculate(JSON.stringify(main.scenario)), r);
});

test('JS numbers reach the core in their shortest decimal form', () => {
  const a = calculate({ ...small, cohorts: [{ ...small.cohorts[0], outcomes: [{ target: 'work', share: 0.1 + 0.2 }] }] });
  // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: its shortest form is kept exactly.
  const b = calculate({ ...small, cohorts: [{ ...small.cohorts[0], outcomes: [{ target: 'work', share: '0.30000000000000004' }] }] });
  assert.deepEqual(a, b);
  const c = calculate({ ...small, cohorts: [{ ...small.cohorts[0], outcomes: [{ target: 'work', share: 0.3 }] }] });
  const d = calculate({ ...small, cohorts: [{ ...small.cohorts[0], outcomes: [{ target: 'work', share: '0.3' }] }] });
  assert.deepEqual(c, d);
});

test('invalid input throws a ScenarioError with every fault', () => {
  const bad = { start_year: 2026, cohorts: [{ origin: 'AM2', participants: 10,
    intervention: { financing: { municipality: '0.5', region: '0.4' } },
    outcomes: [{ target: 'work', share: 1.3 }] }] };
  let caught;
  try {
    calculate(bad);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ScenarioError);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'ScenarioError');
  const paths = caught.errors.map((e) => e.path).sort();
  assert.deepEqual(paths, ['cohorts[0].intervention.financing', 'cohorts[0].outcomes[0].share']);
  assert.match(caught.message, /cohorts\[0\]\.outcomes\[0\]\.share/);
  // Each fault carries the core's code, values and messages in Swedish and English.
  const share = caught.errors.find((e) => e.path === 'cohorts[0].outcomes[0].share');
  assert.equal(share.code, 'out_of_range');
  assert.equal(share.params.max, '1');
  assert.equal(share.message, share.message_en);
  assert.match(share.message_en, /^must be between 0 and 1, got /);
  assert.match(share.message_sv, /^måste vara mellan 0 och 1 \(0–100 %\), fick /);
  const financing = caught.errors.find((e) => e.path === 'cohorts[0].intervention.financing');
  assert.equal(financing.code, 'sum_not_one');
  assert.match(financing.message_sv, /^finansieringsandelarna måste summera till exakt 1 \(100 %\)/);
  assert.deepEqual(validate(bad).map((e) => e.path).sort(), paths);
  assert.deepEqual(validate(small), []);
  assert.strictEqual(api.ScenarioError, ScenarioError);
});

test('defaults, schema, actors, version', () => {
  const d = defaults();
  for (const id of ['AM1', 'AM2', 'AM3', 'work', 'subsidised_work', 'studies']) assert.ok(d.states[id], id);
  assert.ok(d.states.AM2.label.startsWith('AM2'));
  assert.equal(typeof d.price_year, 'number');
  d.states = null; // a fresh copy each time
  assert.ok(defaults().states.AM3);
  const s = schema();
  assert.ok(s.properties.cohorts && s.properties.start_year);
  assert.deepEqual(actors().map((a) => a.id).slice(-1), ['society']);
  assert.equal(actors()[0].swedish, 'Kommunen');
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.equal(MAX_SCENARIO_CHARS, 16 * 1024 * 1024);
});

test('the public sector comes from the core, beside an unchanged result', () => {
  const public_ = publicSector(main.scenario);
  const both = calculateWithPublicSector(main.scenario);
  assert.deepEqual(both.publicSector, public_);
  assert.deepEqual(both.result, calculate(main.scenario));
  const r = both.result;
  const members = ['municipality', 'employment_service', 'social_insurance', 'region', 'state'];
  const ore = (x) => BigInt(x.replace('.', ''));
  r.years.forEach((_, t) => {
    const sum = members.reduce((acc, a) => acc + ore(r.actors[a].net[t]), 0n);
    const diff = ore(public_.net[t]) - sum;
    assert.ok(diff >= -2n && diff <= 2n, `year ${t}: ${public_.net[t]} against ${sum}`);
  });
  assert.equal(public_.gain.length, r.years.length);
  assert.match(report(main.scenario), /\nOffentlig sektor\n/);
  assert.throws(() => publicSector({ start_year: 2026, horizon_years: 0 }), ScenarioError);
});

test('csv, report, break-even sentences and Swedish formatting come from the core', () => {
  const csv = toCsv(main.scenario).trim().split('\n');
  assert.equal(csv[0], 'actor,year,gain,investment,net,cumulative_net');
  assert.equal(csv.length, 1 + 8 * 4);
  const sv = toCsv(main.scenario, { lang: 'sv' });
  assert.ok(sv.startsWith('\uFEFF'));
  assert.ok(sv.includes('\r\nAktör;År;Vinst;Investering;Netto;Ackumulerat netto\r\n'));
  assert.throws(() => toCsv(main.scenario, { lang: 'de' }), ScenarioError);
  assert.equal(csv[1], 'municipality,2026,1504980.00,2850000.00,-1345020.00,-1345020.00');
  assert.match(report(main.scenario), /Kommunen/);
  const be = breakEven(main.scenario);
  assert.equal(be.length, 2);
  assert.equal(be[0].target, 'work');
  assert.equal(be[0].sentences.length, 8);
  assert.equal(be[0].sentences[0].text, 'Kommunen går jämnt ut om minst 6,0 % av deltagarna når arbete.');
  assert.equal(be[0].sentences[7].who, 'Samhället');
  assert.deepEqual(breakEven({ start_year: 2026, cohorts: [{ origin: 'AM2', participants: 1 }] })[0].sentences, []);
  assert.equal(kronor('1234567.49'), '1 234 567 kr');
  assert.equal(kronor(-800000), '-800 000 kr');
  assert.equal(percent('0.068345'), '6,8 %');
  assert.equal(percent(0.5), '50,0 %');
});

function mustFault(fn, input, label) {
  let caught;
  try {
    fn(input);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ScenarioError, `${label}: expected ScenarioError, got ${caught}`);
  assert.ok(Array.isArray(caught.errors) && caught.errors.length > 0, label);
  for (const e of caught.errors) assert.equal(typeof e.path, 'string', label);
}

test('nothing panics or traps, whatever is passed in', () => {
  const cyclic = { start_year: 2026 };
  cyclic.self = cyclic;
  let deepArray = [];
  for (let i = 0; i < 100000; i++) deepArray = [deepArray];
  let deepObject = {};
  for (let i = 0; i < 1000; i++) deepObject = { a: deepObject };
  const throwing = { get start_year() { throw new Error('boom'); } };
  const badToJson = { toJSON() { throw new RangeError('nope'); } };
  const inputs = [
    ['undefined', undefined], ['null', null], ['true', true], ['number', 42], ['NaN', NaN],
    ['Infinity', Infinity], ['BigInt', 10n], ['BigInt inside', { start_year: 2026n }],
    ['symbol', Symbol('x')], ['function', () => 1], ['array', []], ['empty object', {}],
    ['cyclic', cyclic], ['deep array', deepArray], ['deep object', deepObject],
    ['deep text', '['.repeat(100000) + ']'.repeat(100000)], ['unclosed deep text', '{"a":'.repeat(50000)],
    ['throwing getter', throwing], ['throwing toJSON', badToJson],
    ['NaN inside', { ...small, cohorts: [{ ...small.cohorts[0], participants: NaN }] }],
    ['Infinity inside', { ...small, discount_rate: Infinity }],
    ['not JSON', 'NaN'], ['not JSON 2', '{start_year: 2026}'], ['empty text', ''], ['spaces', '   '],
    ['trailing garbage', '{"start_year": 2026} x'], ['lone surrogate key', { start_year: 2026, ['\udc00']: 1 }],
    ['NUL', '\u0000'], ['huge number', '{"start_year": 1e999999999}'], ['long digits', `{"start_year": ${'9'.repeat(100000)}}`],
    ['too long', ' '.repeat(MAX_SCENARIO_CHARS + 1)], ['29 decimals', { ...small, discount_rate: '0.' + '1'.repeat(29) }],
    ['1e-29', { ...small, discount_rate: '1e-29' }], ['boxed string', new String('{}')],
    ['Date', new Date(0)], ['Map', new Map([['start_year', 2026]])],
    ['proxy', new Proxy({}, { ownKeys() { throw new Error('trap'); } })],
    ['duplicate keys', '{"start_year": 2026, "start_year": 2027}'],
    ['max participants overflow', { ...small, cohorts: [{ ...small.cohorts[0], participants: 2 ** 64 }] }],
    ['huge amounts', { ...small, cohorts: [{ ...small.cohorts[0], intervention: { cost_per_participant: '1e12', fixed_cost: '1e12', optimism_bias: 10 } }], horizon_years: 61 }],
  ];
  for (const [label, input] of inputs) {
    mustFault(calculate, input, label);
    mustFault(toCsv, input, label);
    mustFault(report, input, label);
    mustFault(breakEven, input, label);
    const v = validate(input);
    assert.ok(Array.isArray(v) && v.length > 0, `${label}: validate gave ${JSON.stringify(v)}`);
  }
  // Every error vector, through every entry point.
  for (const v of loadVectors().filter((x) => x.parsed.expected_error_paths)) {
    mustFault(calculate, v.scenarioText, v.file);
    mustFault(toCsv, v.scenarioText, v.file);
    mustFault(breakEven, v.scenarioText, v.file);
  }
  for (const bad of ['', 'abc', '1e99999', '+1', ' 1', 'NaN', null, undefined, {}, [], NaN, Infinity, true]) {
    mustFault(kronor, bad, `kronor(${String(bad)})`);
    mustFault(percent, bad, `percent(${String(bad)})`);
  }
  // A lone surrogate is not UTF-8: it reaches the core as U+FFFD, which is fine in a name.
  assert.equal(calculate('{"start_year": 2026, "name": "\ud800"}').years[0], 2026);
  // JSON.stringify escapes it as \udfff, which the core's reader refuses: a fault, not a trap.
  mustFault(calculate, { ...small, cohorts: [{ ...small.cohorts[0], name: 'a\udfffb' }] }, 'lone surrogate in an object');
  // The instance still works after all that.
  assert.equal(calculate(main.scenario).actors.municipality.npv, '13152989.60');
});

test('the largest valid inputs calculate without overflow traps', () => {
  const big = {
    start_year: 2200, horizon_years: 60, discount_rate: '0.999999',
    cohorts: Array.from({ length: 3 }, () => ({
      origin: 'AM3', participants: 10000000,
      intervention: { cost_per_participant: '1000000000000', fixed_cost: '1000000000000', optimism_bias: 10, duration_months: 600 },
      outcomes: [{ target: 'work', share: 1, retention: 1 }],
    })),
  };
  try {
    const r = calculate(big);
    assert.equal(r.years.length, 60);
  } catch (e) {
    assert.ok(e instanceof ScenarioError, String(e));
  }
  assert.equal(calculate(small).years.length, 4);
});

test('the result JSON is byte for byte what the native command line prints', async () => {
  const { default: raw } = await import('../../pkg/node/samkalk_wasm.js');
  const { spawnSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const root = new URL('../../../', import.meta.url).pathname;
  const cli = `${root}target/debug/samkalk`;
  if (!existsSync(cli)) {
    // Built by `cargo test --workspace`, which the test command runs first.
    spawnSync('cargo', ['build', '-q', '-p', 'samkalk-cli'], { cwd: root, stdio: 'inherit' });
  }
  const native = (text) => {
    const out = spawnSync(cli, ['calculate', '-'], { input: text, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.replace(/\n$/, '');
  };
  let n = 0;
  for (const v of loadVectors().filter((x) => x.parsed.expected)) {
    assert.equal(raw.calculateText(v.scenarioText), native(v.scenarioText), v.file);
    n++;
  }
  const odd = { ...small, cohorts: [{ ...small.cohorts[0], name: 'citat " \\ \n\t\u0001 åäö 😀' }, { origin: 'AM3', participants: 0 }] };
  assert.equal(raw.calculateText(JSON.stringify(odd)), native(JSON.stringify(odd)));
  assert.ok(n > 10);
});

test('municipalities and defaults restated to a price year (method version 2)', () => {
  const m = municipalities();
  assert.equal(m.year, 2025);
  assert.equal(m.municipalities.length, 290);
  const timra = m.municipalities.find((x) => x.code === '2262');
  assert.deepEqual([timra.name, timra.municipal_rate, timra.regional_rate], ['Timrå', '0.2319', '0.1129']);
  const d = defaults(2026);
  assert.equal(d.price_year, 2026);
  assert.ok(d.states.AM2.flows[0].amount.startsWith('105714.285714'));
  assert.throws(() => defaults(2031), (e) => e instanceof ScenarioError && e.errors[0].path === 'price_year');
});
