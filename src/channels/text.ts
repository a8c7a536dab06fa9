import type { Reply } from '../core/types.js';

/** Splits a long text at paragraph, then line, then word boundaries, each part within `limit`. */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 2) cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/** A reply as plain text with its numbered choices (terminal and WhatsApp show it this way). */
export function renderPlain(reply: Reply): string {
  const lines = [reply.text];
  if (reply.choices?.length) lines.push('', ...reply.choices.map((c) => `${c.key}. ${c.label}`));
  return lines.join('\n');
}
