// The browser tests' shared setup: the site's server and Chromium, the listeners that record
// what must not happen on a page (page errors, console errors, dialogs, requests that leave
// the test server), and a fresh page in its own context.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../server.mjs';
import { launch } from '../browser.mjs';

/** The wasm/ directory. */
export const WASM = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every kind of problem `watch` can record. */
export const ALL_PROBLEMS = ['pageerror', 'console', 'dialog', 'network'];

/** Starts the site's server (wasm/pkg/site) and Chromium: `{server, browser, close()}`. */
export async function startSite() {
  const server = await startServer(join(WASM, 'pkg', 'site'));
  let browser;
  try {
    browser = await launch();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Records on `problems` the kinds asked for: uncaught page errors, console errors, dialogs
 * (dismissed) and requests to anywhere but the test server (or a blob:). Returns the page.
 */
export function watch(page, problems, serverUrl, kinds = ALL_PROBLEMS) {
  if (kinds.includes('pageerror')) page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  if (kinds.includes('console')) page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  if (kinds.includes('dialog')) page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  if (kinds.includes('network')) {
    page.on('request', (r) => { if (!r.url().startsWith(serverUrl) && !r.url().startsWith('blob:')) problems.push(`network: ${r.url()}`); });
  }
  return page;
}

/**
 * A fresh page in its own context (Swedish locale, `width` × 900, and `options` for the
 * context), watched for `kinds`, loaded at index.html`query` and ready: `{p, close()}`.
 */
export async function openPage(site, problems, { width = 1280, query = '', options = {}, kinds = ALL_PROBLEMS } = {}) {
  const ctx = await site.browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE', ...options });
  const p = watch(await ctx.newPage(), problems, site.server.url, kinds);
  await p.goto(`${site.server.url}/index.html${query}`);
  await p.waitForSelector('body[data-ready="true"]');
  return { p, close: () => ctx.close() };
}
