import makeWASocket, { BufferJSON, fetchLatestWaWebVersion, initAuthCreds, proto } from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { AuthCodec } from './auth-state.js';
import type { SocketFactory } from './channel.js';
import { followRegRefresh } from './reg-refresh.js';

/**
 * The only file that loads Baileys at run time (the rest of the channel uses its types only).
 * The real socket: no history sync and no "online" presence (a bot, not a person), and QR linking
 * that follows WhatsApp's companion_reg_refresh (see reg-refresh.ts).
 */
export const baileysSocketFactory: SocketFactory = (config) => {
  const sock = makeWASocket({
    auth: config.auth,
    logger: config.logger,
    browser: config.browser,
    ...(config.version ? { version: config.version } : {}),
    getMessage: config.getMessage,
    msgRetryCounterCache: config.msgRetryCounterCache,
    markOnlineOnConnect: false,
    syncFullHistory: false,
  });
  followRegRefresh(sock, { info: (msg) => config.logger.info(msg), warn: (obj, msg) => config.logger.warn(obj, msg) });
  return sock;
};

/** Baileys' login codec, for the login stored in the database. */
export const baileysAuthCodec: AuthCodec = {
  initCreds: initAuthCreds,
  replacer: BufferJSON.replacer,
  reviver: BufferJSON.reviver,
  appStateSyncKey: (value) => proto.Message.AppStateSyncKeyData.fromObject(value),
};

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
