// The page's two DOM helpers, shared by app.js, workbench.js and pathways.js. Text goes in as
// textContent, never as HTML, so labels from users, files and links stay text.

/** An element with attributes (`class`, `text` as textContent, the rest as attributes). */
export function el(tag, attrs = {}, ...children) {
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

/** A scroll area for a table wider than a phone: it says so and is named for screen readers
 * (app.js marks those that scroll and gives them keyboard focus). */
export function scrollBox(table, label, hint = 'Svep för att se alla kolumner →') {
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': label }, el('p', { class: 'scroll-hint', 'aria-hidden': 'true', text: hint }), table);
}
