import { splitText as split } from '../text.js';
import type { Reply } from '../../core/types.js';

/** Telegram's limit for one message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** Splits a long text for Telegram. */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  return split(text, limit);
}

/** Button data: the question number and the choice key ("q12:3"), well under Telegram's 64 bytes. */
export function buttonData(question: number | undefined, key: string): string {
  return `q${question ?? 0}:${key}`;
}

/** Reads button data back; undefined for anything this bot did not make. */
export function parseButtonData(data: string): { question: number; key: string } | undefined {
  const m = /^q(\d{1,9}):(\w{1,8})$/.exec(data);
  return m ? { question: Number(m[1]), key: m[2]! } : undefined;
}

/** One button per row ("1. Daftar"): labels are long and thumbs are big. */
export function inlineKeyboard(reply: Reply): InlineButton[][] | undefined {
  if (!reply.choices?.length) return undefined;
  return reply.choices.map((c) => [{ text: `${c.key}. ${c.label}`.slice(0, 64), callback_data: buttonData(reply.question, c.key) }]);
}
