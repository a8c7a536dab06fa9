import { accessSync, constants, existsSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { checkConfig, type Config } from '../config.js';
import { fieldSettingProblems, REGISTRATION_SCHEMA } from '../core/flows/registration-schema.js';
import { loadRates } from '../domain/rates.js';
import { keyFilePath } from '../key-ring.js';
import { loadProgrammeSettings, unfilledSettings } from '../settings.js';
import { regencyKey, RegencyRegistry, settingsPaths } from '../regencies.js';
import { backupDir, listBackups, size } from './backup.js';
import { inspectDatabase, latestSchema, officerCounts, openAsIs, whatsappLinked, type Db } from '../storage/maintenance.js';
import { keysProblem } from './inspect.js';
import { describeUrl } from '../storage/open.js';
import { latestPostgresSchema, postgresSchemaVersion } from '../storage/pg-migrate.js';
import { postgresSql } from '../storage/postgres.js';

export type Status = 'OK' | 'WARN' | 'FAIL';

/** One thing `npm run doctor` looked at: what it found and, unless all is well, what to do. */
export interface Finding {
  status: Status;
  topic: string;
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  /** The settings to check (default: the process environment, read by config.ts). */
  env?: NodeJS.ProcessEnv;
  now?: number;
  /** Free bytes on the disk holding `dir` (default: fs.statfs); tests pass a fixed figure. */
  freeBytes?: (dir: string) => number;
}

const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];
const MB = 1e6;

/** How a file's mode lets others read it: 'world', 'group' or undefined (owner only). */
function exposure(path: string): 'world' | 'group' | undefined {
  const mode = statSync(path).mode;
  if (mode & 0o007) return 'world';
  if (mode & 0o070) return 'group';
  return undefined;
}

/** The mode in octal, as chmod takes it. */
const octal = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

