import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../app/app.js';
import type { Reply } from '../core/types.js';
import { renderPlain } from './text.js';

export const TERMINAL_CHANNEL = 'cli';

/** Sends everything the outbox holds for the terminal, in order, then marks it sent. */
function drain(app: App, write: (externalId: string, reply: Reply) => void): void {
  for (;;) {
    const batch = app.outbox.due(TERMINAL_CHANNEL, app.clock());
    if (batch.length === 0) return;
    for (const m of batch) {
      write(m.externalId, m.reply);
      app.outbox.markSent(m.id);
    }
  }
}

export interface TerminalOptions {
  jsonl: boolean;
  input: Readable;
  output: Writable;
  user?: string;
}

/**
 * The terminal chat: interactive for a person trying the bot, or JSON lines for scripts
 * (`{"user","text"}` in, `{"user","text","choices"}` out), handled strictly in order.
 */
export async function runTerminalChat(app: App, opts: TerminalOptions): Promise<void> {
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  const out = opts.output;
  const writeJson = (user: string, reply: Reply) =>
    out.write(`${JSON.stringify({ user, text: reply.text, choices: reply.choices ?? [] })}\n`);
  const writePlain = (_user: string, reply: Reply) => out.write(`\n${renderPlain(reply)}\n`);
  const user = opts.user ?? 'terminal';

  if (!opts.jsonl) out.write('Lindung (terminal). Ketik pesan, misalnya "menu". Ctrl+D untuk keluar.\n\n> ');
  for await (const line of rl) {
    if (opts.jsonl) {
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        out.write(`${JSON.stringify({ error: 'invalid JSON line' })}\n`);
        continue;
      }
      // Any JSON value may come (null, a number, an array): only an object with both strings is a message.
      const msg = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as { user?: unknown; text?: unknown };
      if (typeof msg.user !== 'string' || typeof msg.text !== 'string' || msg.user === '') {
        out.write(`${JSON.stringify({ error: 'each line needs "user" and "text" strings' })}\n`);
        continue;
      }
      await app.handle({ channel: TERMINAL_CHANNEL, externalId: msg.user, text: msg.text });
      drain(app, writeJson);
    } else {
      await app.handle({ channel: TERMINAL_CHANNEL, externalId: user, text: line });
      drain(app, writePlain);
      out.write('\n> ');
    }
  }
  if (!opts.jsonl) out.write('\n');
}
