// The council page as a workbench, in headless Chromium: the typperson tables (edit an AM3
// flow, add a flow), the municipality's tax, save and open a file (also a broken one), the link
// round trip, and untrusted text that stays text. Every expected figure is the engine's (node
// build) for a scenario the test builds itself from the built-in defaults.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as engine from '../../pkg/node/index.mjs';
import { WASM, openPage, startSite } from './setup.mjs';

const OUT = join(WASM, 'test-output');
mkdirSync(OUT, { recursive: true });

let site;
const problems = [];

test.before(async () => {
  site = await startSite();
});

test.after(async () => {
  await site?.close();
  assert.deepEqual(problems, [], 'no page errors, console errors, dialogs or requests elsewhere');
});

function open(query = '', width = 1280) {
  return openPage(site, problems, { width, query, options: { acceptDownloads: true } });
}

const state = (p) => p.evaluate(() => window.samkalkState);
const shownTotal = (p, actor, field = 'total_net') => p.getAttribute(`#oversikt-tabell td[data-actor="${actor}"][data-field="${field}"]`, 'data-value');

/** A built-in state as a scenario state (the defaults less their notes and earnings source). */
function builtIn(id) {
  const s = engine.defaults().states[id];
  const out = { label: s.label, flows: s.flows.map(({ note, ...f }) => ({ label: f.label, payer: f.payer ?? null, payee: f.payee ?? null, amount: f.amount, ...(f.source ? { source: f.source } : {}), ...(f.taxable ? { taxable: true } : {}) })) };
  if (s.description) out.description = s.description;
  return out;
}

