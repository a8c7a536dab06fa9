import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../app/app.js';
import type { Reply } from '../core/types.js';
import type { OutboxMessage } from '../storage/outbox.js';
import { renderPlain } from './text.js';

export const TERMINAL_CHANNEL = 'cli';

/** Sends what the outbox holds for the terminal (all of it, or one person's), in order, then marks it sent. */
async function drain(app: App, take: () => Promise<OutboxMessage[]>, write: (externalId: string, reply: Reply) => void): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await take();
    if (batch.length === 0) return sent;
    for (const m of batch) {
      write(m.externalId, m.reply);
      await app.outbox.markSent(m.id);
      sent++;
    }
  }
}

export interface TerminalOptions {
  jsonl: boolean;
  input: Readable;
  output: Writable;
  user?: string;
  /**
   * Interactive mode: how often to look for news that came without a message of theirs (an
   * officer's decision in the console), in ms; 0: only after each line typed. Default 1000.
   */
  pollMs?: number;
}

/**
 * The terminal chat: interactive for a person trying the bot, or JSON lines for scripts
 * (`{"user","text"}` in, `{"user","text","choices"}` out), handled strictly in order. The
 * interactive chat is one person's: it shows their replies and news only, never someone else's
 * (news for other terminal users waits for their own chat). JSON lines name the user of each line.
 */
export async function runTerminalChat(app: App, opts: TerminalOptions): Promise<void> {
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  const out = opts.output;
  const writeJson = (user: string, reply: Reply) =>
    out.write(`${JSON.stringify({ user, text: reply.text, choices: reply.choices ?? [] })}\n`);
  const writePlain = (_user: string, reply: Reply) => out.write(`\n${renderPlain(reply)}\n`);
  const user = opts.user ?? 'terminal';
  const everyone = () => app.outbox.due(TERMINAL_CHANNEL, app.clock());
  const mine = () => app.outbox.dueFor(TERMINAL_CHANNEL, user, app.clock());

  const pollMs = opts.jsonl ? 0 : (opts.pollMs ?? 1000);
  // One drain at a time: a poll tick and a typed line's drain must not both send one message.
  let draining: Promise<number> | undefined;
  const drainOnce = async (take: () => Promise<OutboxMessage[]>, write: (externalId: string, reply: Reply) => void): Promise<number> => {
    while (draining) await draining.catch(() => 0);
    draining = drain(app, take, write);
    try {
      return await draining;
    } finally {
      draining = undefined;
    }
  };
  // News between two lines typed, shown above a fresh prompt.
  const poll =
    pollMs > 0
      ? setInterval(() => {
          if (draining) return;
          // A failure here (the database busy or gone) is not the person's: the next tick or line tries again.
          void drainOnce(mine, writePlain).then(
            (n) => n > 0 && out.write('\n> '),
            () => undefined,
          );
        }, pollMs)
      : undefined;
  poll?.unref();
  try {
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
        await drainOnce(everyone, writeJson);
      } else {
        await app.handle({ channel: TERMINAL_CHANNEL, externalId: user, text: line });
        await drainOnce(mine, writePlain);
        out.write('\n> ');
      }
    }
  } finally {
    if (poll) clearInterval(poll);
    await draining?.catch(() => 0);
  }
  if (!opts.jsonl) out.write('\n');
}
