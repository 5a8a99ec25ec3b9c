// Every vector in tests/vectors through the node build: results within MODEL.md's tolerance,
// error vectors by their set of paths; both as the file's raw text and as a JS object.
import test from 'node:test';
import assert from 'node:assert/strict';

import { calculate, validate, trace, traceCsv, ScenarioError } from '../../pkg/node/index.mjs';
import { loadVectors, compareResult, pathSet } from '../vectors.mjs';

const vectors = loadVectors();

test('there are vectors', () => {
  assert.ok(vectors.length >= 10, `only ${vectors.length} vectors found`);
});

function outcome(scenario) {
  try {
    return { result: calculate(scenario) };
  } catch (e) {
    assert.ok(e instanceof ScenarioError, `expected a ScenarioError, got ${e}`);
    assert.ok(e instanceof Error);
    return { errors: e.errors };
  }
}

for (const v of vectors) {
  const { file, parsed, scenarioText } = v;
  test(`${file}: ${parsed.description}`, () => {
    // The raw text: the engine sees every number as the file spells it.
    const got = outcome(scenarioText);
    if ('expected' in parsed) {
      assert.ok(got.result, `${file}: unexpected errors ${JSON.stringify(got.errors)}`);
      const diffs = compareResult(parsed.expected, got.result);
      assert.deepEqual(diffs, [], `${file}: ${diffs.slice(0, 5).join('; ')}`);
      assert.deepEqual(validate(scenarioText), []);
      if ('expected_trace' in parsed) {
        // Version 2: the effect trace, as CSV and as rows.
        assert.deepEqual(traceCsv(scenarioText).trimEnd().split('\n'), parsed.expected_trace);
        const rows = trace(scenarioText).map((r) => `${r.cohort},${r.year},${r.state},${r.participants}`);
        assert.deepEqual(rows, parsed.expected_trace.slice(1));
      }
    } else {
      assert.ok(got.errors, `${file}: expected errors at ${parsed.expected_error_paths}, got a result`);
      assert.deepEqual(pathSet(got.errors), [...new Set(parsed.expected_error_paths)].sort());
      assert.deepEqual(pathSet(validate(scenarioText)), pathSet(got.errors));
      for (const e of got.errors) {
        assert.equal(typeof e.path, 'string');
        assert.ok(typeof e.message === 'string' && e.message.length > 0);
      }
    }
  });

  test(`${file}: the same through a JS object (JSON.parse of the file)`, () => {
    // JSON.parse → JSON.stringify re-spells numbers in their shortest form. Where that changes
    // a number's spelling (`20.0` → `20`), an object cannot carry the distinction, so only
    // compare when the re-spelt text reads the same.
    const object = parsed.scenario;
    const fromObject = outcome(object);
    const fromText = outcome(v.scenarioText);
    if (JSON.stringify(JSON.parse(v.scenarioText)) === JSON.stringify(object) && sameNumbers(v.scenarioText)) {
      assert.deepEqual(fromObject, fromText);
    }
  });
}

/** True when every number token in the text is spelled as JSON.stringify would spell it. */
function sameNumbers(text) {
  const tokens = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? [];
  return tokens.every((t) => JSON.stringify(JSON.parse(t)) === t);
}
