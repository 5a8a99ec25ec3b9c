// samkalk/workbook: the core's Excel writer and reader through the WebAssembly build. For every
// valid vector, reading the workbook back gives the calculator's result JSON byte for byte; bad
// input throws ScenarioError, never traps.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { workbook, calculateWorkbook, ScenarioError } from '../../pkg/node/workbook.mjs';
import raw from '../../pkg/node/samkalk_wasm.js';
import { VECTOR_DIR, memberText } from '../vectors.mjs';

const valid = readdirSync(VECTOR_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, readFileSync(join(VECTOR_DIR, f), 'utf8')])
  .filter(([, text]) => JSON.parse(text).expected !== undefined)
  .map(([f, text]) => [f, memberText(text, 'scenario')]);

test('every valid vector: the workbook reads back to the same result JSON', () => {
  assert.ok(valid.length >= 31);
  for (const [name, scenario] of valid) {
    for (const lang of ['sv', 'en']) {
      const bytes = workbook(scenario, { lang, date: '2026-12-01' });
      assert.ok(bytes instanceof Uint8Array, name);
      assert.deepEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04], name);
      assert.equal(JSON.stringify(calculateWorkbook(bytes)), raw.calculateText(scenario), `${name} ${lang}`);
    }
  }
});

test('the same date gives the same bytes; today is the default', () => {
  const [, scenario] = valid[0];
  assert.deepEqual(workbook(scenario, { date: '2026-12-01' }), workbook(scenario, { date: '2026-12-01' }));
  assert.ok(workbook(scenario).length > 1000);
});

test('bad input throws ScenarioError with paths', () => {
  assert.throws(() => workbook({ start_year: 2026, horizon_years: 0 }), (e) => e instanceof ScenarioError && e.errors[0].path === 'horizon_years');
  assert.throws(() => workbook(valid[0][1], { lang: 'de' }), (e) => e instanceof ScenarioError && e.errors[0].path === 'lang' && e.errors[0].code === 'not_one_of' && /got "de"/.test(e.message));
  assert.throws(() => workbook(valid[0][1], { date: '1 dec' }), (e) => e instanceof ScenarioError && e.errors[0].path === 'date' && e.errors[0].code === 'bad_date' && /YYYY-MM-DD/.test(e.message));
  assert.throws(() => calculateWorkbook(new Uint8Array([1, 2, 3])), (e) => e instanceof ScenarioError && /not an Excel workbook/.test(e.message));
  assert.throws(() => calculateWorkbook('text'), ScenarioError);
});
