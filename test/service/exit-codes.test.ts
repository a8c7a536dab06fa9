import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { BindError, EXIT, exitCodeFor } from '../../src/exit-codes.js';
import { SettingsError } from '../../src/settings.js';
import { KeyError } from '../../src/storage/crypto.js';
import { startLindung, type LindungProcess } from './lindung-process.js';

let dir: string;
let started: LindungProcess[] = [];
let blocker: Server | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-exit-'));
});
afterEach(async () => {
  for (const p of started) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
  started = [];
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const start = (settings: Record<string, string>) => {
  const p = startLindung({ DATABASE_PATH: join(dir, 'lindung.db'), ...settings });
  started.push(p);
  return p;
};

describe('exit codes a service manager can act on', () => {
  it('are 0 clean stop, 1 unexpected, 2 configuration, 3 cannot listen', () => {
    expect(EXIT).toEqual({ ok: 0, unexpected: 1, config: 2, bind: 3 });
    expect(exitCodeFor(new ConfigError('x'))).toBe(2);
    expect(exitCodeFor(new SettingsError('x'))).toBe(2);
    expect(exitCodeFor(new KeyError('x'))).toBe(2);
    expect(exitCodeFor(new BindError('x'))).toBe(3);
    expect(exitCodeFor(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', syscall: 'listen' }))).toBe(3);
    expect(exitCodeFor(new TypeError('a bug'))).toBe(1);
  });

  it('a console port in use ends the start with exit code 3 and one line naming host:port and what to do', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const p = start({ CONSOLE_PORT: String(port) });
    expect(await p.exited).toBe(EXIT.bind);
    const line = p.stderr().split('\n').find((l) => l.includes('cannot listen'));
    expect(line).toBeDefined();
    expect(line).toContain(`127.0.0.1:${port}`);
    expect(line).toContain('CONSOLE_PORT');
    expect(line).toContain('EADDRINUSE');
    expect(p.stderr()).not.toContain('[angka]');
    expect(p.stderr()).not.toContain('"msg":"ready"');
  });

  it('an invalid setting ends the start with exit code 2, naming the setting', async () => {
    const p = start({ CONSOLE_PORT: 'eighty' });
    expect(await p.exited).toBe(EXIT.config);
    expect(p.stderr()).toContain('CONSOLE_PORT');
    expect(p.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('a missing programme settings file ends the start with exit code 2', async () => {
    const p = start({ PROGRAMME_SETTINGS_PATH: join(dir, 'nowhere.json') });
    expect(await p.exited).toBe(EXIT.config);
    expect(p.stderr()).toContain('nowhere.json');
  });

  it("another installation's keys (the key check) end the start with exit code 2", async () => {
    // A first start creates the database and its key file; a second one is given a key file that does not exist.
    const first = start({ LINDUNG_KEY_FILE: join(dir, 'lindung.key') });
    await first.waitForLine(/"msg":"ready"/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(EXIT.ok);
    const second = start({ LINDUNG_KEY_FILE: join(dir, 'other.key') });
    expect(await second.exited).toBe(EXIT.config);
    expect(second.stderr()).toContain('other.key');
    const third = start({ LINDUNG_KEYS: '{"not":"a key file"}' });
    expect(await third.exited).toBe(EXIT.config);
  });
});