test('edit an AM3 flow: the municipality\'s result changes by exactly what the engine gives', async () => {
  const { p, close } = await open();
  const base = await state(p);
  assert.equal(base.scenario.states, undefined, 'the example carries no states of its own');
  const am3 = p.locator('.state-table[data-state="AM3"]');
  assert.equal(await am3.locator('table.flows tbody tr').count(), engine.defaults().states.AM3.flows.length);
  assert.equal(await p.inputValue('#st-AM3-0-label'), 'Försörjningsstöd');
  assert.equal(await p.inputValue('#st-AM3-0-amount'), engine.kronorOre('112000'));
  await p.fill('#st-AM3-0-amount', '120 000');
  await p.locator('#st-AM3-0-amount').blur();
  const after = await state(p);
  // The expected scenario, built here: the example plus AM3 with the user's amount and no source.
  const expectedState = builtIn('AM3');
  expectedState.flows[0].amount = '120000';
  delete expectedState.flows[0].source;
  const expected = { ...base.scenario, version: 2, states: { AM3: expectedState } };
  assert.deepEqual(after.scenario, expected);
  const result = engine.calculate(expected);
  assert.equal(await shownTotal(p, 'municipality'), result.actors.municipality.total_net);
  assert.notEqual(result.actors.municipality.total_net, base.result.actors.municipality.total_net);
  assert.equal(await shownTotal(p, 'society'), result.society.total_net);
  // The row is marked as the user's own; its source is the user's to write.
  assert.equal(await am3.locator('tr[data-row="0"] .mark').textContent(), 'Egen uppgift');
  assert.equal(await am3.locator('tr[data-row="1"] .mark').textContent(), 'Inbyggd');
  await p.fill('#st-AM3-0-source', 'Ekonomisystemet, Timrå kommun 2025');
  assert.equal((await state(p)).scenario.states.AM3.flows[0].source, 'Ekonomisystemet, Timrå kommun 2025');
  // Välfärdstårtan: each actor's yearly cost in AM3, the core's.
  const summary = engine.stateSummary((await state(p)).scenario).find((s) => s.id === 'AM3');
  const costs = await am3.locator('.pie-table td[data-actor]').evaluateAll((tds) => tds.map((td) => [td.dataset.actor, td.dataset.cost]));
  assert.deepEqual(costs, Object.entries(summary.cost).filter(([, c]) => !/^-?0(\.0*)?$/.test(c)));
  assert.equal(Object.fromEntries(costs).municipality, '204600', '120 000 + 25 000 + 59 600 paid by the municipality, nothing received');
  await am3.screenshot({ path: join(OUT, 'workbench-am3.png') });

  // Add a flow: it counts as the engine says.
  await am3.getByRole('button', { name: 'Lägg till flöde' }).click();
  const k = engine.defaults().states.AM3.flows.length;
  assert.equal(await p.evaluate(() => document.activeElement.id), `st-AM3-${k}-label`, 'focus on the new row');
  await p.fill(`#st-AM3-${k}-label`, 'Boendestöd');
  await p.fill(`#st-AM3-${k}-amount`, '12 000');
  const added = await state(p);
  assert.deepEqual(added.scenario.states.AM3.flows[k], { label: 'Boendestöd', payer: 'municipality', payee: null, amount: '12000' });
  assert.deepEqual(added.result, engine.calculate(added.scenario));
  assert.equal(await shownTotal(p, 'municipality'), engine.calculate(added.scenario).actors.municipality.total_net);

  // A refused amount: the core's message at the cell, no new result.
  await p.fill(`#st-AM3-${k}-amount`, '12,000.5');
  const err = p.locator(`#st-AM3-${k}-amount-error`);
  await err.waitFor({ state: 'visible' });
  assert.equal(await err.textContent(), engine.parseInput('amount', '12,000.5').error.message_sv);
  await p.fill(`#st-AM3-${k}-amount`, '12 000');
  await err.waitFor({ state: 'hidden' });

  // Reset the row, then the whole state: back to the built-in numbers.
  await am3.locator('tr[data-row="0"]').getByRole('button', { name: 'Återställ raden' }).click();
  assert.equal((await state(p)).scenario.states.AM3.flows[0].amount, '112000');
  await am3.getByRole('button', { name: 'Återställ till de inbyggda värdena' }).click();
  const reset = await state(p);
  assert.equal(reset.scenario.states, undefined);
  assert.equal(await shownTotal(p, 'municipality'), base.result.actors.municipality.total_net);

  // The wage of work is editable the same way.
  await p.fill('#st-work-monthly_wage', '28 000');
  const wage = await state(p);
  assert.equal(wage.scenario.states.work.earnings.monthly_wage, '28000');
  assert.deepEqual(wage.result, engine.calculate(wage.scenario));
  await close();
});

test('choose a municipality: the tax rows change to the core\'s for it', async () => {
  const { p, close } = await open();
  const taxRow = () => p.$$eval('.derived-rows[data-state="work"] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td[data-amount]').dataset.amount]));
  const before = await taxRow();
  assert.deepEqual(before, engine.stateSummary((await state(p)).scenario).find((s) => s.id === 'work').derived.map((r) => [r.label, r.amount]));
  const options = await p.$$eval('#kommuner option', (os) => os.map((o) => o.value));
  assert.equal(options.length, engine.municipalities().municipalities.length);
  assert.ok(options.includes('Timrå'));
  await p.fill('#kommun', 'Timrå');
  assert.equal(await p.inputValue('#skattemetod'), 'rules', 'a municipality takes the tax from the rules');
  const s = (await state(p)).scenario;
  assert.deepEqual(s.tax, { method: 'rules', municipality: 'Timrå' });
  assert.equal(s.version, 2);
  const after = await taxRow();
  assert.deepEqual(after, engine.stateSummary(s).find((x) => x.id === 'work').derived.map((r) => [r.label, r.amount]));
  assert.notDeepEqual(after, before);
  assert.ok(after.some(([label]) => label === 'Kommunalskatt'));
  assert.deepEqual((await state(p)).result, engine.calculate(s));
  // An unknown name: the core's message at the field.
  await p.fill('#kommun', 'Timråå');
  await p.locator('#kommun-error').waitFor({ state: 'visible' });
  const fault = engine.validate({ ...s, tax: { method: 'rules', municipality: 'Timråå' } }).find((e) => e.path === 'tax.municipality');
  assert.equal(await p.locator('#kommun-error').textContent(), fault.message_sv);
  await p.fill('#kommun', 'Timrå');
  // A price year: the built-in numbers restated by the core.
  const year = engine.priceYears().find((y) => y !== engine.defaults().price_year);
  await p.selectOption('#prisar', String(year));
  assert.equal(await p.inputValue('#st-AM2-0-amount'), engine.kronorOre(engine.defaults(year).states.AM2.flows[0].amount));
  const restated = (await state(p)).scenario;
  assert.equal(restated.price_year, year);
  assert.deepEqual((await state(p)).result, engine.calculate(restated));
  await p.locator('#skatt').screenshot({ path: join(OUT, 'workbench-municipality.png') });
  await close();
});

