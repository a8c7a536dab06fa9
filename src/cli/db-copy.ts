import { parseArgs } from 'node:util';
import { configForTool } from '../exit-codes.js';
import { keyFilePath } from '../key-ring.js';
import { CopyRefused, copySqliteToPostgres, formatChecks, verifyCopy, type TableCheck } from '../storage/copy.js';
import { describeUrl } from '../storage/open.js';

const USAGE = `usage:
  npm run db:copy -- --from sqlite[:PATH] --to postgres[:URL] [--replace]
  npm run db:copy -- --from sqlite[:PATH] --to postgres[:URL] --verify
Copies every table of the SQLite database (PATH, default DATABASE_PATH) into PostgreSQL (URL,
default DATABASE_URL), which it migrates first, in one transaction; then compares each table's row
count and checksum on both sides.
  --replace  the PostgreSQL database already holds rows: empty it first (in the same transaction)
  --verify   copy nothing; compare the two databases as they are now
Only SQLite to PostgreSQL: --from postgres --to sqlite is not supported.
Exit codes: 0 copied (or compared) and every table matches; 1 refused, failed, or a table differs;
2 a wrong command line or setting.`;

type End = { kind: string; where: string | undefined };

/** `sqlite`, `sqlite:PATH`, `postgres`, `postgres:URL`, or a bare postgres:// URL. */
function end(value: string): End {
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', where: value };
  const cut = value.indexOf(':');
  return cut < 0 ? { kind: value, where: undefined } : { kind: value.slice(0, cut), where: value.slice(cut + 1) || undefined };
}

function printChecks(checks: TableCheck[]): boolean {
  console.log(formatChecks(checks));
  const different = checks.filter((c) => !c.same).map((c) => c.table);
  const rows = checks.reduce((n, c) => n + c.sqliteRows, 0);
  if (different.length) console.error(`The databases differ in: ${different.join(', ')}.`);
  else console.log(`Every table matches: ${rows} rows in ${checks.length} tables.`);
  return different.length === 0;
}

/** SQLite file → PostgreSQL, verified (see USAGE). Prints table names, counts and checksums only: never a value. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' }, verify: { type: 'boolean' } }, strict: true }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (!args.from || !args.to || (args.replace && args.verify)) {
    console.error(USAGE);
    return 2;
  }
  const from = end(args.from);
  const to = end(args.to);
  if (from.kind === 'postgres' && to.kind === 'sqlite') {
    console.error(
      'Copying PostgreSQL back into a SQLite file is not supported (only --from sqlite --to postgres). ' +
        'To go back, restore the SQLite file you copied from (or its backup); rows written on PostgreSQL since are not in it.',
    );
    return 2;
  }
  if (from.kind !== 'sqlite' || to.kind !== 'postgres') {
    console.error(USAGE);
    return 2;
  }
  const loaded = configForTool();
  if ('exit' in loaded) return loaded.exit;
  const { config } = loaded;
  const path = from.where ?? config.DATABASE_PATH;
  const url = to.where ?? config.DATABASE_URL;
  if (!url) {
    console.error('No PostgreSQL database: give --to postgres:URL or set DATABASE_URL.');
    return 2;
  }
  if (path === ':memory:') {
    console.error('DATABASE_PATH is :memory:: there is no SQLite file to copy (give --from sqlite:PATH).');
    return 2;
  }
  try {
    if (args.verify) {
      console.log(`Comparing the SQLite database ${path} with PostgreSQL ${describeUrl(url)}.`);
      return printChecks(await verifyCopy({ from: path, to: url })) ? 0 : 1;
    }
    console.log(`Copying the SQLite database ${path} into PostgreSQL ${describeUrl(url)}.`);
    console.log(
      'It reads one snapshot of the file, so the bot may keep running, but what it writes after the snapshot is not copied: stop the bot before the final copy.',
    );
    const r = await copySqliteToPostgres({ from: path, to: url, replace: args.replace ?? false });
    console.log(`Schema ${r.version}; snapshot taken ${new Date(r.snapshotAt).toISOString()}${r.replaced ? '; the rows PostgreSQL held were replaced' : ''}.`);
    if (!printChecks(r.checks)) return 1;
    const keys = config.LINDUNG_KEYS ? 'the same LINDUNG_KEYS' : `the key file ${keyFilePath({ ...config, DATABASE_PATH: path })} (or LINDUNG_KEY_FILE / LINDUNG_KEYS with its content)`;
    console.log(`Personal data was copied sealed: start the bot with DATABASE_URL set to ${describeUrl(url)} and ${keys}.`);
    return 0;
  } catch (err) {
    if (err instanceof CopyRefused) {
      // Every refusal comes before the copy's commit.
      console.error(`db:copy refused: ${err.message}${args.verify ? '' : ' Nothing was copied.'}`);
      return 1;
    }
    console.error(`db:copy failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