/** Checks that need no database: the settings files, the channels' settings, the clock. */
function configFindings(config: Config, problems: string[], now: number): Finding[] {
  const out: Finding[] = [];
  const fixEnv = 'set it right in the environment (your .env copy or the service manager; .env.example explains each setting)';
  if (problems.length) for (const p of problems) out.push({ status: 'FAIL', topic: 'settings', detail: p, fix: fixEnv });
  else out.push({ status: 'OK', topic: 'settings', detail: 'every setting in the environment is valid' });

  // Each regency's settings file on its own line; then what they need together (distinct regencies, the channels' regencies).
  const paths = settingsPaths(config.PROGRAMME_SETTINGS_PATH);
  let allValid = paths.length > 0;
  for (const path of paths) {
    try {
      const settings = loadProgrammeSettings(path);
      const fields = fieldSettingProblems(REGISTRATION_SCHEMA, settings);
      if (fields.length) throw new Error(fields.join('; '));
      out.push({ status: 'OK', topic: 'programme settings', detail: `${path}: ${settings.regency.name} (${regencyKey(settings)}), ${settings.groups.length} groups, ${settings.areas.length} kecamatan` });
      const unfilled = unfilledSettings(settings);
      if (unfilled.length) {
        const first = unfilled.slice(0, 6).map((u) => u.path).join(', ');
        out.push({ status: 'WARN', topic: 'programme settings', detail: `${path}: ${unfilled.length} setting(s) no source states yet (${first}${unfilled.length > 6 ? ', …' : ''})`, fix: `fill them in ${path} and take them out of its notStated list (the console's dashboard lists them too)` });
      }
      if (path.endsWith('programme.example.json')) {
        out.push({ status: 'WARN', topic: 'programme settings', detail: 'the fictional example regency is in use', fix: "copy data/programme.example.json (or a preset in data/regencies/), edit it for the regency and point PROGRAMME_SETTINGS_PATH at the copy" });
      }
    } catch (err) {
      allValid = false;
      out.push({ status: 'FAIL', topic: 'programme settings', detail: (err as Error).message.replace(/\s*\n\s*/g, '; '), fix: `edit ${path} (data/programme.example.json shows every field)` });
    }
  }
  if (allValid) {
    try {
      const served = RegencyRegistry.load(paths);
      for (const [name, key] of [['WHATSAPP_REGENCY', config.WHATSAPP_REGENCY], ['TELEGRAM_REGENCY', config.TELEGRAM_REGENCY]] as const) {
        if (key !== undefined && !served.has(key)) out.push({ status: 'FAIL', topic: 'programme settings', detail: `${name}=${key} is not a regency served (${served.keys.join(', ')})`, fix: `set ${name} to one of ${served.keys.join(', ')}, or add that regency's settings file to PROGRAMME_SETTINGS_PATH` });
      }
      if (served.several) out.push({ status: 'OK', topic: 'programme settings', detail: `${served.list.length} regencies served: ${served.keys.join(', ')}` });
    } catch (err) {
      out.push({ status: 'FAIL', topic: 'programme settings', detail: (err as Error).message.replace(/\s*\n\s*/g, '; '), fix: 'each regency once in PROGRAMME_SETTINGS_PATH' });
    }
  }
  try {
    loadRates(config.RATES_PATH);
    out.push({ status: 'OK', topic: 'rates', detail: config.RATES_PATH });
  } catch (err) {
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const detail = issues ? issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    out.push({ status: 'FAIL', topic: 'rates', detail: `${config.RATES_PATH}: ${detail}`, fix: `correct ${config.RATES_PATH} (compare with data/rates.json of this version)` });
  }

  // Channels: formats only; nothing is sent anywhere, and no token, number or secret is printed.
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token !== undefined) {
    if (/^\d{5,15}:[A-Za-z0-9_-]{30,}$/.test(token)) out.push({ status: 'OK', topic: 'telegram', detail: 'the bot token has the right form (not checked with Telegram)' });
    else out.push({ status: 'FAIL', topic: 'telegram', detail: 'TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then 35 or so letters)', fix: 'copy it again from @BotFather (/mybots → API Token)' });
  }
  if (config.TELEGRAM_WEBHOOK_URL) {
    const url = new URL(config.TELEGRAM_WEBHOOK_URL);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (url.protocol !== 'https:' || !['443', '80', '88', '8443'].includes(port)) {
      out.push({ status: 'FAIL', topic: 'telegram webhook', detail: 'TELEGRAM_WEBHOOK_URL is not https on port 443, 80, 88 or 8443', fix: 'Telegram calls only such URLs: put a TLS reverse proxy there that forwards to TELEGRAM_WEBHOOK_HOST:TELEGRAM_WEBHOOK_PORT' });
    } else if (!token) {
      out.push({ status: 'WARN', topic: 'telegram webhook', detail: 'a webhook URL is set without TELEGRAM_BOT_TOKEN', fix: 'set the token, or remove the URL' });
    } else {
      out.push({ status: 'OK', topic: 'telegram webhook', detail: `https webhook with a secret; the receiver listens on ${config.TELEGRAM_WEBHOOK_HOST}:${config.TELEGRAM_WEBHOOK_PORT}` });
    }
    if ((config.TELEGRAM_WEBHOOK_SECRET ?? '').length < 16) {
      out.push({ status: 'WARN', topic: 'telegram webhook', detail: 'TELEGRAM_WEBHOOK_SECRET is short (under 16 characters)', fix: 'use a long random one, e.g. from: openssl rand -hex 32' });
    }
  }
  if (!token && !config.WHATSAPP_ENABLED) {
    out.push({ status: 'WARN', topic: 'channels', detail: 'no messaging channel is configured: only the terminal chat and the console simulator answer', fix: 'set TELEGRAM_BOT_TOKEN and/or WHATSAPP_ENABLED=true' });
  }
  if (config.PHONE_CHANNEL === 'whatsapp' && !config.WHATSAPP_ENABLED) {
    out.push({ status: 'WARN', topic: 'channels', detail: "PHONE_CHANNEL=whatsapp but WhatsApp is off: neighbours a cadre signed up hear nothing of their registration", fix: 'turn WhatsApp on, or set PHONE_CHANNEL=none to say so' });
  }

  // Time.
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.TIMEZONE });
    if (INDONESIAN_ZONES.includes(config.TIMEZONE)) out.push({ status: 'OK', topic: 'time zone', detail: `TIMEZONE=${config.TIMEZONE} (the regency's "today")` });
    else out.push({ status: 'WARN', topic: 'time zone', detail: `TIMEZONE=${config.TIMEZONE} is not an Indonesian zone`, fix: `set the regency's zone: ${INDONESIAN_ZONES.join(', ')}` });
  } catch {
    out.push({ status: 'FAIL', topic: 'time zone', detail: `TIMEZONE=${config.TIMEZONE} is not a known time zone`, fix: `an IANA name: ${INDONESIAN_ZONES.join(', ')}` });
  }
  const year = new Date(now).getUTCFullYear();
  if (year < 2025 || year > 2100) out.push({ status: 'FAIL', topic: 'clock', detail: `the system clock says ${new Date(now).toISOString()}`, fix: 'set the clock right and keep it synchronised (timedatectl set-ntp true)' });
  else out.push({ status: 'OK', topic: 'clock', detail: `${new Date(now).toISOString()} (system zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}; Lindung counts days in TIMEZONE)` });
  return out;
}

