// Drives the council page in headless Chromium (Debian's, through playwright-core): loads it,
// changes inputs, checks every figure in the tables against the engine's result for the same
// scenario (node build), enters an invalid share and checks the message beside the field,
// checks the link, the CSV and the print view, and saves screenshots to wasm/test-output/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as engine from '../../pkg/node/index.mjs';
import { analyse } from '../../pkg/node/analysis.mjs';
import { WASM, openPage, startSite, watch } from './setup.mjs';

const OUT = join(WASM, 'test-output');
mkdirSync(OUT, { recursive: true });

let site;
let server;
let browser;
let context;
let page;
const problems = [];

test.before(async () => {
  site = await startSite();
  ({ server, browser } = site);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'sv-SE' });
  page = watch(await context.newPage(), problems, server.url, ['pageerror', 'console', 'network']);
});

test.after(async () => {
  await site?.close();
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
  const publicSector = engine.publicSector(scenario);
  const shown = await cells();
  const perYear = shown.filter((c) => c.year !== null);
  // 8 rows (7 actors + society) × 4 yearly series × years.
  assert.equal(perYear.length, 8 * 4 * result.years.length);
  for (const c of shown) {
    const r = c.actor === 'society' ? result.society : c.actor === 'public_sector' ? publicSector : result.actors[c.actor];
    let expected;
    if (c.year !== null) expected = r[c.field][result.years.indexOf(Number(c.year))];
    else expected = r[c.field] ?? '';
    assert.equal(c.value, expected, `${c.actor} ${c.field} ${c.year ?? 'total'}`);
    if (c.field === 'benefit_cost_ratio') {
      // The core's ratio format: two decimals, a decimal comma.
      assert.equal(c.text, expected === '' ? '–' : engine.ratio(expected));
      if (expected !== '') assert.match(c.text, /^-?\d+,\d\d$/);
    } else {
      // The engine's Swedish formatting, with the unit ("kr") in the table's caption.
      assert.equal(c.text, engine.kronor(expected).replace(/ kr$/, ''), `${c.actor} ${c.field} ${c.year ?? 'total'} as shown`);
    }
  }
  // The public sector's row, just above society's, named by the core; its figures (checked
  // above with the rest) are the engine's public-sector result in the core's formatting.
  const overviewRows = await page.$$eval('#oversikt-tabell tbody th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(overviewRows.slice(-2), [engine.labels('sv').public_sector, engine.actors().find((a) => a.id === 'society').swedish]);
  const discounted = /[1-9]/.test(String(scenario.discount_rate ?? '0'));
  const headline = discounted ? 'npv' : 'total_net';
  const shownPublic = shown.find((c) => c.actor === 'public_sector' && c.field === headline);
  assert.equal(shownPublic.text, engine.kronor(publicSector[headline]).replace(/ kr$/, ''));
  if (discounted) assert.equal(shownPublic.value, publicSector.npv);
  const summary = (await page.locator('#sammanfattning').textContent()).replace(/\u00a0/g, ' ');
  assert.ok(summary.includes(`${engine.labels('sv').public_sector} som helhet`), summary);
  assert.ok(summary.includes(engine.roundedAmount(publicSector[headline])), summary);
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
    odds: [...document.querySelectorAll('#oddsen li')].map((li) => ({ actor: li.dataset.actor, text: li.textContent })),
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
  assert.match(shown.method, /2\s000 gånger/);
  assert.match(shown.method, /slumpfrö 2026\)/);
  // Also drawn: how many stay in work and the comparison group, and the page says so in the core's words.
  assert.deepEqual(shown.request.monte_carlo.parameters.map((p) => p.parameter).filter((p) => /retention|counterfactual/.test(p)), [
    'cohorts[0].outcomes[0].retention', 'cohorts[0].outcomes[0].counterfactual_share',
    'cohorts[1].outcomes[0].retention', 'cohorts[1].outcomes[0].counterfactual_share',
  ]);
  assert.equal(shown.method, engine.standardAnalysis(shown.scenario, 'sv').method);
  assert.match(shown.method, /kvar i arbete varje år/);
  assert.match(shown.method, /jämförelsegruppen/);
  assert.equal(shown.probabilities.length, 8);
  const stats = shown.result.monte_carlo.statistics;
  const unaffected = (id) => stats[id].min === '0.00' && stats[id].max === '0.00';
  assert.ok(unaffected('employer'), 'the example leaves the employer untouched');
  for (const p of shown.probabilities) {
    assert.equal(p.value, stats[p.actor].probability_gain);
    if (unaffected(p.actor)) {
      // Not affected is said as such, never as a 100 % chance of gaining.
      assert.equal(p.pct, 'berörs inte');
    } else {
      assert.match(p.pct, /^\d{1,3},\d %$/);
      assert.equal(p.pct, engine.percent(stats[p.actor].probability_gain));
    }
  }
  // One plain sentence per actor at the top of the section.
  assert.deepEqual(shown.odds, engine.actors().map((a) => ({
    actor: a.id,
    text: unaffected(a.id) ? `${a.swedish} berörs inte.` : `${a.swedish} går plus i ${engine.percent(stats[a.id].probability_gain)} av fallen.`,
  })));
  assert.deepEqual(shown.probabilities.map((p) => p.who), engine.actors().map((a) => a.swedish));
  // Another actor: the bars re-sort by that actor's swing, the table follows.
  await page.selectOption('#tornado-aktor', 'municipality');
  assert.match(await page.locator('#tornado-data caption').textContent(), /^Kommunen/);
  const mun = await page.$$eval('#tornado-data td[data-npv]', (tds) => tds.map((td) => td.dataset.npv));
  const rows = [...shown.result.tornado.rows].map((r, i) => ({ r, i, s: Math.abs(Number(r.npv_high.municipality) - Number(r.npv_low.municipality)) }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  assert.deepEqual(mun, rows.flatMap(({ r }) => [r.npv_low.municipality, r.npv_high.municipality]));
  await page.selectOption('#tornado-aktor', 'society');
  const clipped = await page.$$eval('#sannolikhet .pct', (es) => es.filter((e) => e.scrollWidth > e.clientWidth + 0.5).map((e) => e.textContent));
  assert.deepEqual(clipped, [], 'no percentage or "berörs inte" clipped');
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
  // The core's Swedish message, read for a field typed in percent.
  assert.equal(message, 'måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)');
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
  assert.equal(
    await page.locator('#finansiering-error').textContent(),
    'finansieringsandelarna måste summera till exakt 1 (100 %), summan är 1,1 (110 %)',
  );
  await page.fill('#fin_kommun', '50');
  await page.locator('#finansiering-error').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#stale').isVisible(), false);
  assert.deepEqual(await cells(), before);
});

test('typed numbers are read by the core: thousands, units, and no silent defaults', async () => {
  const before = await cells();
  const typed = {};
  for (const id of ['am2_kostnad', 'am2_arbete', 'am2_jmf', 'am2_kvar']) typed[id] = await page.inputValue(`#${id}`);
  // "120.000" is 120 000 (a dot before exactly three digits separates thousands), "120 000 kr"
  // and "30 %" as people type them.
  await page.fill('#am2_kostnad', '120.000');
  await page.waitForFunction(() => window.samkalkState.scenario.cohorts[0].intervention.cost_per_participant === '120000');
  await page.fill('#am2_kostnad', '120 000 kr');
  await page.fill('#am2_arbete', '30 %');
  await page.waitForFunction(() => window.samkalkState.scenario.cohorts[0].outcomes[0].share === '0.3');
  let scenario = await pageScenario();
  assert.equal(scenario.cohorts[0].intervention.cost_per_participant, '120000');
  await checkAgainstEngine(scenario);
  const valid = await cells();

  // "120.00" is ambiguous: a message at the field naming both spellings, and no new result.
  await page.fill('#am2_kostnad', '120.00');
  const costError = page.locator('#am2_kostnad-error');
  await costError.waitFor({ state: 'visible' });
  assert.match(await costError.textContent(), /"120,00".*"120 000"/);
  assert.equal(await page.getAttribute('#am2_kostnad', 'aria-invalid'), 'true');
  assert.equal(await page.locator('body[data-state="invalid"]').count(), 1);
  assert.ok(await page.locator('#stale').isVisible());
  assert.deepEqual(await cells(), valid, 'no result for the ambiguous value');

  // Empty fields are faults at those fields ("Fyll i ett värde."), never 0 kr, 0 % or 100 %.
  await page.fill('#am2_kostnad', '');
  await page.fill('#am2_jmf', '');
  await page.fill('#am2_kvar', '');
  for (const id of ['am2_kostnad', 'am2_jmf', 'am2_kvar']) {
    assert.equal(await page.locator(`#${id}-error`).textContent(), 'Fyll i ett värde.', id);
    assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', id);
  }
  assert.equal(await page.locator('#form-status').textContent(), '3 värden behöver rättas.');
  assert.deepEqual(await cells(), valid, 'no result for empty fields');

  // Back to the example's values: the result is the engine's again.
  for (const [id, text] of Object.entries(typed)) await page.fill(`#${id}`, text);
  await page.waitForSelector('body[data-state="valid"]');
  await checkAgainstEngine(await pageScenario());
  assert.deepEqual(await cells(), before, 'the same result as before');
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
  assert.ok(await page.locator('#forutsattningar').isVisible(), 'the assumptions are printed');
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

// ---------------------------------------------------------------------------------------------
// Issue 11: the page never shows a wrong number. Each test opens its own page.

/** A fresh page (own context) at `width`, loaded at `query`, ready. */
function freshPage(width = 1280, query = '') {
  return openPage(site, problems, { width, query, kinds: ['pageerror', 'console'] });
}

const figures = (p) => p.$$eval('td[data-value]', (tds) => tds.map((td) => `${td.dataset.actor} ${td.dataset.field} ${td.dataset.year} ${td.dataset.value}`));
const visibleErrors = (p) => p.$$eval('#kalkyl .error', (es) => es.filter((e) => !e.hidden).map((e) => e.id));

/** Screenshots of a state at 1280 px (the viewport) and 360 px (the element in view). */
async function shots(p, name, focus) {
  await p.setViewportSize({ width: 1280, height: 900 });
  await p.evaluate(() => window.scrollTo(0, 0));
  if (focus) await p.locator(focus).first().scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(OUT, `${name}-1280.png`) });
  await p.setViewportSize({ width: 360, height: 800 });
  if (focus) await p.locator(focus).first().scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(OUT, `${name}-360.png`) });
  await p.setViewportSize({ width: 1280, height: 900 });
}

