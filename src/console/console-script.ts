/**
 * The console's only script, served from /static/console.js (the CSP allows same-origin scripts,
 * never inline ones). The pages work without it: it adds the keyboard shortcuts an element names
 * with data-key (a button or link is clicked, a <details> opened and its first field focused, a
 * field focused), never while the officer types in a field or holds Ctrl/Alt/Cmd, and at most one
 * form per page; and it disables an undo button when its window ends (data-undo-ms).
 */
export const CONSOLE_JS = `(() => {
  'use strict';
  const typing = (el) => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  let sent = false;
  document.addEventListener('submit', () => { sent = true; });
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (typing(e.target)) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.key === 'Escape') {
      for (const d of document.querySelectorAll('details[data-key][open]')) d.open = false;
      return;
    }
    if (e.repeat || sent || e.key.length !== 1) return;
    const el = document.querySelector('[data-key="' + e.key.toLowerCase().replace(/[^a-z]/g, '') + '"]');
    if (!el || el.disabled) return;
    e.preventDefault();
    if (el.tagName === 'DETAILS') {
      el.open = true;
      const field = el.querySelector('input:not([type=hidden]), select, textarea');
      if (field) field.focus();
    } else if (typing(el)) el.focus();
    else el.click();
  });
  for (const box of document.querySelectorAll('[data-undo-ms]')) {
    const ms = Number(box.getAttribute('data-undo-ms'));
    if (!(ms > 0)) continue;
    setTimeout(() => {
      for (const b of box.querySelectorAll('button')) b.disabled = true;
      const gone = box.querySelector('[data-undo-gone]');
      if (gone) gone.hidden = false;
    }, ms);
  }
})();
`;
