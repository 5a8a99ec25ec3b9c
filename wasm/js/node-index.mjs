// samkalk for Node (ES module). The wasm-bindgen glue (CommonJS) loads the .wasm synchronously.
import raw from './samkalk_wasm.js';
import schemaText from './schema.mjs';
import { makeApi, ScenarioError, InputError, AnalysisError, AnalysisCancelled, MAX_SCENARIO_CHARS } from './api.mjs';

const api = makeApi(raw, schemaText);
export const { calculate, publicSector, calculateWithPublicSector, validate, warnings, defaults, state, municipalities, priceYears, schema, toCsv, trace, traceCsv, stateSummary, report, breakEven, kronor, kronorOre,
  percent, ratio, roundedAmount, parseAmount, parsePercent, parseWhole, parseInput, inputText, comparisonWarning, labels, standardAnalysis, tornadoOrder, actors,
  version } = api;
export { ScenarioError, InputError, AnalysisError, AnalysisCancelled, MAX_SCENARIO_CHARS };
/** The analysis module (samkalk/analysis: analyse, analyseText), loaded on first use. */
export const loadAnalysis = () => import('./analysis.mjs');
export default { ...api, loadAnalysis };