test('an empty field is a fault at the field, never a default; the old result is dimmed and marked', async () => {
  const { p, close } = await freshPage();
  const before = await figures(p);
  const summaryBefore = await p.locator('#sammanfattning').textContent();
  // field → the scenario path the core reports for it (the group's first cohort is AM2).
  const cases = {
    am2_kostnad: 'cohorts[0].intervention.cost_per_participant',
    am2_jmf: 'cohorts[0].outcomes[0].counterfactual_share',
    am2_kvar: 'cohorts[0].outcomes[0].retention',
    am2_man: 'cohorts[0].intervention.duration_months',
    am2_n: 'cohorts[0].participants',
    horisont: 'horizon_years',
    ar: 'start_year',
    ranta: 'discount_rate',
  };
  for (const [field] of Object.entries(cases)) {
    const value = await p.inputValue(`#${field}`);
    await p.fill(`#${field}`, '');
    const error = p.locator(`#${field}-error`);
    await error.waitFor({ state: 'visible' });
    assert.ok((await error.textContent()).trim().length > 0, `${field}: a message at the field`);
    assert.equal(await p.getAttribute(`#${field}`, 'aria-invalid'), 'true');
    assert.deepEqual(await visibleErrors(p), [`${field}-error`], `${field}: the only message`);
    // The core's parser refuses the empty text at the field ("missing"), before any default
    // could fill it in; nothing is calculated from it.
    const sent = await p.evaluate(() => window.samkalkInput);
    assert.deepEqual(sent.errors.map((e) => [e.field, e.code]), [[field, 'missing']], field);
    // No result for the empty value: the figures are the last valid ones, dimmed and marked.
    assert.deepEqual(await figures(p), before, `${field}: no new result`);
    assert.equal(await p.locator('#sammanfattning').textContent(), summaryBefore);
    assert.ok(await p.locator('#stale').isVisible());
    assert.match(await p.locator('#stale').textContent(), /gäller inte de nuvarande värdena/);
    assert.equal(await p.getAttribute('#resultat', 'data-stale'), '');
    assert.ok(Number(await p.$eval('#resultat-innehall', (e) => getComputedStyle(e).opacity)) < 0.6, 'dimmed');
    assert.equal(await p.locator('#form-status').textContent(), 'Ett värde behöver rättas.');
    assert.equal(await p.isDisabled('#csv'), true, 'no CSV of an old result');
    if (field === 'am2_kostnad') await shots(p, 'fixed-empty-cost', '#am2_kostnad');
    await p.fill(`#${field}`, value);
    await error.waitFor({ state: 'hidden' });
  }
  assert.equal(await p.locator('#stale').isVisible(), false);
  assert.equal(await p.getAttribute('#resultat', 'data-stale'), null);
  assert.deepEqual(await figures(p), before);

  // Two fields wrong: the banner counts the fields with a message, and says so in print too.
  await p.fill('#am2_kostnad', '');
  await p.fill('#am3_arbete', '130');
  await p.locator('#am3_arbete-error').waitFor({ state: 'visible' });
  assert.equal((await visibleErrors(p)).length, 2);
  assert.equal(await p.locator('#form-status').textContent(), '2 värden behöver rättas.');
  await p.emulateMedia({ media: 'print' });
  assert.ok(await p.locator('#stale').isVisible(), 'a printout of an old result says so');
  await p.emulateMedia({ media: 'screen' });
  // Financing that does not add up is one message for the group, however many cohorts.
  await p.fill('#am2_kostnad', '35 000');
  await p.fill('#am3_arbete', '40');
  await p.fill('#fin_kommun', '90');
  await p.locator('#finansiering-error').waitFor({ state: 'visible' });
  const shown = await visibleErrors(p);
  assert.ok(shown.length >= 1);
  assert.equal(await p.locator('#form-status').textContent(), shown.length === 1 ? 'Ett värde behöver rättas.' : `${shown.length} värden behöver rättas.`);
  await close();
});

