// vitest globalSetup: a PostgreSQL server for the tests that run on both stores, and one migrated
// template database per run that each test's fresh database is copied from (test/helpers/postgres.ts).
//
// LINDUNG_TEST_DATABASE_URL names a server to use (the URL's database is where the test databases
// are created from; its user needs CREATEDB). Otherwise a throwaway cluster is made in a temp folder
// from the initdb/pg_ctl found on PATH or under /usr/lib/postgresql/*/bin, on 127.0.0.1 with trust
// auth and durability off (nothing in it outlives the run), and removed at the end. PostgreSQL
// refuses to run as root: as root the cluster belongs to, and runs as, the `postgres` system user.
// No PostgreSQL at all: the PostgreSQL tests are skipped, with one line saying why.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../src/storage/pg-migrate.js';
import { postgresSql } from '../../src/storage/postgres.js';
import type { ProvidedPostgres } from './postgres.js';

const CHILD_TIMEOUT_MS = 60_000;

/** A running PostgreSQL server (bench/postgres.ts uses it too). */
export interface Server {
  /** A database of the server to connect to when creating and dropping the test databases. */
  adminUrl: string;
  stop(): void;
}

/** Why there is no server to use: the caller skips its PostgreSQL part with this one line. */
export class Skip extends Error {}

/** The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders (newest first). */
function findBin(): string | undefined {
  const has = (dir: string): boolean => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return dir;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (has(join(root, v, 'bin'))) return join(root, v, 'bin');
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The last lines a failed command or the server log left, as one line. */
function tail(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

/**
 * A throwaway cluster (see the header). `durable`: fsync and synchronous commits stay on, as on a
 * real server (the benchmark compares it with SQLite's durable commits); the tests need speed only.
 */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<Server> {
  const bin = findBin();
  if (!bin) throw new Skip('no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin (LINDUNG_TEST_DATABASE_URL is not set either)');
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    try {
      owner = {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
      };
    } catch {
      throw new Skip('running as root and there is no `postgres` system user to run the server as');
    }
  }
  const run = (cmd: string, args: string[]): string => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: CHILD_TIMEOUT_MS });
  };
  const dir = mkdtempSync(join(tmpdir(), 'lindung-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    try {
      run('initdb', ['-D', data, '-U', 'lindung', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    } catch (err) {
      throw new Skip(`initdb failed: ${tail(String((err as { stderr?: string }).stderr || (err as Error).message))}`);
    }
    let port = 0;
    // A free port may be taken between finding it and the server binding it: try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}`,
        opts.durable ? '' : '-c fsync=off -c full_page_writes=off -c synchronous_commit=off',
        '-c max_connections=300',
      ].join(' ');
      try {
        run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings, 'start']);
        break;
      } catch (err) {
        if (attempt === 3) {
          const why = existsSync(log) ? readFileSync(log, 'utf8') : String((err as { stderr?: string }).stderr || (err as Error).message);
          throw new Skip(`the server did not start: ${tail(why)}`);
        }
      }
    }
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone: only the folder is left to remove.
      }
      remove();
    };
    // A run that ends without its teardown (an exception in vitest) still leaves no server behind.
    process.once('exit', stop);
    return { adminUrl: `postgres://lindung@127.0.0.1:${port}/postgres`, stop };
  } catch (err) {
    remove();
    throw err;
  }
}

async function findServer(): Promise<Server> {
  const url = process.env.LINDUNG_TEST_DATABASE_URL;
  if (!url) return startCluster();
  // Named on purpose: unreachable is an error, not a reason to skip.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`LINDUNG_TEST_DATABASE_URL: cannot connect: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { adminUrl: url, stop: () => undefined };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Server;
  try {
    server = await findServer();
  } catch (err) {
    if (!(err instanceof Skip)) throw err;
    console.log(`PostgreSQL tests skipped: ${err.message}`);
    project.provide('lindungPostgres', undefined);
    return async () => undefined;
  }
  // Named per run: runs sharing a server (LINDUNG_TEST_DATABASE_URL) do not meet.
  const template = `lindung_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  const dropTemplate = async (): Promise<void> => {
    await admin.query(`ALTER DATABASE ${template} IS_TEMPLATE false`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  };
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const sql = postgresSql({ connectionString: withDatabase(server.adminUrl, template), applicationName: 'lindung-test-template' });
    try {
      await migratePostgres(sql);
    } finally {
      await sql.close();
    }
    // Copies may be made while no one is connected to it: marked so no one is by mistake.
    await admin.query(`ALTER DATABASE ${template} IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } catch (err) {
    await dropTemplate().catch(() => undefined);
    await admin.end().catch(() => undefined);
    server.stop();
    throw err;
  }
  const provided: ProvidedPostgres = { adminUrl: server.adminUrl, template };
  project.provide('lindungPostgres', provided);
  return async () => {
    try {
      await dropTemplate();
    } finally {
      await admin.end().catch(() => undefined);
      server.stop();
    }
  };
}
