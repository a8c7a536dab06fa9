import { loadConfig } from '../config.js';
import { describeFacts } from '../ops/backup.js';
import { RestoreRefused, restoreDatabase } from '../ops/restore.js';

const USAGE = `usage:
  npm run restore -- FILE    puts the backup FILE in place of the database (DATABASE_PATH); the bot must be stopped.
The replaced database is kept beside it as <database>.before-restore-<time>.`;

/** Restores a backup after checking it (see README, "Backups and restore"). */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const [file] = args;
  if (args.length !== 1 || !file || file.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  try {
    const config = loadConfig();
    const r = await restoreDatabase(config, file);
    console.log(`restored ${file} as ${config.DATABASE_PATH}`);
    console.log(`verified: ${describeFacts(r.facts)}; the configured keys read it`);
    if (r.facts.schema < r.latest) console.log(`its schema ${r.facts.schema} is brought up to ${r.latest} when the bot starts.`);
    console.log(
      r.keptAside
        ? `the database it replaced is kept as ${r.keptAside} (delete it once the restored one is checked).`
        : 'there was no database before.',
    );
    console.log('Start the bot (npm start) and check it with npm run doctor.');
    return 0;
  } catch (err) {
    if (err instanceof RestoreRefused) {
      console.error(`restore refused: ${err.message}`);
      console.error('Nothing was changed.');
    } else {
      console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return 1;
  }
}

process.exitCode = await main();
