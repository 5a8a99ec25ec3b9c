// The council page: a form → a samkalk scenario → the engine (WebAssembly) → tables, chart and
// sentences. Every figure comes from the engine; this file only builds the scenario, formats
// with the engine's own Swedish formatting (kronor, percent) and draws.
import * as samkalk from './pkg/index.js';

const $ = (id) => document.getElementById(id);
const form = $('kalkyl');

// ---------------------------------------------------------------------------------------------
// The form's fields: URL parameter = input name. `kind` says how the text becomes a scenario
// value: whole numbers go in as JSON integers, amounts and percentages as exact decimal text.
const GROUPS = [
  { id: 'am2', origin: 'AM2', name: 'AM2-grupp' },
  { id: 'am3', origin: 'AM3', name: 'AM3-grupp' },
];
const FINANCING = [
  { field: 'fin_kommun', actor: 'municipality' },
  { field: 'fin_af', actor: 'employment_service' },
  { field: 'fin_fk', actor: 'social_insurance' },
  { field: 'fin_region', actor: 'region' },
];
const KIND = { ar: 'int', horisont: 'int', ranta: 'percent' };
for (const g of GROUPS) {
  Object.assign(KIND, { [`${g.id}_n`]: 'int', [`${g.id}_kostnad`]: 'decimal', [`${g.id}_man`]: 'int',
    [`${g.id}_arbete`]: 'percent', [`${g.id}_jmf`]: 'percent', [`${g.id}_kvar`]: 'percent' });
}
for (const f of FINANCING) KIND[f.field] = 'percent';
const TEXT_FIELDS = Object.keys(KIND);
const CHECKBOXES = GROUPS.map((g) => g.id);

// The example as shipped in the HTML, for "Återställ".
const INITIAL = {};
for (const name of TEXT_FIELDS) INITIAL[name] = form.elements[name].value;
for (const name of CHECKBOXES) INITIAL[name] = form.elements[name].checked ? '1' : '0';

// ---------------------------------------------------------------------------------------------
// Text → scenario values (exact: no floating point on the way).
const clean = (text) => text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/,/g, '.').replace(/^\u2212/, '-');

function intValue(text) {
  const t = clean(text);
  if (t === '') return undefined;
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  return t; // the engine reports it as "not a whole number"
}

function decimalValue(text) {
  const t = clean(text);
  return t === '' ? undefined : t;
}

/** "60" % → "0.6", "12.5" → "0.125", by moving the decimal point (exact). */
export function percentToShare(text) {
  const t = clean(text);
  if (t === '') return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return t; // the engine reports it as "not a number"
  const [, sign, intDigits, frac = ''] = m;
  const padded = intDigits.padStart(3, '0');
  const int = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const decimals = (padded.slice(-2) + frac).replace(/0+$/, '');
  return sign + (decimals ? `${int}.${decimals}` : int);
}

const VALUE = { int: intValue, decimal: decimalValue, percent: percentToShare };

function readForm() {
  const v = {};
  for (const name of TEXT_FIELDS) v[name] = form.elements[name].value;
  for (const name of CHECKBOXES) v[name] = form.elements[name].checked ? '1' : '0';
  return v;
}

function setIf(obj, key, value) {
  if (value !== undefined) obj[key] = value;
}

/** The scenario for the form's values, and which group each cohort index is. */
function buildScenario(v) {
  const val = (name) => VALUE[KIND[name]](v[name]);
  const scenario = { version: 1, name: 'Arbetsmarknadsinsats för personer med försörjningsstöd' };
  setIf(scenario, 'start_year', val('ar'));
  setIf(scenario, 'price_year', DEFAULTS.price_year);
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
    const cohort = { name: g.name, origin: g.origin };
    setIf(cohort, 'participants', val(`${g.id}_n`));
    cohort.intervention = intervention;
    cohort.outcomes = [outcome];
    scenario.cohorts.push(cohort);
    groups.push(g.id);
  }
  return { scenario, groups };
}

