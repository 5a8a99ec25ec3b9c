// The workbench: the typperson tables (each state's yearly flows per actor, editable), the
// municipality, tax method and price year. The page keeps the user's own states as typed
// (`edits`); buildStates() turns them into scenario states. Every amount is read by the core's
// parser and shown by its formatter; every sum (net, cost per actor) comes from the core.
import * as samkalk from './pkg/index.js';
import { el, scrollBox } from './dom.js';

const ACTORS = samkalk.actors().filter((a) => a.id !== 'society');
const nameOf = Object.fromEntries(samkalk.actors().map((a) => [a.id, a.swedish]));
const DEFAULTS = samkalk.defaults();

/** The built-in parameter set restated to a price year (the core's), cached per year. */
const atYear = new Map();
export function defaultsAt(year) {
  if (!atYear.has(year)) atYear.set(year, year === DEFAULTS.price_year ? DEFAULTS : samkalk.defaults(year));
  return atYear.get(year);
}

/** The user's states: id → {label, description, flows: [{label, payer, payee, amount, source,
 * taxable, investment}], earnings}. An amount is the exact decimal text, or the text as typed
 * when the core's parser refuses it (then `bad` holds the message). */
export const edits = {};

/** A built-in state as scenario state (without the defaults' notes and earnings source). */
function builtIn(id, year) {
  const s = defaultsAt(year).states[id];
  if (!s) return null;
  const state = { label: s.label ?? '', flows: (s.flows ?? []).map(({ note, ...f }) => ({ ...f })) };
  if (s.description) state.description = s.description;
  if (s.earnings) {
    const { source, note, ...e } = s.earnings;
    state.earnings = { employment_rate: '1', productivity: '1', ...e };
  }
  return state;
}

const sameFlow = (a, b) => !!a && !!b && ['label', 'payer', 'payee', 'amount', 'source'].every((k) => String(a[k] ?? '') === String(b[k] ?? '')) && !!a.investment === !!b.investment;

/** The scenario states for the user's edits, and the faults of what the parser refused
 * (`{field, message}`, field the input's id). */
export function buildStates() {
  const states = {};
  const faults = [];
  for (const [id, st] of Object.entries(edits)) {
    const flows = st.flows.map((f, k) => {
      const out = { label: f.label, payer: f.payer || null, payee: f.payee || null, amount: f.amount };
      if (f.source) out.source = f.source;
      if (f.taxable) out.taxable = true;
      if (f.investment) out.investment = true;
      if (f.bad) faults.push({ field: `st-${id}-${k}-amount`, message: f.bad });
      return out;
    });
    const state = { label: st.label, flows };
    if (st.description) state.description = st.description;
    if (st.earnings) {
      state.earnings = {};
      for (const key of ['monthly_wage', 'employment_rate', 'productivity']) {
        state.earnings[key] = st.earnings[key];
        if (st.earnings[`${key}_bad`]) faults.push({ field: `st-${id}-${key}`, message: st.earnings[`${key}_bad`] });
      }
    }
    states[id] = state;
  }
  return { states, faults };
}

/** Edits as they go into a link or a file: the scenario states (what was typed, exactly). */
export function editsForLink() {
  return Object.keys(edits).length ? buildStates().states : null;
}

/** Takes scenario states (from a link or a file) as the user's own. */
export function loadEdits(states) {
  for (const k of Object.keys(edits)) delete edits[k];
  for (const [id, s] of Object.entries(states && typeof states === 'object' ? states : {})) {
    if (!s || typeof s !== 'object' || (s.flows !== undefined && !Array.isArray(s.flows))) continue;
    edits[id] = {
      label: String(s.label ?? ''),
      description: String(s.description ?? ''),
      flows: (s.flows ?? []).filter((f) => f && typeof f === 'object').map((f) => ({ label: String(f.label ?? ''), payer: f.payer ?? null, payee: f.payee ?? null, amount: String(f.amount ?? ''), source: String(f.source ?? ''), taxable: !!f.taxable, investment: !!f.investment })),
    };
    if (s.earnings && typeof s.earnings === 'object') {
      edits[id].earnings = { monthly_wage: String(s.earnings.monthly_wage ?? ''), employment_rate: String(s.earnings.employment_rate ?? '1'), productivity: String(s.earnings.productivity ?? '1') };
    }
  }
}

