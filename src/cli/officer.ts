import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { hashPassword, validatePassword } from '../console/security.js';
import { loadConfig } from '../config.js';
import { exitCodeFor } from '../exit-codes.js';
import { openDatabase } from '../storage/db.js';
import { createOfficerStore, OfficerExistsError, type OfficerRole } from '../storage/officers.js';

const USAGE = `usage:
  npm run officer -- add <username> [--role officer|admin]   (password prompted, or first line of stdin)
  npm run officer -- passwd <username>
  npm run officer -- disable <username>
  npm run officer -- enable <username>
  npm run officer -- reset-2fa <username>   (a lost authenticator: enrol again at the next login)
  npm run officer -- list`;

/** A wrong command line or unacceptable input: exit code 2. */
class UsageError extends Error {}

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
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { role: { type: 'string' } } });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, username, ...rest] = positionals;
  const needsName = ['add', 'passwd', 'disable', 'enable', 'reset-2fa'].includes(command ?? '');
  if (!command || rest.length > 0 || (needsName ? !username : command !== 'list') || (values.role && command !== 'add')) {
    console.error(USAGE);
    return 2;
  }
  let db;
  try {
    const config = loadConfig();
    // An officer's command may wait a while for a busy bot; it must not fail.
    db = openDatabase(config.DATABASE_PATH, { synchronous: config.SQLITE_SYNCHRONOUS, busyTimeoutMs: 60_000 });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return exitCodeFor(err);
  }
  try {
    const officers = createOfficerStore(db);
    const now = Date.now();
    if (command === 'list') {
      for (const o of officers.list()) {
        const state = o.disabledAt === null ? 'active' : `disabled ${new Date(o.disabledAt).toISOString().slice(0, 10)}`;
        const extras = [o.secondFactor ? '2fa' : 'no-2fa', ...(o.exportNik ? ['export-nik'] : [])];
        console.log([o.username, o.role, state, `created ${new Date(o.createdAt).toISOString().slice(0, 10)}`, ...extras].join('\t'));
      }
      return 0;
    }
    const name = username!;
    if (command === 'add') {
      const role = values.role ?? 'officer';
      if (role !== 'officer' && role !== 'admin') throw new UsageError(`--role must be officer or admin\n${USAGE}`);
      if (!USERNAME.test(name)) throw new UsageError('username: 2-32 letters, digits, dot, dash or underscore');
      if (officers.byUsername(name)) throw new OfficerExistsError(name);
      const passwordHash = await hashPassword(await readNewPassword());
      officers.add({ username: name, passwordHash, role: role as OfficerRole, now });
      console.log(`added ${role} ${name}`);
      return 0;
    }
    const officer = officers.byUsername(name);
    if (!officer) {
      console.error(`no officer "${name}"`);
      return 1;
    }
    if (command === 'passwd') {
      officers.setPassword(officer.id, await hashPassword(await readNewPassword()));
      const ended = officers.deleteSessionsOf(officer.id);
      console.log(`password changed for ${officer.username}${ended ? ` (${ended} session(s) ended)` : ''}`);
      return 0;
    }
    if (command === 'reset-2fa') {
      // For the admin who lost both phone and recovery codes (no other admin can reset them).
      officers.resetSecondFactor(officer.id);
      officers.audit({ officerId: null, action: 'reset_second_factor', detail: { officer: officer.id, username: officer.username, by: 'cli' }, now });
      console.log(`second factor removed for ${officer.username}; they enrol again at their next login`);
      return 0;
    }
    if (command === 'disable') {
      officers.setDisabled(officer.id, officer.disabledAt ?? now);
      officers.deleteSessionsOf(officer.id);
      console.log(`disabled ${officer.username}`);
      return 0;
    }
    officers.setDisabled(officer.id, null);
    console.log(`enabled ${officer.username}`);
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof UsageError ? 2 : 1;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