test('a link with an empty field opens with the message and no result at all', async () => {
  const { p, close } = await freshPage(1280, '?am3_kvar=');
  await p.locator('#am3_kvar-error').waitFor({ state: 'visible' });
  assert.equal(await p.getAttribute('#am3_kvar', 'aria-invalid'), 'true');
  assert.equal(await p.locator('#resultat-innehall').isVisible(), false, 'no result for values that are not valid');
  assert.match(await p.locator('#stale').textContent(), /Inget resultat ännu/);
  assert.deepEqual(await figures(p), []);
  await p.fill('#am3_kvar', '85');
  await p.locator('#resultat-innehall').waitFor({ state: 'visible' });
  assert.equal(await p.locator('#stale').isVisible(), false);
  await close();
});

test('no group chosen: the page says so instead of an empty chart and tables', async () => {
  const { p, close } = await freshPage();
  await p.uncheck('#am2');
  await p.uncheck('#am3');
  await p.locator('#inga-grupper').waitFor({ state: 'visible' });
  assert.match(await p.locator('#inga-grupper').textContent(), /Välj minst en grupp/);
  assert.ok(await p.locator('#inga-grupper-form').isVisible(), 'said at the form too');
  assert.equal(await p.locator('#resultat-innehall').isVisible(), false);
  assert.equal(await p.locator('#diagram svg[role="img"]').isVisible(), false, 'no empty chart');
  assert.equal(await p.locator('#tabeller table').first().isVisible(), false, 'no tables');
  assert.equal(await p.getAttribute('body', 'data-state'), 'empty');
  await shots(p, 'fixed-no-group', '#inga-grupper');
  await p.check('#am3');
  await p.locator('#resultat-innehall').waitFor({ state: 'visible' });
  assert.equal(await p.locator('#inga-grupper').isVisible(), false);
  const scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  assert.deepEqual(scenario.cohorts.map((c) => c.origin), ['AM3']);
  const result = engine.calculate(scenario);
  assert.equal(await p.getAttribute('td[data-actor="society"][data-field="total_net"]:not([data-year])', 'data-value'), result.society.total_net);
  await close();
});

