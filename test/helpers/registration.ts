import { askedFields, REGISTRATION_SCHEMA, type FieldDef } from '../../src/core/flows/registration-schema.js';
import type { ProgrammeSettings } from '../../src/settings.js';
import { loadProgrammeSettings } from '../../src/settings.js';

const EXAMPLE_SETTINGS = loadProgrammeSettings('data/programme.example.json');

/**
 * What a worker types to register from the main menu, derived from the schema: "4" (Daftar), "ya"
 * (consent), then each field the regency asks with its example answer unless `answers` gives
 * another, then "1" (Kirim). Adding a field to the schema adds its answer here. With `until`, the
 * script stops at that field's question.
 */
export function registrationScript(
  answers: Record<string, string> = {},
  opts: { schema?: readonly FieldDef[]; settings?: ProgrammeSettings; send?: boolean; until?: string } = {},
): string[] {
  const all = askedFields(opts.schema ?? REGISTRATION_SCHEMA, opts.settings ?? EXAMPLE_SETTINGS);
  // `until`: stop at that field's question (its answer not given), e.g. to ask something there.
  const stop = opts.until === undefined ? -1 : all.findIndex((f) => f.id === opts.until);
  if (opts.until !== undefined && stop < 0) throw new Error(`no field ${opts.until}`);
  const fields = stop < 0 ? all : all.slice(0, stop);
  const send = opts.send !== false && stop < 0;
  return ['4', 'ya', ...fields.map((f) => answers[f.id] ?? f.example), ...(send ? ['1'] : [])];
}
