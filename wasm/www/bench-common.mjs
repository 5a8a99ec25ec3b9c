// What the benchmark times in both places, Node (wasm/bench.mjs) and the browser (bench.js):
// one way of timing and one Monte Carlo request, so the two figures stay comparable.

/** Median µs per call over `batches` batches of `n` calls, after a warm-up. */
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

/** 100,000 draws, one share uniform: core/benches/analysis.rs's "one_uniform_share". */
export const MC_REQUEST = { monte_carlo: { draws: 100000, seed: 42, parameters: [
  { parameter: 'cohorts[0].outcomes[0].share', distribution: { kind: 'uniform', low: '0.4', high: '0.8' } }] } };