// ---------------------------------------------------------------------------------------------
// Engine faults → the field they concern, in Swedish.
function fieldFor(path, groups) {
  const top = { start_year: 'ar', horizon_years: 'horisont', discount_rate: 'ranta' };
  if (path in top) return top[path];
  const m = /^cohorts\[(\d+)\]\.(.*)$/.exec(path);
  if (!m) return 'general';
  const g = groups[Number(m[1])];
  const rest = m[2];
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
  };
  return map[rest] ?? 'general';
}

const svNumber = (text) => {
  const n = Number(text);
  return Number.isFinite(n) ? n.toLocaleString('sv-SE', { maximumFractionDigits: 6 }) : text;
};
const svPercent = (shareText) => {
  const n = Number(shareText) * 100;
  return Number.isFinite(n) ? n.toLocaleString('sv-SE', { maximumFractionDigits: 4 }) : shareText;
};

function swedish(field, message) {
  const kind = KIND[field];
  let m;
  if (/is required/.test(message)) return 'Fyll i ett värde.';
  if (/whole number/.test(message)) return 'Ange ett heltal, till exempel 20.';
  if (/must be a number/.test(message)) return 'Ange ett tal, till exempel 35 000 eller 12,5.';
  if (/at most 28 decimals/.test(message)) return 'För många decimaler.';
  if (/is too large/.test(message)) return 'Talet är för stort.';
  if ((m = /must be between (\S+) and (\S+), got/.exec(message))) {
    return kind === 'percent'
      ? `Ange en andel mellan ${svPercent(m[1])} och ${svPercent(m[2])} %.`
      : `Ange ett värde mellan ${svNumber(m[1])} och ${svNumber(m[2])}.`;
  }
  if (/must be at least 0 and below 1/.test(message)) return 'Ange en ränta från 0 % och under 100 %.';
  if ((m = /financing shares must sum to exactly 1, got (\S+)/.exec(message))) {
    return `Andelarna blir ${svPercent(m[1])} % tillsammans; de ska bli exakt 100 %.`;
  }
  if (/outcomes' shares sum/.test(message)) return 'Andelarna som når arbete blir över 100 %.';
  return message;
}

function showErrors(errors, groups) {
  const byField = new Map();
  for (const e of errors) {
    const field = fieldFor(e.path, groups);
    const text = field === 'general' ? `${e.path || 'Scenariot'}: ${e.message}` : swedish(field, e.message);
    if (!byField.has(field)) byField.set(field, []);
    if (!byField.get(field).includes(text)) byField.get(field).push(text);
  }
  for (const name of [...TEXT_FIELDS, 'finansiering', 'general']) {
    const box = $(`${name}-error`);
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
  const n = errors.length;
  $('form-status').hidden = n === 0;
  $('form-status').textContent = n === 0 ? '' : n === 1 ? 'Ett värde behöver rättas.' : `${n} värden behöver rättas.`;
  $('stale').hidden = n === 0 || !lastGood;
}

// ---------------------------------------------------------------------------------------------
// Drawing the result.
const ROW_LABELS = [
  ['gain', 'Vinst', 'total_gain'],
  ['investment', 'Investering', 'total_investment'],
  ['net', 'Netto', 'total_net'],
  ['cumulative_net', 'Kumulativt netto', null],
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

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

const rowOf = (result, id) => (id === 'society' ? result.society : result.actors[id]);

function overviewTable(scenario, result) {
  const discounted = Number(scenario.discount_rate ?? 0) !== 0;
  const table = el('table', { id: 'oversikt-tabell' });
  table.append(el('caption', { text: `Summa ${result.years[0]}–${result.years.at(-1)} per aktör, kronor` }));
  const head = el('tr');
  const headers = ['Aktör', 'Investering', 'Vinst', 'Netto', ...(discounted ? ['Nuvärde'] : []), 'Återbetald år', 'Vinst per krona'];
  for (const h of headers) {
    head.append(el('th', { scope: 'col', text: h }));
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const a of ACTORS) {
    const r = rowOf(result, a.id);
    const tr = el('tr', { class: a.id === 'society' ? 'society' : null });
    tr.append(el('th', { scope: 'row', text: a.swedish }));
    for (const key of ['total_investment', 'total_gain', 'total_net', ...(discounted ? ['npv'] : [])]) {
      tr.append(el('td', { 'data-actor': a.id, 'data-field': key, 'data-value': r[key], class: isNeg(r[key]) ? 'neg' : null, text: krCell(r[key]) }));
    }
    tr.append(el('td', { text: r.payback_year === null ? '–' : String(r.payback_year) }));
    const bcr = r.benefit_cost_ratio;
    tr.append(el('td', { 'data-actor': a.id, 'data-field': 'benefit_cost_ratio', 'data-value': bcr ?? '', text: bcr === null ? '–' : bcr.replace('.', ',') }));
    body.append(tr);
  }
  table.append(body);
  const note = el('p', { class: 'help', text: `${discounted ? 'Nuvärde: nettot diskonterat till första årets värde. ' : ''}Återbetald år: från det året är aktörens investering återbetald och förblir det. Vinst per krona: vinst per investerad krona${discounted ? ' (nuvärden)' : ''}.` });
  const box = el('div');
  box.append(el('div', { class: 'table-scroll' }, table), note);
  return box;
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

/** Inline SVG line chart of cumulative net per actor (numbers only place points). */
function chart(result) {
  const W = 760, H = 380, L = 78, R = 20, T = 16, B = 40;
  const years = result.years;
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

function summaryText(result) {
  const y0 = result.years[0];
  const y1 = result.years.at(-1);
  const soc = result.society;
  const mun = result.actors.municipality;
  const socWord = isNeg(soc.total_net) ? 'nettoförlust' : 'nettovinst';
  let text = `${y0}–${y1} ger insatsen samhället en ${socWord} på ${kr(soc.total_net.replace('-', ''))}. `;
  if (mun.total_investment !== '0.00') {
    text += `Kommunen investerar ${kr(mun.total_investment)} och vinner ${kr(mun.total_gain)}`;
    text += mun.payback_year === null ? ', så investeringen är inte återbetald inom perioden.' : `; investeringen är återbetald ${mun.payback_year}.`;
  } else {
    text += `Kommunens netto blir ${kr(mun.total_net)}.`;
  }
  return text;
}

function assumptionsText(scenario) {
  const parts = [];
  for (const c of scenario.cohorts) {
    const o = c.outcomes[0];
    parts.push(`${c.name}: ${c.participants} deltagare, ${kr(c.intervention.cost_per_participant ?? '0')} per deltagare i ${c.intervention.duration_months} månader, ${samkalk.percent(o.share)} når arbete (jämförelsegrupp ${samkalk.percent(o.counterfactual_share ?? '0')}, kvar efter ett år ${samkalk.percent(o.retention ?? '1')}).`);
  }
  const fin = Object.entries(scenario.cohorts[0]?.intervention.financing ?? {})
    .filter(([, s]) => Number(s) !== 0).map(([a, s]) => `${nameOf[a]} ${samkalk.percent(s)}`).join(', ');
  if (fin) parts.push(`Finansiering: ${fin}.`);
  parts.push(`Diskonteringsränta ${samkalk.percent(scenario.discount_rate ?? '0')}. Belopp i ${DEFAULTS.price_year} års priser.`);
  return parts.join(' ');
}

function aboutBlock() {
  const box = el('div');
  box.append(el('p', { text: 'Kalkylen följer metoden för socioekonomiska investeringskalkyler (KNUT): vad en person kostar varje offentlig aktör per år utan arbete, vad insatsen kostar, och vem som vinner när en andel av deltagarna når arbete. Vinsten räknas från månaden efter insatsens slut. Grupperna och beloppen är samkalks inbyggda standardvärden med källor.' }));
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
      box.append(el('div', { class: 'table-scroll' }, t));
    }
  }
  return box;
}


// ---------------------------------------------------------------------------------------------
// Sensitivity and uncertainty ("Känslighet och osäkerhet"): a tornado over the main uncertain
// inputs and Monte Carlo "probability of gaining" per actor, computed by the engine's analysis
// module (samkalk/analysis) in a Web Worker after typing pauses. The request is built here from
// the form's scenario; every figure shown comes from the engine's result.
const MC_DRAWS = 2000;
const MC_SEED = 2026;
const ANALYSIS_DELAY_MS = 400;

/** Exact decimal text × factor text (both plain decimals), via BigInt; at most 20 decimals. */
/** A plain decimal text as BigInt units and a scale (`"-1.25"` → -125n, 2), or null. */
function parseDec(t) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(t));
  if (!m) return null;
  const frac = m[3] ?? '';
  return { n: BigInt(`${m[1]}${m[2] || '0'}${frac}`), scale: frac.length };
}

function mulDec(a, f) {
  const x = parseDec(a);
  const y = parseDec(f);
  if (!x || !y) return String(a);
  let n = x.n * y.n;
  let scale = x.scale + y.scale;
  while (scale > 20) { // round half away from zero
    const q = n / 10n;
    const r = n % 10n;
    n = q + (r >= 5n ? 1n : r <= -5n ? -1n : 0n);
    scale--;
  }
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  let text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  if (scale) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return (neg && text !== '0' ? '-' : '') + text;
}
const clampShare = (t) => (Number(t) > 1 ? '1' : Number(t) < 0 ? '0' : t);
/** Exact a − b of plain decimal texts, via BigInt (no binary floating point). */
function subDec(a, b) {
  const x = parseDec(a);
  const y = parseDec(b);
  if (!x || !y) return String(a);
  const scale = Math.max(x.scale, y.scale);
  const n = x.n * 10n ** BigInt(scale - x.scale) - y.n * 10n ** BigInt(scale - y.scale);
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  let text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  if (scale) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return (neg && text !== '0' ? '-' : '') + text;
}
const absDec = (t) => String(t).replace(/^-/, '');

/** The analysis request for a scenario built from the form, and a Swedish label per parameter. */
function analysisRequest(scenario, groups) {
  const tornado = [];
  const labels = {};
  const mc = [];
  scenario.cohorts.forEach((c, i) => {
    const g = GROUPS.find((x) => x.id === groups[i]);
    const o = c.outcomes[0];
    const at = `cohorts[${i}]`;
    const share = String(o.share);
    const sLow = mulDec(share, '0.5');
    const sHigh = clampShare(mulDec(share, '1.5'));
    tornado.push({ parameter: `${at}.outcomes[0].share`, low: sLow, high: sHigh });
    labels[`${at}.outcomes[0].share`] = { what: `Andel som når arbete, ${g.origin}`, range: `${samkalk.percent(sLow)}–${samkalk.percent(sHigh)}` };
    const kept = String(o.retention ?? '1');
    const kLow = Number(kept) - 0.2 < 0 ? '0' : subDec(kept, '0.2');
    const kHigh = Number(kept) + 0.2 > 1 ? '1' : subDec(kept, '-0.2');
    tornado.push({ parameter: `${at}.outcomes[0].retention`, low: kLow, high: kHigh });
    labels[`${at}.outcomes[0].retention`] = { what: `Kvar i arbete efter ett år, ${g.origin}`, range: `${samkalk.percent(kLow)}–${samkalk.percent(kHigh)}` };
    const cost = String(c.intervention.cost_per_participant ?? '0');
    const cLow = mulDec(cost, '0.75');
    const cHigh = mulDec(cost, '1.25');
    tornado.push({ parameter: `${at}.intervention.cost_per_participant`, low: cLow, high: cHigh });
    labels[`${at}.intervention.cost_per_participant`] = { what: `Kostnad per deltagare, ${g.origin}`, range: `${kr(cLow)}–${kr(cHigh)}` };
    mc.push({ parameter: `${at}.outcomes[0].share`, distribution: { kind: 'triangular', low: sLow, mode: share, high: sHigh } });
    mc.push({ parameter: `${at}.intervention.cost_per_participant`, distribution: { kind: 'uniform', low: mulDec(cost, '0.8'), high: mulDec(cost, '1.2') } });
  });
  const wage = String(DEFAULTS.states.work?.earnings?.monthly_wage ?? '0');
  if (DEFAULTS.states.work?.earnings) {
    const wLow = mulDec(wage, '0.85');
    const wHigh = mulDec(wage, '1.15');
    tornado.push({ parameter: 'states.work.earnings.monthly_wage', low: wLow, high: wHigh });
    labels['states.work.earnings.monthly_wage'] = { what: 'Månadslön i arbete', range: `${kr(wLow)}–${kr(wHigh)}` };
  }
  tornado.push({ parameter: 'discount_rate', low: '0', high: '0.035' });
  labels.discount_rate = { what: 'Diskonteringsränta', range: `${samkalk.percent('0')}–${samkalk.percent('0.035')}` };
  const request = { version: 1, name: 'Känslighet och osäkerhet (rådsidan)', tornado: { parameters: tornado } };
  if (mc.length) request.monte_carlo = { draws: MC_DRAWS, seed: MC_SEED, parameters: mc };
  return { request, labels };
}

const whoNpv = (byWho, id) => Number(byWho[id]);

/** Tornado rows for one actor, sorted by that actor's swing (the engine sorts by society's). */
function tornadoRows(result, actor) {
  const rows = result.tornado.rows.map((r, i) => ({ ...r, i, lowV: whoNpv(r.npv_low, actor), highV: whoNpv(r.npv_high, actor) }));
  if (actor === 'society') return rows;
  return rows.sort((a, b) => Math.abs(b.highV - b.lowV) - Math.abs(a.highV - a.lowV) || a.i - b.i);
}

const LOW_COLOR = '#D55E00';
const HIGH_COLOR = '#0072B2';

function tornadoChart(result, labels, actor) {
  const rows = tornadoRows(result, actor);
  const base = whoNpv(result.tornado.base, actor);
  const W = 760, L = 300, R = 24, T = 30, RowH = 40, B = 34;
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
  root.append(svg('title', { id: 'tornado-titel' }, `Tornadodiagram: ${who}s nuvärde när ett antagande i taget ändras`));
  const top = rows.slice(0, 3).map((r) => `${labels[r.parameter]?.what ?? r.parameter} (${kr(r.npv_low[actor])} till ${kr(r.npv_high[actor])})`).join('; ');
  root.append(svg('desc', { id: 'tornado-beskrivning' }, `Nuvärde i kalkylen ${kr(result.tornado.base[actor])}. Störst påverkan: ${top}.`));
  const grid = svg('g', { 'aria-hidden': 'true' });
  for (let v = lo; v <= hi + step / 2; v += step) {
    const xx = x(v);
    grid.append(svg('line', { x1: xx, x2: xx, y1: T - 6, y2: H - B + 4, stroke: '#d5dbe2' }));
    grid.append(svg('text', { x: xx, y: H - B + 20, 'text-anchor': 'middle', 'font-size': 12, fill: '#4a5360' }, mkr(Math.abs(v) < step / 2 ? 0 : v)));
  }
  if (lo < 0 && hi > 0) grid.append(svg('line', { x1: x(0), x2: x(0), y1: T - 6, y2: H - B + 4, stroke: '#1b1f24', 'stroke-width': 1.5 }));
  root.append(grid);
  rows.forEach((r, k) => {
    const y = T + k * RowH;
    const g = svg('g', { class: 'tornado-bar', 'data-parameter': r.parameter });
    const label = labels[r.parameter] ?? { what: r.parameter, range: '' };
    g.append(svg('text', { x: L - 12, y: y + 15, 'text-anchor': 'end', 'font-size': 13.5, 'font-weight': 600, fill: '#1b1f24' }, label.what));
    g.append(svg('text', { x: L - 12, y: y + 31, 'text-anchor': 'end', 'font-size': 12, fill: '#4a5360' }, label.range));
    const seg = (v, color, which) => {
      const x0 = Math.min(x(base), x(v));
      const w = Math.max(Math.abs(x(v) - x(base)), 1.5);
      const rect = svg('rect', { x: x0, y: y + 6, width: w, height: RowH - 14, fill: color, rx: 2 });
      rect.append(svg('title', {}, `${label.what}, ${which} värde: ${kr(which === 'lågt' ? r.npv_low[actor] : r.npv_high[actor])}`));
      return rect;
    };
    g.append(seg(r.lowV, LOW_COLOR, 'lågt'), seg(r.highV, HIGH_COLOR, 'högt'));
    root.append(g);
  });
  root.append(svg('line', { x1: x(base), x2: x(base), y1: T - 10, y2: H - B + 4, stroke: '#1b1f24', 'stroke-width': 2, 'stroke-dasharray': '4 3', 'aria-hidden': 'true' }));
  root.append(svg('text', { x: x(base), y: T - 14, 'text-anchor': x(base) > W - 160 ? 'end' : 'middle', 'font-size': 12.5, fill: '#1b1f24', 'aria-hidden': 'true' }, `Kalkylen: ${kr(result.tornado.base[actor])}`));
  const legend = el('ul', { class: 'legend', 'aria-hidden': 'true' });
  for (const [color, text] of [[LOW_COLOR, 'Lägre värde på antagandet'], [HIGH_COLOR, 'Högre värde på antagandet']]) {
    legend.append(el('li', {}, el('span', { class: 'swatch', style: `background:${color}` }), text));
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
    const label = labels[r.parameter] ?? { what: r.parameter, range: '' };
    const [lowText, highText] = label.range.split('–');
    // Exact, from the engine's money strings; the floats above only place the bars.
    const swing = absDec(subDec(r.npv_high[actor], r.npv_low[actor]));
    body.append(el('tr', {},
      el('th', { scope: 'row', text: label.what }),
      el('td', { text: lowText ?? r.low }),
      el('td', { 'data-npv': r.npv_low[actor], class: isNeg(r.npv_low[actor]) ? 'neg' : null, text: krCell(r.npv_low[actor]) }),
      el('td', { text: highText ?? r.high }),
      el('td', { 'data-npv': r.npv_high[actor], class: isNeg(r.npv_high[actor]) ? 'neg' : null, text: krCell(r.npv_high[actor]) }),
      el('td', { text: krCell(swing) })));
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
      ? 'Berörs inte: nettot är 0 kr i alla dragningar.'
      : `Går plus i ${s.gains.toLocaleString('sv-SE')} av ${result.monte_carlo.draws.toLocaleString('sv-SE')} dragningar. Nuvärde i mitten ${krNb(s.p50)}, i 9 fall av 10 mellan ${krNb(s.p5)} och ${krNb(s.p95)}.`;
    items.push(el('li', { 'data-actor': a.id, 'data-value': s.probability_gain, class: a.id === 'society' ? 'society' : null },
      el('span', { class: 'who', text: a.swedish }),
      el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: `fill${untouched ? ' none' : width < 50 ? ' low' : ''}`, style: `width:${width}%` })),
      el('span', { class: 'pct', text: pct }),
      el('span', { class: 'note', text: note })));
  }
  return items;
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
  $('tornado').replaceChildren(tornadoChart(result, labels, actor));
  $('tornado-tabell').replaceChildren(tornadoTable(result, labels, actor));
  if (result.monte_carlo) {
    $('sannolikhet').replaceChildren(...probabilityList(result));
    const mc = result.monte_carlo;
    $('sannolikhet-metod').textContent = `Kalkylen räknades om ${mc.draws.toLocaleString('sv-SE')} gånger (slumpfrö ${mc.seed}, samma varje gång) med slumpvis valda värden: andelen som når arbete mellan hälften och en och en halv gång värdet ovan (oftast nära värdet), och kostnaden per deltagare upp till 20 % lägre eller högre. Andelen visar hur ofta aktörens nuvärde blev noll eller mer.`;
  } else {
    $('sannolikhet').replaceChildren();
    $('sannolikhet-metod').textContent = 'Välj minst en grupp för att se sannolikheten att gå plus.';
  }
}

