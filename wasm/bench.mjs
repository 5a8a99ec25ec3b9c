// calculate() time per scenario on the main example (tests/vectors/002.json: AM2 and AM3
// cohorts), in Node and, with --browser, in headless Chromium through the page wasm/www/bench.html.
//   node wasm/bench.mjs             Node only
//   node wasm/bench.mjs --browser   Node and the browser (needs wasm/pkg/site and /usr/bin/chromium)
// Prints microseconds per call (median of several timed batches) for a JS object and JSON text.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET_US = 30;

/** Median µs per call over `batches` batches of `n` calls, after a warm-up. Used in both places. */
export function timeIt(fn, n = 2000, batches = 7) {
  for (let i = 0; i < n; i++) fn();
  const per = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    per.push(((performance.now() - t0) * 1000) / n);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)];
}

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

async function browser() {
  const { startServer } = await import('./tests/server.mjs');
  const { launch } = await import('./tests/browser.mjs');
  const server = await startServer(join(HERE, 'pkg', 'site'));
  const b = await launch();
  try {
    const page = await b.newPage();
    await page.goto(`${server.url}/bench.html`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 120000 });
    const rows = await page.evaluate(() => window.benchRows);
    return rows.map((r) => ({ where: 'browser', ...r }));
  } finally {
    await b.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await node();
  if (process.argv.includes('--browser')) rows.push(...(await browser()));
  console.log('calculate() on tests/vectors/002.json (2 cohorts, 4 years), median of 7 batches:');
  for (const r of rows) console.log(line(r.where, r.label, r.us));
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
}
