// Pathways: a group's onward steps after its first outcome (method version 2's `then`), and the
// chart of where the participants are year by year (the core's effect trace) with its data as
// a table. Every number typed is read by the core's parsers; the trace is the core's.
import * as samkalk from './pkg/index.js';
import { el, scrollBox } from './dom.js';

/** groupId → [{from, to, share, after, every}] as typed (texts; from '' = the outcome's target). */
export const steps = {};

const KEYS = [['share', 'Andel som går vidare', 'percent', '%'], ['after', 'Efter antal månader', 'whole', 'mån'], ['every', 'Upprepas var … månad (tomt: en gång)', 'whole', 'mån']];

/** The field names (input ids) of a group's steps, for the form's messages. */
export function fieldNames(groupId) {
  return (steps[groupId] ?? []).flatMap((_, j) => ['to', 'from', ...KEYS.map(([k]) => k)].map((k) => `${groupId}-steg-${j}-${k}`));
}

/** A group's moves for the scenario, and the faults of what the parsers refused. */
export function buildMoves(groupId, faults) {
  const list = steps[groupId] ?? [];
  return list.map((s, j) => {
    const move = {};
    if (s.from) move.from = s.from;
    move.to = s.to;
    for (const [key, , kind] of KEYS) {
      const name = `${groupId}-steg-${j}-${key}`;
      if (key === 'every' && String(s.every ?? '').trim() === '') continue;
      const { value, error } = samkalk.parseInput(kind, s[key] ?? '');
      if (error) {
        faults.push({ field: name, code: error.code, message: error.message_sv });
        continue;
      }
      const v = kind === 'whole' && Number.isSafeInteger(Number(value)) ? Number(value) : value;
      if (key === 'share') move.share = v;
      else if (key === 'after') move.after_months = v;
      else move.every_months = v;
    }
    return move;
  });
}

/** Where a fault in `then[j]` goes: the step's field. */
export function fieldForMove(groupId, rest) {
  const m = /^then\[(\d+)\](?:\.(\w+))?$/.exec(rest);
  if (!m) return rest === 'then' ? `${groupId}-steg` : null;
  const key = { share: 'share', after_months: 'after', every_months: 'every', to: 'to', from: 'from' }[m[2]] ?? 'to';
  return `${groupId}-steg-${m[1]}-${key}`;
}

export const stepsForLink = (groupId) => ((steps[groupId] ?? []).length ? JSON.stringify(steps[groupId]) : '');

export function loadSteps(groupId, text) {
  let list = [];
  try {
    const parsed = JSON.parse(text || '[]');
    if (Array.isArray(parsed)) list = parsed.filter((s) => s && typeof s === 'object');
  } catch {
    list = [];
  }
  steps[groupId] = list.map((s) => ({ from: String(s.from ?? ''), to: String(s.to ?? ''), share: String(s.share ?? ''), after: String(s.after ?? '0'), every: String(s.every ?? '') }));
}

/** Steps from a scenario's moves (a file): the texts the core's parsers read back exactly. */
export function stepsFromMoves(groupId, moves) {
  steps[groupId] = (moves ?? []).map((m) => ({
    from: m.from ?? '', to: m.to, share: samkalk.inputText('percent', m.share), after: String(m.after_months ?? 0), every: m.every_months === undefined ? '' : String(m.every_months),
  }));
}

function stateSelect(id, value, states, first, label) {
  const s = el('select', { id, name: id });
  if (first) s.append(el('option', { value: '', text: first, selected: !value }));
  for (const [sid, text] of states) s.append(el('option', { value: sid, text, selected: sid === value }));
  return s;
}