function editOf(id, year) {
  if (!edits[id]) {
    const b = builtIn(id, year);
    edits[id] = { ...b, description: b.description ?? '', flows: b.flows.map((f) => ({ ...f, source: f.source ?? '' })) };
  }
  return edits[id];
}

/** The amount as the core writes it, or the text as typed when it is not a number. */
const shownAmount = (f) => (f.bad ? f.amount : samkalk.kronorOre(f.amount));
const shownShare = (x, bad) => (bad ? x : samkalk.percent(x));

// ---------------------------------------------------------------------------------------------
// Drawing the tables.

let ctx = { year: DEFAULTS.price_year, ids: [], onChange: () => {} };

function actorSelect(id, value, noneLabel, label) {
  const s = el('select', { id });
  s.append(el('option', { value: '', text: noneLabel, selected: !value }));
  for (const a of ACTORS) s.append(el('option', { value: a.id, text: a.swedish, selected: a.id === value }));
  return s;
}

function flowRow(id, k, f, base) {
  const own = !sameFlow(f, base);
  const tr = el('tr', { 'data-own': own ? 'true' : null, 'data-row': String(k) });
  const label = el('input', { id: `st-${id}-${k}-label`, value: f.label });
  const payer = actorSelect(`st-${id}-${k}-payer`, f.payer, 'Ingen (utanför)', `Flöde ${k + 1}, betalas av`);
  const payee = actorSelect(`st-${id}-${k}-payee`, f.payee, 'Förbrukas (resurs)', `Flöde ${k + 1}, till`);
  const amount = el('input', { id: `st-${id}-${k}-amount`, class: 'amount', inputmode: 'decimal', autocomplete: 'off', value: shownAmount(f), 'aria-invalid': f.bad ? 'true' : null, 'aria-describedby': `st-${id}-${k}-amount-error` });
  const source = el('input', { id: `st-${id}-${k}-source`, value: f.source ?? '', placeholder: own ? 'Din källa' : null });
  const err = el('p', { class: 'error', id: `st-${id}-${k}-amount-error`, hidden: !f.bad, text: f.bad ?? '' });
  const mark = el('span', { class: own ? 'mark own' : 'mark', text: own ? 'Egen uppgift' : 'Inbyggd' });
  // A step cost (method version 2): paid by an actor to no one, invested for those in the state.
  const step = el('input', { type: 'checkbox', id: `st-${id}-${k}-investment`, checked: !!f.investment });
  const stepLabel = el('label', { class: 'step-cost', for: step.id }, step, ' Stegkostnad');
  const actions = el('td', { class: 'row-actions' }, mark, stepLabel);
  if (own && base) actions.append(el('button', { type: 'button', class: 'secondary small', 'data-act': 'reset-row', 'data-row': String(k), text: 'Återställ raden' }));
  actions.append(el('button', { type: 'button', class: 'secondary small', 'data-act': 'remove-row', 'data-row': String(k), text: 'Ta bort', 'aria-label': `Ta bort flöde ${k + 1}` }));
  const edit = (fn) => (e) => {
    const st = editOf(id, ctx.year);
    fn(st.flows[k], e.target);
    // Own numbers keep their own source: a changed built-in amount no longer has the built-in source.
    refreshRow(id, k);
    ctx.onChange();
  };
  label.addEventListener('input', edit((fl, t) => { fl.label = t.value; }));
  payer.addEventListener('change', edit((fl, t) => { fl.payer = t.value || null; }));
  payee.addEventListener('change', edit((fl, t) => { fl.payee = t.value || null; }));
  source.addEventListener('input', edit((fl, t) => { fl.source = t.value; }));
  step.addEventListener('change', edit((fl, t) => { fl.investment = t.checked; }));
  amount.addEventListener('input', edit((fl, t) => {
    const was = fl.amount;
    const { value, error } = samkalk.parseInput('amount', t.value);
    if (error) { fl.amount = t.value; fl.bad = error.message_sv; } else { fl.amount = value; delete fl.bad; }
    if (base && fl.source === (base.source ?? '') && fl.amount !== base.amount && was === base.amount) {
      fl.source = '';
      document.getElementById(`st-${id}-${k}-source`).value = '';
    }
  }));
  amount.addEventListener('change', () => {
    const fl = edits[id]?.flows[k];
    if (fl && !fl.bad) amount.value = shownAmount(fl);
  });
  // Each control has its own (visually hidden) label: the column and the row.
  const hidden = (control, text) => el('label', { class: 'sr-only', for: control.id, text: `Flöde ${k + 1}, ${text}` });
  tr.append(el('td', {}, hidden(label, 'benämning'), label), el('td', {}, hidden(payer, 'betalas av'), payer), el('td', {}, hidden(payee, 'till'), payee),
    el('td', {}, hidden(amount, 'belopp per år'), amount, err), el('td', {}, hidden(source, 'källa'), source), actions);
  return tr;
}