/** A file's mode: the key file must be its owner's alone; the database and backups not readable by others. */
function modeFinding(path: string, what: string, strict: boolean): Finding | undefined {
  if (!existsSync(path)) return undefined;
  const seen = exposure(path);
  const isDir = statSync(path).isDirectory();
  const fix = `chmod ${isDir ? '700' : '600'} ${path}`;
  if (!seen) return { status: 'OK', topic: 'file modes', detail: `${what} ${path}: owner only (${octal(path)})` };
  // A folder others can list shows file names, not what is in them (the files are checked on their own): a warning.
  const status: Status = !isDir && (strict || seen === 'world') ? 'FAIL' : 'WARN';
  return { status, topic: 'file modes', detail: `${what} ${path} is readable by ${seen === 'world' ? 'every user' : 'its group'} (${octal(path)})`, fix };
}

/**
 * A PostgreSQL store (DATABASE_URL): reachable, and at this version's schema. Reads only; its
 * integrity, space, backups and replicas are watched with the database's own tools (README).
 */
async function postgresFindings(url: string): Promise<Finding[]> {
  const where = describeUrl(url);
  const sql = postgresSql({ connectionString: url, poolSize: 1, applicationName: 'lindung-doctor' });
  try {
    const latest = latestPostgresSchema();
    const schema = await postgresSchemaVersion(sql);
    const out: Finding[] = [{ status: 'OK', topic: 'database', detail: `${where}: connects (PostgreSQL; backups and replication are the database's own)` }];
    if (schema > latest) out.push({ status: 'FAIL', topic: 'database', detail: `schema ${schema} is newer than this version of Lindung (${latest})`, fix: 'run the Lindung version that wrote it' });
    else if (schema < latest) out.push({ status: 'WARN', topic: 'database', detail: `schema ${schema}; this version brings it to ${latest}`, fix: 'npm run migrate (or the next start does it)' });
    else out.push({ status: 'OK', topic: 'database', detail: `migrations up to date (schema ${schema})` });
    return out;
  } catch (err) {
    return [{ status: 'FAIL', topic: 'database', detail: `${where} cannot be reached: ${(err as Error).message}`, fix: 'check DATABASE_URL, the server, and that this machine may connect to it' }];
  } finally {
    await sql.close();
  }
}