test('save a file, reload, open it: the same calculation; a broken file shows the core\'s messages', async () => {
  const { p, close } = await open();
  await p.fill('#st-AM3-2-amount', '70 000');
  await p.fill('#am2_n', '25');
  await p.fill('#kommun', 'Sundsvall');
  const saved = await state(p);
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('#spara')]);
  const file = join(OUT, 'workbench-saved.json');
  await download.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), saved.scenario);
  await p.goto(`${site.server.url}/index.html`);
  await p.waitForSelector('body[data-ready="true"]');
  assert.notDeepEqual((await state(p)).scenario, saved.scenario);
  await p.setInputFiles('#oppna', file);
  await p.waitForFunction(() => /öppnad/.test(document.getElementById('fil-status').textContent));
  const opened = await state(p);
  assert.deepEqual(opened.result, saved.result);
  assert.deepEqual(opened.scenario, saved.scenario);
  assert.equal(await p.inputValue('#st-AM3-2-amount'), engine.kronorOre('70000'));

  // A broken file: the core's Swedish messages, each with its path; nothing of the calculation lost.
  const broken = { ...saved.scenario, horizon_years: 99, cohorts: [{ ...saved.scenario.cohorts[0], participants: 'tjugo' }] };
  const brokenFile = join(OUT, 'workbench-broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await p.setInputFiles('#oppna', brokenFile);
  await p.locator('#fil-fel').waitFor({ state: 'visible' });
  const shown = await p.$$eval('#fil-fel li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(shown, engine.validate(broken).map((e) => `${e.path}: ${e.message_sv}`));
  assert.ok(shown.length >= 2);
  assert.deepEqual((await state(p)).scenario, saved.scenario, 'the calculation stays');
  // A text over the size the core reads is refused before it is read, with the limit.
  const refused = await p.evaluate((n) => window.samkalkOpen(' '.repeat(n + 1)), engine.MAX_SCENARIO_CHARS);
  assert.equal(refused, false);
  assert.match(await p.locator('#fil-status').textContent(), new RegExp(`högst ${engine.MAX_SCENARIO_CHARS}`));
  assert.deepEqual((await state(p)).scenario, saved.scenario);
  await p.locator('#kalkyl .actions').first().screenshot({ path: join(OUT, 'workbench-file.png') });
  await close();
});

test('the link carries everything: edited tables, municipality, price year, the actor selector', async () => {
  const { p, close } = await open();
  await p.fill('#st-AM3-0-amount', '99 000');
  await p.fill('#st-AM3-0-source', 'Egen uppföljning');
  await p.locator('.state-table[data-state="AM2"]').getByRole('button', { name: 'Lägg till flöde' }).click();
  await p.fill('#st-AM2-6-label', 'Extra stöd');
  await p.fill('#st-AM2-6-amount', '5 000');
  await p.fill('#kommun', 'Kiruna');
  await p.selectOption('#tornado-aktor', 'region');
  const here = await state(p);
  const { p: q, close: close2 } = await open(new URL(p.url()).search);
  const there = await state(q);
  assert.deepEqual(there.scenario, here.scenario);
  assert.deepEqual(there.result, here.result);
  assert.equal(await q.inputValue('#tornado-aktor'), 'region');
  assert.equal(await q.locator('.state-table[data-state="AM3"] tr[data-row="0"] .mark').textContent(), 'Egen uppgift');
  await close2();
  await close();
});

