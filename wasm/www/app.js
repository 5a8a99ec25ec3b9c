// The council page: a form → a samkalk scenario → the engine (WebAssembly) → tables, chart and
// sentences. Every figure comes from the engine; this file only builds the scenario, reads typed
// numbers and formats them with the engine's own Swedish parsers and formatters (samkalk's
// presentation layer), and draws.
import * as samkalk from './pkg/index.js';
import { el, scrollBox } from './dom.js';
import * as workbench from './workbench.js';
import * as pathways from './pathways.js';

const $ = (id) => document.getElementById(id);
const form = $('kalkyl');

// ---------------------------------------------------------------------------------------------
// The form's fields: URL parameter = input name. `kind` is the core's input kind: whole numbers
// go in as JSON integers, amounts and percentages (as shares) as exact decimal text.
// AM2 and AM3 are in the HTML; groups the user adds (g3, g4, ...) are drawn by addGroup and
// start from a state the user chooses (`<id>_fran`). Every group has a name (`<id>_namn`).
const GROUPS = [
  { id: 'am2', origin: 'AM2', name: 'AM2-grupp', fixed: true },
  { id: 'am3', origin: 'AM3', name: 'AM3-grupp', fixed: true },
];
const groupKinds = (id) => ({ [`${id}_n`]: 'whole', [`${id}_kostnad`]: 'amount', [`${id}_man`]: 'whole',
  [`${id}_arbete`]: 'percent', [`${id}_jmf`]: 'percent', [`${id}_kvar`]: 'percent' });
const FINANCING = [
  { field: 'fin_kommun', actor: 'municipality' },
  { field: 'fin_af', actor: 'employment_service' },
  { field: 'fin_fk', actor: 'social_insurance' },
  { field: 'fin_region', actor: 'region' },
];
const KIND = { ar: 'whole', horisont: 'whole', ranta: 'percent' };
for (const g of GROUPS) Object.assign(KIND, groupKinds(g.id));
for (const f of FINANCING) KIND[f.field] = 'percent';
const TEXT_FIELDS = Object.keys(KIND);
const CHECKBOXES = GROUPS.map((g) => g.id);
// Free text: the groups' names and the added groups' origins (read as they are).
const FREE_FIELDS = [];
// Municipality, tax method and price year (text and choices the core reads as they are).
const CHOICES = ['kommun', 'skattemetod', 'prisar'];
const MUNICIPALITIES = samkalk.municipalities();
for (const m of MUNICIPALITIES.municipalities) form.querySelector('#kommuner').append(Object.assign(document.createElement('option'), { value: m.name }));
for (const y of samkalk.priceYears()) form.elements.prisar.append(Object.assign(document.createElement('option'), { value: String(y), textContent: String(y), selected: y === samkalk.defaults().price_year }));

// The example as shipped in the HTML, for "Återställ".
const INITIAL = {};
for (const name of TEXT_FIELDS) INITIAL[name] = form.elements[name].value;
for (const name of CHECKBOXES) INITIAL[name] = form.elements[name].checked ? '1' : '0';
for (const name of CHOICES) INITIAL[name] = form.elements[name].value;
for (const g of GROUPS) {
  // The fixed groups' name fields, last in their fieldset (after the figures).
  const field = document.createElement('div');
  field.className = 'field wide';
  const label = Object.assign(document.createElement('label'), { htmlFor: `${g.id}_namn`, textContent: 'Gruppens namn' });
  const input = Object.assign(document.createElement('input'), { id: `${g.id}_namn`, name: `${g.id}_namn`, autocomplete: 'off', value: g.name });
  field.append(label, input);
  form.querySelector(`[data-group="${g.id}"] .fields`).append(field);
  FREE_FIELDS.push(`${g.id}_namn`);
  INITIAL[`${g.id}_namn`] = g.name;
}

// ---------------------------------------------------------------------------------------------
// Text → scenario values: the core's parsers of Swedish input ("120 000 kr", "120.000", "30 %"),
// exact; a field they refuse (an empty one too) is a fault at that field, never a default.
function fieldValue(name, text, faults) {
  const { value, error } = samkalk.parseInput(KIND[name], text);
  if (error) {
    faults.push({ field: name, code: error.code, message: error.message_sv });
    return undefined;
  }
  if (KIND[name] === 'whole' && Number.isSafeInteger(Number(value))) return Number(value);
  return value;
}

function readForm() {
  const v = {};
  for (const name of TEXT_FIELDS) v[name] = form.elements[name].value;
  for (const name of CHECKBOXES) v[name] = form.elements[name].checked ? '1' : '0';
  for (const name of CHOICES) v[name] = form.elements[name].value;
  for (const name of FREE_FIELDS) v[name] = form.elements[name].value;
  v.grupper = GROUPS.filter((g) => !g.fixed).map((g) => g.id).join(',');
  // The user's own states, exactly as the scenario carries them; the tornado's actor.
  const own = workbench.editsForLink();
  v.tillstand = own ? JSON.stringify(own) : '';
  v.aktor = analysisState.actor === 'society' ? '' : analysisState.actor;
  for (const g of GROUPS) v[`${g.id}_steg`] = pathways.stepsForLink(g.id);
  return v;
}

function setIf(obj, key, value) {
  if (value !== undefined) obj[key] = value;
}

/** The scenario for the form's values, which group each cohort index is, and the fields whose
 * text is not a number (`faults`, each {field, code, message}). */
function buildScenario(v) {
  const faults = [];
  const val = (name) => fieldValue(name, v[name], faults);
  const scenario = { version: 1, name: 'Arbetsmarknadsinsats för personer med försörjningsstöd' };
  setIf(scenario, 'start_year', val('ar'));
  const priceYear = Number(v.prisar) || DEFAULTS.price_year;
  setIf(scenario, 'price_year', priceYear);
  setIf(scenario, 'horizon_years', val('horisont'));
  setIf(scenario, 'discount_rate', val('ranta'));
  const financing = {};
  for (const f of FINANCING) setIf(financing, f.actor, val(f.field));
  const groups = [];
  scenario.cohorts = [];
  for (const g of GROUPS) {
    if (v[g.id] !== '1') continue;
    const intervention = {};
    setIf(intervention, 'cost_per_participant', val(`${g.id}_kostnad`));
    setIf(intervention, 'duration_months', val(`${g.id}_man`));
    intervention.financing = financing;
    const outcome = { target: 'work' };
    setIf(outcome, 'share', val(`${g.id}_arbete`));
    setIf(outcome, 'counterfactual_share', val(`${g.id}_jmf`));
    setIf(outcome, 'retention', val(`${g.id}_kvar`));
    const moves = pathways.buildMoves(g.id, faults);
    if (moves.length) outcome.then = moves;
    const cohort = { name: v[`${g.id}_namn`] ?? g.name, origin: g.fixed ? g.origin : v[`${g.id}_fran`] };
    setIf(cohort, 'participants', val(`${g.id}_n`));
    cohort.intervention = intervention;
    cohort.outcomes = [outcome];
    scenario.cohorts.push(cohort);
    groups.push(g.id);
  }
  // The workbench: the user's own states, the municipality's tax, the price year. Method version 2
  // only when one of them needs it (a version-2 scenario without them gives version 1's result).
  const own = workbench.buildStates();
  faults.push(...own.faults);
  if (Object.keys(own.states).length) scenario.states = own.states;
  const rules = v.skattemetod === 'rules';
  if (rules) {
    scenario.tax = { method: 'rules' };
    if (v.kommun.trim()) scenario.tax.municipality = v.kommun.trim();
  } else if (v.kommun.trim()) {
    // The core says that a municipality needs the rules method (a fault at the field).
    scenario.tax = { municipality: v.kommun.trim() };
  }
  const steps = scenario.cohorts.some((c) => c.outcomes[0].then);
  if (scenario.states || scenario.tax || steps || priceYear !== DEFAULTS.price_year) scenario.version = 2;
  return { scenario, groups, faults };
}

// ---------------------------------------------------------------------------------------------
// Engine faults → the field they concern; the text is the core's Swedish message.
function fieldFor(path, groups) {
  const top = { start_year: 'ar', horizon_years: 'horisont', discount_rate: 'ranta', price_year: 'prisar', 'tax.municipality': 'kommun', 'tax.method': 'skattemetod', tax: 'skattemetod' };
  if (path.startsWith('states.')) return 'typpersoner';
  if (path in top) return top[path];
  const m = /^cohorts\[(\d+)\]\.(.*)$/.exec(path);
  if (!m) return 'general';
  const g = groups[Number(m[1])];
  const rest = m[2];
  if (rest.startsWith('outcomes[0].then')) return pathways.fieldForMove(g, rest.slice('outcomes[0].'.length)) ?? 'general';
  const fin = /^intervention\.financing(?:\.(\w+))?$/.exec(rest);
  if (fin) {
    const f = FINANCING.find((x) => x.actor === fin[1]);
    return f ? f.field : 'finansiering';
  }
  const map = {
    participants: `${g}_n`,
    'intervention.cost_per_participant': `${g}_kostnad`,
    'intervention.duration_months': `${g}_man`,
    'outcomes[0].share': `${g}_arbete`,
    'outcomes[0].counterfactual_share': `${g}_jmf`,
    'outcomes[0].retention': `${g}_kvar`,
    outcomes: `${g}_arbete`,
    name: `${g}_namn`,
    ...(form.elements[`${g}_fran`] ? { origin: `${g}_fran` } : {}),
  };
  return map[rest] ?? 'general';
}

