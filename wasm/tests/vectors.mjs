// Shared helpers for the Node and browser tests: reading vectors without losing digits, and
// comparing results the way MODEL.md says (decimals compared exactly, with BigInt).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VECTOR_DIR = join(ROOT, 'tests', 'vectors');

/**
 * The raw text of a top-level member's value in a JSON document, as spelled in the file, so
 * that numbers like `20.0` or a 29-decimal string reach the engine unchanged.
 */
export function memberText(text, key) {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i])) i++;
  };
  const skipString = () => {
    // text[i] === '"'
    i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    ws();
    if (text[i] === '"') return skipString();
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        i++;
      } while (depth > 0 && i < n);
      return;
    }
    while (i < n && !',}] \t\r\n'.includes(text[i])) i++;
  };
  ws();
  if (text[i] !== '{') throw new Error('not an object');
  i++;
  for (;;) {
    ws();
    if (text[i] === '}') return undefined;
    const ks = i;
    skipString();
    const name = JSON.parse(text.slice(ks, i));
    ws();
    if (text[i] !== ':') throw new Error(`expected ':' at ${i}`);
    i++;
    ws();
    const vs = i;
    skipValue();
    if (name === key) return text.slice(vs, i);
    ws();
    if (text[i] === ',') i++;
  }
}

/** Version 1's vectors (less those method version 2 supersedes, v2/superseded.txt), then version 2's. */
export function loadVectors() {
  const superseded = new Set(
    readFileSync(join(VECTOR_DIR, 'v2', 'superseded.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[0]),
  );
  const v1 = readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.json') && !superseded.has(f));
  const v2 = readdirSync(join(VECTOR_DIR, 'v2'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `v2/${f}`);
  return [...v1.sort(), ...v2.sort()]
    .map((file) => {
      const text = readFileSync(join(VECTOR_DIR, file), 'utf8');
      const parsed = JSON.parse(text);
      return { file, text, parsed, scenarioText: memberText(text, 'scenario') };
    });
}

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const SCALE = 30;

/** A decimal string as a BigInt scaled by 10^30 (exact). */
export function scaled(text) {
  if (!DECIMAL.test(text)) throw new Error(`not a plain decimal: ${text}`);
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  if (frac.length > SCALE) throw new Error(`too many decimals: ${text}`);
  const v = BigInt(int + frac.padEnd(SCALE, '0'));
  return negative ? -v : v;
}

const TOLERANCE = {
  share: scaled('0.000001'),
  benefit_cost_ratio: scaled('0.0001'),
  money: scaled('0.01'),
};

/**
 * Differences between an expected and an actual result, as `path: why` lines; empty when the
 * result passes (money within 0.01, shares within 0.000001, ratios within 0.0001, inclusive).
 */
export function compareResult(expected, actual, path = '', key = '', out = []) {
  if (typeof expected === 'string' && DECIMAL.test(expected)) {
    if (typeof actual !== 'string' || !DECIMAL.test(actual)) {
      out.push(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
      return out;
    }
    const tol = TOLERANCE[key] ?? TOLERANCE.money;
    let d = scaled(expected) - scaled(actual);
    if (d < 0n) d = -d;
    if (d > tol) out.push(`${path}: expected ${expected}, got ${actual}`);
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected a list of ${expected.length}, got ${JSON.stringify(actual)}`);
      return out;
    }
    expected.forEach((e, i) => compareResult(e, actual[i], `${path}[${i}]`, key, out));
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
      return out;
    }
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    if (ek.join() !== ak.join()) out.push(`${path}: keys ${JSON.stringify(ak)}, expected ${JSON.stringify(ek)}`);
    for (const k of ek) compareResult(expected[k], actual[k], path ? `${path}.${k}` : k, k, out);
    return out;
  }
  if (expected !== actual) out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  return out;
}

export const pathSet = (errors) => [...new Set(errors.map((e) => e.path))].sort();