test('untrusted text in a link and a file stays text and runs nothing', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(2)</script>';
  const am3 = builtIn('AM3');
  am3.label = `${evil}${script}`;
  am3.flows[0].label = evil;
  am3.flows[0].source = script;
  const query = `?tillstand=${encodeURIComponent(JSON.stringify({ AM3: am3 }))}`;
  const { p, close } = await open(query);
  assert.equal(await p.inputValue('#st-AM3-0-label'), evil);
  assert.equal(await p.inputValue('#st-AM3-0-source'), script);
  assert.equal(await p.locator('#st-AM3-rubrik').textContent(), `${evil}${script}`);
  assert.equal(await p.locator('img').count(), 0, 'no element made from the text');
  assert.equal(await p.locator('body script').count(), 0);
  assert.deepEqual((await state(p)).scenario.states.AM3.flows[0].label, evil);
  // A file with the same text, and a field name that is markup: the core's message shows it as text.
  const file = join(OUT, 'workbench-evil.json');
  writeFileSync(file, JSON.stringify({ ...(await state(p)).scenario, [evil]: script }));
  await p.setInputFiles('#oppna', file);
  await p.locator('#fil-fel').waitFor({ state: 'visible' });
  assert.match(await p.locator('#fil-fel').textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await p.locator('img').count(), 0);
  await p.waitForTimeout(300);
  await close();
  // The page ships a Content-Security-Policy: own scripts and WebAssembly only.
  const html = readFileSync(join(WASM, 'pkg', 'site', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(html, /<script(?![^>]*src=)/, 'no inline script');
});

test('a two-step pathway: the trace table is the engine\'s', async () => {
  const { p, close } = await open();
  assert.ok(await p.locator('#forlopp-del').isHidden(), 'no steps, no pathway chart');
  const box = p.locator('#am3-steg-box');
  await box.getByRole('button', { name: 'Lägg till ett steg' }).click();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'am3-steg-0-to');
  await p.selectOption('#am3-steg-0-to', 'subsidised_work');
  await p.fill('#am3-steg-0-share', '30');
  await p.fill('#am3-steg-0-after', '6');
  await box.getByRole('button', { name: 'Lägg till ett steg' }).click();
  await p.selectOption('#am3-steg-1-from', 'subsidised_work');
  await p.selectOption('#am3-steg-1-to', 'work');
  await p.fill('#am3-steg-1-share', '50');
  await p.fill('#am3-steg-1-after', '12');
  await p.fill('#am3-steg-1-every', '12');
  await p.fill('#horisont', '6');
  const { scenario, result } = await state(p);
  assert.equal(scenario.version, 2);
  assert.deepEqual(scenario.cohorts[1].outcomes[0].then, [
    { to: 'subsidised_work', share: '0.3', after_months: 6 },
    { from: 'subsidised_work', to: 'work', share: '0.5', after_months: 12, every_months: 12 },
  ]);
  assert.deepEqual(result, engine.calculate(scenario));
  await p.locator('#forlopp-del').waitFor({ state: 'visible' });
  const shown = await p.$$eval('#forlopp td[data-participants]', (tds) => tds.map((td) => [td.closest('table').dataset.cohort, Number(td.dataset.year), td.dataset.state, td.dataset.participants]));
  const trace = engine.trace(scenario).map((r) => [r.cohort, r.year, r.state, r.participants]);
  const key = (r) => r.slice(0, 3).join('|');
  assert.deepEqual(new Map(shown.map((r) => [key(r), r[3]])), new Map(trace.map((r) => [key(r), r[3]])));
  assert.equal(shown.length, trace.length);
  assert.ok(trace.some((r) => r[2] === 'subsidised_work' && Number(r[3]) > 0));
  // A share the core refuses: its message at the step's field.
  await p.fill('#am3-steg-1-share', '150');
  const err = p.locator('#am3-steg-1-share-error');
  await err.waitFor({ state: 'visible' });
  const bad = { ...scenario, cohorts: scenario.cohorts.map((c, i) => (i === 1 ? { ...c, outcomes: [{ ...c.outcomes[0], then: [c.outcomes[0].then[0], { ...c.outcomes[0].then[1], share: '1.5' }] }] } : c)) };
  assert.equal(await err.textContent(), engine.validate(bad).find((e) => e.path === 'cohorts[1].outcomes[0].then[1].share').message_sv);
  await p.fill('#am3-steg-1-share', '50');
  await err.waitFor({ state: 'hidden' });
  // The link carries the steps.
  const { p: q, close: close2 } = await open(new URL(p.url()).search);
  assert.deepEqual((await state(q)).scenario, scenario);
  await close2();
  // A step cost: a flow of the step's state paid by the municipality to no one, as investment.
  const sub = p.locator('.state-table[data-state="subsidised_work"]');
  await sub.getByRole('button', { name: 'Lägg till flöde' }).click();
  const k = engine.defaults().states.subsidised_work.flows.length;
  await p.fill(`#st-subsidised_work-${k}-label`, 'Handledning');
  await p.fill(`#st-subsidised_work-${k}-amount`, '24 000');
  await p.check(`#st-subsidised_work-${k}-investment`);
  const stepped = await state(p);
  assert.deepEqual(stepped.scenario.states.subsidised_work.flows[k], { label: 'Handledning', payer: 'municipality', payee: null, amount: '24000', investment: true });
  assert.deepEqual(stepped.result, engine.calculate(stepped.scenario));
  const without = engine.calculate({ ...stepped.scenario, states: { subsidised_work: { ...stepped.scenario.states.subsidised_work, flows: stepped.scenario.states.subsidised_work.flows.slice(0, k) } } });
  assert.ok(Number(stepped.result.actors.municipality.total_investment) > Number(without.actors.municipality.total_investment), 'the step cost is invested');
  assert.equal(await shownTotal(p, 'municipality', 'total_investment'), stepped.result.actors.municipality.total_investment);
  await p.locator('#am3-steg-box').screenshot({ path: join(OUT, 'workbench-steps.png') });
  await p.locator('#forlopp-del').screenshot({ path: join(OUT, 'workbench-trace.png') });
  await close();
});

