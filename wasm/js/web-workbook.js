// samkalk/workbook for browsers: the calculation as an Excel workbook (the core's writer and
// reader) in its own .wasm (samkalk_workbook_bg.wasm), ready on import. Import it lazily where a
// workbook is wanted (the page does so on "Ladda ner Excel"); the calculator does not need it.
import init, * as raw from './samkalk_workbook.js';
import { makeWorkbookApi, ScenarioError } from './api.js';

await init({ module_or_path: new URL('./samkalk_workbook_bg.wasm', import.meta.url) });

const api = makeWorkbookApi(raw);
export const { workbook, calculateWorkbook, version } = api;
export { ScenarioError };
export default api;
