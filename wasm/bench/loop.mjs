// A fixed amount of work for valgrind's instruction counts (wasm/bench-instructions.sh):
//   node wasm/bench/loop.mjs PKGDIR MODE N    MODE calculate (N calls of calculate(object) on
//   the main example, tests/vectors/002.json) or mc (one analyse() of N Monte Carlo draws, one
//   share uniform). Prints a checksum so the work cannot be skipped.
const [pkg, mode, n] = process.argv.slice(2);
const api = await import(pkg + '/node/index.mjs');
const { readFileSync } = await import('node:fs');
const { fileURLToPath } = await import('node:url');
const vector = fileURLToPath(new URL('../../tests/vectors/002.json', import.meta.url));
const scenario = JSON.parse(readFileSync(vector, 'utf8')).scenario;
let total = 0;
if (mode === 'mc') {
  const { analyse } = await import(pkg + '/node/analysis.mjs');
  const r = analyse(scenario, { monte_carlo: { draws: Number(n), seed: 42, parameters: [
    { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'uniform', low: '0.4', high: '0.8' } }] } });
  total = r.monte_carlo.draws;
} else if (mode === 'calculate') {
  for (let i = 0; i < Number(n); i++) total += api.calculate(scenario).years.length;
} else {
  throw new Error(`mode ${mode}: calculate or mc`);
}
console.log(total);
