import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { hashPassword, validatePassword } from '../console/security.js';
import { loadConfig } from '../config.js';
import { exitCodeFor } from '../exit-codes.js';
import { RegencyRegistry, settingsPaths } from '../regencies.js';
import { openStore } from '../storage/open.js';
import { createOfficerStore, OfficerExistsError, type OfficerRole, type OfficerScope } from '../storage/officers.js';

const USAGE = `usage:
  npm run officer -- add <username> [--role officer|admin] [--regency CODE] [--groups a,b] [--read-only]
                                    (password prompted, or first line of stdin)
  npm run officer -- scope <username> [--regency CODE] [--groups a,b] [--read-only]
                                    (sets exactly what is given: no --regency = every regency,
                                     no --groups = every group, no --read-only = may decide)
  npm run officer -- passwd <username>
  npm run officer -- disable <username>
  npm run officer -- enable <username>
  npm run officer -- reset-2fa <username>   (a lost authenticator: enrol again at the next login)
  npm run officer -- list`;

/** A wrong command line or unacceptable input: exit code 2. */
class UsageError extends Error {}

/**
 * The scope the options give, checked against the settings files (PROGRAMME_SETTINGS_PATH): the
 * regency must be served, the groups must be that regency's (with one regency served, --groups
 * alone means its groups). Read only when a regency or groups are given.
 */
function scopeFrom(values: { regency?: string; groups?: string; 'read-only'?: boolean }, settingsPath: () => string): OfficerScope {
  const groups = values.groups
    ?.split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  if (values.regency === undefined && groups === undefined) return { regency: null, groups: null, readOnly: values['read-only'] === true };
  const regencies = RegencyRegistry.load(settingsPaths(settingsPath()));
  if (values.regency !== undefined && !regencies.has(values.regency)) {
    throw new UsageError(`--regency ${values.regency} is not served; PROGRAMME_SETTINGS_PATH serves ${regencies.list.map((r) => `${r.key} (${r.settings.regency.name})`).join(', ')}`);
  }
  if (groups !== undefined && groups.length === 0) throw new UsageError('--groups: name at least one group, e.g. --groups pekerja_rentan');
  if (groups !== undefined && values.regency === undefined && regencies.several) throw new UsageError('--groups needs --regency: each regency has its own groups');
  const regency = values.regency ?? (groups !== undefined ? regencies.default.key : null);
  if (groups !== undefined && regency !== null) {
    const known = regencies.get(regency).groups.map((g) => g.id);
    const unknown = groups.filter((g) => !known.includes(g));
    if (unknown.length) throw new UsageError(`unknown group(s) ${unknown.join(', ')} in ${regencies.name(regency)}; its groups: ${known.join(', ')}`);
  }
  return { regency, groups: groups ? [...new Set(groups)] : null, readOnly: values['read-only'] === true };
}

/** An officer's scope for `list`: "regency=63.03 groups=a,b read-only" (nothing for every regency and group, deciding). */
const scopeText = (o: OfficerScope): string[] => [
  ...(o.regency !== null ? [`regency=${o.regency}`] : []),
  ...(o.groups !== null ? [`groups=${o.groups.join(',')}`] : []),
  ...(o.readOnly ? ['read-only'] : []),
];

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;

/** One hidden-input question on the terminal (typed characters are not echoed). */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new UsageError('cancelled'));
    });
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true; // the prompt is written synchronously above; everything after is the typed password
  });
}

/** First line of piped stdin. */
async function firstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads a new password: twice with no echo on a terminal, or the first stdin line when piped. */
async function readNewPassword(): Promise<string> {
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden('New password: ');
    const again = await askHidden('Repeat password: ');
    if (again !== password) throw new UsageError('passwords do not match');
  } else {
    password = await firstLine();
  }
  const problem = validatePassword(password);
  if (problem) throw new UsageError(problem);
  return password;
}

