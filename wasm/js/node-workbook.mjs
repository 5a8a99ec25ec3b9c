// samkalk/workbook for Node (ES module): the calculation as an Excel workbook (the core's writer
// and reader) in its own .wasm (samkalk_workbook_bg.wasm), loaded synchronously on import.
import raw from './samkalk_workbook.js';
import { makeWorkbookApi, ScenarioError } from './api.mjs';

const api = makeWorkbookApi(raw);
export const { workbook, calculateWorkbook, version } = api;
export { ScenarioError };
export default api;