/** After an edit: the row's mark and message, without redrawing its inputs (focus stays). */
function refreshRow(id, k) {
  const tr = document.querySelector(`.state-table[data-state="${CSS.escape(id)}"] tr[data-row="${k}"]`);
  const f = edits[id]?.flows[k];
  if (!tr || !f) return;
  const base = builtIn(id, ctx.year)?.flows[k];
  const own = !sameFlow(f, base);
  tr.toggleAttribute('data-own', own);
  if (own) tr.dataset.own = 'true';
  const mark = tr.querySelector('.mark');
  mark.className = own ? 'mark own' : 'mark';
  mark.textContent = own ? 'Egen uppgift' : 'Inbyggd';
  const amount = tr.querySelector('input.amount');
  const err = document.getElementById(`st-${id}-${k}-amount-error`);
  err.hidden = !f.bad;
  err.textContent = f.bad ?? '';
  if (f.bad) amount.setAttribute('aria-invalid', 'true');
  else amount.removeAttribute('aria-invalid');
  if (own && base && !tr.querySelector('[data-act="reset-row"]')) {
    tr.querySelector('.row-actions .step-cost').after(el('button', { type: 'button', class: 'secondary small', 'data-act': 'reset-row', 'data-row': String(k), text: 'Återställ raden' }));
  }
}

function earningsBlock(id, e, base) {
  const box = el('div', { class: 'fields earnings' });
  const keys = [['monthly_wage', 'Månadslön', 'amount', ' kr'], ['employment_rate', 'Sysselsättningsgrad', 'percent', ' %'], ['productivity', 'Produktivitet (andel av lönekostnaden)', 'percent', ' %']];
  for (const [key, text, kind] of keys) {
    const bad = e[`${key}_bad`];
    const own = String(e[key]) !== String(base?.[key] ?? '');
    const input = el('input', { id: `st-${id}-${key}`, inputmode: 'decimal', autocomplete: 'off', value: bad ? e[key] : kind === 'amount' ? samkalk.kronorOre(e[key]) : shownShare(e[key]), 'aria-invalid': bad ? 'true' : null, 'aria-describedby': `st-${id}-${key}-error` });
    const err = el('p', { class: 'error', id: `st-${id}-${key}-error`, hidden: !bad, text: bad ?? '' });
    const mark = el('span', { class: own ? 'mark own' : 'mark', text: own ? 'Egen uppgift' : 'Inbyggd' });
    input.addEventListener('input', () => {
      const st = editOf(id, ctx.year);
      const { value, error } = samkalk.parseInput(kind, input.value);
      if (error) { st.earnings[key] = input.value; st.earnings[`${key}_bad`] = error.message_sv; } else { st.earnings[key] = value; delete st.earnings[`${key}_bad`]; }
      err.hidden = !error;
      err.textContent = error ? error.message_sv : '';
      input.toggleAttribute('aria-invalid', !!error);
      const isOwn = String(st.earnings[key]) !== String(base?.[key] ?? '');
      mark.className = isOwn ? 'mark own' : 'mark';
      mark.textContent = isOwn ? 'Egen uppgift' : 'Inbyggd';
      ctx.onChange();
    });
    box.append(el('div', { class: 'field' }, el('label', { for: input.id, text }), input, mark, err));
  }
  return box;
}