/** Officer accounts for the web console, managed from the server's shell. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { role: { type: 'string' }, regency: { type: 'string' }, groups: { type: 'string' }, 'read-only': { type: 'boolean' } },
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, username, ...rest] = positionals;
  const needsName = ['add', 'scope', 'passwd', 'disable', 'enable', 'reset-2fa'].includes(command ?? '');
  const scoping = values.regency !== undefined || values.groups !== undefined || values['read-only'] !== undefined;
  if (!command || rest.length > 0 || (needsName ? !username : command !== 'list') || (values.role && command !== 'add') || (scoping && command !== 'add' && command !== 'scope')) {
    console.error(USAGE);
    return 2;
  }
  let sql;
  let settingsFiles: string;
  try {
    const config = loadConfig();
    settingsFiles = config.PROGRAMME_SETTINGS_PATH;
    // The bot's database (PostgreSQL with DATABASE_URL); an officer's command may wait a while for a busy bot, it must not fail.
    sql = (await openStore(config, { busyTimeoutMs: 60_000, applicationName: 'lindung-officer' })).sql;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return exitCodeFor(err);
  }
  try {
    const officers = createOfficerStore(sql);
    const now = Date.now();
    const settingsPath = () => settingsFiles;
    if (command === 'list') {
      for (const o of await officers.list()) {
        const state = o.disabledAt === null ? 'active' : `disabled ${new Date(o.disabledAt).toISOString().slice(0, 10)}`;
        const extras = [o.secondFactor ? '2fa' : 'no-2fa', ...(o.exportNik ? ['export-nik'] : []), ...scopeText(o)];
        console.log([o.username, o.role, state, `created ${new Date(o.createdAt).toISOString().slice(0, 10)}`, ...extras].join('\t'));
      }
      return 0;
    }
    const name = username!;
    if (command === 'add') {
      const role = values.role ?? 'officer';
      if (role !== 'officer' && role !== 'admin') throw new UsageError(`--role must be officer or admin\n${USAGE}`);
      if (!USERNAME.test(name)) throw new UsageError('username: 2-32 letters, digits, dot, dash or underscore');
      if (await officers.byUsername(name)) throw new OfficerExistsError(name);
      const scope = scopeFrom(values, settingsPath);
      const passwordHash = await hashPassword(await readNewPassword());
      await officers.add({ username: name, passwordHash, role: role as OfficerRole, now, scope });
      console.log(`added ${role} ${name}${scopeText(scope).length ? ` (${scopeText(scope).join(' ')})` : ''}`);
      return 0;
    }
    const officer = await officers.byUsername(name);
    if (!officer) {
      console.error(`no officer "${name}"`);
      return 1;
    }
    if (command === 'scope') {
      const scope = scopeFrom(values, settingsPath);
      await officers.setScope(officer.id, scope);
      await officers.audit({
        officerId: null,
        action: 'set_officer_scope',
        detail: { officer: officer.id, username: officer.username, regency: scope.regency, groups: scope.groups, read_only: scope.readOnly, by: 'cli' },
        regency: scope.regency ?? officer.regency,
        now,
      });
      console.log(`${officer.username} now works for ${scopeText(scope).join(' ') || 'every regency and group, deciding'}`);
      return 0;
    }
    if (command === 'passwd') {
      await officers.setPassword(officer.id, await hashPassword(await readNewPassword()));
      const ended = await officers.deleteSessionsOf(officer.id);
      console.log(`password changed for ${officer.username}${ended ? ` (${ended} session(s) ended)` : ''}`);
      return 0;
    }
    if (command === 'reset-2fa') {
      // For the admin who lost both phone and recovery codes (no other admin can reset them).
      await officers.resetSecondFactor(officer.id);
      await officers.audit({ officerId: null, action: 'reset_second_factor', detail: { officer: officer.id, username: officer.username, by: 'cli' }, now });
      console.log(`second factor removed for ${officer.username}; they enrol again at their next login`);
      return 0;
    }
    if (command === 'disable') {
      await officers.setDisabled(officer.id, officer.disabledAt ?? now);
      await officers.deleteSessionsOf(officer.id);
      console.log(`disabled ${officer.username}`);
      return 0;
    }
    await officers.setDisabled(officer.id, null);
    console.log(`enabled ${officer.username}`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await sql.close();
  }
}

process.exitCode = await main();