function showErrors(errors, groups) {
  const byField = new Map();
  for (const e of errors) {
    const field = e.field ?? fieldFor(e.path, groups);
    // message_sv is the core's; the few faults the JS wrapper finds itself are English only.
    const said = e.message_sv ?? e.message;
    if (e.field?.startsWith('st-')) continue; // shown at the table's own cell
    const text = e.field || (field !== 'general' && field !== 'typpersoner') ? said : `${e.path || 'Scenariot'}: ${said}`;
    if (!byField.has(field)) byField.set(field, []);
    if (!byField.get(field).includes(text)) byField.get(field).push(text);
  }
  const stepFields = GROUPS.flatMap((g) => [...pathways.fieldNames(g.id), `${g.id}-steg`, `${g.id}_fran`]);
  for (const name of [...TEXT_FIELDS, 'kommun', 'skattemetod', 'prisar', 'finansiering', 'general', 'typpersoner', ...stepFields]) {
    const box = $(`${name}-error`);
    if (!box) continue;
    const input = form.elements[name];
    const texts = byField.get(name);
    if (texts) {
      box.textContent = texts.join(' ');
      box.hidden = false;
      if (input instanceof HTMLInputElement) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', box.id);
      }
    } else {
      box.hidden = true;
      box.textContent = '';
      if (input instanceof HTMLInputElement) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
  }
  const financing = byField.has('finansiering') || FINANCING.some((f) => byField.has(f.field));
  $('finansiering').toggleAttribute('data-invalid', financing);
}

// ---------------------------------------------------------------------------------------------
// Drawing the result.
const LABELS = samkalk.labels('sv');
const ROW_LABELS = [
  ['gain', LABELS.fields.gain, 'total_gain'],
  ['investment', LABELS.fields.investment, 'total_investment'],
  ['net', LABELS.fields.net, 'total_net'],
  ['cumulative_net', LABELS.fields.cumulative_net, null],
];
// Okabe–Ito colours (distinguishable with colour blindness) and dashes; society in black.
const STYLE = {
  municipality: { color: '#0072B2', dash: '' },
  employment_service: { color: '#D55E00', dash: '8 4' },
  social_insurance: { color: '#009E73', dash: '2 3' },
  region: { color: '#CC79A7', dash: '10 3 2 3' },
  state: { color: '#8a6d00', dash: '5 5' },
  employer: { color: '#56B4E9', dash: '1 3' },
  individual: { color: '#6a3d9a', dash: '12 4' },
  society: { color: '#000000', dash: '', width: 3.5 },
};
const ACTORS = samkalk.actors();
const DEFAULTS = samkalk.defaults();
const nameOf = Object.fromEntries(ACTORS.map((a) => [a.id, a.swedish]));
const kr = (x) => samkalk.kronor(x);
// In tables the unit is in the caption/headers: "1 001 203" rather than "1 001 203 kr".
const krCell = (x) => kr(x).replace(/\s*kr$/, '');
const isNeg = (x) => x.startsWith('-');
// Amounts in sentences are rounded for reading ("3,8 miljoner kr"); the tables keep them exact.
const readable = (x) => samkalk.roundedAmount(x);
/** True for the engine's zero ("0.00", "-0.00"). */
const isZero = (x) => /^-?0(\.0*)?$/.test(String(x));
/** A discount rate above 0: the headline figure is then the present value (nuvärde). */
const isDiscounted = (scenario) => /[1-9]/.test(String(scenario.discount_rate ?? '0'));
/** An actor every one of whose figures is 0: it is not affected by the case. */
const untouchedActor = (result, id) => {
  const r = rowOf(result, id);
  return [...r.gain, ...r.investment].every(isZero);
};
/** "A, B och C" (a list for a sentence, not a number). */
const listSv = (items) => new Intl.ListFormat('sv', { type: 'conjunction' }).format(items);

const rowOf = (result, id) => (id === 'society' ? result.society : result.actors[id]);
/** The public sector's row (the core sums it and names it), shown just above society's. */
const PUBLIC_SECTOR_ROW = { id: 'public_sector', swedish: LABELS.public_sector };