function analysisDone(id, result, error) {
  if (id !== analysisState.id) return; // stale
  analysisState.busy = false;
  const section = $('kanslighet');
  if (error) {
    setAnalysisStatus(`Känslighetsanalysen kunde inte göras: ${(error.errors ?? []).map((e) => e.message).join('; ') || error.message}`);
    section.dataset.state = 'error';
    return;
  }
  analysisState.last = { ...analysisState.pending, result };
  window.samkalkAnalysis = { scenario: analysisState.pending.scenario, request: analysisState.pending.request, result };
  renderAnalysis();
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
    analysisState.pending = { scenario, groups, ...analysisRequest(scenario, groups) };
    runAnalysis();
  }, analysisState.last ? ANALYSIS_DELAY_MS : 0);
}

// ---------------------------------------------------------------------------------------------
// State: the last valid scenario and result stay on screen while an input is invalid.
let lastGood = null;
let summaryTimer = 0;

function render(scenario, result) {
  $('oversikt').replaceChildren(overviewTable(scenario, result));
  $('diagram').replaceChildren(chart(result));
  $('jamnt').replaceChildren(breakEvenBlock(scenario, samkalk.breakEven(scenario)));
  const tables = $('tabeller');
  tables.replaceChildren(...ACTORS.map((a) => el('div', { class: 'table-scroll' }, yearTable(result, a))));
  $('forutsattningar-text').textContent = `Förutsättningar: ${assumptionsText(scenario)}`;
  $('scenario-json').textContent = JSON.stringify(scenario, null, 2);
  // The visible summary follows at once; the screen-reader announcement (a live region) waits
  // until typing pauses, so it is not read out on every keystroke.
  const text = summaryText(result);
  $('sammanfattning').textContent = text;
  clearTimeout(summaryTimer);
  summaryTimer = setTimeout(() => { $('sammanfattning-live').textContent = text; }, lastGood ? 800 : 0);
}

