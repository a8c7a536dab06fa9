import type { FaqMatch } from '../faq/matcher.js';
import { consultFaq, type FaqOutcome } from './faq.js';
import type { Conversation } from './navigation.js';

/** What the reader makes of a message, as something to do (undefined when there is no reader). */
export function readQuestion(conv: Conversation, text: string): { outcome: FaqOutcome; match: FaqMatch } | undefined {
  const faq = conv.c.faq;
  if (!faq) return undefined;
  const match = faq.match(text);
  return { outcome: consultFaq(conv.env, text, match), match };
}
