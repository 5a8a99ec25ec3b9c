// The public JS API of samkalk over the raw wasm-bindgen exports (see src/lib.rs): `makeApi`
// for the calculator module, `makeAnalysisApi` for the analysis module (samkalk/analysis).
// Shared by the web and node packages: `makeApi(raw, schemaText)` gets the initialised glue
// module and the scenario's JSON Schema (generated at build time by the CLI, `samkalk schema`,
// and shipped as text beside the .wasm: schemars would double the .wasm's size).
// This layer converts and reports; every figure comes from the Rust core.

/**
 * A scenario that cannot be calculated: `.errors` lists every fault as the core gives it,
 * `{path, code, params, context, message, message_sv, message_en}` (`message` is English; see
 * docs/method.md, "Fault codes"). The few faults this wrapper finds before the core sees the
 * input (no scenario, not serialisable, too long) have only `{path, message}`.
 */
export class ScenarioError extends Error {
  constructor(errors) {
    const list = Array.isArray(errors) ? errors : [];
    const summary = list.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    super(`invalid scenario: ${summary}`);
    this.name = 'ScenarioError';
    this.errors = list;
  }
}

/**
 * An analysis that cannot run: a fault of the scenario (`kind` "scenario", paths in the
 * scenario) or of the request (`kind` "analysis", paths in the request such as
 * `tornado.parameters[0].parameter`; the message starts with the scenario path concerned).
 * A subclass of ScenarioError, so one `catch` handles both.
 */
export class AnalysisError extends ScenarioError {
  constructor(kind, errors) {
    super(errors);
    const summary = this.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    this.message = `${kind === 'analysis' ? 'invalid analysis' : 'invalid scenario'}: ${summary}`;
    this.name = 'AnalysisError';
    this.kind = kind;
  }
}

/** The progress callback returned false: the analysis stopped. `.done` of `.total` units ran. */
export class AnalysisCancelled extends Error {
  constructor(done, total) {
    super(`the analysis was cancelled (${done} of ${total} done)`);
    this.name = 'AnalysisCancelled';
    this.errors = [];
    this.done = done;
    this.total = total;
  }
}

/**
 * Typed text that is not the number asked for (samkalk::present::InputError): `.code` is
 * stable (`missing`, `not_a_number`, `ambiguous_separator`, `too_many_decimals`,
 * `not_a_whole_number`, `too_large`); `.message` is Swedish, `.message_sv` and `.message_en`
 * are both languages, written by the core.
 */