function overviewTable(scenario, result, publicSector) {
  const discounted = isDiscounted(scenario);
  const headline = discounted ? 'npv' : 'total_net';
  const table = el('table', { id: 'oversikt-tabell' });
  table.append(el('caption', { text: `Summa ${result.years[0]}–${result.years.at(-1)} per aktör, kronor` }));
  const head = el('tr');
  const F = LABELS.fields;
  const columns = [
    ['Aktör', null], [F.investment, 'total_investment'], [F.gain, 'total_gain'],
    [discounted ? `${F.net}, ej diskonterat` : F.net, 'total_net'], ...(discounted ? [['Nuvärde av nettot', 'npv']] : []),
    [F.payback_year, null], [F.benefit_cost_ratio, null],
  ];
  for (const [h, key] of columns) {
    head.append(el('th', { scope: 'col', class: key === headline ? 'headline' : null, text: h }));
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const rows = ACTORS.flatMap((a) => (a.id === 'society' ? [PUBLIC_SECTOR_ROW, a] : [a]));
  for (const a of rows) {
    const r = a.id === PUBLIC_SECTOR_ROW.id ? publicSector : rowOf(result, a.id);
    const tr = el('tr', { class: a.id === 'society' ? 'society' : a.id === PUBLIC_SECTOR_ROW.id ? 'public-sector' : null });
    tr.append(el('th', { scope: 'row', text: a.swedish }));
    for (const key of ['total_investment', 'total_gain', 'total_net', ...(discounted ? ['npv'] : [])]) {
      const cls = [isNeg(r[key]) ? 'neg' : '', key === headline ? 'headline' : ''].join(' ').trim() || null;
      tr.append(el('td', { 'data-actor': a.id, 'data-field': key, 'data-value': r[key], class: cls, text: krCell(r[key]) }));
    }
    tr.append(el('td', { text: r.payback_year === null ? '–' : String(r.payback_year) }));
    const bcr = r.benefit_cost_ratio;
    tr.append(el('td', { 'data-actor': a.id, 'data-field': 'benefit_cost_ratio', 'data-value': bcr ?? '', text: bcr === null ? '–' : samkalk.ratio(bcr) }));
    body.append(tr);
  }
  table.append(body);
  const rate = samkalk.percent(scenario.discount_rate ?? '0');
  const note = el('p', { class: 'help', text: `${discounted ? `Nuvärde: nettot när senare års belopp räknas ned med diskonteringsräntan ${rate} per år till vad de är värda det första året. Det är kalkylens huvudtal; nettot utan diskontering står bredvid. ` : ''}${F.payback_year}: från det året är aktörens investering återbetald och förblir det. ${F.benefit_cost_ratio}: vinst per investerad krona${discounted ? ', räknat i nuvärde' : ''}; – när aktören inte investerar något.` });
  const box = el('div');
  box.append(scroller(table, 'Svep för att se alla kolumner →'), note);
  return box;
}

/** A scroll container for a table that may be wider than a phone, named by its caption. */
const scroller = (table, hint) => scrollBox(table, `${table.caption?.textContent ?? 'Tabell'} (tabell)`, hint);

/** Scroll containers whose table is wider than they are show their hint and take keyboard focus. */
function markScrollers() {
  for (const box of document.querySelectorAll('.table-scroll')) {
    const table = box.querySelector('table');
    const over = !!table && box.clientWidth > 0 && table.scrollWidth > box.clientWidth + 1;
    box.toggleAttribute('data-overflow', over);
    if (over) box.setAttribute('tabindex', '0');
    else box.removeAttribute('tabindex');
  }
}

function yearTable(result, a) {
  const r = rowOf(result, a.id);
  const style = STYLE[a.id];
  const table = el('table', { 'data-actor': a.id, class: a.id === 'society' ? 'society-table' : null });
  const cap = el('caption');
  cap.append(el('span', { class: 'swatch', 'aria-hidden': 'true', style: `background:${style.color}` }), a.swedish, el('span', { class: 'unit', text: ', kronor' }));
  table.append(cap);
  const head = el('tr', {}, el('td'));
  for (const y of result.years) head.append(el('th', { scope: 'col', text: String(y) }));
  head.append(el('th', { scope: 'col', text: 'Totalt' }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const [key, label, totalKey] of ROW_LABELS) {
    const tr = el('tr', { class: key === 'net' ? 'total' : null });
    tr.append(el('th', { scope: 'row', text: label }));
    r[key].forEach((value, i) => {
      tr.append(el('td', { 'data-actor': a.id, 'data-field': key, 'data-year': String(result.years[i]), 'data-value': value, class: isNeg(value) ? 'neg' : null, text: krCell(value) }));
    });
    if (totalKey) {
      tr.append(el('td', { 'data-actor': a.id, 'data-field': totalKey, 'data-value': r[totalKey], class: isNeg(r[totalKey]) ? 'neg' : null, text: krCell(r[totalKey]) }));
    } else {
      tr.append(el('td', { 'aria-label': 'ej tillämpligt', text: '' }));
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== '') e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function niceStep(span) {
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

const mkr = (v) => {
  const abs = Math.abs(v);
  if (abs >= 1e6 || v === 0) return `${(v / 1e6).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} mkr`;
  return `${(v / 1e3).toLocaleString('sv-SE', { maximumFractionDigits: 0 })} tkr`;
};

/**
 * Inline SVG line chart of cumulative net per actor (numbers only place points). `width` is the
 * space it gets on screen: the drawing is made that wide (at most 760), so its text keeps its
 * size on a phone instead of being scaled down with the picture.
 */
function chart(result, width) {
  const W = Math.round(Math.min(760, Math.max(300, width || 760)));
  const narrow = W < 520;
  const H = narrow ? 320 : 380, L = narrow ? 66 : 78, R = narrow ? 24 : 20, T = 16, B = 40;
  const years = result.years;
  // Year labels need about 40 px each; on a narrow chart every second (third …) year is written.
  const yearEvery = Math.max(1, Math.ceil((years.length * 40) / (W - L - R)));
  const series = ACTORS.map((a) => ({ a, values: rowOf(result, a.id).cumulative_net.map(Number) }));
  let lo = Math.min(0, ...series.flatMap((s) => s.values));
  let hi = Math.max(0, ...series.flatMap((s) => s.values));
  if (lo === hi) hi = lo + 1;
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const x = (i) => L + (years.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (years.length - 1));
  const y = (v) => T + ((hi - v) * (H - T - B)) / (hi - lo);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'diagram-titel diagram-beskrivning' });
  root.append(svg('title', { id: 'diagram-titel' }, 'Ackumulerat netto per aktör och år'));
  const last = series.map((s) => `${s.a.swedish} ${kr(rowOf(result, s.a.id).cumulative_net.at(-1))}`).join(', ');
  root.append(svg('desc', { id: 'diagram-beskrivning' }, `Ackumulerat netto ${years.at(-1)}: ${last}.`));
  const grid = svg('g', { 'aria-hidden': 'true' });
  for (let v = lo; v <= hi + step / 2; v += step) {
    const yy = y(v);
    grid.append(svg('line', { x1: L, x2: W - R, y1: yy, y2: yy, stroke: Math.abs(v) < step / 2 ? '#1b1f24' : '#d5dbe2', 'stroke-width': Math.abs(v) < step / 2 ? 1.5 : 1 }));
    grid.append(svg('text', { x: L - 8, y: yy + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#4a5360' }, mkr(Math.abs(v) < step / 2 ? 0 : v)));
  }
  years.forEach((yr, i) => {
    if (i % yearEvery !== 0 && i !== years.length - 1) return;
    grid.append(svg('text', { x: x(i), y: H - B + 22, 'text-anchor': 'middle', 'font-size': 13, fill: '#1b1f24' }, String(yr)));
  });
  root.append(grid);
  // Society last, on top.
  for (const s of [...series.slice(0, -1), series.at(-1)]) {
    const st = STYLE[s.a.id];
    const g = svg('g', { 'data-actor': s.a.id });
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    g.append(svg('polyline', { points, fill: 'none', stroke: st.color, 'stroke-width': st.width ?? 2.25, 'stroke-dasharray': st.dash, 'stroke-linejoin': 'round' }));
    s.values.forEach((v, i) => {
      const c = svg('circle', { cx: x(i), cy: y(v), r: s.a.id === 'society' ? 4 : 3, fill: st.color });
      c.append(svg('title', {}, `${s.a.swedish} ${years[i]}: ${kr(rowOf(result, s.a.id).cumulative_net[i])}`));
      g.append(c);
    });
    root.append(g);
  }
  const legend = el('ul', { class: 'legend', 'aria-label': 'Teckenförklaring' });
  for (const s of series) {
    const st = STYLE[s.a.id];
    const sample = svg('svg', { viewBox: '0 0 32 12', 'aria-hidden': 'true' });
    sample.append(svg('line', { x1: 1, x2: 31, y1: 6, y2: 6, stroke: st.color, 'stroke-width': st.width ?? 2.5, 'stroke-dasharray': st.dash }));
    legend.append(el('li', {}, sample, s.a.swedish));
  }
  const box = el('div');
  box.append(root, legend);
  return box;
}

/** The chart's figures as a table (readable without hovering or seeing the lines). */
function chartTable(result) {
  const table = el('table', { id: 'diagram-data' });
  table.append(el('caption', { text: 'Ackumulerat netto per aktör och år, kronor' }));
  const head = el('tr', {}, el('th', { scope: 'col', text: 'Aktör' }));
  for (const y of result.years) head.append(el('th', { scope: 'col', text: String(y) }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const a of ACTORS) {
    const values = rowOf(result, a.id).cumulative_net;
    const tr = el('tr', { class: a.id === 'society' ? 'society' : null }, el('th', { scope: 'row', text: a.swedish }));
    for (const v of values) tr.append(el('td', { 'data-cumulative': v, class: isNeg(v) ? 'neg' : null, text: krCell(v) }));
    body.append(tr);
  }
  table.append(body);
  return scroller(table, 'Svep för att se fler år →');
}

function breakEvenBlock(scenario, be) {
  const box = el('div', { class: 'break-even' });
  if (be.length === 0) {
    box.append(el('p', { text: 'Välj minst en grupp för att se när aktörerna går jämnt ut.' }));
    return box;
  }
  be.forEach((c, i) => {
    const cohort = scenario.cohorts[i];
    const share = cohort.outcomes[0].share;
    box.append(el('h4', { text: `${c.name}: ${cohort.participants} deltagare, i kalkylen når ${samkalk.percent(share)} ${c.target_phrase}` }));
    const ul = el('ul');
    for (const s of c.sentences) ul.append(el('li', { class: s.actor === 'municipality' || s.actor === 'society' ? 'key' : null, text: s.text }));
    box.append(ul);
  });
  box.append(el('p', { class: 'help', text: 'Andelarna gäller hela gruppen, inklusive dem som hade nått arbete ändå (jämförelsegruppen). Varje grupp räknas för sig över hela kalkylperioden.' }));
  return box;
}

/**
 * The headline: society's result in one figure (the present value when the discount rate is
 * above 0, and it says so), what the municipality invests, and every actor that loses money.
 */
function summaryText(scenario, result, publicSector) {
  const y0 = result.years[0];
  const y1 = result.years.at(-1);
  const discounted = isDiscounted(scenario);
  const key = discounted ? 'npv' : 'total_net';
  const amount = (x) => readable(x).replace(/ /g, '\u00a0'); // an amount does not break across lines
  const inPv = discounted ? ` räknat i nuvärde (diskonteringsränta ${samkalk.percent(scenario.discount_rate)} per år)` : '';
  const soc = result.society[key];
  const socWord = isNeg(soc) ? 'nettoförlust' : 'nettovinst';
  let text = `${y0}–${y1} ger insatsen samhället en ${socWord} på ${amount(soc.replace('-', ''))}${inPv}. `;
  const pub = publicSector[key];
  text += `${LABELS.public_sector} som helhet (${listSv(LABELS.public_sector_members.map((id) => nameOf[id]))}): ${amount(pub)}${discounted ? ' i nuvärde' : ''}. `;
  const mun = result.actors.municipality;
  if (!isZero(mun.total_investment)) {
    text += `Kommunen investerar ${amount(mun.total_investment)}`;
    text += mun.payback_year === null ? ' och får inte tillbaka investeringen inom perioden. ' : ` och har fått tillbaka investeringen år ${mun.payback_year}. `;
  }
  const losers = ACTORS.filter((a) => a.id !== 'society' && isNeg(result.actors[a.id][key]));
  if (losers.length === 0) {
    text += `Ingen aktör går med förlust${discounted ? ' räknat i nuvärde' : ''}.`;
  } else {
    const list = listSv(losers.map((a) => `${a.swedish} (${amount(result.actors[a.id][key])})`));
    text += `Med förlust${discounted ? ' räknat i nuvärde' : ''}: ${list}.`;
  }
  return text;
}

/** The assumptions of the case, for the printout: groups, costs, shares, financing, taxes, rate. */
function assumptionsBlock(scenario, result) {
  const box = el('div', { class: 'assumptions' });
  box.append(el('h3', { text: 'Förutsättningar' }));
  const ul = el('ul');
  for (const c of scenario.cohorts) {
    const o = c.outcomes[0];
    ul.append(el('li', { text: `${c.name}: ${c.participants} deltagare, insats ${kr(c.intervention.cost_per_participant)} per deltagare i ${c.intervention.duration_months} månader. ${samkalk.percent(o.share)} når arbete; ${samkalk.percent(o.counterfactual_share ?? '0')} hade nått arbete ändå (jämförelsegrupp); ${samkalk.percent(o.retention ?? '1')} av dem i arbete är kvar varje år.` }));
  }
  const fin = Object.entries(scenario.cohorts[0]?.intervention.financing ?? {})
    .filter(([, share]) => !isZero(share)).map(([a, share]) => `${nameOf[a]} ${samkalk.percent(share)}`);
  if (fin.length) ul.append(el('li', { text: `Insatsen betalas av: ${listSv(fin)}.` }));
  ul.append(el('li', { text: `Skatter på lön: kommunalskatt ${samkalk.percent(DEFAULTS.tax.municipal_rate)}, regionskatt ${samkalk.percent(DEFAULTS.tax.regional_rate)}, arbetsgivaravgifter ${samkalk.percent(DEFAULTS.tax.employer_contribution_rate)}.` }));
  ul.append(el('li', { text: `Kalkylperiod ${result.years[0]}–${result.years.at(-1)}, diskonteringsränta ${samkalk.percent(scenario.discount_rate ?? '0')} per år. Belopp i ${scenario.price_year ?? DEFAULTS.price_year} års priser.` }));
  box.append(ul);
  return box;
}

function aboutBlock() {
  const box = el('div');
  box.append(el('p', { text: 'Kalkylen följer metoden för socioekonomiska investeringskalkyler som Nilsson och Wadeskog har utvecklat och som SKR och Finsam sprider (den kallas ibland KNUT): vad en person kostar varje offentlig aktör per år utan arbete, vad insatsen kostar, och vem som vinner när en andel av deltagarna når arbete. Vinsten räknas från månaden efter insatsens slut. Grupperna och beloppen är samkalks inbyggda standardvärden med källor.' }));
  box.append(el('p', { text: 'Grupperna AM1, AM2 och AM3 är kommunernas indelning av personer med försörjningsstöd efter hur nära arbete de står: AM1 kan gå direkt till Arbetsförmedlingen, AM2 behöver en kortare insats och AM3 längre, samordnade insatser från flera aktörer.' }));
  box.append(el('p', { text: `Skatter på lön: kommunalskatt ${samkalk.percent(DEFAULTS.tax.municipal_rate)}, regionskatt ${samkalk.percent(DEFAULTS.tax.regional_rate)}, arbetsgivaravgifter ${samkalk.percent(DEFAULTS.tax.employer_contribution_rate)} (effektiva satser). Prisår ${DEFAULTS.price_year}.` }));
  for (const id of ['AM2', 'AM3', 'work']) {
    const st = DEFAULTS.states[id];
    if (!st) continue;
    box.append(el('h4', { text: st.label || id }));
    if (st.description) box.append(el('p', { class: 'help', text: st.description }));
    if (st.earnings) {
      box.append(el('p', { text: `Månadslön ${kr(st.earnings.monthly_wage)}; ger skatter och arbetsgivaravgifter enligt satserna ovan.` }));
    }
    if (st.flows?.length) {
      const t = el('table');
      t.append(el('caption', { text: `Årliga flöden per person i ${id}` }));
      t.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Flöde' }), el('th', { scope: 'col', text: 'Betalas av' }), el('th', { scope: 'col', text: 'Till' }), el('th', { scope: 'col', text: 'Belopp per år' }))));
      const b = el('tbody');
      for (const f of st.flows) {
        b.append(el('tr', {}, el('th', { scope: 'row', text: f.label }), el('td', { style: 'text-align:left', text: f.payer ? nameOf[f.payer] : '–' }),
          el('td', { style: 'text-align:left', text: f.payee ? nameOf[f.payee] : 'förbrukas (resurs)' }), el('td', { text: kr(f.amount) })));
      }
      t.append(b);
      box.append(scroller(t, 'Svep för att se alla kolumner →'));
    }
  }
  return box;
}


// ---------------------------------------------------------------------------------------------
// Sensitivity and uncertainty ("Känslighet och osäkerhet"): a tornado over the main uncertain
// inputs and Monte Carlo "probability of gaining" per actor, computed by the engine's analysis
// module (samkalk/analysis) in a Web Worker after typing pauses. The request is the core's standard
// one for the form's scenario; every figure shown comes from the engine's result.
const ANALYSIS_DELAY_MS = 400;

/** The core's standard sensitivity request for a scenario, and a Swedish label per parameter. */
function analysisRequest(scenario) {
  const { request, labels, method } = samkalk.standardAnalysis(scenario, 'sv');
  return { request, method, labels: Object.fromEntries(labels.map((l) => [l.parameter, l])) };
}

const whoNpv = (byWho, id) => Number(byWho[id]);

/** Tornado rows for one actor in the core's order for that actor (largest swing first), with
 * the exact swing; the numbers lowV/highV only place the bars. */
function tornadoRows(result, actor) {
  const rows = result.tornado.rows;
  return samkalk.tornadoOrder(rows.map((r) => [r.npv_low[actor], r.npv_high[actor]])).map(({ index, swing }) => {
    const r = rows[index];
    return { ...r, swing, lowV: whoNpv(r.npv_low, actor), highV: whoNpv(r.npv_high, actor) };
  });
}

const LOW_COLOR = '#D55E00';
const HIGH_COLOR = '#0072B2';
// The low bars are also striped, so low and high differ in black-and-white print too.
const LOW_FILL = 'url(#tornado-lagt)';
function lowPattern() {
  const defs = svg('defs');
  const p = svg('pattern', { id: 'tornado-lagt', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  p.append(svg('rect', { width: 6, height: 6, fill: LOW_COLOR }), svg('line', { x1: 1, y1: 0, x2: 1, y2: 6, stroke: '#fff', 'stroke-width': 2 }));
  defs.append(p);
  return defs;
}

function tornadoChart(result, labels, actor, width) {
  const rows = tornadoRows(result, actor);
  const base = whoNpv(result.tornado.base, actor);
  // As wide as its place on screen (see chart); narrow: each label above its bar.
  const W = Math.round(Math.min(760, Math.max(300, width || 760)));
  const narrow = W < 560;
  const L = narrow ? 28 : 300, R = narrow ? 28 : 24, T = 30, RowH = narrow ? 64 : 40, B = 34;
  const barY = narrow ? 36 : 6, barH = narrow ? 20 : RowH - 14;
  const H = T + rows.length * RowH + B;
  let lo = Math.min(base, ...rows.flatMap((r) => [r.lowV, r.highV]));
  let hi = Math.max(base, ...rows.flatMap((r) => [r.lowV, r.highV]));
  if (lo === hi) { lo -= 1; hi += 1; }
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const x = (v) => L + ((v - lo) * (W - L - R)) / (hi - lo);
  const who = nameOf[actor];
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'tornado-titel tornado-beskrivning' });
  root.append(lowPattern());
  root.append(svg('title', { id: 'tornado-titel' }, `Tornadodiagram: ${who}s nuvärde när ett antagande i taget ändras`));
  const top = rows.slice(0, 3).map((r) => `${labels[r.parameter]?.what ?? r.parameter} (${kr(r.npv_low[actor])} till ${kr(r.npv_high[actor])})`).join('; ');
  root.append(svg('desc', { id: 'tornado-beskrivning' }, `Nuvärde i kalkylen ${kr(result.tornado.base[actor])}. Störst påverkan: ${top}.`));
  const grid = svg('g', { 'aria-hidden': 'true' });
  const tickEvery = Math.max(1, Math.ceil((((hi - lo) / step + 1) * 64) / (W - L - R)));
  for (let v = lo, k = 0; v <= hi + step / 2; v += step, k++) {
    const xx = x(v);
    grid.append(svg('line', { x1: xx, x2: xx, y1: T - 6, y2: H - B + 4, stroke: '#d5dbe2' }));
    if (k % tickEvery === 0) grid.append(svg('text', { x: xx, y: H - B + 20, 'text-anchor': 'middle', 'font-size': 12, fill: '#4a5360' }, mkr(Math.abs(v) < step / 2 ? 0 : v)));
  }
  if (lo < 0 && hi > 0) grid.append(svg('line', { x1: x(0), x2: x(0), y1: T - 6, y2: H - B + 4, stroke: '#1b1f24', 'stroke-width': 1.5 }));
  root.append(grid);
  rows.forEach((r, k) => {
    const y = T + k * RowH;
    const g = svg('g', { class: 'tornado-bar', 'data-parameter': r.parameter });
    const label = labels[r.parameter] ?? { what: r.parameter, low: r.low, high: r.high };
    const tx = narrow ? L : L - 12;
    const anchor = narrow ? 'start' : 'end';
    // Narrow: a white halo keeps the label readable where the grid and the base line pass under it.
    const halo = narrow ? { stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' } : {};
    g.append(svg('text', { x: tx, y: y + 15, 'text-anchor': anchor, 'font-size': 13.5, 'font-weight': 600, fill: '#1b1f24', ...halo }, label.what));
    g.append(svg('text', { x: tx, y: y + 31, 'text-anchor': anchor, 'font-size': 12, fill: '#4a5360', ...halo }, `${label.low}–${label.high}`));
    const seg = (v, color, which) => {
      const x0 = Math.min(x(base), x(v));
      const w = Math.max(Math.abs(x(v) - x(base)), 1.5);
      const rect = svg('rect', { x: x0, y: y + barY, width: w, height: barH, fill: color, rx: 2 });
      rect.append(svg('title', {}, `${label.what}, ${which} värde: ${kr(which === 'lågt' ? r.npv_low[actor] : r.npv_high[actor])}`));
      return rect;
    };
    g.append(seg(r.lowV, LOW_FILL, 'lågt'), seg(r.highV, HIGH_COLOR, 'högt'));
    root.append(g);
  });
  const baseLine = svg('line', { x1: x(base), x2: x(base), y1: T - 10, y2: H - B + 4, stroke: '#1b1f24', 'stroke-width': 2, 'stroke-dasharray': '4 3', 'aria-hidden': 'true' });
  // Narrow: the labels sit above the bars, so the line goes under them rather than through them.
  if (narrow) grid.after(baseLine);
  else root.append(baseLine);
  root.append(svg('text', { x: x(base), y: T - 14, 'text-anchor': x(base) > W - 160 ? 'end' : x(base) < 160 ? 'start' : 'middle', 'font-size': 12.5, fill: '#1b1f24', 'aria-hidden': 'true' }, `Kalkylen: ${kr(result.tornado.base[actor])}`));
  const legend = el('ul', { class: 'legend', 'aria-hidden': 'true' });
  for (const [fill, text] of [[LOW_FILL, 'Lägre värde på antagandet (randig stapel)'], [HIGH_COLOR, 'Högre värde på antagandet (hel stapel)']]) {
    const sample = svg('svg', { viewBox: '0 0 18 12', class: 'swatch-svg' });
    sample.append(svg('rect', { width: 18, height: 12, rx: 2, fill }));
    legend.append(el('li', {}, sample, text));
  }
  const box = el('div');
  box.append(root, legend);
  return box;
}

function tornadoTable(result, labels, actor) {
  const table = el('table', { id: 'tornado-data' });
  table.append(el('caption', { text: `${nameOf[actor]}: nuvärde när ett antagande i taget ändras, kronor` }));
  table.append(el('thead', {}, el('tr', {}, ...['Antagande', 'Lågt värde', 'Nuvärde vid lågt', 'Högt värde', 'Nuvärde vid högt', 'Skillnad'].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const r of tornadoRows(result, actor)) {
    const label = labels[r.parameter] ?? { what: r.parameter, low: r.low, high: r.high };
    body.append(el('tr', {},
      el('th', { scope: 'row', text: label.what }),
      el('td', { text: label.low }),
      el('td', { 'data-npv': r.npv_low[actor], class: isNeg(r.npv_low[actor]) ? 'neg' : null, text: krCell(r.npv_low[actor]) }),
      el('td', { text: label.high }),
      el('td', { 'data-npv': r.npv_high[actor], class: isNeg(r.npv_high[actor]) ? 'neg' : null, text: krCell(r.npv_high[actor]) }),
      el('td', { text: krCell(r.swing) })));
  }
  table.append(body);
  return table;
}

/** An amount that does not break across lines ("7 101 628 kr"). */
const krNb = (x) => kr(x).replace(/ /g, '\u00a0');

function probabilityList(result) {
  const stats = result.monte_carlo.statistics;
  const items = [];
  for (const a of ACTORS) {
    const s = stats[a.id];
    const pct = samkalk.percent(s.probability_gain);
    const untouched = s.min === '0.00' && s.max === '0.00';
    const width = Math.max(0, Math.min(100, Number(s.probability_gain) * 100));
    const note = untouched
      ? 'Berörs inte: nettot är 0 kr i alla omräkningar.'
      : `Går plus i ${s.gains.toLocaleString('sv-SE')} av ${result.monte_carlo.draws.toLocaleString('sv-SE')} omräkningar. Nuvärde i mitten ${krNb(s.p50)}, i 9 fall av 10 mellan ${krNb(s.p5)} och ${krNb(s.p95)}.`;
    items.push(el('li', { 'data-actor': a.id, 'data-value': s.probability_gain, 'data-untouched': untouched ? 'true' : null, class: a.id === 'society' ? 'society' : null },
      el('span', { class: 'who', text: a.swedish }),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, untouched ? null : el('span', { class: `fill${width < 50 ? ' low' : ''}`, style: `width:${width}%` })),
      el('span', { class: 'pct', text: untouched ? 'berörs inte' : pct }),
      el('span', { class: 'note', text: note })));
  }
  return items;
}

/** One plain sentence per actor: how often it comes out ahead, or that it is not affected. */
function oddsSentences(result) {
  const stats = result.monte_carlo.statistics;
  return ACTORS.map((a) => {
    const s = stats[a.id];
    const untouched = s.min === '0.00' && s.max === '0.00';
    const text = untouched ? `${a.swedish} berörs inte.` : `${a.swedish} går plus i ${samkalk.percent(s.probability_gain)} av fallen.`;
    return el('li', { 'data-actor': a.id, class: a.id === 'society' ? 'society' : null, text });
  });
}

const analysisState = { timer: 0, worker: null, busy: false, id: 0, fallback: !('Worker' in window), actor: 'society', last: null };
window.samkalkAnalysis = null;

function setAnalysisStatus(text, progress) {
  $('kanslighet-status').textContent = text;
  const bar = $('kanslighet-progress');
  bar.hidden = progress === undefined;
  if (progress !== undefined) bar.value = progress;
}

function renderAnalysis() {
  const last = analysisState.last;
  if (!last) return;
  const { result, labels } = last;
  const actor = analysisState.actor;
  $('tornado').replaceChildren(tornadoChart(result, labels, actor, $('tornado').clientWidth));
  $('tornado-tabell').replaceChildren(el('p', { class: 'scroll-hint', 'aria-hidden': 'true', text: 'Svep för att se alla kolumner →' }), tornadoTable(result, labels, actor));
  if (result.monte_carlo) {
    $('sannolikhet').replaceChildren(...probabilityList(result));
    $('oddsen').replaceChildren(...oddsSentences(result));
    // What was varied and how: the core's words for its own standard request.
    $('sannolikhet-metod').textContent = last.method;
  } else {
    $('sannolikhet').replaceChildren();
    $('oddsen').replaceChildren();
    $('sannolikhet-metod').textContent = 'Välj minst en grupp för att se sannolikheten att gå plus.';
  }
}

function analysisDone(id, result, error) {
  if (id !== analysisState.id) return; // stale
  analysisState.busy = false;
  const section = $('kanslighet');
  if (error) {
    setAnalysisStatus(`Känslighetsanalysen kunde inte göras: ${(error.errors ?? []).map((e) => (e.path ? `${e.path}: ` : '') + (e.message_sv ?? e.message)).join('; ') || error.message}`);
    section.dataset.state = 'error';
    return;
  }
  analysisState.last = { ...analysisState.pending, result };
  window.samkalkAnalysis = { scenario: analysisState.pending.scenario, request: analysisState.pending.request, result };
  renderAnalysis();
  markScrollers();
  setAnalysisStatus('Känslighetsanalysen är klar.');
  section.dataset.state = 'done';
  section.dataset.run = String(id);
  postHeight();
}

function newWorker() {
  const w = new Worker(new URL('./analysis-worker.js', import.meta.url), { type: 'module' });
  w.onmessage = ({ data }) => {
    if (data.unavailable) {
      analysisState.fallback = true;
      analysisState.worker?.terminate();
      analysisState.worker = null;
      if (data.id === analysisState.id) runAnalysis();
      return;
    }
    if (data.progress) {
      if (data.id === analysisState.id) setAnalysisStatus('Räknar osäkerheten …', data.progress[0] / Math.max(1, data.progress[1]));
      return;
    }
    analysisDone(data.id, data.result, data.error);
  };
  w.onerror = (e) => {
    // Module workers unsupported (or failed to load): run on the page instead.
    e.preventDefault?.();
    analysisState.fallback = true;
    analysisState.worker = null;
    if (analysisState.busy) runAnalysis();
  };
  return w;
}

async function runAnalysis() {
  const pending = analysisState.pending;
  const id = ++analysisState.id;
  analysisState.busy = true;
  $('kanslighet').dataset.state = 'running';
  setAnalysisStatus('Räknar osäkerheten …', 0);
  if (analysisState.fallback) {
    const { analyse } = await import('./pkg/analysis.js');
    if (id !== analysisState.id) return;
    try {
      analysisDone(id, analyse(pending.scenario, pending.request));
    } catch (e) {
      analysisDone(id, null, { message: String(e.message ?? e), errors: e.errors });
    }
    return;
  }
  analysisState.worker ??= newWorker();
  analysisState.worker.postMessage({ id, scenario: pending.scenario, request: pending.request });
}

/** Called after every valid recalculation: runs the analysis once typing pauses. */
function scheduleAnalysis(scenario, groups) {
  clearTimeout(analysisState.timer);
  if (analysisState.last) $('kanslighet').dataset.state = 'stale';
  analysisState.timer = setTimeout(() => {
    if (analysisState.busy && analysisState.worker) {
      // A run for an older form state is still going: drop it.
      analysisState.worker.terminate();
      analysisState.worker = null;
    }
    analysisState.pending = { scenario, groups, ...analysisRequest(scenario) };
    runAnalysis();
  }, analysisState.last ? ANALYSIS_DELAY_MS : 0);
}

// ---------------------------------------------------------------------------------------------
// State: the last valid scenario and result stay on screen while an input is invalid.
let lastGood = null;
let summaryTimer = 0;

function render(scenario, result, publicSector) {
  $('oversikt').replaceChildren(overviewTable(scenario, result, publicSector));
  drawCharts(result);
  $('diagram-tabell').replaceChildren(chartTable(result));
  $('jamnt').replaceChildren(breakEvenBlock(scenario, samkalk.breakEven(scenario)));
  const tables = $('tabeller');
  tables.replaceChildren(...ACTORS.map((a) => {
    const box = scroller(yearTable(result, a), 'Svep för att se fler år →');
    if (untouchedActor(result, a.id)) box.classList.add('all-zero');
    return box;
  }));
  const untouched = ACTORS.filter((a) => untouchedActor(result, a.id)).map((a) => a.swedish);
  $('berors-inte').textContent = untouched.length ? `Berörs inte i kalkylen (alla belopp 0 kr): ${listSv(untouched)}.` : '';
  $('berors-inte').hidden = untouched.length === 0;
  $('forutsattningar').replaceChildren(assumptionsBlock(scenario, result));
  $('scenario-json').textContent = JSON.stringify(scenario, null, 2);
  printHead();
  // The visible summary follows at once; the screen-reader announcement (a live region) waits
  // until typing pauses, so it is not read out on every keystroke.
  const text = summaryText(scenario, result, publicSector);
  $('sammanfattning').textContent = text;
  clearTimeout(summaryTimer);
  summaryTimer = setTimeout(() => { $('sammanfattning-live').textContent = text; }, lastGood ? 800 : 0);
  requestAnimationFrame(markScrollers);
}

/** The line chart at the width it has now (redrawn when that changes much, e.g. on rotation). */
let chartWidth = 0;
function drawCharts(result) {
  chartWidth = $('diagram').clientWidth;
  $('diagram').replaceChildren(chart(result, chartWidth));
}

/** The printout's date and link (the case as a link, without embedding). */
function printHead() {
  $('utskrift-datum').textContent = `Utskriven ${new Date().toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' })}.`;
  $('utskrift-lank').textContent = shareLink();
}

const shareLink = () => location.href.replace(/([?&])embed=[^&]*&?/, '$1').replace(/[?&]$/, '');

/**
 * The form's state lives in the URL. Typing replaces the current history entry; the first
 * change after a committed one (a `change` event: leaving a field, ticking a box) adds a new
 * entry, so the browser's Back returns to the form as it was before.
 */
let editing = false;
function syncUrl(v, mode) {
  const params = new URLSearchParams(location.search);
  // A removed group's fields leave the link with it.
  for (const k of [...params.keys()]) if (/^g\d+(_|$)/.test(k) && !(k in v)) params.delete(k);
  for (const [k, val] of Object.entries(v)) {
    if (val === '' && (CHOICES.includes(k) || k === 'tillstand' || k === 'aktor' || k === 'grupper' || k.endsWith('_steg'))) params.delete(k);
    else params.set(k, val);
  }
  const url = `${location.pathname}?${params}${location.hash}`;
  if (mode === 'restore') return;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  // Embedded in another page, the frame's entries would sit in the host page's Back button.
  if (mode === 'edit' && !editing && !embedded) {
    history.pushState(null, '', url);
    editing = true;
  } else {
    history.replaceState(null, '', url);
  }
}

/** A comparison group above the share reaching work: allowed, but it means a loss; the core says so. */
function showWarnings(scenario, groups) {
  for (const g of GROUPS) {
    const box = $(`${g.id}_jmf-warning`);
    const input = form.elements[`${g.id}_jmf`];
    const i = groups.indexOf(g.id);
    const o = i >= 0 ? scenario.cohorts[i].outcomes[0] : null;
    const valid = o && o.share !== undefined && o.counterfactual_share !== undefined && input.getAttribute('aria-invalid') !== 'true'
      && form.elements[`${g.id}_arbete`].getAttribute('aria-invalid') !== 'true';
    const warning = valid ? samkalk.comparisonWarning(o.share, o.counterfactual_share, 'sv') : null;
    box.hidden = !warning;
    box.textContent = warning ?? '';
    if (warning) input.setAttribute('aria-describedby', box.id);
    else if (input.getAttribute('aria-describedby') === box.id) input.removeAttribute('aria-describedby');
  }
}

/**
 * What the result area says about the form: the count of fields with a message, whether the
 * result on screen is old (dimmed and marked) or missing, and that no group is chosen.
 */
function showState(noGroups) {
  const invalid = [...document.querySelectorAll('.inputs .error, .workbench .error')].filter((e) => !e.hidden).length;
  $('form-status').hidden = invalid === 0;
  $('form-status').textContent = invalid === 0 ? '' : invalid === 1 ? 'Ett värde behöver rättas.' : `${invalid} värden behöver rättas.`;
  const stale = invalid > 0 && !!lastGood && !noGroups;
  $('stale').hidden = !(invalid > 0 && !noGroups);
  $('stale').textContent = lastGood
    ? 'Resultatet gäller inte de nuvarande värdena. Rätta det som är markerat i formuläret; resultatet nedan är från de senaste giltiga värdena.'
    : 'Inget resultat ännu: rätta det som är markerat i formuläret.';
  $('resultat').toggleAttribute('data-stale', stale);
  $('inga-grupper').hidden = !noGroups;
  $('inga-grupper-form').hidden = !noGroups;
  $('resultat-innehall').hidden = noGroups || !lastGood;
  $('csv').disabled = invalid > 0;
  document.body.dataset.state = invalid ? 'invalid' : noGroups ? 'empty' : 'valid';
}

/** Recalculates from the form. `mode`: "edit" (typing), "restore" (Back/Forward), "replace". */
function update(mode = 'edit') {
  const v = readForm();
  for (const g of GROUPS) form.querySelector(`[data-group="${g.id}"]`).toggleAttribute('data-off', v[g.id] !== '1');
  syncUrl(v, mode);
  const { scenario, groups, faults } = buildScenario(v);
  const used = [...scenario.cohorts.map((c) => c.origin), ...scenario.cohorts.flatMap((c) => c.outcomes.flatMap((o) => [o.target, ...(o.then ?? []).map((m) => m.to)]))];
  workbench.drawStates([...new Set(used)], scenario.price_year, () => update('edit'));
  let result = null;
  let publicSector = null;
  let errors = faults;
  // A field the parsers refuse gives no new result: the last valid one stays, marked as old.
  // The other fields are still checked by the core, so every wrong field gets its message;
  // a field the parser already refused keeps the parser's one.
  if (faults.length === 0) {
    try {
      ({ result, publicSector } = samkalk.calculateWithPublicSector(scenario));
    } catch (e) {
      if (!(e instanceof samkalk.ScenarioError)) throw e;
      errors = e.errors;
    }
  } else {
    const refused = new Set(faults.map((f) => f.field));
    errors = faults.concat(samkalk.validate(scenario).filter((e) => !refused.has(fieldFor(e.path, groups))));
  }
  const noGroups = groups.length === 0;
  window.samkalkInput = { scenario, errors }; // what the form sent the engine, for tests and debugging
  if (result && !noGroups) {
    workbench.showSummary(scenario);
    render(scenario, result, publicSector);
    pathways.showTrace(scenario, stateLabel);
    lastGood = { scenario, result };
    window.samkalkState = { scenario, result };
    scheduleAnalysis(scenario, groups);
  }
  showErrors(errors, groups);
  showWarnings(scenario, groups);
  showState(noGroups);
  postHeight();
}

function applyParams(params) {
  // The added groups first, so that their fields exist.
  const wanted = (params.get('grupper') ?? '').split(',').filter((id) => /^g\d{1,3}$/.test(id));
  for (const g of GROUPS.filter((x) => !x.fixed && !wanted.includes(x.id))) removeGroup(g.id);
  for (const id of wanted) if (!GROUPS.some((g) => g.id === id)) addGroup(id);
  for (const name of FREE_FIELDS) form.elements[name].value = params.get(name) ?? INITIAL[name];
  for (const name of TEXT_FIELDS) {
    const value = params.get(name);
    form.elements[name].value = value ?? INITIAL[name];
  }
  for (const name of CHECKBOXES) {
    const value = params.get(name);
    form.elements[name].checked = (value ?? INITIAL[name]) === '1';
  }
  for (const name of CHOICES) form.elements[name].value = params.get(name) ?? INITIAL[name];
  let own = null;
  try {
    own = JSON.parse(params.get('tillstand') ?? 'null');
  } catch {
    own = null;
  }
  workbench.loadEdits(own && typeof own === 'object' ? own : null);
  workbench.redrawStates();
  for (const g of GROUPS) pathways.loadSteps(g.id, params.get(`${g.id}_steg`));
  drawAllSteps();
  analysisState.actor = params.get('aktor') || 'society';
  if (![...$('tornado-aktor').options].some((o) => o.value === analysisState.actor)) analysisState.actor = 'society';
  $('tornado-aktor').value = analysisState.actor;
}

/** Adds a group (id g3, g4, ...) with a fieldset like AM2's and a state to start from. */
function addGroup(id) {
  const n = id.slice(1);
  const g = { id, fixed: false };
  const start = { [`${id}_n`]: '10', [`${id}_kostnad`]: '50 000', [`${id}_man`]: '6', [`${id}_arbete`]: '30', [`${id}_jmf`]: '5', [`${id}_kvar`]: '85' };
  const fs = el('fieldset', { class: 'group', 'data-group': id, 'aria-describedby': 'grupp-help' });
  fs.append(el('legend', {}, el('label', { class: 'include' }, el('input', { type: 'checkbox', name: id, id, checked: true }), ' ', el('span', { text: `Grupp ${n}` }))));
  const fields = el('div', { class: 'fields' });
  const origin = el('select', { id: `${id}_fran`, name: `${id}_fran` });
  for (const [sid, st] of Object.entries(DEFAULTS.states)) origin.append(el('option', { value: sid, text: st.label || sid }));
  fields.append(el('div', { class: 'field wide' }, el('label', { for: origin.id, text: 'Utgångsläge' }), origin, el('p', { class: 'error', id: `${id}_fran-error`, hidden: true })));
  const labels = { n: 'Antal deltagare', kostnad: 'Kostnad per deltagare', man: 'Insatsens längd', arbete: 'Andel som når arbete', jmf: 'Hade nått arbete ändå (jämförelsegrupp)', kvar: 'Kvar i arbete, varje år' };
  const units = { kostnad: 'kr', man: 'månader', arbete: '%', jmf: '%', kvar: '%' };
  for (const [key, text] of Object.entries(labels)) {
    const name = `${id}_${key}`;
    const label = el('label', { for: name }, text, units[key] ? ' ' : null, units[key] ? el('span', { class: 'unit', text: units[key] }) : null);
    const input = el('input', { id: name, name, inputmode: KIND_OF[key], autocomplete: 'off', value: start[name] });
    const box = el('div', { class: 'field' }, label, input, el('p', { class: 'error', id: `${name}-error`, hidden: true }));
    if (key === 'jmf') box.append(el('p', { class: 'warning', id: `${name}-warning`, hidden: true }));
    fields.append(box);
  }
  fields.append(el('div', { class: 'field wide' }, el('label', { for: `${id}_namn`, text: 'Gruppens namn' }), el('input', { id: `${id}_namn`, name: `${id}_namn`, autocomplete: 'off', value: `Grupp ${n}` })));
  fs.append(fields);
  const remove = el('button', { type: 'button', class: 'secondary', text: `Ta bort grupp ${n}` });
  remove.addEventListener('click', () => {
    removeGroup(id);
    update('edit');
    editing = false;
    $('ny-grupp').focus();
  });
  fs.append(remove);
  $('ny-grupp-rad').before(fs);
  Object.assign(KIND, groupKinds(id));
  Object.assign(INITIAL, start, { [`${id}_namn`]: `Grupp ${n}`, [`${id}_fran`]: origin.value, [id]: '1' });
  TEXT_FIELDS.push(...Object.keys(groupKinds(id)));
  CHECKBOXES.push(id);
  FREE_FIELDS.push(`${id}_namn`, `${id}_fran`);
  GROUPS.push(g);
  return g;
}
const KIND_OF = { n: 'numeric', kostnad: 'decimal', man: 'numeric', arbete: 'decimal', jmf: 'decimal', kvar: 'decimal' };

function removeGroup(id) {
  const i = GROUPS.findIndex((g) => g.id === id && !g.fixed);
  if (i < 0) return;
  GROUPS.splice(i, 1);
  form.querySelector(`[data-group="${id}"]`)?.remove();
  for (const name of Object.keys(groupKinds(id))) {
    TEXT_FIELDS.splice(TEXT_FIELDS.indexOf(name), 1);
    delete KIND[name];
  }
  CHECKBOXES.splice(CHECKBOXES.indexOf(id), 1);
  for (const name of [`${id}_namn`, `${id}_fran`]) FREE_FIELDS.splice(FREE_FIELDS.indexOf(name), 1);
  delete pathways.steps[id];
}

/** A state's name for people: its label (the user's own, or the built-in one), else its id. */
function stateLabel(id) {
  return workbench.edits[id]?.label || DEFAULTS.states[id]?.label || id;
}

/** The step editors of the groups (a step can go to any built-in state but the group's origin). */
function drawAllSteps() {
  for (const g of GROUPS) {
    let box = document.getElementById(`${g.id}-steg-box`);
    if (!box) {
      box = el('div', { class: 'steps', id: `${g.id}-steg-box` });
      form.querySelector(`[data-group="${g.id}"] .fields`).after(box);
    }
    const origin = g.fixed ? g.origin : form.elements[`${g.id}_fran`].value;
    const states = Object.keys(DEFAULTS.states).filter((id) => id !== origin).map((id) => [id, stateLabel(id)]);
    pathways.drawSteps(g.id, box, states, stateLabel('work'), () => update('edit'));
  }
}

// ---------------------------------------------------------------------------------------------
// Embedding: ?embed=1 (or inside an iframe) drops header and footer and reports the height.
const params = new URLSearchParams(location.search);
const embedded = params.has('embed') || window.self !== window.top;
if (embedded) document.documentElement.classList.add('embedded');
let lastHeight = 0;
function postHeight() {
  if (!embedded || window.parent === window) return;
  const h = document.documentElement.scrollHeight;
  if (h !== lastHeight) {
    lastHeight = h;
    window.parent.postMessage({ type: 'samkalk:height', height: h }, '*');
  }
}
if (embedded && 'ResizeObserver' in window) new ResizeObserver(postHeight).observe(document.body);

// ---------------------------------------------------------------------------------------------
for (const g of GROUPS) {
  const st = DEFAULTS.states[g.origin];
  if (st) $(`${g.id}-label`).textContent = st.label;
}
$('version').textContent = samkalk.version;
$('ny-grupp').addEventListener('click', () => {
  let k = 3;
  while (GROUPS.some((g) => g.id === `g${k}`)) k++;
  addGroup(`g${k}`);
  drawAllSteps();
  update('edit');
  editing = false;
  $(`g${k}_fran`).focus();
});
for (const a of ACTORS) $('tornado-aktor').append(el('option', { value: a.id, selected: a.id === 'society', text: a.swedish }));
$('tornado-aktor').addEventListener('change', (e) => {
  analysisState.actor = e.target.value;
  syncUrl(readForm(), 'replace');
  renderAnalysis();
});
$('om').replaceChildren(aboutBlock());
if (location.search.length > samkalk.MAX_SCENARIO_CHARS) {
  // A link longer than the core reads: the example instead, and a message.
  applyParams(new URLSearchParams());
  history.replaceState(null, '', location.pathname);
  $('dela-status').textContent = `Länken är för lång: den har ${params.toString().length} tecken, kalkylen läser högst ${samkalk.MAX_SCENARIO_CHARS}. Exemplet visas i stället.`;
} else {
  applyParams(params);
}
form.elements.kommun.addEventListener('input', () => {
  if (form.elements.kommun.value.trim()) form.elements.skattemetod.value = 'rules';
});
form.addEventListener('input', () => update('edit'));
form.addEventListener('change', () => {
  update('edit');
  editing = false; // committed: the next edit starts a new history entry
});
form.addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', () => {
  applyParams(new URLSearchParams(location.search));
  editing = false;
  update('restore');
});
window.addEventListener('beforeprint', printHead);
// Drawings follow their width (a phone turned, a window resized); tables say when they scroll.
if ('ResizeObserver' in window) {
  new ResizeObserver(() => {
    markScrollers();
    if (!lastGood) return;
    if (Math.abs($('diagram').clientWidth - chartWidth) > 40) drawCharts(lastGood.result);
    const t = $('tornado').querySelector('svg');
    if (t && Math.abs($('tornado').clientWidth - Number(t.viewBox.baseVal.width)) > 40 && $('tornado').clientWidth > 0) renderAnalysis();
  }).observe($('resultat'));
}
document.addEventListener('toggle', markScrollers, true);

$('csv').addEventListener('click', () => {
  if (!lastGood) return;
  // The form Swedish Excel opens as a table (semicolons, decimal commas, the assumptions first).
  const text = samkalk.toCsv(lastGood.scenario, { lang: 'sv' });
  const years = lastGood.result.years;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: `samkalk-${years[0]}-${years.at(-1)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
// The workbook writer is its own .wasm (pkg/workbook.js), fetched on the first click only.
$('excel').addEventListener('click', async () => {
  if (!lastGood) return;
  const status = $('excel-status');
  status.textContent = 'Skapar arbetsboken …';
  try {
    const { workbook } = await import('./pkg/workbook.js');
    const bytes = workbook(lastGood.scenario, { lang: 'sv' });
    const years = lastGood.result.years;
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const a = el('a', { href: url, download: `samkalk-${years[0]}-${years.at(-1)}.xlsx` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = '';
  } catch (e) {
    status.textContent = `Arbetsboken kunde inte skapas: ${e.message}`;
  }
});
$('skriv').addEventListener('click', () => window.print());
$('dela').addEventListener('click', async () => {
  const link = shareLink();
  try {
    await navigator.clipboard.writeText(link);
    $('dela-status').textContent = 'Länken är kopierad. Den som öppnar den ser samma kalkyl.';
  } catch {
    $('dela-status').textContent = `Kopiera länken: ${link}`;
  }
});
// "Återställ exemplet" keeps the case it throws away: "Ångra" (or the browser's Back) brings it back.
let beforeReset = null;
$('aterstall').addEventListener('click', () => {
  beforeReset = readForm();
  applyParams(new URLSearchParams());
  editing = false;
  update('edit');
  editing = false;
  $('dela-status').textContent = 'Exemplet är återställt. Dina värden finns kvar under Ångra och bakåtknappen.';
  $('angra-rad').hidden = false;
});
$('angra').addEventListener('click', () => {
  if (!beforeReset) return;
  applyParams(new URLSearchParams(beforeReset));
  beforeReset = null;
  editing = false;
  update('edit');
  editing = false;
  $('angra-rad').hidden = true;
  $('dela-status').textContent = 'Dina värden är tillbaka.';
  $('aterstall').focus();
});

update('replace');
document.body.dataset.ready = 'true';

// ---------------------------------------------------------------------------------------------
// Keep and share: the calculation as a file (the scenario JSON, which the CLI, Python and Rust
// read too), and opened again. A file is read by the core first: an invalid one shows the core's
// messages and changes nothing; one the form cannot show whole is refused.
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

$('spara').addEventListener('click', () => {
  if (!lastGood) return;
  const years = lastGood.result.years;
  download(`${JSON.stringify(lastGood.scenario, null, 2)}\n`, `samkalk-${years[0]}-${years.at(-1)}.json`, 'application/json');
  $('fil-status').textContent = 'Kalkylen är sparad som fil (scenariot som JSON).';
});

/** The form's link parameters for a scenario the core has accepted; null when the form cannot
 * hold it (checked afterwards by comparing results). */
function paramsOf(s) {
  const p = new URLSearchParams();
  const pct = (x) => samkalk.inputText('percent', x);
  const amt = (x) => samkalk.inputText('amount', x);
  p.set('ar', String(s.start_year));
  p.set('horisont', String(s.horizon_years ?? 4));
  p.set('ranta', pct(s.discount_rate ?? '0'));
  for (const g of GROUPS) p.set(g.id, '0');
  const extra = [];
  const taken = new Set();
  for (const c of s.cohorts ?? []) {
    let g = GROUPS.find((x) => x.fixed && x.origin === c.origin && !taken.has(x.id));
    if (!g) {
      g = { id: `g${3 + extra.length}` };
      extra.push(g.id);
      p.set(`${g.id}_fran`, c.origin);
    }
    taken.add(g.id);
    p.set(`${g.id}_namn`, c.name ?? '');
    const o = c.outcomes?.[0] ?? {};
    p.set(g.id, '1');
    p.set(`${g.id}_n`, String(c.participants));
    p.set(`${g.id}_kostnad`, amt(c.intervention?.cost_per_participant ?? '0'));
    p.set(`${g.id}_man`, String(c.intervention?.duration_months ?? 0));
    p.set(`${g.id}_arbete`, pct(o.share ?? '0'));
    p.set(`${g.id}_jmf`, pct(o.counterfactual_share ?? '0'));
    p.set(`${g.id}_kvar`, pct(o.retention ?? '1'));
    const fin = c.intervention?.financing ?? { municipality: '1' };
    for (const f of FINANCING) p.set(f.field, pct(fin[f.actor] ?? '0'));
    pathways.stepsFromMoves(g.id, o.then);
    if (o.then?.length) p.set(`${g.id}_steg`, pathways.stepsForLink(g.id));
  }
  if (extra.length) p.set('grupper', extra.join(','));
  if (s.version === 2 && s.price_year) p.set('prisar', String(s.price_year));
  if (s.tax?.method === 'rules') p.set('skattemetod', 'rules');
  if (s.tax?.municipality) p.set('kommun', String(s.tax.municipality));
  if (s.states && Object.keys(s.states).length) p.set('tillstand', JSON.stringify(s.states));
  return p;
}

function showFileFaults(intro, faults) {
  $('fil-status').textContent = intro;
  const list = $('fil-fel');
  list.replaceChildren(...faults.map((f) => el('li', {}, el('code', { text: f.path || '(hela filen)' }), ': ', f.message_sv ?? f.message)));
  list.hidden = faults.length === 0;
}

/** Opens a scenario text (a file's): everything or nothing. */
function openScenarioText(text) {
  if (text.length > samkalk.MAX_SCENARIO_CHARS) {
    showFileFaults(`Filen är för stor: den har ${text.length} tecken, kalkylen läser högst ${samkalk.MAX_SCENARIO_CHARS}. Inget i kalkylen har ändrats.`, []);
    return false;
  }
  const faults = samkalk.validate(text);
  if (faults.length) {
    showFileFaults('Filen kunde inte öppnas; kalkylen är som förut. Det här behöver rättas i filen:', faults);
    return false;
  }
  const before = new URLSearchParams(location.search);
  const fromFile = samkalk.calculate(text);
  const scenario = JSON.parse(text);
  applyParams(paramsOf(scenario));
  const shown = buildScenario(readForm());
  let same = false;
  try {
    same = shown.faults.length === 0 && JSON.stringify(samkalk.calculate(shown.scenario).actors) === JSON.stringify(fromFile.actors);
  } catch {
    same = false;
  }
  if (!same) {
    applyParams(before);
    update('replace');
    showFileFaults('Filen är giltig men har mer än sidan kan visa (till exempel andra grupper eller flera utfall). Räkna den med samkalk i kommandoraden eller Python. Kalkylen är som förut.', []);
    return false;
  }
  editing = false;
  update('edit');
  editing = false;
  showFileFaults('Kalkylen från filen är öppnad.', []);
  return true;
}

$('oppna').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  e.target.value = '';
  if (!file) return;
  if (file.size > samkalk.MAX_SCENARIO_CHARS * 4) {
    showFileFaults(`Filen är för stor (${file.size} byte). Inget i kalkylen har ändrats.`, []);
    return;
  }
  openScenarioText(await file.text());
});
window.samkalkOpen = openScenarioText; // for tests and for embedding pages that hold a scenario