test('more than two groups: add, name, choose the state, remove', async () => {
  const { p, close } = await open();
  await p.click('#ny-grupp');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'g3_fran');
  await p.selectOption('#g3_fran', 'AM1');
  await p.fill('#g3_namn', 'Unga vuxna');
  await p.fill('#g3_n', '15');
  await p.click('#ny-grupp');
  await p.selectOption('#g4_fran', 'studies');
  await p.fill('#g4_namn', 'Studerande');
  await p.fill('#am2_namn', 'Etableringsgruppen');
  const { scenario, result } = await state(p);
  assert.deepEqual(scenario.cohorts.map((c) => [c.name, c.origin, c.participants]), [
    ['Etableringsgruppen', 'AM2', 20], ['AM3-grupp', 'AM3', 10], ['Unga vuxna', 'AM1', 15], ['Studerande', 'studies', 10],
  ]);
  assert.deepEqual(result, engine.calculate(scenario));
  assert.deepEqual(result.cohorts.map((c) => c.name), ['Etableringsgruppen', 'AM3-grupp', 'Unga vuxna', 'Studerande']);
  assert.equal(await p.locator('.state-table[data-state="AM1"]').count(), 1, 'the new origin gets its table');
  const headings = await p.$$eval('.break-even h4', (hs) => hs.map((h) => h.textContent));
  assert.equal(headings.length, 4);
  assert.match(headings[2], /^Unga vuxna: 15 deltagare/);
  // The link carries the groups.
  const { p: q, close: close2 } = await open(new URL(p.url()).search);
  assert.deepEqual((await state(q)).scenario, scenario);
  assert.equal(await q.inputValue('#g3_namn'), 'Unga vuxna');
  await close2();
  await p.locator('[data-group="g3"]').screenshot({ path: join(OUT, 'workbench-group.png') });
  await p.getByRole('button', { name: 'Ta bort grupp 3' }).click();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'ny-grupp');
  const after = await state(p);
  assert.deepEqual(after.scenario.cohorts.map((c) => c.name), ['Etableringsgruppen', 'AM3-grupp', 'Studerande']);
  assert.deepEqual(after.result, engine.calculate(after.scenario));
  assert.doesNotMatch(p.url(), /g3_/);
  await close();
});

