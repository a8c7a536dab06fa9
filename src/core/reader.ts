import type { FaqMatch } from '../faq/matcher.js';
import { subjectOf } from '../faq/routes.js';
import { consultFaq, type FaqOutcome } from './faq.js';
import type { Conversation } from './navigation.js';

/** What the reader makes of a message, as something to do (undefined when there is no reader). */
export function readQuestion(conv: Conversation, text: string): { outcome: FaqOutcome; match: FaqMatch } | undefined {
  const faq = conv.c.faq;
  if (!faq) return undefined;
  // Inside a flow, the question being asked says what a short question is about; at the menu, the answer just given.
  const about = conv.inMenu ? subjectOf(conv.previousTopic) : conv.step.about;
  const match = faq.match(text, about);
  return { outcome: consultFaq(conv.env, text, match), match };
}
