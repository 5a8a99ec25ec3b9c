// samkalk/analysis for Node (ES module): sensitivity and uncertainty analysis (docs/analysis.md)
// in its own .wasm (samkalk_analysis_bg.wasm), loaded synchronously by the glue on import.
import raw from './samkalk_analysis.js';
import { makeAnalysisApi, ScenarioError, AnalysisError, AnalysisCancelled } from './api.mjs';

const api = makeAnalysisApi(raw);
export const { analyse, analyseText, report, words, version } = api;
export { ScenarioError, AnalysisError, AnalysisCancelled };
export default api;