function syncUrl(v) {
  const params = new URLSearchParams(location.search);
  for (const [k, val] of Object.entries(v)) params.set(k, val);
  history.replaceState(null, '', `${location.pathname}?${params}${location.hash}`);
}

function update() {
  const v = readForm();
  for (const g of GROUPS) form.querySelector(`[data-group="${g.id}"]`).toggleAttribute('data-off', v[g.id] !== '1');
  syncUrl(v);
  const { scenario, groups } = buildScenario(v);
  let result = null;
  let errors;
  try {
    result = samkalk.calculate(scenario);
    errors = [];
  } catch (e) {
    if (!(e instanceof samkalk.ScenarioError)) throw e;
    errors = e.errors;
  }
  if (result) {
    render(scenario, result);
    lastGood = { scenario, result };
    window.samkalkState = { scenario, result };
    scheduleAnalysis(scenario, groups);
  }
  showErrors(errors, groups);
  document.body.dataset.state = errors.length ? 'invalid' : 'valid';
  postHeight();
}

function applyParams(params) {
  for (const name of TEXT_FIELDS) {
    const value = params.get(name);
    form.elements[name].value = value ?? INITIAL[name];
  }
  for (const name of CHECKBOXES) {
    const value = params.get(name);
    form.elements[name].checked = (value ?? INITIAL[name]) === '1';
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
for (const a of ACTORS) $('tornado-aktor').append(el('option', { value: a.id, selected: a.id === 'society', text: a.swedish }));
$('tornado-aktor').addEventListener('change', (e) => {
  analysisState.actor = e.target.value;
  renderAnalysis();
});
$('om').replaceChildren(aboutBlock());
applyParams(params);
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

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
  const link = location.href.replace(/([?&])embed=[^&]*&?/, '$1').replace(/[?&]$/, '');
  try {
    await navigator.clipboard.writeText(link);
    $('dela-status').textContent = 'Länken är kopierad. Den som öppnar den ser samma kalkyl.';
  } catch {
    $('dela-status').textContent = `Kopiera länken: ${link}`;
  }
});
$('aterstall').addEventListener('click', () => {
  applyParams(new URLSearchParams());
  update();
  $('dela-status').textContent = 'Exemplet är återställt.';
});

update();
document.body.dataset.ready = 'true';