export class InputError extends Error {
  constructor(code, messageSv, messageEn) {
    super(messageSv);
    this.name = 'InputError';
    this.code = code;
    this.message_sv = messageSv;
    this.message_en = messageEn;
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
function scenarioText(scenario, what = 'scenario') {
  let text;
  if (typeof scenario === 'string') {
    text = scenario;
  } else if (scenario === undefined) {
    return { errors: fault(`no ${what} given (undefined)`) };
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
    return { errors: fault(`${what} text is too long (${text.length} characters, at most ${MAX_SCENARIO_CHARS})`) };
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

/**
 * Runs an analysis through a raw export; a thrown `{"kind", "errors"}` text becomes
 * AnalysisError or AnalysisCancelled. With `reportLang` ("sv"/"en") it returns the core's
 * `{"result", "names", "table"}` text instead of the result JSON.
 */
function analyseRaw(raw, scenario, analysis, onProgress, pretty = false, reportLang = undefined) {
  if (onProgress !== undefined && onProgress !== null && typeof onProgress !== 'function') {
    throw new TypeError('onProgress must be a function (done, total) => boolean | void');
  }
  const s = scenarioText(scenario);
  if (s.errors) throw new AnalysisError('scenario', s.errors);
  const a = scenarioText(analysis, 'analysis');
  if (a.errors) throw new AnalysisError('analysis', a.errors);
  let last = [0, 0];
  let thrown;
  let threw = false;
  try {
    if (reportLang !== undefined) {
      if (!onProgress) return raw.analyseReportText(s.text, a.text, reportLang);
    } else if (!onProgress) {
      return raw.analyseText(s.text, a.text, pretty);
    }
    const run = reportLang !== undefined
      ? (cb) => raw.analyseReportProgressText(s.text, a.text, reportLang, cb)
      : (cb) => raw.analyseProgressText(s.text, a.text, pretty, cb);
    return run((done, total) => {
      last = [done, total];
      try {
        return onProgress(done, total) !== false;
      } catch (e) {
        threw = true;
        thrown = e;
        return false;
      }
    });
  } catch (e) {
    if (threw) throw thrown; // the callback's own exception, after the run has stopped
    if (typeof e !== 'string') throw e;
    let parsed;
    try {
      parsed = JSON.parse(e);
    } catch {
      parsed = { kind: 'analysis', errors: fault(e) };
    }
    if (parsed.kind === 'cancelled') throw new AnalysisCancelled(...last);
    throw new AnalysisError(parsed.kind, parsed.errors);
  }
}

/**
 * A state that extends a built-in one (docs/method.md, "Changing a built-in state"): the plain
 * fragment `{extends, label?, flows?, earnings?}` for a scenario's `states`, with methods (not
 * enumerable, so copies and JSON.stringify hold only the fragment) that return a new fragment,
 * checked by `check` (the core's judgement).
 */
function stateChange(fragment, check) {
  const s = { ...fragment };
  const next = (members) => stateChange(check({ ...s, ...members }), check);
  const kept = (old) => (old && !old.remove ? old : {});
  Object.defineProperties(s, {
    withFlow: { value: (label, fields) => next({ flows: { ...s.flows, [label]: { ...kept(s.flows?.[label]), ...fields } } }) },
    withoutFlow: { value: (label) => next({ flows: { ...s.flows, [label]: { remove: true } } }) },
    withEarnings: { value: (fields) => next({ earnings: { ...kept(s.earnings), ...fields } }) },
    withoutEarnings: { value: () => next({ earnings: { remove: true } }) },
    withLabel: { value: (label) => next({ label }) },
  });
  return s;
}

/** A language code for the core ("sv" or "en"); anything else is Swedish. */
const langCode = (lang) => (lang === 'en' ? 'en' : 'sv');

export function makeApi(raw, schemaText) {
  let defaultsCache;
  let actorsCache;
  const labelsCache = {};
  const format = (kind, x, lang) => call((v) => raw.formatText(kind, v, langCode(lang)), decimalText(x));
  /** `{value}` (exact decimal text) or `{error: InputError}` for typed Swedish input. */
  const parseInput = (kind, text) => {
    const r = JSON.parse(raw.parseText(kind, typeof text === 'string' ? text : String(text ?? '')));
    return r.code ? { error: new InputError(r.code, r.message_sv, r.message_en) } : { value: r.value };
  };
  const parseOrThrow = (kind, text) => {
    const r = parseInput(kind, text);
    if (r.error) throw r.error;
    return r.value;
  };
  return {
    ScenarioError,
    InputError,
    /** MODEL.md's result object for a scenario (object or JSON text); money as exact strings. */
    calculate(scenario) {
      return JSON.parse(withScenario(raw.calculateText, scenario));
    },
    /** The public sector as a whole (municipality, Arbetsförmedlingen, Försäkringskassan,
     * region, state), derived by the core: an actor's result object. */
    publicSector(scenario) {
      return JSON.parse(withScenario(raw.publicSectorText, scenario));
    },
    /** One calculation: `{result, publicSector}` (MODEL.md's result, the public sector's figures). */
    calculateWithPublicSector(scenario) {
      const both = JSON.parse(withScenario(raw.calculateWithPublicSectorText, scenario));
      return { result: both.result, publicSector: both.public_sector };
    },
    /** Every fault as [{path, message}]; [] when the scenario is valid. Never throws. */
    validate(scenario) {
      const { text, errors } = scenarioText(scenario);
      if (errors) return errors;
      return JSON.parse(raw.validateText(text));
    },
    /** Valid input that looks like a mistake, as [{path, code, params, message, message_sv,
     * message_en}] like the faults (docs/method.md, "Warning codes"); [] when there are none or
     * the scenario is invalid. Never throws. */
    warnings(scenario) {
      const { text, errors } = scenarioText(scenario);
      if (errors) return [];
      return JSON.parse(raw.warningsText(text));
    },
    /** The built-in parameter set: {price_year, tax, tax_sources, states}. A fresh copy. With
     * priceYear (method version 2) the states are restated to it by the prisbasbelopp. */
    defaults(priceYear) {
      if (priceYear !== undefined) return JSON.parse(call(raw.defaultsAtText, priceYear));
      defaultsCache ??= raw.defaultsText();
      return JSON.parse(defaultsCache);
    },
    /**
     * A state starting from the built-in state `extendsId` (`state("AM3").withFlow("Försörjningsstöd",
     * {amount: "138000"})`), for a scenario's `states`. The core judges each step: a name that
     * is not built in, a misspelt flow label or a wrong value throws its ScenarioError.
     */
    state(extendsId, options) {
      const check = (fragment) => {
        // As a state of a (version 2) scenario, under its own id, so that paths read states.AM3....
        const text = JSON.stringify({ version: 2, start_year: 2026, states: { [String(fragment.extends)]: fragment } });
        const errors = JSON.parse(raw.validateText(text));
        if (errors.length) throw new ScenarioError(errors);
        return fragment;
      };
      const fragment = { extends: extendsId };
      if (options?.label !== undefined) fragment.label = options.label;
      return stateChange(check(fragment), check);
    },
    /** The price years the built-in states can be restated to (the core's prisbasbelopp index). */
    priceYears() {
      return JSON.parse(raw.priceYearsText());
    },
    /** The municipalities' income tax rates: {year, source, national, municipalities}. */
    municipalities() {
      return JSON.parse(raw.municipalitiesText());
    },
    /** The JSON Schema (draft 2020-12) of a scenario. A fresh copy. */
    schema() {
      return JSON.parse(schemaText);
    },
    /** The result as tidy CSV: actor,year,gain,investment,net,cumulative_net (exact öre). */
    toCsv(scenario, options) {
      const lang = options?.lang ?? 'en';
      return withScenario((text) => raw.csvText(text, lang), scenario);
    },
    /**
     * The effect trace (method version 2): [{cohort, year, state, participants}], participants
     * an exact string with six decimals; per cohort, year and state, the mean persons the
     * intervention has moved there (the origin shows the rest).
     */
    trace(scenario) {
      return JSON.parse(withScenario(raw.traceText, scenario));
    },
    /**
     * The states a scenario uses, as the calculation sees them (its own, else the built-in one
     * restated to its price year): per state the flows its wage adds under the tax model, and
     * each actor's yearly net and cost per person (`{actor: exact string}`).
     */
    stateSummary(scenario) {
      return JSON.parse(withScenario(raw.stateSummaryText, scenario)).map((s) => ({
        ...s, net: Object.fromEntries(s.net), cost: Object.fromEntries(s.cost),
      }));
    },
    /** The effect trace as CSV: cohort,year,state,participants. */
    traceCsv(scenario) {
      return withScenario(raw.traceCsvText, scenario);
    },
    /** The core's readable Swedish report as plain text. */
    report(scenario) {
      return withScenario(raw.reportText, scenario);
    },
    /** Each cohort's break-even as sentences (Swedish, or `lang` "en"), with kind and share per actor. */
    breakEven(scenario, lang) {
      return JSON.parse(withScenario((text) => raw.breakEvenText(text, langCode(lang)), scenario));
    },
    /** Whole kronor: "1234567.49" → "1 234 567 kr" (en: "1,234,567 kr"). */
    kronor(amount, lang) {
      return format('kronor', amount, lang);
    },
    /** Kronor with öre: "35000.5" → "35 000,50 kr" (en: "35,000.50 kr"). */
    kronorOre(amount, lang) {
      return format('kronor_ore', amount, lang);
    },
    /** A share as a percentage with one decimal: "0.068345" → "6,8 %" (en: "6.8%"). */
    percent(share, lang) {
      return format('percent', share, lang);
    },
    /** A ratio (benefit-cost) with two decimals: "1.2345" → "1,23" (en: "1.23"). */
    ratio(x, lang) {
      return format('ratio', x, lang);
    },
    /** An amount rounded for a sentence: "3812345.67" → "3,8 miljoner kr" (en: "3.8 million kronor"). */
    roundedAmount(amount, lang) {
      return format('rounded', amount, lang);
    },
    /** Typed Swedish amount ("120 000 kr", "120.000", "35 000,50") → exact decimal text; throws InputError. */
    parseAmount(text) {
      return parseOrThrow('amount', text);
    },
    /** Typed Swedish percentage ("30 %", "12,5") → the share as exact decimal text ("0.3"); throws InputError. */
    parsePercent(text) {
      return parseOrThrow('percent', text);
    },
    /** Typed whole number ("1 200") → its decimal text ("1200"); throws InputError. */
    parseWhole(text) {
      return parseOrThrow('whole', text);
    },
    /** `parseAmount`/`parsePercent`/`parseWhole` by kind ("amount", "percent", "whole") without throwing: `{value}` or `{error}`. */
    parseInput(kind, text) {
      return parseInput(kind, text);
    },
    /** A decimal as a form field holds it, exactly (the inverse of parseInput): kind "amount" or "percent" (a share). */
    inputText(kind, x) {
      return call((v) => raw.inputText(kind, v), decimalText(x));
    },
    /** The core's warning when a comparison group is above the share reaching the target (valid, but a loss); null when none. */
    comparisonWarning(share, counterfactualShare, lang) {
      return raw.comparisonWarningText(decimalText(share), decimalText(counterfactualShare), langCode(lang)) ?? null;
    },
    /** The core's labels in a language: actors, society, public sector, result fields, break-even kinds, headings. */
    labels(lang) {
      const code = langCode(lang);
      labelsCache[code] ??= raw.labelsText(code);
      const l = JSON.parse(labelsCache[code]);
      return { ...l, actors: Object.fromEntries(l.actors), fields: Object.fromEntries(l.fields), break_even_kinds: Object.fromEntries(l.break_even_kinds), headings: Object.fromEntries(l.headings) };
    },
    /** The standard sensitivity request for a scenario: `{request, labels: [{parameter, what, low, high}]}`. */
    standardAnalysis(scenario, lang) {
      return JSON.parse(withScenario((text) => raw.standardAnalysisText(text, langCode(lang)), scenario));
    },
    /** Tornado order for one actor: `[[npv_low, npv_high], ...]` → `[{index, swing}]`, largest swing first. */
    tornadoOrder(pairs) {
      return JSON.parse(call(raw.tornadoOrderText, JSON.stringify(pairs.map(([low, high]) => [decimalText(low), decimalText(high)]))));
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

/** Today's date in the local calendar as YYYY-MM-DD (the date a workbook states). */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The workbook API over the workbook module's raw exports (samkalk_workbook.js). */
export function makeWorkbookApi(raw) {
  return {
    ScenarioError,
    /**
     * The calculation as an Excel workbook (Uint8Array of .xlsx bytes), written by the core:
     * `{lang: "sv" | "en", date: "YYYY-MM-DD"}` (defaults: Swedish, today). Faults throw
     * ScenarioError.
     */
    workbook(scenario, options) {
      const { text, errors } = scenarioText(scenario);
      if (errors) throw new ScenarioError(errors);
      const lang = options?.lang ?? 'sv';
      const date = options?.date ?? today();
      return call((t) => raw.workbookBytes(t, lang, date), text);
    },
    /** Calculates a workbook samkalk wrote (Uint8Array): the result object; faults name cells. */
    calculateWorkbook(bytes) {
      if (!(bytes instanceof Uint8Array)) throw new ScenarioError(fault('the workbook must be a Uint8Array of .xlsx bytes'));
      return JSON.parse(call(raw.calculateWorkbook, bytes));
    },
    /** The version of the samkalk core inside. */
    version: raw.coreVersion(),
  };
}

/** The analysis API over the analysis module's raw exports (samkalk_analysis.js). */
export function makeAnalysisApi(raw) {
  return {
    ScenarioError,
    AnalysisError,
    AnalysisCancelled,
    /**
     * Sensitivity and uncertainty analysis (docs/analysis.md): sweep, grid, tornado, switching
     * values and Monte Carlo on a scenario. Both arguments are objects or JSON text. Returns the
     * result object (money as exact strings). `onProgress(done, total)` is called at the start,
     * now and then (every 1,000 Monte Carlo draws) and at the end; returning false stops the
     * run with AnalysisCancelled. Faults throw AnalysisError (a ScenarioError).
     */
    analyse(scenario, analysis, options) {
      return JSON.parse(analyseRaw(raw, scenario, analysis, options?.onProgress));
    },
    /**
     * analyse() returning the result as JSON text: compact, or with `{pretty: true}` indented
     * byte for byte as `samkalk analyse` prints it. Exact even for seeds beyond 2^53.
     */
    analyseText(scenario, analysis, options) {
      return analyseRaw(raw, scenario, analysis, options?.onProgress, options?.pretty === true);
    },
    /**
     * analyse() with what people read, in one language (`{lang: "sv"}` by default, or "en"):
     * `{result, names, table}`: the result object, every parameter's name section by section
     * (the request's `label` in that language, else the core's words) and the core's readable
     * report, byte for byte `samkalk analyse --format table --lang`.
     */
    report(scenario, analysis, options) {
      return JSON.parse(analyseRaw(raw, scenario, analysis, options?.onProgress, false, langCode(options?.lang)));
    },
    /** The words of the analysis tables and charts in a language ("sv" or "en"), by key: the core's. */
    words(lang) {
      return JSON.parse(raw.analysisWordsText(langCode(lang)));
    },
    /** The version of the samkalk core inside. */
    version: raw.coreVersion(),
  };
}
