import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readyFields, startLindung, type LindungProcess } from './lindung-process.js';

// `npm start` as a service manager runs it: stdin not a terminal (a pipe here), no channel configured.
let dir: string;
let running: LindungProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lindung-service-'));
});
afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start under a service manager', () => {
  it('opens no terminal chat when stdin is not a terminal: the end of stdin changes nothing, SIGTERM stops it with exit code 0', async () => {
    running = startLindung({ DATABASE_PATH: join(dir, 'lindung.db') });
    const ready = readyFields(await running.waitForLine(/"msg":"ready"/));
    expect(ready).toMatchObject({ channels: [], terminalChat: false });
    expect(ready.console).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(dir, 'lindung.db'))).toBe(true);
    // Nothing points to a chat that is not there.
    expect(running.stderr()).toContain('/simulator');
    expect(running.stderr()).not.toContain('(or type here)');
    expect(running.stdout()).not.toContain('Lindung (terminal)');

    // What used to stop it: the end of its input.
    running.child.stdin!.end();
    await sleep(1500); // a chance to (wrongly) stop; the assertions below never depend on how long anything took
    const page = await fetch(`${ready.console}/login`);
    expect(page.status).toBe(200);
    expect(running.child.exitCode).toBeNull();

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stderr()).toContain('"msg":"stopped"');
  });

  it('with TERMINAL_CHAT=off and no channel: no chat and no "(or type here)"; SIGINT stops it with exit code 0', async () => {
    running = startLindung({ DATABASE_PATH: join(dir, 'lindung.db'), TERMINAL_CHAT: 'off' });
    const ready = readyFields(await running.waitForLine(/"msg":"ready"/));
    expect(ready.terminalChat).toBe(false);
    expect(running.stderr()).not.toContain('(or type here)');
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  });

  it('a terminal chat that was asked for (TERMINAL_CHAT=on) answers its input and stops cleanly at its end', async () => {
    running = startLindung({ DATABASE_PATH: join(dir, 'lindung.db'), TERMINAL_CHAT: 'on', CHAT_JSONL: 'true' });
    const ready = readyFields(await running.waitForLine(/"msg":"ready"/));
    expect(ready.terminalChat).toBe(true);
    expect(running.stderr()).toContain('(or type here)');
    running.child.stdin!.end(`${JSON.stringify({ user: 'u1', text: 'menu' })}\n`);
    expect(await running.exited).toBe(0);
    const replies = running.stdout().trim().split('\n').map((l) => JSON.parse(l) as { user: string; choices: unknown[] });
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.user === 'u1')).toBe(true);
    expect(replies.some((r) => r.choices.length > 0)).toBe(true);
  });
});
