import { fieldSettingProblems, REGISTRATION_SCHEMA, type FieldDef } from './core/flows/registration-schema.js';
import { loadProgrammeSettings, SettingsError, type ProgrammeSettings } from './settings.js';

/** One regency a deployment serves: its key (the official code, e.g. "63.03"), settings and file. */
export interface Regency {
  key: string;
  settings: ProgrammeSettings;
  /** The settings file it was read from (none: given in code, e.g. a test). */
  path?: string;
}

/** The key a regency's rows carry: its official code (idn-area-data) when the settings give one, else its short name as a slug. */
export function regencyKey(settings: ProgrammeSettings): string {
  if (settings.regency.code) return settings.regency.code;
  const slug = settings.regency.shortName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || 'default';
}

export interface ReloadResult {
  ok: boolean;
  /** Keys whose settings changed (ok only). */
  changed: string[];
  /** What is wrong, one line per problem (not ok: the settings in use stay as they were). */
  errors: string[];
}

/** Validates one regency's settings beyond the schema (fields a regency may configure). */
function validated(path: string, schema: readonly FieldDef[]): ProgrammeSettings {
  const settings = loadProgrammeSettings(path);
  const problems = fieldSettingProblems(schema, settings);
  if (problems.length) throw new SettingsError(`invalid programme settings ${path}:\n  ${problems.join('\n  ')}`);
  return settings;
}

/** Loads every file, checks keys are distinct; throws a SettingsError listing every problem. */
function loadAll(paths: readonly string[], schema: readonly FieldDef[]): Regency[] {
  const errors: string[] = [];
  const out: Regency[] = [];
  for (const path of paths) {
    try {
      const settings = validated(path, schema);
      const key = regencyKey(settings);
      const twin = out.find((r) => r.key === key);
      if (twin) errors.push(`${path}: regency ${key} (${settings.regency.name}) is already served by ${twin.path}`);
      else out.push({ key, settings, path });
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length) throw new SettingsError(errors.join('\n'));
  if (out.length === 0) throw new SettingsError('no programme settings file given (PROGRAMME_SETTINGS_PATH)');
  return out;
}

/**
 * The regencies one deployment serves, each with its own settings (PROGRAMME_SETTINGS_PATH lists
 * their files). The first is the default: rows written before regencies existed belong to it, and
 * a person whose regency is not known yet is answered with it where nothing regency-specific is said.
 * Settings can be read again without a restart (`reload`): all files are validated first, and only
 * when every one is right do they replace the ones in use. Read settings through `get` each time;
 * never keep them.
 */
export class RegencyRegistry {
  #list: readonly Regency[];
  #byKey: Map<string, Regency>;
  /** Names of regencies the database knew and the deployment no longer serves (storage/regencies.ts known). */
  #formerNames = new Map<string, string>();

  constructor(
    regencies: readonly Regency[],
    private readonly schema: readonly FieldDef[] = REGISTRATION_SCHEMA,
  ) {
    if (regencies.length === 0) throw new SettingsError('a deployment serves at least one regency');
    this.#list = regencies;
    this.#byKey = new Map(regencies.map((r) => [r.key, r]));
  }

  /** Reads and validates every file (throws a SettingsError naming each problem). */
  static load(paths: readonly string[], schema: readonly FieldDef[] = REGISTRATION_SCHEMA): RegencyRegistry {
    return new RegencyRegistry(loadAll(paths, schema), schema);
  }

  /** One regency given in code (tests, tools): keyed as a file would be. */
  static single(settings: ProgrammeSettings, path?: string): RegencyRegistry {
    return new RegencyRegistry([{ key: regencyKey(settings), settings, path }]);
  }

  get list(): readonly Regency[] {
    return this.#list;
  }
  get keys(): string[] {
    return this.#list.map((r) => r.key);
  }
  get default(): Regency {
    return this.#list[0]!;
  }
  /** More than one regency: workers are asked (or routed to) theirs, officers are scoped. */
  get several(): boolean {
    return this.#list.length > 1;
  }
  has(key: string | null | undefined): key is string {
    return key !== null && key !== undefined && this.#byKey.has(key);
  }
  /** The regency with this key; an unknown or missing key is the default one. */
  regency(key?: string | null): Regency {
    return (key ? this.#byKey.get(key) : undefined) ?? this.default;
  }
  /** The settings of the regency with this key (unknown or missing: the default regency's). */
  get(key?: string | null): ProgrammeSettings {
    return this.regency(key).settings;
  }
  /** A regency's name for people: a regency no longer served keeps the name it had (else its key). */
  name(key: string): string {
    return this.#byKey.get(key)?.settings.regency.name ?? this.#formerNames.get(key) ?? key;
  }
  /** The names the database keeps for every regency it has known (rows of one no longer served are named by them). */
  rememberNames(names: ReadonlyMap<string, string>): void {
    this.#formerNames = new Map(names);
  }

  /**
   * Reads every file again. All valid, same regencies (a key may not come or go: rows carry it) →
   * they replace the settings in use at once; otherwise nothing changes and the errors say why.
   */
  reload(): ReloadResult {
    const paths = this.#list.map((r) => r.path);
    if (paths.some((p) => p === undefined)) return { ok: false, changed: [], errors: ['these settings were not read from files'] };
    let fresh: Regency[];
    try {
      fresh = loadAll(paths as string[], this.schema);
    } catch (err) {
      return { ok: false, changed: [], errors: (err instanceof Error ? err.message : String(err)).split('\n').filter(Boolean) };
    }
    const errors = fresh.flatMap((r, i) =>
      r.key === this.#list[i]!.key ? [] : [`${r.path}: the regency's code changed from ${this.#list[i]!.key} to ${r.key}; restart to change which regencies are served`],
    );
    if (errors.length) return { ok: false, changed: [], errors };
    const changed = fresh.filter((r, i) => JSON.stringify(r.settings) !== JSON.stringify(this.#list[i]!.settings)).map((r) => r.key);
    this.#list = fresh;
    this.#byKey = new Map(fresh.map((r) => [r.key, r]));
    return { ok: true, changed, errors: [] };
  }
}

/** PROGRAMME_SETTINGS_PATH as a list: one file per regency, separated by commas. */
export function settingsPaths(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}
