import { formatFindings, runDoctor } from '../ops/doctor.js';

/**
 * What to fix before (or while) running Lindung: settings, database, keys, file modes, disk,
 * officers, channels, clock and backups, one line each. Reads only and calls no network; prints no
 * NIK, phone number, token or key. Exit code 1 when anything FAILs.
 */
async function main(): Promise<number> {
  const findings = await runDoctor();
  console.log(formatFindings(findings));
  return findings.some((f) => f.status === 'FAIL') ? 1 : 0;
}

process.exitCode = await main();