test('a comparison group above the share reaching work: a warning at the field, and the result', async () => {
  const { p, close } = await freshPage();
  await p.fill('#am2_jmf', '70'); // 60 % reach work with the intervention, 70 % would without
  const warning = p.locator('#am2_jmf-warning');
  await warning.waitFor({ state: 'visible' });
  const text = await warning.textContent();
  assert.match(text, /70,0 %/);
  assert.match(text, /60,0 %/);
  assert.match(text, /håller deltagare borta från arbete/);
  assert.match(text, /förlust/);
  assert.equal(await p.getAttribute('#am2_jmf', 'aria-describedby'), 'am2_jmf-warning');
  assert.equal(await p.getAttribute('#am2_jmf', 'aria-invalid'), null, 'a warning, not a fault');
  assert.deepEqual(await visibleErrors(p), []);
  // The result is shown, for these values.
  assert.equal(await p.getAttribute('body', 'data-state'), 'valid');
  assert.equal(await p.locator('#stale').isVisible(), false);
  const scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  assert.equal(scenario.cohorts[0].outcomes[0].counterfactual_share, '0.7');
  const result = engine.calculate(scenario);
  const net = await p.getAttribute('td[data-actor="society"][data-field="total_net"]:not([data-year])', 'data-value');
  assert.equal(net, result.society.total_net);
  await shots(p, 'fixed-comparison-warning', '#am2_jmf');
  // Equal shares: no warning (nothing is lost, nothing gained).
  await p.fill('#am2_jmf', '60');
  await warning.waitFor({ state: 'hidden' });
  assert.equal(await p.getAttribute('#am2_jmf', 'aria-describedby'), null);
  await close();
});