/** The database: opens, intact, up to date, writable, readable with the keys; its officers and WhatsApp login. */
async function databaseFindings(config: Config): Promise<Finding[]> {
  const path = config.DATABASE_PATH;
  if (path === ':memory:') return [{ status: 'WARN', topic: 'database', detail: 'DATABASE_PATH=:memory:: nothing is kept after a stop', fix: 'set DATABASE_PATH to a file' }];
  if (!existsSync(path)) {
    return [{ status: 'WARN', topic: 'database', detail: `${path} does not exist yet`, fix: 'it is created at the first npm start; or restore a backup: npm run restore -- FILE' }];
  }
  const out: Finding[] = [];
  let db: Db | undefined;
  try {
    // Reads only: no migration, no pragma that writes (the bot may be running).
    db = openAsIs(path);
    const facts = inspectDatabase(db, 'quick');
    const latest = latestSchema();
    if (facts.integrity !== 'ok') out.push({ status: 'FAIL', topic: 'database', detail: `${path} is damaged: ${facts.integrity}`, fix: 'stop the bot and restore the latest backup: npm run restore -- FILE' });
    else out.push({ status: 'OK', topic: 'database', detail: `${path}: opens, quick_check ok, ${facts.counts.registrations ?? 0} registrations, ${size(statSync(path).size)}` });
    if (facts.schema > latest) out.push({ status: 'FAIL', topic: 'database', detail: `schema ${facts.schema} is newer than this version of Lindung (${latest})`, fix: 'run the Lindung version that wrote it, or restore an older backup' });
    else if (facts.schema < latest) out.push({ status: 'WARN', topic: 'database', detail: `schema ${facts.schema}; this version brings it to ${latest} at the next start`, fix: 'take a backup first: npm run backup' });
    else out.push({ status: 'OK', topic: 'database', detail: `migrations up to date (schema ${facts.schema})` });
    try {
      accessSync(path, constants.W_OK);
      accessSync(dirname(path), constants.W_OK);
      out.push({ status: 'OK', topic: 'database', detail: 'the file and its folder are writable' });
    } catch {
      out.push({ status: 'FAIL', topic: 'database', detail: `${path} or its folder is not writable by this user`, fix: "run Lindung as the files' owner (or chown them to that user)" });
    }
    const keys = await keysProblem(config, db, path);
    if (keys) out.push({ status: 'FAIL', topic: 'keys', detail: keys, fix: 'put back the key file from its backup (it is never in the database backups)' });
    else if (!config.LINDUNG_KEYS && !existsSync(keyFilePath(config))) out.push({ status: 'OK', topic: 'keys', detail: `nothing encrypted yet; ${keyFilePath(config)} is created at the next start` });
    else out.push({ status: 'OK', topic: 'keys', detail: config.LINDUNG_KEYS ? 'LINDUNG_KEYS reads the encrypted values' : `${keyFilePath(config)} reads the encrypted values` });
    if (facts.tables.includes('officers')) {
      const o = officerCounts(db);
      if (!o.admins) {
        out.push({
          status: 'FAIL',
          topic: 'officers',
          detail: 'no active admin: nobody can manage officers or exports in the console',
          fix: o.disabledAdmins ? 'npm run officer -- enable <username>  (see npm run officer -- list)' : 'npm run officer -- add <username> --role admin',
        });
      } else out.push({ status: 'OK', topic: 'officers', detail: `${o.admins} active admin(s), ${o.active} active account(s)` });
    }
    if (config.WHATSAPP_ENABLED && facts.tables.includes('wa_auth_creds')) {
      if (whatsappLinked(db)) out.push({ status: 'OK', topic: 'whatsapp', detail: 'enabled, and a login is stored (linked)' });
      else out.push({ status: 'WARN', topic: 'whatsapp', detail: 'enabled but not linked yet', fix: 'npm start, then scan the QR it prints in WhatsApp > Linked devices (or set WHATSAPP_PAIRING_NUMBER for a code)' });
    }
  } catch (err) {
    out.push({ status: 'FAIL', topic: 'database', detail: `${path} cannot be read: ${(err as Error).message}`, fix: 'stop the bot and restore the latest backup: npm run restore -- FILE' });
  } finally {
    db?.close();
  }
  return out;
}

