// Every vector in tests/vectors through the node build: results within MODEL.md's tolerance of
// the vector's expected values, error vectors by their set of paths; both as the file's raw text
// and as a JS object. And every vector exactly as the Rust core gives it: the result JSON, CSV
// and report byte for byte what the command line (built from the same tree) prints, the faults
// the same paths and messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { calculate, validate, toCsv, report, trace, traceCsv, ScenarioError } from '../../pkg/node/index.mjs';
import { loadVectors, compareResult, pathSet, ROOT } from '../vectors.mjs';

// The raw text exports (what the JS API parses), to compare bytes before JSON.parse.
const raw = createRequire(import.meta.url)('../../pkg/node/samkalk_wasm.js');

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

/** The command line of this tree: $SAMKALK_CLI, else `cargo build -p samkalk-cli` (quick when up to date). */
function cliPath() {
  if (process.env.SAMKALK_CLI) return process.env.SAMKALK_CLI;
  execFileSync('cargo', ['build', '-q', '-p', 'samkalk-cli'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const path = join(ROOT, 'target', 'debug', 'samkalk');
  assert.ok(existsSync(path), `no command line at ${path}`);
  return path;
}
const CLI = cliPath();

/** The command line's output for a scenario text on standard input. */
function cli(args, input) {
  const out = spawnSync(CLI, [...args, '-'], { input, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

for (const v of vectors) {
  const { file, parsed, scenarioText } = v;
  test(`${file}: exactly the core's output`, () => {
    if ('expected' in parsed) {
      const json = cli(['calculate'], scenarioText);
      assert.equal(json.status, 0, json.stderr);
      assert.equal(raw.calculateText(scenarioText) + '\n', json.stdout);
      // The parsed result is the same text again (money, shares and ratios stay strings).
      assert.equal(JSON.stringify(calculate(scenarioText)) + '\n', json.stdout);
      assert.equal(toCsv(scenarioText), cli(['calculate', '--format', 'csv'], scenarioText).stdout);
      assert.equal(report(scenarioText), cli(['calculate', '--format', 'table'], scenarioText).stdout);
    } else {
      const checked = cli(['validate'], scenarioText);
      assert.equal(checked.status, 1, checked.stderr);
      const core = JSON.parse(checked.stdout).errors.map((e) => [e.path, e.message]);
      assert.deepEqual(validate(scenarioText).map((e) => [e.path, e.message]), core);
      assert.deepEqual(outcome(scenarioText).errors.map((e) => [e.path, e.message]), core);
    }
  });
}