test('one headline figure: the present value when the discount rate is above 0, labelled; every loser named', async () => {
  const { p, close } = await freshPage();
  const nb = (t) => t.replace(/\u00a0/g, ' ');
  // Rate 0: the net, no word of present value.
  let scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  let result = engine.calculate(scenario);
  let summary = nb(await p.locator('#sammanfattning').textContent());
  assert.ok(summary.includes(engine.roundedAmount(result.society.total_net)), summary);
  assert.doesNotMatch(summary, /nuvärde/);
  assert.deepEqual(await p.$$eval('#oversikt-tabell thead th', (ths) => ths.map((t) => t.textContent)),
    ['Aktör', 'Investering', 'Vinst', 'Netto', 'Återbetalningsår', 'Nytta per investerad krona']);
  // 3,5 %: the summary gives the present value and says so; the overview labels both columns.
  await p.fill('#ranta', '3,5');
  await p.waitForFunction(() => document.getElementById('sammanfattning').textContent.includes('nuvärde'));
  scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  result = engine.calculate(scenario);
  assert.notEqual(result.society.npv, result.society.total_net);
  summary = nb(await p.locator('#sammanfattning').textContent());
  assert.ok(summary.includes(`${engine.roundedAmount(result.society.npv)} räknat i nuvärde (diskonteringsränta 3,5 % per år)`), summary);
  assert.ok(!summary.includes(engine.roundedAmount(result.society.total_net)), 'not the undiscounted net beside it, unlabelled');
  const heads = await p.$$eval('#oversikt-tabell thead th', (ths) => ths.map((t) => [t.textContent, t.classList.contains('headline')]));
  assert.deepEqual(heads, [['Aktör', false], ['Investering', false], ['Vinst', false], ['Netto, ej diskonterat', false], ['Nuvärde av nettot', true], ['Återbetalningsår', false], ['Nytta per investerad krona', false]]);
  await shots(p, 'fixed-discounted-headline', '#sammanfattning');
  // A case where several actors lose: every one is named, with its present value; no other is.
  await p.fill('#fin_kommun', '40');
  await p.fill('#fin_af', '30');
  await p.fill('#fin_region', '30');
  await p.fill('#am2_arbete', '12');
  await p.fill('#am3_arbete', '6');
  await p.waitForFunction(() => document.getElementById('sammanfattning').textContent.includes('Med förlust'));
  scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  result = engine.calculate(scenario);
  summary = nb(await p.locator('#sammanfattning').textContent());
  const losers = engine.actors().filter((a) => a.id !== 'society' && result.actors[a.id].npv.startsWith('-'));
  assert.ok(losers.length >= 2, `several losers in this case: ${losers.map((a) => a.id)}`);
  const part = summary.slice(summary.indexOf('Med förlust'));
  for (const a of engine.actors().filter((x) => x.id !== 'society')) {
    const named = part.includes(a.swedish);
    assert.equal(named, losers.some((l) => l.id === a.id), `${a.swedish} named as a loser: ${part}`);
    if (named) assert.ok(part.includes(`${a.swedish} (${engine.roundedAmount(result.actors[a.id].npv)})`), part);
  }
  await shots(p, 'fixed-losers-named', '#sammanfattning');
  await close();
});

