// Drives the council page in headless Chromium (Debian's, through playwright-core): loads it,
// changes inputs, checks every figure in the tables against the engine's result for the same
// scenario (node build), enters an invalid share and checks the message beside the field,
// checks the link, the CSV and the print view, and saves screenshots to wasm/test-output/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as engine from '../../pkg/node/index.mjs';
import { analyse } from '../../pkg/node/analysis.mjs';
import { startServer } from '../server.mjs';
import { launch } from '../browser.mjs';

const WASM = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(WASM, 'test-output');
mkdirSync(OUT, { recursive: true });

let server;
let browser;
let context;
let page;
const problems = [];

test.before(async () => {
  server = await startServer(join(WASM, 'pkg', 'site'));
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) problems.push(`network: ${r.url()}`); });
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

async function pageScenario() {
  return JSON.parse(await page.locator('#scenario-json').textContent());
}

/** Every figure the page shows, as {actor, field, year, value, text}. */
async function cells() {
  return page.$$eval('td[data-value]', (tds) => tds.map((td) => ({
    actor: td.dataset.actor, field: td.dataset.field, year: td.dataset.year ?? null, value: td.dataset.value, text: td.textContent,
  })));
}

/** Compares the page's tables with the engine's result for `scenario`. */
async function checkAgainstEngine(scenario) {
  const result = engine.calculate(scenario);
  const shown = await cells();
  const perYear = shown.filter((c) => c.year !== null);
  // 8 rows (7 actors + society) × 4 yearly series × years.
  assert.equal(perYear.length, 8 * 4 * result.years.length);
  for (const c of shown) {
    const r = c.actor === 'society' ? result.society : result.actors[c.actor];
    let expected;
    if (c.year !== null) expected = r[c.field][result.years.indexOf(Number(c.year))];
    else expected = r[c.field] ?? '';
    assert.equal(c.value, expected, `${c.actor} ${c.field} ${c.year ?? 'total'}`);
    if (c.field === 'benefit_cost_ratio') {
      assert.equal(c.text, expected === '' ? '–' : expected.replace('.', ','));
    } else {
      // The engine's Swedish formatting, with the unit ("kr") in the table's caption.
      assert.equal(c.text, engine.kronor(expected).replace(/ kr$/, ''), `${c.actor} ${c.field} ${c.year ?? 'total'} as shown`);
    }
  }
  // Break-even sentences: the engine's, word for word.
  const sentences = await page.$$eval('.break-even li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(sentences, engine.breakEven(scenario).flatMap((c) => c.sentences.map((s) => s.text)));
  // The chart: one line per actor and society.
  assert.equal(await page.locator('#diagram svg[role="img"] polyline').count(), 8);
  return result;
}

test('the page loads, in Swedish, with AM2 and AM3 from the defaults', async () => {
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  const d = engine.defaults();
  assert.equal(await page.locator('#am2-label').textContent(), d.states.AM2.label);
  assert.equal(await page.locator('#am3-label').textContent(), d.states.AM3.label);
  const scenario = await pageScenario();
  assert.deepEqual(scenario.cohorts.map((c) => [c.origin, c.outcomes[0].target]), [['AM2', 'work'], ['AM3', 'work']]);
  assert.equal(scenario.cohorts[0].participants, 20);
  assert.equal(scenario.cohorts[0].outcomes[0].share, '0.6');
  await checkAgainstEngine(scenario);
  assert.match(await page.locator('#sammanfattning').textContent(), /samhället/);
  assert.equal(await page.getAttribute('#sammanfattning-live', 'aria-live'), 'polite');
  await page.waitForFunction(() => document.getElementById('sammanfattning-live').textContent.length > 0);
});

/** Waits for the analysis of the page's current scenario; returns what the page ran and showed. */
async function analysisShown(afterRun = 0) {
  await page.waitForFunction((n) => {
    const s = document.getElementById('kanslighet');
    return s.dataset.state === 'done' && Number(s.dataset.run) > n;
  }, afterRun, { timeout: 60000 });
  return page.evaluate(() => ({
    ...window.samkalkAnalysis,
    run: Number(document.getElementById('kanslighet').dataset.run),
    formScenario: window.samkalkState.scenario,
    bars: document.querySelectorAll('#tornado svg[role="img"] .tornado-bar').length,
    barOrder: [...document.querySelectorAll('#tornado .tornado-bar')].map((g) => g.dataset.parameter),
    tableValues: [...document.querySelectorAll('#tornado-data td[data-npv]')].map((td) => td.dataset.npv),
    tableRows: document.querySelectorAll('#tornado-data tbody tr').length,
    probabilities: [...document.querySelectorAll('#sannolikhet li')].map((li) => ({
      actor: li.dataset.actor, value: li.dataset.value, who: li.querySelector('.who').textContent,
      pct: li.querySelector('.pct').textContent, note: li.querySelector('.note').textContent })),
    method: document.getElementById('sannolikhet-metod').textContent,
  }));
}

test('Känslighet och osäkerhet: a tornado and the probability of gaining, from the engine', async () => {
  const shown = await analysisShown();
  // The request is built from the form's scenario, and the page shows the engine's result for it.
  assert.deepEqual(shown.scenario, shown.formScenario);
  assert.deepEqual(analyse(shown.scenario, shown.request), shown.result, 'analyse() in Node gives what the page shows');
  const inPage = await page.evaluate(async ({ scenario, request }) => (await import('./pkg/analysis.js')).analyse(scenario, request), shown);
  assert.deepEqual(inPage, shown.result, 'and so does analyse() in the page');
  const tornado = shown.request.tornado.parameters;
  // Two groups × (share, retention, cost) + the wage of work + the discount rate.
  assert.equal(tornado.length, 8);
  assert.deepEqual(tornado.find((p) => p.parameter === 'cohorts[0].outcomes[0].share'), { parameter: 'cohorts[0].outcomes[0].share', low: '0.3', high: '0.9' });
  assert.deepEqual(tornado.find((p) => p.parameter === 'cohorts[1].intervention.cost_per_participant'), { parameter: 'cohorts[1].intervention.cost_per_participant', low: '67500', high: '112500' });
  assert.deepEqual(tornado.find((p) => p.parameter === 'discount_rate'), { parameter: 'discount_rate', low: '0', high: '0.035' });
  assert.equal(shown.bars, 8);
  assert.deepEqual(shown.barOrder, shown.result.tornado.rows.map((r) => r.parameter), 'sorted by society\'s swing');
  assert.equal(shown.tableRows, 8);
  assert.deepEqual(shown.tableValues, shown.result.tornado.rows.flatMap((r) => [r.npv_low.society, r.npv_high.society]));
  // Monte Carlo: seed and draws stated, 8 entries with percentages, the engine's probabilities.
  assert.equal(shown.request.monte_carlo.draws, 2000);
  assert.match(shown.method, /2\s000 gånger \(slumpfrö 2026/);
  assert.equal(shown.probabilities.length, 8);
  const stats = shown.result.monte_carlo.statistics;
  for (const p of shown.probabilities) {
    assert.match(p.pct, /^\d{1,3},\d %$/);
    assert.equal(p.value, stats[p.actor].probability_gain);
    assert.equal(p.pct, engine.percent(stats[p.actor].probability_gain));
  }
  assert.deepEqual(shown.probabilities.map((p) => p.who), engine.actors().map((a) => a.swedish));
  // Another actor: the bars re-sort by that actor's swing, the table follows.
  await page.selectOption('#tornado-aktor', 'municipality');
  assert.match(await page.locator('#tornado-data caption').textContent(), /^Kommunen/);
  const mun = await page.$$eval('#tornado-data td[data-npv]', (tds) => tds.map((td) => td.dataset.npv));
  const rows = [...shown.result.tornado.rows].map((r, i) => ({ r, i, s: Math.abs(Number(r.npv_high.municipality) - Number(r.npv_low.municipality)) }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  assert.deepEqual(mun, rows.flatMap(({ r }) => [r.npv_low.municipality, r.npv_high.municipality]));
  await page.selectOption('#tornado-aktor', 'society');
  const section = page.locator('#kanslighet');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: join(OUT, 'analysis.png') });

  // Typing recalculates at once; the analysis follows after the pause, for the new values.
  await page.fill('#am2_arbete', '20');
  assert.equal((await pageScenario()).cohorts[0].outcomes[0].share, '0.2');
  const again = await analysisShown(shown.run);
  assert.deepEqual(again.request.monte_carlo.parameters[0].distribution, { kind: 'triangular', low: '0.1', mode: '0.2', high: '0.3' });
  assert.deepEqual(analyse(again.scenario, again.request), again.result);
  assert.match(page.url(), /am2_arbete=20/);
  await page.fill('#am2_arbete', '60');
  await analysisShown(again.run);
});

test('changing inputs recalculates; the tables match the engine', async () => {
  await page.fill('#am2_n', '30');
  await page.fill('#am2_kostnad', '42 500');
  await page.fill('#am2_arbete', '55');
  await page.fill('#am2_jmf', '12,5');
  await page.fill('#am3_kvar', '80');
  await page.fill('#fin_kommun', '50');
  await page.fill('#fin_af', '25');
  await page.fill('#fin_region', '25');
  await page.fill('#ranta', '3,5');
  await page.fill('#horisont', '5');
  const scenario = await pageScenario();
  const c0 = scenario.cohorts[0];
  assert.equal(c0.participants, 30);
  assert.equal(c0.intervention.cost_per_participant, '42500');
  assert.equal(c0.outcomes[0].share, '0.55');
  assert.equal(c0.outcomes[0].counterfactual_share, '0.125');
  assert.equal(scenario.cohorts[1].outcomes[0].retention, '0.8');
  assert.deepEqual(c0.intervention.financing, { municipality: '0.5', employment_service: '0.25', social_insurance: '0', region: '0.25' });
  assert.equal(scenario.discount_rate, '0.035');
  assert.equal(scenario.horizon_years, 5);
  const result = await checkAgainstEngine(scenario);
  assert.equal(result.years.length, 5);
  assert.equal(await page.locator('body[data-state="valid"]').count(), 1);
});

test('an invalid share shows its message beside the field and keeps the last valid result', async () => {
  const before = await cells();
  const scenarioBefore = await pageScenario();
  // Share to work 130 % (a share of 1.3).
  await page.fill('#am2_arbete', '130');
  const error = page.locator('#am2_arbete-error');
  await error.waitFor({ state: 'visible' });
  const message = await error.textContent();
  assert.match(message, /mellan 0 och 100 %/);
  assert.equal(await page.getAttribute('#am2_arbete', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#am2_arbete', 'aria-describedby'), 'am2_arbete-error');
  // The engine reports the same field.
  assert.deepEqual(engine.validate({ ...scenarioBefore, cohorts: [{ ...scenarioBefore.cohorts[0], outcomes: [{ ...scenarioBefore.cohorts[0].outcomes[0], share: '1.3' }] }, scenarioBefore.cohorts[1]] }).map((e) => e.path), ['cohorts[0].outcomes[0].share']);
  assert.ok(await page.locator('#stale').isVisible());
  assert.deepEqual(await cells(), before, 'the last valid result stays visible');
  assert.match(page.url(), /am2_arbete=130/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'page-invalid-share.png'), clip: { x: 0, y: 0, width: 1280, height: 900 } });

  // Financing that does not add up: the message is on the financing group.
  await page.fill('#am2_arbete', '55');
  await page.fill('#fin_kommun', '60');
  await page.locator('#finansiering-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#finansiering-error').textContent(), /110 %/);
  await page.fill('#fin_kommun', '50');
  await page.locator('#finansiering-error').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#stale').isVisible(), false);
  assert.deepEqual(await cells(), before);
});

test('the scenario lives in the URL: a shared link restores it', async () => {
  const scenario = await pageScenario();
  const shared = await context.newPage();
  await shared.goto(page.url());
  await shared.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(JSON.parse(await shared.locator('#scenario-json').textContent()), scenario);
  await shared.close();
});

test('the table downloads as CSV, from the engine', async () => {
  const scenario = await pageScenario();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  assert.match(download.suggestedFilename(), /^samkalk-\d{4}-\d{4}\.csv$/);
  const path = join(OUT, download.suggestedFilename());
  await download.saveAs(path);
  assert.equal(readFileSync(path, 'utf8'), engine.toCsv(scenario, { lang: 'sv' }));
});

test('keyboard and screen reader: labels, headers, captions, focus', async () => {
  const unlabeled = await page.$$eval('input', (inputs) => inputs.filter((i) => !i.labels || i.labels.length === 0 || !i.labels[0].textContent.trim()).map((i) => i.id));
  assert.deepEqual(unlabeled, []);
  const tables = await page.$$eval('table', (ts) => ts.map((t) => ({ caption: !!t.caption?.textContent.trim(), th: t.querySelectorAll('th[scope]').length })));
  assert.ok(tables.length >= 9);
  for (const t of tables) assert.ok(t.caption && t.th > 0);
  // Tab from the top reaches the skip link, then the first checkbox and the inputs in order.
  await page.goto(page.url());
  await page.waitForSelector('body[data-ready="true"]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'am2');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'am2_n');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'visible focus');
  // Space on the checkbox turns a group off and on again, by keyboard.
  await page.focus('#am3');
  await page.keyboard.press('Space');
  assert.equal((await pageScenario()).cohorts.length, 1);
  await checkAgainstEngine(await pageScenario());
  await page.keyboard.press('Space');
  assert.equal((await pageScenario()).cohorts.length, 2);
});

test('screenshots (screen and print) and no network, no errors', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'page.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(OUT, 'page-print.png'), fullPage: true });
  assert.equal(await page.locator('#kalkyl').isVisible(), false, 'the form is not printed');
  assert.ok(await page.locator('#forutsattningar-text').isVisible(), 'the assumptions are printed');
  await page.pdf({ path: join(OUT, 'page.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
});

test('embedding: ?embed=1 drops the header, the custom element sizes its iframe', async () => {
  const p = await context.newPage();
  await p.goto(`${server.url}/embed-example.html`);
  const frame = p.frameLocator('samkalk-kalkyl iframe');
  await frame.locator('body[data-ready="true"]').waitFor();
  assert.equal(await frame.locator('.site-header').isVisible(), false);
  assert.equal(await frame.locator('#am2_n').inputValue(), '40');
  await p.waitForFunction(() => document.querySelector('samkalk-kalkyl iframe').getBoundingClientRect().height > 1500);
  await p.screenshot({ path: join(OUT, 'embed.png') });
  await p.close();
});
