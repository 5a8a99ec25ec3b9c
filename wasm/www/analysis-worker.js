// The council page's analysis runs here, off the main thread, so typing never waits for it.
// Messages in: {id, scenario, request}; out: {id, progress: [done, total]}, {id, result} or
// {id, error: {name, kind, errors, message}}. The page terminates the worker to drop a run
// that a newer form state has made stale.
// The handler is set at once and the module (whose .wasm loads asynchronously) imported inside
// it: a message that arrived while a static import was still loading would find no handler.
const loading = import('./pkg/analysis.js');

self.onmessage = async ({ data: { id, scenario, request } }) => {
  let last = 0;
  let analyse;
  try {
    ({ analyse } = await loading);
  } catch {
    self.postMessage({ id, unavailable: true }); // the page then runs it itself
    return;
  }
  try {
    const result = analyse(scenario, request, {
      onProgress(done, total) {
        const now = performance.now();
        if (done === total || now - last > 100) {
          last = now;
          self.postMessage({ id, progress: [done, total] });
        }
      },
    });
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name, kind: e?.kind, errors: e?.errors ?? [], message: String(e?.message ?? e) } });
  }
};