test('the labels say what the model does', async () => {
  const { p, close } = await freshPage();
  await p.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const text = await p.evaluate(() => document.body.innerText);
  const labels = await p.$$eval('label', (ls) => ls.map((l) => l.textContent.replace(/\u00ad/g, '').trim()));
  assert.ok(labels.includes('Kvar i arbete, varje år %'));
  assert.ok(labels.includes('Antal år'), 'not "Antal år år"');
  assert.match(await p.locator('#grupp-help').textContent(), /används varje år, så vinsten minskar år för år/);
  assert.doesNotMatch(text, /Återbetald år|Kumulativt|Antal år år|Osubventionerat instegsjobb/);
  assert.match(text, /Återbetalningsår/);
  assert.match(text, /Ett vanligt arbete utan lönestöd/, 'work is not called a (subsidised) instegsjobb');
  assert.match(text, /AM1 kan gå direkt till Arbetsförmedlingen/);
  assert.match(await p.locator('#om').textContent(), /KNUT/);
  assert.match(await p.locator('#period-help').textContent(), /nuvärde/);
  assert.deepEqual(await p.$$eval('#tabeller tbody th', (ths) => [...new Set(ths.map((t) => t.textContent))]), ['Vinst', 'Investering', 'Netto', 'Ackumulerat netto']);
  await close();
});

