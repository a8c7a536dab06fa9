import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pino } from 'pino';
import { baileysAuthCodec } from '../../src/channels/whatsapp/baileys.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../src/channels/whatsapp/channel.js';
import { fakeSocketFactory, type FakeSocket } from './fake-baileys.js';
import type { Harness } from './harness.js';

/** Every way a phone number is commonly written (digits with country code 62): 628…, 08…, +628…, 8…, and spaced/dashed. */
export function phoneForms(e164Digits: string): string[] {
  const nsn = e164Digits.slice(2);
  const local = `0${nsn}`;
  const grouped = (sep: string) => [local.slice(0, 4), local.slice(4, 8), local.slice(8)].join(sep);
  return [e164Digits, local, `+${e164Digits}`, nsn, grouped(' '), grouped('-')];
}

/** Which of `secrets` appear in the raw bytes of the database file and its WAL (as read from disk). */
export function foundInFiles(dbPath: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of [dbPath, `${dbPath}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const s of secrets) if (bytes.includes(Buffer.from(s, 'utf8'))) found.push(`${basename(file)}: ${s}`);
  }
  return found;
}

/** Polls `pred` until it holds (a condition, not a delay: a slow machine only waits longer). */
export async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A WhatsApp channel's options for tests: the fake socket, no QR or code shown, no send pacing, quick retries. */
export function fastWhatsAppOptions(h: Harness, factory: ReturnType<typeof fakeSocketFactory>) {
  return {
    app: h.runtime.app,
    logger: pino({ level: 'silent' }),
    makeSocket: factory.make,
    authCodec: baileysAuthCodec,
    showQr: () => undefined,
    showPairingCode: () => undefined,
    rate: { perChatMs: 0, globalPerMinute: 60_000, jitterMs: 0 },
    backoff: { firstMs: 5, maxMs: 20 },
    senderPollMs: 20,
  };
}

/** A WhatsApp channel on the harness's app over a fake Baileys socket, attached and open. */
export async function startWhatsApp(h: Harness): Promise<{ channel: WhatsAppChannel; sock: () => FakeSocket }> {
  const factory = fakeSocketFactory({ emitOwnEvents: false });
  const channel = createWhatsAppChannel(fastWhatsAppOptions(h, factory));
  h.runtime.app.attach(channel);
  // Resolves once the login is read and the socket made (not opened: the fake opens it now).
  await channel.start();
  factory.last().open();
  return { channel, sock: () => factory.last() };
}
