// samkalk/analysis for browsers: sensitivity and uncertainty analysis (docs/analysis.md) in its
// own .wasm (samkalk_analysis_bg.wasm, loaded next to this file), ready on import. Import it
// where it is used (the council page does so in a Web Worker); the calculator does not need it.
import init, * as raw from './samkalk_analysis.js';
import { makeAnalysisApi, ScenarioError, AnalysisError, AnalysisCancelled } from './api.js';

await init({ module_or_path: new URL('./samkalk_analysis_bg.wasm', import.meta.url) });

const api = makeAnalysisApi(raw);
export const { analyse, analyseText, report, words, version } = api;
export { ScenarioError, AnalysisError, AnalysisCancelled };
export default api;
