import { randomBytes } from 'node:crypto';
import type { AuthenticationCreds, BaileysEventMap, BinaryNode, WASocket } from '@whiskeysockets/baileys';

/**
 * QR linking on Baileys 7.0.0-rc14, which predates two server changes (Baileys issue #2737, fixes
 * in PRs #2765 and #2749, unreleased when this was written; no newer release is on npm):
 *
 * - Since mid-2026 WhatsApp retires an unpaired companion's registration material while its QR is
 *   showing, with `<notification type="companion_reg_refresh">`. The client must make a new ADV
 *   secret and show QRs that carry it. rc14 ignores the notification and keeps the secret it read
 *   when the QR flow started, so the phone says "Couldn't link device".
 * - rc14 acknowledges notifications with `creds.me.id`, which does not exist before pairing: every
 *   pre-login acknowledgement (this one included) throws before it is sent.
 *
 * This is applied at run time to the socket, not by editing node_modules: nothing to re-apply after
 * an install, and `test/channels/whatsapp-reg-refresh.test.ts` runs it against rc14's own socket,
 * including a check that fails once an upgraded Baileys handles the notification itself (then
 * remove this file).
 */

/** What the workaround needs of a socket (the real one and the test fake both have it). */
export interface RegRefreshSocket {
  /** Baileys' WebSocketClient: every frame is re-emitted as 'CB:<tag>,<attr>:<value>…' events. */
  ws: { on(event: string, listener: (node: BinaryNode) => void): unknown };
  ev: Pick<WASocket['ev'], 'on' | 'emit'>;
  authState: { creds: Pick<AuthenticationCreds, 'me' | 'advSecretKey'> };
  sendNode(node: BinaryNode): Promise<void>;
}

const QR_PREFIX = 'https://wa.me/settings/linked_devices#';

/**
 * The QR text with another ADV secret. A pairing QR is the prefix and
 * `ref,noiseKey,identityKey,advSecret,platform` (base64 fields, which hold no comma).
 */
export function qrWithSecret(qr: string, advSecretKey: string): string {
  if (!qr.startsWith(QR_PREFIX)) return qr;
  const fields = qr.slice(QR_PREFIX.length).split(',');
  if (fields.length < 5) return qr;
  fields[fields.length - 2] = advSecretKey;
  return QR_PREFIX + fields.join(',');
}

/** The ADV secret a pairing QR carries. */
export function secretOfQr(qr: string): string | undefined {
  if (!qr.startsWith(QR_PREFIX)) return undefined;
  const fields = qr.slice(QR_PREFIX.length).split(',');
  return fields.length >= 5 ? fields[fields.length - 2] : undefined;
}

const hasChild = (node: BinaryNode, tag: string): boolean => Array.isArray(node.content) && node.content.some((c) => c.tag === tag);

/**
 * Makes a Baileys socket follow `companion_reg_refresh`. Call it right after the socket is made,
 * before anything else listens to 'connection.update': QRs are rewritten in place in the event,
 * so every later listener (the channel, the console) sees the current secret.
 */
export function followRegRefresh(sock: RegRefreshSocket, log: { info(msg: string): void; warn(obj: object, msg: string): void }): void {
  const creds = sock.authState.creds;
  let shown: string | undefined;

  sock.ev.on('connection.update', (update: BaileysEventMap['connection.update']) => {
    if (!update.qr) return;
    // rc14 builds every QR of one flow with the secret it read at the start.
    update.qr = qrWithSecret(update.qr, creds.advSecretKey);
    shown = update.qr;
  });

  // Before pairing nobody acknowledges notifications (rc14 throws on the missing creds.me.id).
  sock.ws.on('CB:notification', (node) => {
    if (creds.me || !node.attrs.id) return;
    const ack: BinaryNode = { tag: 'ack', attrs: { id: node.attrs.id, to: node.attrs.from ?? 's.whatsapp.net', class: 'notification' } };
    if (node.attrs.type) ack.attrs.type = node.attrs.type;
    if (node.attrs.participant) ack.attrs.participant = node.attrs.participant;
    sock.sendNode(ack).catch((err: unknown) => log.warn({ err }, 'WhatsApp: acknowledging a notification before pairing failed'));
  });

  sock.ws.on('CB:notification,type:companion_reg_refresh', (node) => {
    // Only while a QR is showing: a pairing code in progress or a linked session is left alone.
    if (creds.me) return;
    if (!hasChild(node, 'companion_reg_refresh') && !hasChild(node, 'pair-device-rotate-qr')) return;
    const advSecretKey = randomBytes(32).toString('base64');
    // Baileys' own creds.update listener stores it in creds; the channel's saves it.
    sock.ev.emit('creds.update', { advSecretKey });
    log.info('WhatsApp renewed the pairing data: showing a new QR');
    if (shown) sock.ev.emit('connection.update', { qr: qrWithSecret(shown, advSecretKey) });
  });
}
