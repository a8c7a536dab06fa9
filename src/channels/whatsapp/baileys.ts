import makeWASocket, { fetchLatestWaWebVersion } from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { SocketFactory } from './channel.js';

/** The real socket: Baileys with no history sync and no "online" presence (a bot, not a person). */
export const baileysSocketFactory: SocketFactory = (config) =>
  makeWASocket({
    auth: config.auth as Parameters<typeof makeWASocket>[0]['auth'],
    logger: config.logger as Parameters<typeof makeWASocket>[0]['logger'],
    browser: config.browser,
    ...(config.version ? { version: config.version } : {}),
    getMessage: config.getMessage as Parameters<typeof makeWASocket>[0]['getMessage'],
    markOnlineOnConnect: false,
    syncFullHistory: false,
  }) as unknown as ReturnType<SocketFactory>;

/** Prints the pairing QR in the terminal (scan it in WhatsApp > Linked devices). */
export function printQr(qr: string): void {
  qrcode.generate(qr, { small: true });
}

/** Prints the pairing code as WhatsApp shows it (ABCD-1234), to enter under Linked devices > Link with phone number. */
export function printPairingCode(code: string): void {
  const shown = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  process.stderr.write(`WhatsApp pairing code: ${shown}  (WhatsApp > Linked devices > Link with phone number)\n`);
}

/** The WhatsApp Web version WhatsApp serves today (read from web.whatsapp.com), or undefined to keep Baileys' default. */
export async function latestWaWebVersion(): Promise<[number, number, number] | undefined> {
  const r = await fetchLatestWaWebVersion({ signal: AbortSignal.timeout(10_000) });
  return r.isLatest ? (r.version as [number, number, number]) : undefined;
}
