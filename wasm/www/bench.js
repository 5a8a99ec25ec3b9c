// calculate() time per scenario in the browser, on the main example (tests/vectors/002.json's
// scenario, copied to bench-scenario.json by build.sh). Run by wasm/bench.mjs --browser.
import * as samkalk from './pkg/index.js';
import { timeIt, MC_REQUEST } from './bench-common.mjs';

const scenario = await (await fetch('bench-scenario.json')).json();
const text = JSON.stringify(scenario);
if (samkalk.calculate(scenario).actors.municipality.npv !== '13152989.60') throw new Error('unexpected result');
const rows = [
  { label: 'calculate(object)', us: timeIt(() => samkalk.calculate(scenario)) },
  { label: 'calculate(JSON text)', us: timeIt(() => samkalk.calculate(text)) },
  { label: 'validate(object)', us: timeIt(() => samkalk.validate(scenario)) },
  { label: 'breakEven(object)', us: timeIt(() => samkalk.breakEven(scenario)) },
];
const body = document.getElementById('rows');
for (const r of rows) {
  const tr = document.createElement('tr');
  tr.innerHTML = `<td>${r.label}</td><td>${r.us.toFixed(1)}</td>`;
  body.append(tr);
}
window.benchRows = rows;

// analyse(): the Monte Carlo request of bench-common.mjs, as wasm/bench.mjs times it in Node.
const { analyse } = await import('./pkg/analysis.js');
const t0 = performance.now();
const r = analyse(scenario, MC_REQUEST);
const ms = performance.now() - t0;
window.benchAnalyse = { draws: r.monte_carlo.draws, ms, society: r.monte_carlo.statistics.society.probability_gain };
const tr = document.createElement('tr');
tr.innerHTML = `<td>analyse(): 100 000 dragningar</td><td>${(ms * 1000 / r.monte_carlo.draws).toFixed(1)} per dragning (${(ms / 1000).toFixed(2)} s)</td>`;
body.append(tr);
window.benchDone = true;
