// analyse(): sensitivity and uncertainty analysis through the WebAssembly build. The pinned seed
// file (tests/analysis/montecarlo_seed.json) is the cross-layer contract: Rust, Python and this
// build must give the same draws and statistics; the result text must be byte for byte the
// native CLI's (`samkalk analyse`); faults are AnalysisError with the request's paths; the
// progress callback reports and cancels; no input traps.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';

import api, { analyse, analyseText, ScenarioError, AnalysisError, AnalysisCancelled } from '../../pkg/node/analysis.mjs';
import samkalk, { calculate, MAX_SCENARIO_CHARS, loadAnalysis, AnalysisError as FromIndex } from '../../pkg/node/index.mjs';
import { ROOT, VECTOR_DIR, memberText } from '../vectors.mjs';

const seedFileText = readFileSync(join(ROOT, 'tests', 'analysis', 'montecarlo_seed.json'), 'utf8');
const seedFile = JSON.parse(seedFileText);
const mainText = memberText(readFileSync(join(VECTOR_DIR, '002.json'), 'utf8'), 'scenario');
const main = JSON.parse(mainText);
const exampleText = readFileSync(join(ROOT, 'examples', 'analysis.json'), 'utf8');
const WHO = ['municipality', 'employment_service', 'social_insurance', 'region', 'state', 'employer', 'individual', 'society'];

test('the pinned seed file gives exactly the pinned draws and statistics', () => {
  const r = analyse(seedFile.scenario, seedFile.analysis);
  const mc = r.monte_carlo;
  const want = seedFile.expected;
  assert.equal(mc.draws, 1000);
  assert.equal(mc.seed, 42);
  assert.deepEqual(mc.statistics, want.statistics);
  assert.deepEqual(Object.keys(mc.statistics), WHO);
  for (const [name, values] of Object.entries(want.values)) {
    assert.deepEqual(mc.samples.values[name].slice(0, want.first_draws), values, `values ${name}`);
    assert.equal(mc.samples.values[name].length, 1000);
  }
  for (const [who, npvs] of Object.entries(want.npv)) {
    assert.deepEqual(mc.samples.npv[who].slice(0, want.first_draws), npvs, `npv ${who}`);
  }
  // The same request as JSON text, and the seed as a string of digits: the same result.
  assert.deepEqual(analyse(JSON.stringify(seedFile.scenario), JSON.stringify(seedFile.analysis)), r);
  const seedAsText = structuredClone(seedFile.analysis);
  seedAsText.monte_carlo.seed = '42';
  assert.deepEqual(analyse(seedFile.scenario, seedAsText), r);
});