/** Presses Tab until the element with `id` has focus (at most `max` presses); returns the count. */
async function tabTo(p, id, max = 400) {
  for (let i = 1; i <= max; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((x) => document.activeElement?.id === x, id)) return i;
  }
  throw new Error(`${id} not reached by Tab`);
}

test('keyboard only: edit a flow, add a flow, add a step, save', async () => {
  const { p, close } = await open();
  const base = await state(p);
  await tabTo(p, 'st-AM3-0-amount');
  await p.keyboard.press('Control+A');
  await p.keyboard.type('100000');
  const edited = await state(p);
  assert.equal(edited.scenario.states.AM3.flows[0].amount, '100000');
  assert.notEqual(edited.result.actors.municipality.total_net, base.result.actors.municipality.total_net);
  // The focus ring is visible on the cell.
  const outline = await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // On to "Lägg till flöde" in the same table, and Enter.
  for (let i = 0; i < 200; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate(() => document.activeElement?.textContent === 'Lägg till flöde' && document.activeElement.closest('[data-state="AM3"]') !== null)) break;
  }
  await p.keyboard.press('Enter');
  const k = engine.defaults().states.AM3.flows.length;
  assert.equal(await p.evaluate(() => document.activeElement.id), `st-AM3-${k}-label`);
  await p.keyboard.type('Extra');
  assert.equal((await state(p)).scenario.states.AM3.flows[k].label, 'Extra');
  // A step for AM2, from the top of the page.
  await p.evaluate(() => document.activeElement.blur());
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.locator('#am2_kvar').focus();
  for (let i = 0; i < 50; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate(() => document.activeElement?.classList.contains('add-step'))) break;
  }
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'am2-steg-0-to');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'am2-steg-0-share');
  await p.keyboard.type('20');
  assert.equal((await state(p)).scenario.cohorts[0].outcomes[0].then[0].share, '0.2');
  await tabTo(p, 'spara');
  const [download] = await Promise.all([p.waitForEvent('download'), p.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await close();
});

test('axe-core: no serious or critical violation, with the workbench filled in', async () => {
  const { p, close } = await openPage(site, problems, { options: { bypassCSP: true }, kinds: ['network'] });
  await p.fill('#st-AM3-0-amount', '120 000');
  await p.fill('#kommun', 'Timrå');
  await p.locator('#am3-steg-box').getByRole('button', { name: 'Lägg till ett steg' }).click();
  await p.fill('#am3-steg-0-share', '30');
  await p.waitForFunction(() => document.getElementById('kanslighet').dataset.state === 'done', null, { timeout: 60000 });
  // axe-core from node_modules, injected into the page (offline: no request leaves localhost).
  await p.addScriptTag({ path: join(WASM, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await p.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
  await close();
});

test('the workbench at 360 px', async () => {
  const { p, close } = await open('', 360);
  await p.locator('#typpersoner').screenshot({ path: join(OUT, 'workbench-360.png') });
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll of the page at 360 px (${overflow} px)`);
  await close();
});
