import { renderPlain, splitText } from '../text.js';
import type { Reply } from '../../core/types.js';

/** The subset of a Baileys WAMessage this channel reads (kept structural so tests need no protobufs). */
export interface IncomingMessage {
  key?: {
    remoteJid?: string | null;
    remoteJidAlt?: string | null;
    fromMe?: boolean | null;
    id?: string | null;
    participant?: string | null;
  } | null;
  message?: Record<string, any> | null;
  messageTimestamp?: number | { toNumber(): number } | null;
}

/** Text a person can send: plain, extended (links, replies), and the same inside wrappers. */
export type Content = { kind: 'text'; text: string } | { kind: 'media' } | { kind: 'none' };

const WRAPPERS = ['ephemeralMessage', 'viewOnceMessage', 'viewOnceMessageV2', 'viewOnceMessageV2Extension', 'documentWithCaptionMessage', 'editedMessage'];
const MEDIA = ['imageMessage', 'audioMessage', 'pttMessage', 'videoMessage', 'ptvMessage', 'stickerMessage', 'documentMessage', 'locationMessage', 'liveLocationMessage', 'contactMessage', 'contactsArrayMessage'];

/** What a message carries: its text (a quoted reply's own text, not the quote), media, or nothing to answer. */
export function readContent(message: Record<string, any> | null | undefined): Content {
  let m = message;
  for (let depth = 0; m && depth < 4; depth++) {
    const wrapper = WRAPPERS.find((w) => m?.[w]?.message);
    if (!wrapper) break;
    m = m[wrapper].message;
  }
  if (!m) return { kind: 'none' };
  if (typeof m.conversation === 'string' && m.conversation.trim()) return { kind: 'text', text: m.conversation };
  const extended = m.extendedTextMessage?.text;
  if (typeof extended === 'string' && extended.trim()) return { kind: 'text', text: extended };
  if (MEDIA.some((k) => m?.[k])) return { kind: 'media' };
  // Reactions, receipts, protocol and poll updates: nothing a person expects an answer to.
  return { kind: 'none' };
}

/** Seconds since the epoch from Baileys' number-or-Long timestamp. */
export function timestampOf(msg: IncomingMessage): number | undefined {
  const ts = msg.messageTimestamp;
  if (ts === null || ts === undefined) return undefined;
  return typeof ts === 'number' ? ts : ts.toNumber();
}

/** WhatsApp allows long texts, but a phone screen does not: split well under the limit. */
export const WHATSAPP_TEXT_LIMIT = 4000;

/** A reply as WhatsApp text: the message, then its choices as a numbered list; split if long. */
export function renderWhatsApp(reply: Reply, limit = WHATSAPP_TEXT_LIMIT): string[] {
  return splitText(renderPlain(reply), limit);
}
