import { askedFields, REGISTRATION_SCHEMA, type FieldDef } from '../../src/core/flows/registration-schema.js';
import type { ProgrammeSettings } from '../../src/settings.js';
import { loadProgrammeSettings } from '../../src/settings.js';

const EXAMPLE_SETTINGS = loadProgrammeSettings('data/programme.example.json');

export interface ScriptOptions {
  /** The fields (default: the registration schema). */
  schema?: readonly FieldDef[];
  /** The regency's settings, which say which fields are asked (default: data/programme.example.json). */
  settings?: ProgrammeSettings;
  /** "1" (Kirim) at the summary (default true). */
  send?: boolean;
  /** Stop at this field's question: its answer, and the ones after it, are not given. */
  until?: string;
}

/**
 * One message of a script and what the bot asks after it: "consent", a field's id, "summary" (after
 * the last field) or "sent" (after Kirim). Lets a test check each reply by what it should ask.
 */
export interface Turn {
  text: string;
  next: string;
}

/** The turns from a menu choice (`start`) through consent and each asked field to Kirim. */
function turns(start: string, answers: Record<string, string>, opts: ScriptOptions): Turn[] {
  const all = askedFields(opts.schema ?? REGISTRATION_SCHEMA, opts.settings ?? EXAMPLE_SETTINGS);
  // `until`: stop at that field's question (its answer not given), e.g. to ask something there.
  const stop = opts.until === undefined ? -1 : all.findIndex((f) => f.id === opts.until);
  if (opts.until !== undefined && stop < 0) throw new Error(`no field ${opts.until}`);
  const fields = stop < 0 ? all : all.slice(0, stop);
  const send = opts.send !== false && stop < 0;
  const after = (i: number) => all[i]?.id ?? 'summary'; // what is asked once the first i fields are answered
  return [
    { text: start, next: 'consent' },
    { text: 'ya', next: after(0) },
    ...fields.map((f, i) => ({ text: answers[f.id] ?? f.example, next: after(i + 1) })),
    ...(send ? [{ text: '1', next: 'sent' }] : []),
  ];
}

/**
 * What a worker types to register from the main menu, derived from the schema: "4" (Daftar), "ya"
 * (consent), then each field the regency asks with its example answer unless `answers` gives
 * another, then "1" (Kirim). Adding a field to the schema adds its answer here. With `until`, the
 * script stops at that field's question.
 */
export function registrationScript(answers: Record<string, string> = {}, opts: ScriptOptions = {}): string[] {
  return registrationTurns(answers, opts).map((t) => t.text);
}

/** registrationScript's messages, each with what the bot asks after it. */
export function registrationTurns(answers: Record<string, string> = {}, opts: ScriptOptions = {}): Turn[] {
  return turns('4', answers, opts);
}

/**
 * What a cadre types to register a neighbour from the cadre menu: "1" (Daftarkan warga), "ya" (the
 * neighbour agreed), then each asked field's answer (`answers`, else the field's example), then
 * "1" (Kirim). `send` and `until` as in registrationScript.
 */
export function neighbourScript(answers: Record<string, string> = {}, opts: ScriptOptions = {}): string[] {
  return neighbourTurns(answers, opts).map((t) => t.text);
}

/** neighbourScript's messages, each with what the bot asks after it. */
export function neighbourTurns(answers: Record<string, string> = {}, opts: ScriptOptions = {}): Turn[] {
  return turns('1', answers, opts);
}

/**
 * What a test expects in the reply to a turn: its word for the question asked next, from `words`
 * (keyed like Turn.next). A field added to the schema without a word here fails by name.
 */
export function expectAfter(turn: Turn, words: Record<string, string>): string {
  const word = words[turn.next];
  if (word === undefined) throw new Error(`no expected reply after "${turn.text}": add one for ${turn.next}`);
  return word;
}
