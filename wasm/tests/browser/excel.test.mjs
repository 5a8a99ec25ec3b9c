// "Ladda ner Excel" in headless Chromium: the workbook module is not fetched when the page loads,
// only on the first click; the download is an .xlsx whose scenario, read back by the node build's
// workbook module, gives the engine's result for the page's scenario.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as engine from '../../pkg/node/index.mjs';
import { calculateWorkbook } from '../../pkg/node/workbook.mjs';
import { startSite, watch } from './setup.mjs';

test('Ladda ner Excel loads the workbook module lazily and downloads a workbook that recomputes', async () => {
  const site = await startSite();
  const { server, browser } = site;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'sv-SE' });
    const problems = [];
    const fetched = [];
    const page = watch(await context.newPage(), problems, server.url, ['pageerror']);
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector('td[data-value]');
    assert.ok(!fetched.some((u) => u.includes('samkalk_workbook')), 'the workbook module is not loaded with the page');
    const scenario = JSON.parse(await page.locator('#scenario-json').textContent());
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#excel')]);
    assert.match(download.suggestedFilename(), /^samkalk-\d{4}-\d{4}\.xlsx$/);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    assert.deepEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.deepEqual(calculateWorkbook(bytes), engine.calculate(scenario));
    assert.ok(fetched.some((u) => u.includes('samkalk_workbook_bg.wasm')), 'fetched on the click');
    assert.equal(await page.locator('#excel-status').textContent(), '');
    assert.deepEqual(problems, []);
  } finally {
    await site.close();
  }
});
