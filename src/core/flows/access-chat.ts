import { maskNik } from '../../domain/nik.js';
import { maskPhone } from '../../domain/phone.js';
import { accessSections, type AccessReport, type Audience, type Section } from '../access-copy.js';
import type { StepEnv } from '../types.js';
import { REGISTRATION_SCHEMA, type FieldDef } from './registration-schema.js';

/**
 * A stored value as the chat shows it: each field's own display (in the person's language), the
 * NIK and phone in full or masked.
 */
function chatValue(env: StepEnv, full: boolean) {
  return (field: FieldDef, stored: unknown): string | null => {
    if (stored === undefined || stored === null || stored === '') return null;
    if (field.id === 'nik') return full ? String(stored) : maskNik(String(stored));
    if (field.id === 'phone') return full ? String(stored) : maskPhone(String(stored));
    const answer = field.fromData ? field.fromData(stored) : stored;
    return field.step.display ? field.step.display(answer, env) : String(answer);
  };
}

/** The copy of a person's data as chat messages (several when long), in the language of whoever asked. */
export function copyMessages(env: StepEnv, report: AccessReport, opts: { audience: Audience; full: boolean; draft?: Record<string, unknown> | null }): string[] {
  const { c, s, t } = env;
  const sections = accessSections(report, {
    t,
    lang: s.lang,
    fields: REGISTRATION_SCHEMA,
    value: chatValue(env, opts.full),
    full: opts.full,
    audience: opts.audience,
    today: c.today,
    controller: c.settings.dataController,
    office: c.settings.office,
    answerWithinHours: c.rates.dataRights.answerWithinHours,
    draft: opts.draft,
    maskPhone,
  });
  return chatMessages(sections);
}

/** How long one chat message of the copy may be: a few phone screens, well under Telegram's 4096. */
export const COPY_MESSAGE_MAX = 1200;

/** Cuts a text at `max` characters, at a line break or a space where there is one. */
function cut(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^[\n ]+/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * The sections as chat messages: whole sections packed together while they fit, a long one split
 * between its lines, each message numbered "(1/3)" when there are several.
 */
export function chatMessages(sections: readonly Section[], max = COPY_MESSAGE_MAX): string[] {
  const room = max - 12; // the "(12/12) " prefix
  const blocks = sections.flatMap((s) => cut([s.title, ...s.lines].join('\n'), room));
  const messages: string[] = [];
  for (const block of blocks) {
    const last = messages.length - 1;
    if (last >= 0 && messages[last]!.length + 2 + block.length <= room) messages[last] += `\n\n${block}`;
    else messages.push(block);
  }
  return messages.length > 1 ? messages.map((m, i) => `(${i + 1}/${messages.length}) ${m}`) : messages;
}
