// calculate() time per scenario on the main example (tests/vectors/002.json: AM2 and AM3
// cohorts), in Node and, with --browser, in headless Chromium through the page wasm/www/bench.html;
// and analyse(): 100,000 Monte Carlo draws on the same scenario with one share drawn uniformly
// (the core's `cargo bench --bench analysis` request "one_uniform_share").
//   node wasm/bench.mjs             Node only
//   node wasm/bench.mjs --browser   Node and the browser (needs wasm/pkg/site and /usr/bin/chromium)
// Prints microseconds per call (median of several timed batches) for a JS object and JSON text.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeIt, MC_REQUEST } from './www/bench-common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET_US = 30;

export function mainScenario() {
  return JSON.parse(readFileSync(join(HERE, '..', 'tests', 'vectors', '002.json'), 'utf8')).scenario;
}

function line(where, label, us) {
  const mark = us <= TARGET_US ? 'within' : 'OVER';
  return `${where.padEnd(8)} ${label.padEnd(34)} ${us.toFixed(1).padStart(7)} µs/call (${mark} the ${TARGET_US} µs target)`;
}

async function node() {
  const api = await import('./pkg/node/index.mjs');
  const scenario = mainScenario();
  const text = JSON.stringify(scenario);
  const rows = [
    ['calculate(object)', timeIt(() => api.calculate(scenario))],
    ['calculate(JSON text)', timeIt(() => api.calculate(text))],
    ['validate(object)', timeIt(() => api.validate(scenario))],
    ['breakEven(object)', timeIt(() => api.breakEven(scenario))],
  ];
  return rows.map(([label, us]) => ({ where: 'node', label, us }));
}

async function nodeAnalyse() {
  const { analyse } = await import('./pkg/node/analysis.mjs');
  const scenario = mainScenario();
  const t0 = performance.now();
  const r = analyse(scenario, MC_REQUEST);
  const ms = performance.now() - t0;
  return { where: 'node', draws: r.monte_carlo.draws, ms, society: r.monte_carlo.statistics.society.probability_gain };
}

async function browser() {
  const { startServer } = await import('./tests/server.mjs');
  const { launch } = await import('./tests/browser.mjs');
  const server = await startServer(join(HERE, 'pkg', 'site'));
  const b = await launch();
  try {
    const page = await b.newPage();
    await page.goto(`${server.url}/bench.html`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 600000 });
    const rows = await page.evaluate(() => window.benchRows);
    const mc = await page.evaluate(() => window.benchAnalyse);
    return { rows: rows.map((r) => ({ where: 'browser', ...r })), mc: { where: 'browser', ...mc } };
  } finally {
    await b.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await node();
  const mc = [await nodeAnalyse()];
  if (process.argv.includes('--browser')) {
    const b = await browser();
    rows.push(...b.rows);
    mc.push(b.mc);
  }
  console.log('calculate() on tests/vectors/002.json (2 cohorts, 4 years), median of 7 batches:');
  for (const r of rows) console.log(line(r.where, r.label, r.us));
  console.log('analyse(): Monte Carlo, 100,000 draws, one share uniform on [0.4, 0.8], tests/vectors/002.json, one run:');
  for (const m of mc) {
    console.log(`${m.where.padEnd(8)} ${(m.ms / 1000).toFixed(2).padStart(6)} s (${((m.ms * 1000) / m.draws).toFixed(1)} µs per draw; P(society gains) ${m.society})`);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify({ rows, mc }));
}
