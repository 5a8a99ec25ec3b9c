// samkalk for Node (ES module). The wasm-bindgen glue (CommonJS) loads the .wasm synchronously.
import raw from './samkalk_wasm.js';
import schemaText from './schema.mjs';
import { makeApi, ScenarioError, MAX_SCENARIO_CHARS } from './api.mjs';

const api = makeApi(raw, schemaText);
export const { calculate, validate, defaults, schema, toCsv, report, breakEven, kronor, percent, actors, version } = api;
export { ScenarioError, MAX_SCENARIO_CHARS };
export default api;