test('360 px wide: nothing overflows, the title fits, every table cell can be reached, chart text stays readable', async () => {
  const { p, close } = await freshPage(360);
  await p.waitForFunction(() => document.getElementById('kanslighet').dataset.state === 'done', null, { timeout: 60000 });
  const layout = await p.evaluate(() => {
    const h1 = document.querySelector('h1');
    return { width: document.documentElement.scrollWidth, h1: [h1.scrollWidth, h1.clientWidth, h1.getBoundingClientRect().right] };
  });
  assert.ok(layout.width <= 360, `document ${layout.width} px wide`);
  // "berörs inte" (and every percentage) fits its column, unclipped.
  const pcts = await p.$$eval('#sannolikhet .pct', (es) => es.map((e) => [e.textContent, e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right, e.closest('li').getBoundingClientRect().right]));
  assert.ok(pcts.some(([t]) => t === 'berörs inte'));
  for (const [t, sw, cw, right, liRight] of pcts) assert.ok(sw <= cw + 0.5 && right <= liRight + 0.5, `${t}: ${sw} > ${cw} or ${right} > ${liRight}`);
  assert.ok(layout.h1[0] <= layout.h1[1] && layout.h1[2] <= 360, `title ${layout.h1}`);
  // Open the details so their tables count too.
  await p.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await p.waitForTimeout(100);
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 360);
  const tables = await p.$$eval('table', (ts) => ts.filter((t) => t.offsetParent).map((t) => {
    const box = t.closest('.table-scroll');
    const cells = [...t.querySelectorAll('td, th')];
    if (box) box.scrollLeft = box.scrollWidth;
    const right = Math.max(...cells.map((c) => c.getBoundingClientRect().right));
    const r = { id: t.id || t.dataset.actor || t.caption?.textContent, right, inBox: !!box,
      overflow: box ? box.hasAttribute('data-overflow') : false, tabindex: box?.getAttribute('tabindex'), label: box?.getAttribute('aria-label'),
      hint: !!box?.querySelector('.scroll-hint') && box.querySelector('.scroll-hint').offsetParent !== null };
    if (box) box.scrollLeft = 0;
    return r;
  }));
  assert.ok(tables.length >= 10);
  for (const t of tables) {
    assert.ok(t.right <= 360 + 0.5, `${t.id}: the last cell can be brought into view (${t.right})`);
    if (t.overflow) {
      assert.equal(t.tabindex, '0', `${t.id}: its scroll area takes keyboard focus`);
      assert.ok(t.label && t.label.length > 5, `${t.id}: the scroll area has a name`);
      assert.ok(t.hint, `${t.id}: says it scrolls`);
    }
  }
  assert.ok(tables.some((t) => t.overflow), 'at 360 px some tables scroll');
  // By keyboard: focus a scrolling table and move right with the arrow key.
  const box = p.locator('#tabeller .table-scroll[data-overflow]').first();
  await box.focus();
  await p.keyboard.press('End');
  await p.keyboard.press('ArrowRight');
  await p.keyboard.press('ArrowRight');
  // Scrolling may be smooth: wait (up to 3 s) for the scroll position to move.
  const scrolled = await box.evaluate((b) => new Promise((resolve) => {
    const start = performance.now();
    const check = () => (b.scrollLeft > 0 ? resolve(true) : performance.now() - start > 3000 ? resolve(false) : requestAnimationFrame(check));
    check();
  }));
  assert.ok(scrolled, 'the arrow keys scroll the table');
  // The chart's text is at least 10 px on screen, and its values are in a table.
  const sizes = await p.$$eval('#diagram svg[role="img"] text, #tornado svg[role="img"] text', (ts) => ts.map((t) => t.getBoundingClientRect().height));
  assert.ok(sizes.length > 10 && Math.min(...sizes) >= 10, `chart text heights ${Math.min(...sizes)}`);
  const scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  const result = engine.calculate(scenario);
  const cum = await p.$$eval('#diagram-data td[data-cumulative]', (tds) => tds.map((td) => td.dataset.cumulative));
  assert.deepEqual(cum, engine.actors().flatMap((a) => (a.id === 'society' ? result.society : result.actors[a.id]).cumulative_net));
  await p.$$eval('details', (ds) => ds.forEach((d) => { d.open = false; }));
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: join(OUT, 'fixed-phone-360-full.png'), fullPage: true });
  await p.locator('#oversikt').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(OUT, 'fixed-phone-360-overview.png') });
  await p.locator('#diagram').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(OUT, 'fixed-phone-360-chart.png') });
  await p.locator('#tornado').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(OUT, 'fixed-phone-360-tornado.png') });
  await close();
});

