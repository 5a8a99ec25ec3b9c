// The public JS API of samkalk over the raw wasm-bindgen exports (see src/lib.rs).
// Shared by the web and node packages: `makeApi(raw, schemaText)` gets the initialised glue
// module and the scenario's JSON Schema (generated at build time by the CLI, `samkalk schema`,
// and shipped as text beside the .wasm: schemars would double the .wasm's size).
// This layer converts and reports; every figure comes from the Rust core.

/** A scenario that cannot be calculated: `.errors` lists every fault as `{path, message}`. */
export class ScenarioError extends Error {
  constructor(errors) {
    const list = Array.isArray(errors) ? errors : [];
    const summary = list.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    super(`invalid scenario: ${summary}`);
    this.name = 'ScenarioError';
    this.errors = list;
  }
}

/** Longest scenario text accepted (characters); longer text is a fault at path "". */
export const MAX_SCENARIO_CHARS = 16 * 1024 * 1024;

const fault = (message) => [{ path: '', message }];

/**
 * The scenario as JSON text, or a fault list. Objects go through JSON.stringify, which writes
 * every JS number in its shortest decimal form (what MODEL.md reads); strings pass unchanged,
 * so their digits reach the core's exact reader as spelled.
 */
function scenarioText(scenario) {
  let text;
  if (typeof scenario === 'string') {
    text = scenario;
  } else if (scenario === undefined) {
    return { errors: fault('no scenario given (undefined)') };
  } else {
    try {
      text = JSON.stringify(scenario);
    } catch (e) {
      // Cyclic objects, BigInt, nesting too deep for the JS stack, throwing getters/toJSON.
      const why = e && typeof e.message === 'string' ? e.message : String(e);
      return { errors: fault(`cannot be written as JSON: ${why}`) };
    }
    if (typeof text !== 'string') {
      return { errors: fault(`must be an object, got ${typeof scenario}`) };
    }
  }
  if (text.length > MAX_SCENARIO_CHARS) {
    return { errors: fault(`scenario text is too long (${text.length} characters, at most ${MAX_SCENARIO_CHARS})`) };
  }
  return { text };
}

/** Runs a raw export; a thrown string is the core's fault list. */
function call(fn, arg) {
  try {
    return fn(arg);
  } catch (e) {
    if (typeof e === 'string') {
      let errors;
      try {
        errors = JSON.parse(e);
      } catch {
        errors = fault(e);
      }
      throw new ScenarioError(errors);
    }
    throw e;
  }
}

function withScenario(fn, scenario) {
  const { text, errors } = scenarioText(scenario);
  if (errors) throw new ScenarioError(errors);
  return call(fn, text);
}

/** A decimal as text: strings pass as spelled; finite numbers through their shortest form. */
function decimalText(x) {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return JSON.stringify(x);
  if (typeof x === 'bigint') return x.toString();
  throw new ScenarioError(fault(`must be a decimal number or its text, got ${x === null ? 'null' : typeof x}`));
}

export function makeApi(raw, schemaText) {
  let defaultsCache;
  let actorsCache;
  return {
    ScenarioError,
    /** MODEL.md's result object for a scenario (object or JSON text); money as exact strings. */
    calculate(scenario) {
      return JSON.parse(withScenario(raw.calculateText, scenario));
    },
    /** Every fault as [{path, message}]; [] when the scenario is valid. Never throws. */
    validate(scenario) {
      const { text, errors } = scenarioText(scenario);
      if (errors) return errors;
      return JSON.parse(raw.validateText(text));
    },
    /** The built-in parameter set: {price_year, tax, tax_sources, states}. A fresh copy. */
    defaults() {
      defaultsCache ??= raw.defaultsText();
      return JSON.parse(defaultsCache);
    },
    /** The JSON Schema (draft 2020-12) of a scenario. A fresh copy. */
    schema() {
      return JSON.parse(schemaText);
    },
    /** The result as tidy CSV: actor,year,gain,investment,net,cumulative_net (exact öre). */
    toCsv(scenario) {
      return withScenario(raw.csvText, scenario);
    },
    /** The core's readable Swedish report as plain text. */
    report(scenario) {
      return withScenario(raw.reportText, scenario);
    },
    /** Each cohort's break-even as Swedish sentences, with kind and share per actor. */
    breakEven(scenario) {
      return JSON.parse(withScenario(raw.breakEvenText, scenario));
    },
    /** Whole kronor, Swedish style: "1234567.49" → "1 234 567 kr". */
    kronor(amount) {
      return call(raw.kronor, decimalText(amount));
    },
    /** A share as a Swedish percentage: "0.068345" → "6,8 %". */
    percent(share) {
      return call(raw.percent, decimalText(share));
    },
    /** The seven actors and society, in result order: [{id, swedish, english}]. */
    actors() {
      actorsCache ??= raw.actorsText();
      return JSON.parse(actorsCache);
    },
    /** The version of the samkalk core inside. */
    version: raw.coreVersion(),
  };
}
