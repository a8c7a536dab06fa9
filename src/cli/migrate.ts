import { EXIT, configForTool } from '../exit-codes.js';
import { migratePostgresUrl, migrateSqliteFile } from '../storage/migrate-tool.js';

const USAGE = `usage:
  npm run migrate    brings the configured database (DATABASE_URL, else the SQLite file at DATABASE_PATH)
                     to this version's schema and prints its version before and after
Safe while other processes start on the same database. Exit codes: 0 done (or nothing to do);
1 it failed, or the database is newer than this version; 2 a wrong command line or setting.`;

/** Brings the configured database's schema to this version's (what the bot does at start), and says what it did. */
async function main(): Promise<number> {
  if (process.argv.length > 2) {
    console.error(USAGE);
    return EXIT.config;
  }
  const loaded = configForTool();
  if ('exit' in loaded) return loaded.exit;
  const { config } = loaded;
  if (!config.DATABASE_URL && config.DATABASE_PATH === ':memory:') {
    console.error('DATABASE_PATH is :memory:: there is no database to migrate.');
    return EXIT.config;
  }
  try {
    const r = config.DATABASE_URL ? await migratePostgresUrl(config, config.DATABASE_URL) : migrateSqliteFile(config.DATABASE_PATH);
    if (r.before === undefined) console.log(`${r.where}: there was no database; made one at schema ${r.after}.`);
    else if (r.after === r.before) console.log(`${r.where}: schema ${r.before} before, ${r.after} after: nothing to do.`);
    else console.log(`${r.where}: schema ${r.before} before, ${r.after} after.`);
    if (r.after > r.latest) {
      console.error(`The database is at schema ${r.after}, newer than this version's (${r.latest}): a newer Lindung migrated it; run that version.`);
      return EXIT.unexpected;
    }
    // SQLite files of older versions may still hold values in clear: sealing them needs the keys, at the bot's start.
    if (!config.DATABASE_URL && r.before !== undefined && r.after > r.before) {
      console.log("The bot's next start finishes the upgrade: it seals, with the keys, any values older versions kept in clear.");
    }
    return EXIT.ok;
  } catch (err) {
    console.error(`migrate failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.unexpected;
  }
}

process.exitCode = await main();
