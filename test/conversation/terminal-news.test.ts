// The terminal chat is one person's chat (issue 14, item 7): it shows their own replies and news,
// never a notification meant for someone else on the same terminal channel.
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTerminalChat, TERMINAL_CHANNEL } from '../../src/channels/terminal.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, NIK_FEMALE, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

/** Runs the interactive terminal chat as `user` over these lines (no polling: news shows after a line). */
async function terminal(user: string, lines: string[]): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await runTerminalChat(h.runtime.app, { jsonl: false, input: Readable.from(lines.map((l) => `${l}\n`)), output, user, pollMs: 0 });
  return text;
}

/** Registers `user` on the terminal channel and returns the reference. */
async function registerOnTerminal(user: string, answers: Record<string, string>): Promise<string> {
  let last = '';
  for (const text of registrationScript(answers)) {
    const r = await h.runtime.app.handle({ channel: TERMINAL_CHANNEL, externalId: user, text });
    last = r.replies.map((x) => x.text).join('\n');
  }
  await dbOf(h).run("DELETE FROM outbox WHERE channel = 'cli'");
  return /LD-\w{5}/.exec(last)![0];
}

describe('terminal chat', () => {
  it("shows a person their own news and replies, and nobody else's", async () => {
    const budi = await registerOnTerminal('budi', { nik: NIK_MALE });
    const ani = await registerOnTerminal('ani', { nik: NIK_FEMALE, sex: '2', birthDate: '17-05-1985' });
    await h.runtime.app.changeStatus(budi, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });

    const seenByAni = await terminal('ani', ['menu']);
    expect(seenByAni).toContain('Menu utama');
    expect(seenByAni).not.toContain(budi);
    expect(seenByAni).not.toContain('disetujui');

    await h.runtime.app.changeStatus(ani, { to: 'rejected', actor: { kind: 'officer', id: 'ana' }, reason: 'duplicate' });
    const seenByBudi = await terminal('budi', ['menu']);
    expect(seenByBudi).toContain(`Kabar baik: pendaftaran ${budi} disetujui.`);
    expect(seenByBudi).not.toContain(ani);
    expect(seenByBudi).not.toContain('tidak bisa diproses');

    // Ani's news waited for her own chat.
    expect(await terminal('ani', ['menu'])).toContain(`Maaf, pendaftaran ${ani} tidak bisa diproses.`);
  });
});
