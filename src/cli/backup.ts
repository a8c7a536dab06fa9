import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { keyFilePath } from '../key-ring.js';
import { backupDatabase, backupDir, describeFacts, pruneBackups, scheduledName, size } from '../ops/backup.js';

const USAGE = `usage:
  npm run backup -- FILE     a verified copy of the database at FILE (0600); FILE may be a folder
  npm run backup             into BACKUP_DIR under a timestamped name; the oldest beyond BACKUP_KEEP are removed
The bot may run meanwhile. The key file is never in a backup: keep its own copy, apart from them.`;

/** A consistent, verified copy of the database (SQLite's online backup), while the bot runs or not. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  try {
    const config = loadConfig();
    const given = args[0];
    const scheduled = given === undefined;
    const file = scheduled
      ? join(backupDir(config), scheduledName(Date.now()))
      : existsSync(given) && statSync(given).isDirectory()
        ? join(given, scheduledName(Date.now()))
        : given;
    const r = await backupDatabase(config.DATABASE_PATH, file);
    console.log(`backup written: ${r.file} (${size(r.bytes)}, ${(r.ms / 1000).toFixed(1)} s, readable by its owner only)`);
    console.log(`verified: ${describeFacts(r.facts)}`);
    if (scheduled) {
      const pruned = pruneBackups(backupDir(config), config.BACKUP_KEEP);
      if (pruned.length) console.log(`removed the oldest (BACKUP_KEEP=${config.BACKUP_KEEP}): ${pruned.join(', ')}`);
    }
    console.log(
      config.LINDUNG_KEYS
        ? 'The keys are not in it: they are in LINDUNG_KEYS (your secret store); keep them backed up there, apart from this file.'
        : `The key file is not in it: keep a copy of ${keyFilePath(config)} apart from the backups (without it they cannot be read).`,
    );
    return 0;
  } catch (err) {
    console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
