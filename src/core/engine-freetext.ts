import { looksLikeQuestion } from '../faq/normalize.js';
import { MENU_FLOW } from './constants.js';
import type { Engine } from './engine.js';
import { consultFaq, incomeInText, type FaqOutcome } from './faq.js';

/** A first message that is not a menu choice: introduce the bot, and answer it if it is a clear question. */
export function firstContact(e: Engine, text: string): void {
  e.intro();
  const match = e.c.faq?.match(text);
  if (match && (match.confident || incomeInText(text) !== undefined) && freeText(e, text)) return;
  e.render();
}

/**
 * Free text that is not an answer: outside a flow, a question or an intent ("mau daftar");
 * inside one, only a clear question ("iurannya berapa?"), answered before the same question
 * is asked again. Returns false when the text should go on as an answer attempt.
 */
export function freeText(e: Engine, text: string): boolean {
  const { s } = e;
  const inMenu = s.flow === MENU_FLOW;
  // Inside a flow only a question can interrupt; checking that first keeps answers cheap.
  if (!inMenu && !looksLikeQuestion(text)) return false;
  const match = e.c.faq!.match(text);
  if (!inMenu && !(match.confident || incomeInText(text) !== undefined)) return false;
  const outcome: FaqOutcome = consultFaq(e.env, text, match);
  const t = e.env.t;
  switch (outcome.kind) {
    case 'answer':
      if (inMenu && outcome.lang !== s.lang) s.lang = outcome.lang;
      e.out.say(outcome.text);
      if (inMenu) e.render();
      else e.render(t('faq.back_to_question'));
      return true;
    case 'intent': {
      const target = { register: 'registration', status: s.cadre ? 'neighbours' : 'status', mydata: 'mydata' } as const;
      if (outcome.intent === 'greeting') {
        if (inMenu) e.intro();
        e.render();
      } else if (outcome.intent === 'thanks') {
        e.out.say(t('faq.thanks'));
        e.render();
      } else if (s.flow === target[outcome.intent]) {
        e.render();
      } else {
        e.leave(true);
        e.enterFlow(target[outcome.intent]);
      }
      return true;
    }
    case 'choose':
      if (!inMenu) return false;
      e.out.effects.push({ type: 'unmatchedQuestion', text, lang: outcome.lang });
      e.askPending({ kind: 'faq', topics: outcome.topics, lang: outcome.lang });
      return true;
    case 'none':
      if (!inMenu) return false;
      if (/\p{L}{2}/u.test(text)) e.out.effects.push({ type: 'unmatchedQuestion', text, lang: outcome.lang });
      e.reprompt(e.env, 'faq.not_understood');
      return true;
  }
}
