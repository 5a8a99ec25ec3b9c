// samkalk for browsers: an ES module, ready on import (top-level await loads the .wasm next
// to this file). No network beyond that one file.
import init, * as raw from './samkalk_wasm.js';
import schemaText from './schema.js';
import { makeApi, ScenarioError, InputError, AnalysisError, AnalysisCancelled, MAX_SCENARIO_CHARS } from './api.js';

await init({ module_or_path: new URL('./samkalk_wasm_bg.wasm', import.meta.url) });

const api = makeApi(raw, schemaText);
export const { calculate, publicSector, calculateWithPublicSector, validate, warnings, defaults, state, municipalities, priceYears, schema, toCsv, trace, traceCsv, stateSummary, report, breakEven, kronor, kronorOre,
  percent, ratio, roundedAmount, parseAmount, parsePercent, parseWhole, parseInput, inputText, comparisonWarning, labels, standardAnalysis, tornadoOrder, actors,
  version } = api;
export { ScenarioError, InputError, AnalysisError, AnalysisCancelled, MAX_SCENARIO_CHARS };
/** The analysis module (samkalk/analysis: analyse, analyseText), loaded on first use. */
export const loadAnalysis = () => import('./analysis.js');
export default { ...api, loadAnalysis };