/** File modes, free space and backups. */
function fileFindings(config: Config, now: number, freeBytes: (dir: string) => number): Finding[] {
  const out: Finding[] = [];
  const path = config.DATABASE_PATH;
  if (path === ':memory:') return out;
  const backups = backupDir(config);
  if (process.platform !== 'win32') {
    const modes = [
      modeFinding(dirname(path), 'database folder', false),
      ...[path, `${path}-wal`, `${path}-shm`].map((f) => modeFinding(f, 'database', false)),
      config.LINDUNG_KEYS ? undefined : modeFinding(keyFilePath(config), 'key file', true),
      modeFinding(backups, 'backup folder', false),
      ...listBackups(backups).map((f) => modeFinding(f, 'backup', false)),
      // Databases a restore replaced, kept beside it.
      ...(existsSync(dirname(path)) ? readdirSync(dirname(path)) : [])
        .filter((f) => f.startsWith(`${basename(path)}.before-restore-`))
        .map((f) => modeFinding(join(dirname(path), f), 'replaced database', false)),
    ].filter((f): f is Finding => f !== undefined);
    // One line for all that are fine; each that is not, with its fix.
    const bad = modes.filter((f) => f.status !== 'OK');
    out.push(...bad);
    if (modes.length > bad.length) out.push({ status: 'OK', topic: 'file modes', detail: `${modes.length - bad.length} file(s) and folder(s) readable by their owner only` });
  }
  if (!config.LINDUNG_KEYS) {
    const key = resolve(keyFilePath(config));
    if (key.startsWith(resolve(backups) + sep)) {
      out.push({ status: 'FAIL', topic: 'key file', detail: `the key file ${keyFilePath(config)} is inside the backup folder`, fix: 'move it elsewhere (LINDUNG_KEY_FILE) and keep its copy apart from the backups' });
    }
  }

  const dir = existsSync(dirname(path)) ? dirname(path) : '.';
  try {
    const free = freeBytes(dir);
    const dbSize = existsSync(path) ? statSync(path).size : 0;
    const want = Math.max(2000 * MB, dbSize * (config.BACKUP_KEEP + 2));
    if (free < 200 * MB) out.push({ status: 'FAIL', topic: 'disk', detail: `${size(free)} free where the database lives (${dir})`, fix: 'free space on that disk, or move the database (DATABASE_PATH) and backups (BACKUP_DIR) to a larger one' });
    else if (free < want) out.push({ status: 'WARN', topic: 'disk', detail: `${size(free)} free where the database lives (${dir}); ${size(want)} or more is comfortable`, fix: 'free space, or keep fewer backups here (BACKUP_KEEP) and copy them elsewhere' });
    else out.push({ status: 'OK', topic: 'disk', detail: `${size(free)} free where the database lives` });
  } catch (err) {
    out.push({ status: 'WARN', topic: 'disk', detail: `free space unknown: ${(err as Error).message}` });
  }

  if (config.BACKUP_INTERVAL_HOURS <= 0) {
    out.push({ status: 'WARN', topic: 'backups', detail: 'scheduled backups are off (BACKUP_INTERVAL_HOURS=0)', fix: 'set BACKUP_INTERVAL_HOURS (24 is the default), or run npm run backup from cron' });
  }
  const newest = listBackups(backups).at(-1);
  if (!newest) {
    if (existsSync(path)) out.push({ status: 'WARN', topic: 'backups', detail: `no backup in ${backups} yet`, fix: 'npm run backup (the running bot also makes them every BACKUP_INTERVAL_HOURS)' });
  } else {
    const hours = (now - statSync(newest).mtimeMs) / 3600_000;
    const limit = 2 * Math.max(config.BACKUP_INTERVAL_HOURS, 24);
    const detail = `newest ${newest}, ${hours.toFixed(1)} hours old; ${listBackups(backups).length} kept in ${backups}`;
    if (hours > limit) out.push({ status: 'WARN', topic: 'backups', detail, fix: 'is the bot running? npm run backup takes one now' });
    else out.push({ status: 'OK', topic: 'backups', detail: `${detail} (copy them off this machine; the key file separately)` });
  }
  return out;
}

/** Every check, in the order they are printed. Reads only: nothing is created, changed or sent. */
export async function runDoctor(opts: DoctorOptions = {}): Promise<Finding[]> {
  const now = opts.now ?? Date.now();
  const { config, problems } = checkConfig(opts.env);
  const freeBytes =
    opts.freeBytes ??
    ((dir: string) => {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    });
  if (config.DATABASE_URL) return [...configFindings(config, problems, now), ...(await postgresFindings(config.DATABASE_URL))];
  return [...configFindings(config, problems, now), ...(await databaseFindings(config)), ...fileFindings(config, now, freeBytes)];
}

/** The report: one line per finding (OK / WARN / FAIL), its fix indented under it, and a count. */
export function formatFindings(findings: Finding[]): string {
  const lines = findings.flatMap((f) => [`${f.status.padEnd(4)}  ${f.topic}: ${f.detail}`, ...(f.fix && f.status !== 'OK' ? [`      fix: ${f.fix}`] : [])]);
  const n = (s: Status) => findings.filter((f) => f.status === s).length;
  lines.push('', `${n('FAIL')} FAIL, ${n('WARN')} WARN, ${n('OK')} OK`);
  return lines.join('\n');
}