function stateTable(id) {
  const base = builtIn(id, ctx.year);
  const st = edits[id] ?? base;
  if (!st) return null;
  const sec = el('section', { class: 'state-table', 'data-state': id, 'aria-labelledby': `st-${id}-rubrik` });
  sec.append(el('h3', { id: `st-${id}-rubrik`, text: st.label || id }));
  if (edits[id]) sec.append(el('p', { class: 'notice small', text: 'Tillståndet har dina egna uppgifter; kalkylen räknar med dem.' }));
  const table = el('table', { class: 'flows' });
  table.append(el('caption', { text: `Årliga flöden per person i ${id}, kronor i ${ctx.year} års priser` }));
  table.append(el('thead', {}, el('tr', {}, ...['Flöde', 'Betalas av', 'Till', 'Belopp per år', 'Källa', ''].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  st.flows.forEach((f, k) => body.append(flowRow(id, k, f, base?.flows[k])));
  table.append(body);
  const scroll = scrollBox(table, `Flöden i ${id} (tabell)`);
  sec.append(scroll);
  if (st.earnings) {
    sec.append(el('h4', { text: 'Lön' }), earningsBlock(id, st.earnings, base?.earnings));
  }
  sec.append(el('div', { class: 'derived', id: `st-${id}-derived` }));
  const actions = el('div', { class: 'actions' },
    el('button', { type: 'button', 'data-act': 'add-row', text: 'Lägg till flöde' }),
    base ? el('button', { type: 'button', class: 'secondary', 'data-act': 'reset-state', text: 'Återställ till de inbyggda värdena', disabled: !edits[id] }) : null);
  sec.append(actions);
  sec.append(el('div', { class: 'pie', id: `st-${id}-pie` }));
  sec.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-act]');
    if (!b) return;
    const act = b.dataset.act;
    if (act === 'add-row') {
      const s = editOf(id, ctx.year);
      s.flows.push({ label: '', payer: 'municipality', payee: null, amount: '0', source: '' });
      redraw(`st-${id}-${s.flows.length - 1}-label`);
    } else if (act === 'remove-row') {
      editOf(id, ctx.year).flows.splice(Number(b.dataset.row), 1);
      redraw(`st-${id}-rubrik`);
    } else if (act === 'reset-row') {
      const k = Number(b.dataset.row);
      editOf(id, ctx.year).flows[k] = { ...builtIn(id, ctx.year).flows[k] };
      redraw(`st-${id}-${k}-amount`);
    } else if (act === 'reset-state') {
      delete edits[id];
      redraw(`st-${id}-rubrik`);
    }
    ctx.onChange();
  });
  return sec;
}

function redraw(focusId) {
  const box = document.getElementById('typpersoner-tabeller');
  box.replaceChildren(...ctx.ids.map(stateTable).filter(Boolean));
  if (focusId) {
    const f = document.getElementById(focusId);
    if (f) { if (f.tagName === 'H3') f.setAttribute('tabindex', '-1'); f.focus(); }
  }
}

/** Draws the tables of the states `ids` at price year `year`; `onChange` runs after an edit. */
export function drawStates(ids, year, onChange) {
  const same = ids.join() === ctx.ids.join() && year === ctx.year;
  ctx = { ids, year, onChange };
  if (!same) redraw();
}
export const redrawStates = () => redraw();

