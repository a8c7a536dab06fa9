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

/**
 * The wrappers Baileys 7's normalizeMessageContent opens (kept in step with it by a test; this file
 * must not load Baileys itself): disappearing, view-once, document-with-caption, edited,
 * associated-child and status messages.
 */
export const WRAPPERS = [
  'ephemeralMessage',
  'viewOnceMessage',
  'documentWithCaptionMessage',
  'viewOnceMessageV2',
  'viewOnceMessageV2Extension',
  'editedMessage',
  'associatedChildMessage',
  'groupStatusMessage',
  'groupStatusMessageV2',
];
const MEDIA = ['imageMessage', 'audioMessage', 'pttMessage', 'videoMessage', 'ptvMessage', 'stickerMessage', 'documentMessage', 'locationMessage', 'liveLocationMessage', 'contactMessage', 'contactsArrayMessage'];

/** The message inside its wrappers, as normalizeMessageContent finds it (at most five levels). */
export function unwrap(message: Record<string, any> | null | undefined): Record<string, any> | undefined {
  let m = message ?? undefined;
  for (let depth = 0; m && depth < 5; depth++) {
    const wrapper = WRAPPERS.find((w) => m?.[w]);
    if (!wrapper) break;
    m = m[wrapper].message;
  }
  return m ?? undefined;
}

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * What a message carries: its text (a quoted reply's own text, not the quote; the new text of an
 * edit; the label of a tapped button or list row), media, or nothing to answer.
 */
export function readContent(message: Record<string, any> | null | undefined): Content {
  let m = unwrap(message);
  // An edit arrives as a protocol message carrying the new content.
  if (m?.protocolMessage?.editedMessage) m = unwrap(m.protocolMessage.editedMessage);
  if (!m) return { kind: 'none' };
  const text =
    nonEmpty(m.conversation) ??
    nonEmpty(m.extendedTextMessage?.text) ??
    nonEmpty(m.buttonsResponseMessage?.selectedDisplayText) ??
    nonEmpty(m.templateButtonReplyMessage?.selectedDisplayText) ??
    nonEmpty(m.listResponseMessage?.title) ??
    nonEmpty(m.listResponseMessage?.singleSelectReply?.selectedRowId) ??
    nonEmpty(m.interactiveResponseMessage?.body?.text);
  if (text !== undefined) return { kind: 'text', text };
  if (MEDIA.some((k) => m?.[k])) return { kind: 'media' };
  // Reactions, receipts, protocol and poll updates: nothing a person expects an answer to.
  return { kind: 'none' };
}

/**
 * The chat's disappearing-messages timer (seconds) as the message carries it in its contextInfo;
 * 0 when the chat turned it off; undefined when the message does not say.
 */
export function expirationOf(message: Record<string, any> | null | undefined): number | undefined {
  const m = unwrap(message);
  if (!m) return undefined;
  for (const part of Object.values(m)) {
    const exp = (part as { contextInfo?: { expiration?: unknown } } | null)?.contextInfo?.expiration;
    if (typeof exp === 'number') return exp;
  }
  return undefined;
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