test('the handout: at most three A4 pages with the date, the link and the assumptions; no zero-only actor', async () => {
  const { p, close } = await freshPage();
  await p.waitForFunction(() => document.getElementById('kanslighet').dataset.state === 'done', null, { timeout: 60000 });
  const link = p.url();
  await p.emulateMedia({ media: 'print' });
  const pdf = await p.pdf({ path: join(OUT, 'handout.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  // The print view's text.
  const date = await p.locator('#utskrift-datum').textContent();
  assert.ok(await p.locator('#utskrift-datum').isVisible());
  assert.ok(date.includes(String(new Date().getFullYear())), date);
  assert.ok(await p.locator('#utskrift-lank').isVisible());
  assert.equal(await p.locator('#utskrift-lank').textContent(), link);
  const assumptions = await p.locator('#forutsattningar').textContent();
  assert.ok(await p.locator('#forutsattningar').isVisible());
  const d = engine.defaults();
  for (const expected of ['AM2-grupp: 20 deltagare', 'AM3-grupp: 10 deltagare', '35 000 kr per deltagare i 6 månader', '60,0 % når arbete',
    '10,0 % hade nått arbete ändå', '90,0 % av dem i arbete är kvar varje år', 'Insatsen betalas av: Kommunen 100,0 %',
    `kommunalskatt ${engine.percent(d.tax.municipal_rate)}`, `regionskatt ${engine.percent(d.tax.regional_rate)}`,
    `arbetsgivaravgifter ${engine.percent(d.tax.employer_contribution_rate)}`, 'diskonteringsränta 0,0 % per år', `${d.price_year} års priser`, 'Kalkylperiod 2026–2029']) {
    assert.ok(assumptions.includes(expected), `assumptions: ${expected}`);
  }
  // The employer's figures are all 0 in the example: no table for it, a line instead.
  const scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  const result = engine.calculate(scenario);
  assert.ok([...result.actors.employer.gain, ...result.actors.employer.investment].every((x) => x === '0.00'));
  assert.equal(await p.locator('#tabeller table[data-actor="employer"]').isVisible(), false);
  for (const a of engine.actors().filter((x) => x.id !== 'employer')) {
    assert.ok(await p.locator(`#tabeller table[data-actor="${a.id}"]`).isVisible(), `${a.id} printed`);
  }
  assert.match(await p.locator('#berors-inte').textContent(), /Arbetsgivaren/);
  // Black and white: a negative amount has its minus sign; no sentence speaks of colours.
  const negatives = await p.$$eval('td.neg', (tds) => tds.filter((t) => t.offsetParent).map((t) => t.textContent));
  assert.ok(negatives.length > 0);
  for (const t of negatives) assert.match(t, /^[-−]/);
  const printed = await p.evaluate(() => document.body.innerText);
  assert.doesNotMatch(printed, /\b(röd|rött|röda|grön|grönt|blå|blått|färg\w*)\b/i);
  // No heading is left alone at a page's foot.
  for (const h of await p.$$eval('#resultat h3, #resultat h4', (hs) => hs.map((x) => getComputedStyle(x).breakAfter))) assert.equal(h, 'avoid');
  await p.screenshot({ path: join(OUT, 'fixed-handout-print.png'), fullPage: true });
  await p.emulateMedia({ media: 'screen' });
  // The page's own button prints.
  await p.evaluate(() => { window.print = () => { window.printed = true; }; });
  await p.click('#skriv');
  assert.equal(await p.evaluate(() => window.printed), true);
  await close();
});

test('Återställ exemplet can be undone, and Back returns to the previous form', async () => {
  const { p, close } = await freshPage();
  const value = (id) => p.inputValue(`#${id}`);
  await p.fill('#am2_n', '25');
  await p.press('#am2_n', 'Tab'); // a committed change
  await p.fill('#am2_kostnad', '40 000');
  await p.press('#am2_kostnad', 'Tab');
  assert.match(p.url(), /am2_n=25/);
  assert.match(p.url(), /am2_kostnad=40/);
  // Back: the form as before the last change, and its result.
  await p.evaluate(() => history.back());
  await p.waitForFunction(() => document.getElementById('am2_kostnad').value === '35 000');
  assert.equal(await value('am2_n'), '25');
  let scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  assert.equal(scenario.cohorts[0].participants, 25);
  assert.equal(scenario.cohorts[0].intervention.cost_per_participant, '35000');
  await p.evaluate(() => history.back());
  await p.waitForFunction(() => document.getElementById('am2_n').value === '20');
  await p.evaluate(() => history.forward());
  await p.waitForFunction(() => document.getElementById('am2_n').value === '25');
  await p.evaluate(() => history.forward());
  await p.waitForFunction(() => document.getElementById('am2_kostnad').value === '40 000');
  // Reset: the example, with a way back.
  await p.click('#aterstall');
  assert.equal(await value('am2_n'), '20');
  assert.equal(await value('am2_kostnad'), '35 000');
  assert.match(await p.locator('#dela-status').textContent(), /återställt/);
  assert.ok(await p.locator('#angra').isVisible());
  await shots(p, 'fixed-reset-undo', '#angra');
  await p.click('#angra');
  assert.equal(await value('am2_n'), '25');
  assert.equal(await value('am2_kostnad'), '40 000');
  scenario = JSON.parse(await p.locator('#scenario-json').textContent());
  assert.equal(scenario.cohorts[0].intervention.cost_per_participant, '40000');
  assert.equal(await p.locator('#angra').isVisible(), false);
  // And Back after a reset also brings the case back.
  await p.click('#aterstall');
  await p.evaluate(() => history.back());
  await p.waitForFunction(() => document.getElementById('am2_n').value === '25');
  await close();
  assert.deepEqual(problems, []);
});