// docs/analysis.md's generator written again in JS (BigInt), independently of the core.
const MASK = (1n << 64n) - 1n;
const rotl = (x, k) => ((x << BigInt(k)) | (x >> BigInt(64 - k))) & MASK;
function splitmix64(seed, n) {
  let z = (seed + n * 0x9E3779B97F4A7C15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK;
  return z ^ (z >> 31n);
}
function generator(seed, draw) {
  const s = [1n, 2n, 3n, 4n].map((k) => splitmix64(BigInt(seed), 4n * BigInt(draw) + k));
  const next = () => {
    const result = (rotl((s[1] * 5n) & MASK, 7) * 9n) & MASK;
    const t = (s[1] << 17n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  };
  return { next, uniform: () => Number(next() >> 11n) * 2 ** -53 };
}

test("the generator: the core's outputs equal the seed file's and a JS reimplementation", async () => {
  const { default: raw } = await import('../../pkg/node/samkalk_analysis.js');
  const g = seedFile.generator;
  const core = JSON.parse(raw.generatorText(g.seed, g.draw, g.next_u64.length));
  assert.deepEqual(core, g.next_u64);
  const js = generator(g.seed, g.draw);
  assert.deepEqual(g.next_u64.map(() => js.next().toString()), g.next_u64);
  // Other seeds and draws, including the largest seed.
  for (const [seed, draw] of [['0', 0], ['1', 999], ['18446744073709551615', 123456]]) {
    const mine = generator(seed, draw);
    assert.deepEqual(JSON.parse(raw.generatorText(seed, draw, 8)), Array.from({ length: 8 }, () => mine.next().toString()), `${seed}/${draw}`);
  }
});

test('uniform and triangular draws are reproduced bit for bit by the JS reimplementation', () => {
  // Shortest round-trip text of a double, as the core writes it (plain digits in this range).
  const text = (x) => String(x);
  const scenario = main;
  const request = { monte_carlo: { draws: 200, seed: '9007199254740993', keep_draws: true, parameters: [
    { parameter: 'cohorts[1].intervention.cost_per_participant', distribution: { kind: 'uniform', low: '70000', high: '110000' } },
  ] } };
  const r = analyse(scenario, request);
  const drawn = r.monte_carlo.samples.values['cohorts[1].intervention.cost_per_participant'];
  drawn.forEach((value, i) => {
    const u = generator('9007199254740993', i).uniform();
    assert.equal(value, text(70000 + (110000 - 70000) * u), `draw ${i}`);
  });
  const tri = { monte_carlo: { draws: 200, seed: 7, keep_draws: true, parameters: [
    { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'triangular', low: '0.3', mode: '0.6', high: '0.9' } },
  ] } };
  const t = analyse(scenario, tri).monte_carlo.samples.values['cohorts[0].outcomes[0].share'];
  t.forEach((value, i) => {
    const u = generator(7, i).uniform();
    const [lo, mode, hi] = [0.3, 0.6, 0.9];
    const w = hi - lo;
    const x = u * w < mode - lo ? lo + Math.sqrt(u * w * (mode - lo)) : hi - Math.sqrt((1 - u) * w * (hi - mode));
    assert.equal(value, text(Math.min(hi, Math.max(lo, x))), `draw ${i}`);
  });
});

function cli() {
  const cliPath = join(ROOT, 'target', 'debug', 'samkalk');
  if (!existsSync(cliPath)) spawnSync('cargo', ['build', '-q', '-p', 'samkalk-cli'], { cwd: ROOT, stdio: 'inherit' });
  return cliPath;
}

test("analyse()'s text is byte for byte what `samkalk analyse` prints", () => {
  const dir = mkdtempSync(join(tmpdir(), 'samkalk-analyse-'));
  try {
    const native = (scenarioText, analysisText) => {
      writeFileSync(join(dir, 'scenario.json'), scenarioText);
      writeFileSync(join(dir, 'analysis.json'), analysisText);
      const out = spawnSync(cli(), ['analyse', join(dir, 'scenario.json'), join(dir, 'analysis.json')], { encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.equal(out.status, 0, out.stderr);
      return out.stdout.replace(/\n$/, '');
    };
    // examples/analysis.json on tests/vectors/002.json's scenario: every kind of analysis.
    const example = analyseText(mainText, exampleText, { pretty: true });
    const cliText = native(mainText, exampleText);
    assert.equal(example, cliText);
    const parsed = JSON.parse(analyseText(mainText, exampleText));
    assert.deepEqual(parsed, JSON.parse(cliText));
    assert.deepEqual(analyse(main, JSON.parse(exampleText)), parsed);
    for (const key of ['base', 'sweep', 'grid', 'tornado', 'switching', 'monte_carlo']) assert.ok(parsed[key], key);
    assert.equal(parsed.monte_carlo.statistics.municipality.probability_gain, '0.991600');
    assert.equal(parsed.monte_carlo.statistics.society.probability_gain, '0.999900');
    // The seed file, with its kept draws.
    const s = memberText(seedFileText, 'scenario');
    const a = memberText(seedFileText, 'analysis');
    assert.equal(analyseText(s, a, { pretty: true }), native(s, a));
    // A seed beyond 2^53, as a string: the text keeps every digit, as the CLI's.
    const big = a.replace('"seed": 42', '"seed": "18446744073709551615"');
    assert.notEqual(big, a);
    assert.equal(analyseText(s, big, { pretty: true }), native(s, big));
    assert.match(analyseText(s, big), /"seed":18446744073709551615,/);
    assert.deepEqual(analyse(JSON.parse(s), JSON.parse(a)), JSON.parse(native(s, a)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("report(): the request's labels in place of the core's words, and the core's report in one language, the CLI's", () => {
  // Labels like examples/labelled_analysis.toml's, on the main example.
  const price = { sv: 'Pris per AM3-deltagare', en: 'Price per AM3 participant' };
  const request = {
    tornado: { parameters: [
      { parameter: 'cohorts[1].intervention.cost_per_participant', label: price, low: '70000', high: '120000' },
      { parameter: 'discount_rate', label: 'Kalkylränta', low: '0', high: '0.035' },
      { parameter: 'cohorts[0].outcomes[0].share', low: '0.3', high: '0.8' },
    ] },
    switching: [{ parameter: 'cohorts[1].intervention.cost_per_participant', label: price, actor: 'municipality' }],
  };
  const sv = api.report(main, request);
  const en = api.report(main, request, { lang: 'en' });
  assert.deepEqual(sv.result, analyse(main, request));
  let calls = 0;
  assert.deepEqual(api.report(main, request, { onProgress: () => { calls += 1; } }), sv);
  assert.ok(calls >= 2);
  assert.deepEqual(sv.result.switching[0].label, price);
  assert.deepEqual(sv.result.tornado.rows.find((r) => r.parameter === 'discount_rate').label, { sv: 'Kalkylränta', en: 'Kalkylränta' });
  assert.equal(sv.result.tornado.rows.find((r) => r.parameter === 'cohorts[0].outcomes[0].share').label, undefined);
  const order = sv.result.tornado.rows.map((r) => r.parameter);
  assert.deepEqual(order, ['cohorts[0].outcomes[0].share', 'discount_rate', 'cohorts[1].intervention.cost_per_participant']);
  assert.deepEqual(sv.names.tornado, ['Andel till arbete, AM2-grupp', 'Kalkylränta', 'Pris per AM3-deltagare']);
  assert.deepEqual(en.names.tornado, ['Share to arbete, AM2-grupp', 'Kalkylränta', 'Price per AM3 participant']);
  assert.deepEqual(en.names.switching, ['Price per AM3 participant']);
  assert.match(sv.table, /\nPris per AM3-deltagare  Kommunen /);
  assert.match(en.table, /\nPrice per AM3 participant  Municipality /);
  assert.ok(sv.table.startsWith('Känslighets- och osäkerhetsanalys') && !sv.table.includes('Sensitivity'), sv.table);
  assert.ok(en.table.startsWith('Sensitivity and uncertainty analysis') && !en.table.includes('Känslighet') && !en.table.includes('Utslag'), en.table);
  // Byte for byte the command line's report.
  const dir = mkdtempSync(join(tmpdir(), 'samkalk-report-'));
  try {
    writeFileSync(join(dir, 'scenario.json'), mainText);
    writeFileSync(join(dir, 'analysis.json'), JSON.stringify(request));
    for (const [lang, r] of [['sv', sv], ['en', en]]) {
      const out = spawnSync(cli(), ['analyse', '--lang', lang, '--format', 'table', join(dir, 'scenario.json'), join(dir, 'analysis.json')], { encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      assert.equal(r.table, out.stdout);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The words of the tables, the core's, one language each.
  assert.equal(api.words('en').swing, 'Swing');
  assert.equal(api.words().swing, 'Utslag');
  // A bad label: its fault at its path, in both languages.
  const e = caught(() => api.report(main, { switching: [{ parameter: 'discount_rate', actor: 'society', label: { sv: '' } }] }));
  assert.ok(e instanceof AnalysisError && e.kind === 'analysis');
  assert.equal(e.errors[0].path, 'switching[0].label.sv');
  assert.equal(e.errors[0].code, 'empty_text');
  assert.match(e.errors[0].message_sv, /^texten är tom/);
  assert.match(e.errors[0].message_en, /^the text is empty/);
});

function caught(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

test('faults: AnalysisError (a ScenarioError) with paths in the request or the scenario', () => {
  // A path that names nothing in this scenario: a fault of the run, at the request's path.
  let e = caught(() => analyse(main, { tornado: { parameters: [{ parameter: 'cohorts[5].outcomes[0].share', low: '0.1', high: '0.2' }] } }));
  assert.ok(e instanceof AnalysisError && e instanceof ScenarioError && e instanceof Error);
  assert.equal(e.name, 'AnalysisError');
  assert.equal(e.kind, 'analysis');
  assert.deepEqual(e.errors.map((x) => x.path), ['tornado.parameters[0].parameter']);
  assert.match(e.message, /^invalid analysis: tornado\.parameters\[0\]\.parameter/);
  // A path not spelled like a parameter: a fault of the request.
  e = caught(() => analyse(main, { sweep: { parameter: 'cohorts[0].name', values: ['1'] } }));
  assert.equal(e.kind, 'analysis');
  assert.deepEqual(e.errors.map((x) => x.path), ['sweep.parameter']);
  // A value out of range: the request's path, the message names the scenario path.
  e = caught(() => analyse(main, { sweep: { parameter: 'cohorts[0].outcomes[0].share', values: ['0.5', '1.5'] } }));
  assert.deepEqual(e.errors.map((x) => x.path), ['sweep.values[1]']);
  assert.match(e.errors[0].message, /^cohorts\[0\]\.outcomes\[0\]\.share: /);
  assert.equal(e.errors[0].code, 'out_of_range');
  assert.deepEqual(e.errors[0].context, [{ kind: 'parameter', path: 'cohorts[0].outcomes[0].share' }]);
  assert.equal(e.errors[0].message_sv, 'cohorts[0].outcomes[0].share: måste vara mellan 0 och 1 (0–100 %), fick 1,5 (150 %)');
  // A distribution out of the parameter's range.
  e = caught(() => analyse(main, { monte_carlo: { draws: 10, seed: 1, parameters: [
    { parameter: 'discount_rate', distribution: { kind: 'uniform', low: '0', high: '2' } }] } }));
  assert.equal(e.errors[0].path, 'monte_carlo.parameters[0].distribution.high');
  // A fault of the scenario: kind "scenario", paths in the scenario.
  const bad = structuredClone(main);
  bad.cohorts[0].outcomes[0].share = '1.3';
  e = caught(() => analyse(bad, JSON.parse(exampleText)));
  assert.equal(e.kind, 'scenario');
  assert.deepEqual(e.errors.map((x) => x.path), ['cohorts[0].outcomes[0].share']);
  assert.strictEqual(api.AnalysisError, AnalysisError);
  assert.strictEqual(api.AnalysisCancelled, AnalysisCancelled);
  assert.strictEqual(FromIndex, AnalysisError, 'one class, from either entry');
});

test('the calculator entry loads the analysis module on demand', async () => {
  const m = await loadAnalysis();
  assert.strictEqual(m.analyse, analyse);
  assert.strictEqual(await samkalk.loadAnalysis(), m);
  assert.equal(m.version, samkalk.version);
});

test('degenerate Monte Carlo (every draw the scenario as given) equals calculate()', () => {
  const c = calculate(main);
  const request = { monte_carlo: { draws: 50, seed: 3, keep_draws: true, parameters: [
    { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'uniform', low: '0.6', high: '0.6' } },
    { parameter: 'cohorts[1].intervention.cost_per_participant', distribution: { kind: 'discrete', values: ['90000'] } },
    { parameter: 'states.work.earnings.monthly_wage', distribution: { kind: 'normal', mean: '25000', sd: '0' } },
  ] } };
  const r = analyse(main, request);
  for (const who of WHO) {
    const npv = who === 'society' ? c.society.npv : c.actors[who].npv;
    const st = r.monte_carlo.statistics[who];
    for (const k of ['mean', 'min', 'p5', 'p50', 'p95', 'max']) assert.equal(st[k], npv, `${who} ${k}`);
    assert.equal(st.sd, '0.00');
    assert.equal(st.gains, npv.startsWith('-') ? 0 : 50);
    assert.ok(r.monte_carlo.samples.npv[who].every((x) => x === npv));
    assert.equal(r.base.npv[who], npv);
    const total = who === 'society' ? c.society.total_net : c.actors[who].total_net;
    assert.equal(r.base.total_net[who], total);
  }
  assert.deepEqual(r.monte_carlo.samples.values['cohorts[0].outcomes[0].share'], Array(50).fill('0.6'));
});

test('progress: increasing, ending at the total; false cancels; a throw is passed on', () => {
  const request = { tornado: { parameters: [{ parameter: 'discount_rate', low: '0', high: '0.035' }] },
    monte_carlo: { draws: 5000, seed: 1, parameters: [
      { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'uniform', low: '0.3', high: '0.8' } }] } };
  const calls = [];
  const r = analyse(main, request, { onProgress: (done, total) => { calls.push([done, total]); } });
  const total = 5000 + 2;
  assert.deepEqual(calls[0], [0, total]);
  assert.deepEqual(calls.at(-1), [total, total]);
  assert.ok(calls.length >= 6, `${calls.length} calls`);
  for (let i = 1; i < calls.length; i++) {
    assert.ok(calls[i][0] >= calls[i - 1][0], `not decreasing at ${i}: ${JSON.stringify(calls)}`);
    assert.equal(calls[i][1], total);
  }
  assert.ok(new Set(calls.map((c) => c[0])).size >= 6, 'increases in steps');
  assert.deepEqual(analyse(main, request), r, 'the callback does not change the result');

  // Cancelling a run of 10,000,000 draws (the core's limit) at its first report after the start.
  let n = 0;
  const e = caught(() => analyse(main, { monte_carlo: { ...request.monte_carlo, draws: 10000000 } }, { onProgress: (done) => (n++ === 0 ? true : done < 0) }));
  assert.ok(e instanceof AnalysisCancelled, String(e));
  assert.equal(e.name, 'AnalysisCancelled');
  assert.equal(e.total, 10000000);
  assert.ok(e.done > 0 && e.done < 10000000);
  const boom = new RangeError('stop here');
  assert.strictEqual(caught(() => analyse(main, request, { onProgress: () => { throw boom; } })), boom);
  assert.throws(() => analyse(main, request, { onProgress: 42 }), TypeError);
  // The instance still works.
  assert.deepEqual(analyse(main, request, {}), r);
  assert.deepEqual(analyse(main, request, null), r);
});

test('nothing traps on garbage requests or scenarios', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = [];
  for (let i = 0; i < 100000; i++) deep = [deep];
  let deepObject = { draws: 1 };
  for (let i = 0; i < 1000; i++) deepObject = { monte_carlo: deepObject };
  const mc = (over) => ({ monte_carlo: { draws: 10, seed: 1, parameters: [
    { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'uniform', low: '0.3', high: '0.8' } }], ...over } });
  const many = (n) => Array.from({ length: n }, (_, i) => String(i / n));
  const requests = [
    ['undefined', undefined], ['null', null], ['number', 42], ['NaN', NaN], ['Infinity', Infinity], ['true', true],
    ['BigInt', 1n], ['symbol', Symbol('x')], ['function', () => 1], ['array', []], ['string', 'abc'], ['empty text', ''],
    ['cyclic', cyclic], ['deep array', deep], ['deep object', deepObject], ['deep text', '['.repeat(100000) + ']'.repeat(100000)],
    ['unclosed', '{"sweep":'.repeat(50000)], ['too long', ' '.repeat(MAX_SCENARIO_CHARS + 1)],
    ['unknown field', { sweeps: {} }], ['duplicate keys', '{"version": 1, "version": 1}'], ['version 2', { version: 2 }],
    ['draws over the limit', mc({ draws: 10000001 })], ['draws 1e300', mc({ draws: 1e300 })], ['draws 2^64', mc({ draws: '18446744073709551616' })],
    ['draws -1', mc({ draws: -1 })], ['draws 0', mc({ draws: 0 })], ['draws 2.5', mc({ draws: 2.5 })], ['draws NaN', mc({ draws: NaN })],
    ['kept draws over the limit', mc({ draws: 1000001, keep_draws: true })], ['seed -1', mc({ seed: -1 })],
    ['seed 2^64', mc({ seed: '18446744073709551616' })], ['seed 1.5', mc({ seed: 1.5 })], ['no parameters', mc({ parameters: [] })],
    ['201 parameters', mc({ parameters: Array(201).fill(mc().monte_carlo.parameters[0]) })],
    ['bad distribution', mc({ parameters: [{ parameter: 'discount_rate', distribution: { kind: 'cauchy' } }] })],
    ['pert lambda 0', mc({ parameters: [{ parameter: 'discount_rate', distribution: { kind: 'pert', low: 0, mode: 0, high: 0.1, lambda: 0 } }] })],
    ['weights all 0', mc({ parameters: [{ parameter: 'discount_rate', distribution: { kind: 'discrete', values: [0], weights: [0] } }] })],
    ['sweep of 100,001', { sweep: { parameter: 'discount_rate', values: many(100001) } }],
    ['grid over 1,000,000', { grid: { parameters: [{ parameter: 'discount_rate', values: many(1001) }, { parameter: 'horizon_years', values: many(1000) }] } }],
    ['tornado of 201', { tornado: { parameters: Array(201).fill({ parameter: 'discount_rate', low: 0, high: 0.1 }) } }],
    ['switching low > high', { switching: [{ parameter: 'discount_rate', actor: 'society', low: 0.5, high: 0.1 }] }],
    ['unknown actor', { switching: [{ parameter: 'discount_rate', actor: 'king' }] }],
    ['29 decimals', { sweep: { parameter: 'discount_rate', values: ['0.' + '1'.repeat(29)] } }],
    ['whole number as fraction', { sweep: { parameter: 'horizon_years', values: ['2.5'] } }],
    ['huge participants', { sweep: { parameter: 'cohorts[0].participants', values: ['1e30'] } }],
    ['path garbage', { sweep: { parameter: 'cohorts[99999999999999999999].share', values: [1] } }],
    ['path with NUL', { sweep: { parameter: 'states.\u0000.flows[0].amount', values: [1] } }],
  ];
  for (const [label, request] of requests) {
    const e = caught(() => analyse(main, request));
    assert.ok(e instanceof AnalysisError, `${label}: ${e}`);
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0, label);
    for (const f of e.errors) assert.equal(typeof f.path, 'string', label);
    assert.ok(['analysis', 'scenario'].includes(e.kind), label);
  }
  for (const [label, scenario] of [['undefined', undefined], ['null', null], ['42', 42], ['x', 'x'], ['cyclic', cyclic], ['deep', deep], ['{}', {}], ['BigInt', { start_year: 2026n }]]) {
    const e = caught(() => analyse(scenario, mc({})));
    assert.ok(e instanceof AnalysisError && e.kind === 'scenario', `scenario ${label}: ${e}`);
  }
  // An empty request is valid: just the base.
  assert.deepEqual(Object.keys(analyse(main, {})), ['version', 'base']);
  assert.equal(analyse(main, mc({})).monte_carlo.draws, 10);
});