// ---------------------------------------------------------------------------------------------
// What the core says about the states of a valid scenario: the rows a wage adds (taxes) and
// each actor's yearly cost (välfärdstårtan).
const PIE_COLORS = { municipality: '#0072B2', employment_service: '#D55E00', social_insurance: '#009E73', region: '#CC79A7', state: '#8a6d00', employer: '#56B4E9', individual: '#6a3d9a' };

export function showSummary(scenario) {
  let list;
  try {
    list = samkalk.stateSummary(scenario);
  } catch {
    return; // an invalid scenario: the last summary stays (the form shows the messages)
  }
  for (const s of list) {
    const d = document.getElementById(`st-${s.id}-derived`);
    if (d) {
      if (s.derived.length) {
        const t = el('table', { class: 'derived-rows', 'data-state': s.id });
        t.append(el('caption', { text: 'Flöden som lönen ger (räknas fram av kalkylen)' }));
        t.append(el('thead', {}, el('tr', {}, ...['Flöde', 'Betalas av', 'Till', 'Belopp per år'].map((h) => el('th', { scope: 'col', text: h })))));
        const b = el('tbody');
        for (const r of s.derived) {
          b.append(el('tr', {}, el('th', { scope: 'row', text: r.label }), el('td', { text: r.payer ? nameOf[r.payer] : 'Ingen (utanför)' }),
            el('td', { text: r.payee ? nameOf[r.payee] : 'Förbrukas (resurs)' }), el('td', { 'data-amount': r.amount, text: samkalk.kronor(r.amount) })));
        }
        t.append(b);
        d.replaceChildren(scrollBox(t, 'Flöden som lönen ger (tabell)'));
      } else {
        d.replaceChildren();
      }
    }
    const p = document.getElementById(`st-${s.id}-pie`);
    if (p) p.replaceChildren(pie(s));
  }
}

/** Who bears what per person and year in a state: a bar split by actor, and the same as a table. */
function pie(s) {
  const box = el('div');
  box.append(el('h4', { id: `st-${s.id}-pie-rubrik`, text: `Välfärdstårtan: kostnad per år för en person i ${s.id}` }));
  const rows = ACTORS.map((a) => ({ a, cost: s.cost[a.id] })).filter((r) => !/^-?0(\.0*)?$/.test(r.cost));
  const positive = rows.filter((r) => !r.cost.startsWith('-'));
  const total = positive.reduce((t, r) => t + Number(r.cost), 0); // only places the bar's parts
  if (total > 0) {
    const W = 600, H = 28;
    const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    root.setAttribute('viewBox', `0 0 ${W} ${H}`);
    root.setAttribute('aria-hidden', 'true');
    root.setAttribute('class', 'pie-bar');
    let x = 0;
    for (const r of positive) {
      const w = (Number(r.cost) / total) * W;
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      for (const [k, v] of Object.entries({ x, y: 0, width: Math.max(0, w - 1), height: H, fill: PIE_COLORS[r.a.id] })) rect.setAttribute(k, v);
      root.append(rect);
      x += w;
    }
    box.append(root);
  }
  const t = el('table', { class: 'pie-table', 'data-state': s.id });
  t.append(el('caption', { text: 'Kostnad per aktör och år (negativt: aktören får mer än den betalar)' }));
  t.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Aktör' }), el('th', { scope: 'col', text: 'Kostnad per år' }))));
  const b = el('tbody');
  for (const r of rows) {
    b.append(el('tr', {}, el('th', { scope: 'row' }, el('span', { class: 'swatch', 'aria-hidden': 'true', style: `background:${PIE_COLORS[r.a.id]}` }), r.a.swedish),
      el('td', { 'data-actor': r.a.id, 'data-cost': r.cost, text: samkalk.kronor(r.cost) })));
  }
  t.append(b);
  box.append(t);
  return box;
}