/** Draws a group's step editor into `box`; `states` is [[id, label]] of the states to choose. */
export function drawSteps(groupId, box, states, targetLabel, onChange) {
  const list = (steps[groupId] ??= []);
  const wrap = el('div', { class: 'steps-list' });
  list.forEach((s, j) => {
    const fs = el('fieldset', { class: 'step', 'data-step': String(j) });
    fs.append(el('legend', { text: `Steg ${j + 1}` }));
    const fields = el('div', { class: 'fields' });
    const from = stateSelect(`${groupId}-steg-${j}-from`, s.from, states, `${targetLabel} (utfallet)`, 'Från');
    const to = stateSelect(`${groupId}-steg-${j}-to`, s.to, states, null, 'Till');
    // A changed choice bubbles to the form, which recalculates.
    from.addEventListener('change', () => { s.from = from.value; });
    to.addEventListener('change', () => { s.to = to.value; });
    fields.append(el('div', { class: 'field' }, el('label', { for: from.id, text: 'Från' }), from, el('p', { class: 'error', id: `${from.id}-error`, hidden: true })));
    fields.append(el('div', { class: 'field' }, el('label', { for: to.id, text: 'Till' }), to, el('p', { class: 'error', id: `${to.id}-error`, hidden: true })));
    for (const [key, text, kind, unit] of KEYS) {
      const id = `${groupId}-steg-${j}-${key}`;
      const input = el('input', { id, name: id, inputmode: kind === 'whole' ? 'numeric' : 'decimal', autocomplete: 'off', value: s[key] ?? '' });
      input.addEventListener('input', () => { s[key] = input.value; });
      const label = el('label', { for: id }, text, ' ', el('span', { class: 'unit', text: unit }));
      fields.append(el('div', { class: 'field' }, label, input, el('p', { class: 'error', id: `${id}-error`, hidden: true })));
    }
    fs.append(fields);
    const remove = el('button', { type: 'button', class: 'secondary small', text: `Ta bort steg ${j + 1}` });
    remove.addEventListener('click', () => {
      list.splice(j, 1);
      drawSteps(groupId, box, states, targetLabel, onChange);
      onChange();
      box.querySelector('button.add-step')?.focus();
    });
    fs.append(remove);
    wrap.append(fs);
  });
  const add = el('button', { type: 'button', class: 'secondary add-step', text: 'Lägg till ett steg' });
  add.addEventListener('click', () => {
    list.push({ from: '', to: states.find(([id]) => id !== 'work')?.[0] ?? 'work', share: '', after: '0', every: '' });
    drawSteps(groupId, box, states, targetLabel, onChange);
    onChange();
    document.getElementById(`${groupId}-steg-${list.length - 1}-to`)?.focus();
  });
  box.replaceChildren(el('h4', { class: 'steps-title', text: 'Steg efter utfallet (förlopp)' }), wrap, add, el('p', { class: 'error', id: `${groupId}-steg-error`, hidden: true }));
}

// ---------------------------------------------------------------------------------------------
// The trace: per group, year and state, the persons the intervention has moved there.
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8a6d00', '#56B4E9', '#6a3d9a', '#000000'];

export function showTrace(scenario, stateLabel) {
  const box = document.getElementById('forlopp');
  if (!box) return;
  const moving = scenario.cohorts.some((c) => (c.outcomes[0]?.then ?? []).length > 0);
  document.getElementById('forlopp-del').hidden = !moving;
  if (!moving) {
    box.replaceChildren();
    return;
  }
  const rows = samkalk.trace(scenario);
  const cohorts = [...new Set(rows.map((r) => r.cohort))];
  const parts = [];
  for (const cohort of cohorts) {
    const mine = rows.filter((r) => r.cohort === cohort);
    const years = [...new Set(mine.map((r) => r.year))];
    const states = [...new Set(mine.map((r) => r.state))];
    parts.push(el('h4', { text: cohort }));
    // Stacked bars, one per year (the numbers only place the bars).
    const W = 640, H = 36 * years.length + 20, L = 60;
    const total = Math.max(...years.map((y) => mine.filter((r) => r.year === y).reduce((t, r) => t + Number(r.participants), 0)), 1);
    const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    root.setAttribute('viewBox', `0 0 ${W} ${H}`);
    root.setAttribute('role', 'img');
    root.setAttribute('aria-label', `Var deltagarna i ${cohort} finns år för år; siffrorna står i tabellen nedan.`);
    root.setAttribute('class', 'trace-chart');
    years.forEach((y, i) => {
      let x = L;
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      for (const [k, v] of Object.entries({ x: 4, y: 24 + i * 36, 'font-size': 13 })) t.setAttribute(k, v);
      t.textContent = String(y);
      root.append(t);
      for (const [si, st] of states.entries()) {
        const r = mine.find((row) => row.year === y && row.state === st);
        const w = ((Number(r?.participants ?? 0)) / total) * (W - L - 10);
        const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        for (const [k, v] of Object.entries({ x, y: 8 + i * 36, width: Math.max(0, w), height: 24, fill: COLORS[si % COLORS.length] })) rect.setAttribute(k, v);
        root.append(rect);
        x += w;
      }
    });
    parts.push(root);
    const legend = el('ul', { class: 'legend', 'aria-hidden': 'true' });
    states.forEach((st, si) => legend.append(el('li', {}, el('span', { class: 'swatch', style: `background:${COLORS[si % COLORS.length]}` }), stateLabel(st))));
    parts.push(legend);
    const table = el('table', { class: 'trace-table', 'data-cohort': cohort });
    table.append(el('caption', { text: `${cohort}: deltagare per tillstånd och år (medeltal över årets månader)` }));
    table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Tillstånd' }), ...years.map((y) => el('th', { scope: 'col', text: String(y) })))));
    const body = el('tbody');
    for (const st of states) {
      const tr = el('tr', {}, el('th', { scope: 'row', text: stateLabel(st) }));
      for (const y of years) {
        const r = mine.find((row) => row.year === y && row.state === st);
        tr.append(el('td', { 'data-state': st, 'data-year': String(y), 'data-participants': r?.participants ?? null, text: r ? samkalk.inputText('amount', r.participants) : '' }));
      }
      body.append(tr);
    }
    table.append(body);
    parts.push(scrollBox(table, `${cohort}: förloppet som tabell`));
  }
  box.replaceChildren(...parts);
}
