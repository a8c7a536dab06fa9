import type { IntentWord } from './commands.js';
import { askedCorrections } from './flows/correction.js';
import type { Conversation } from './navigation.js';
import type { FaqOutcome } from './faq.js';
import type { Lang } from './types.js';

/** Where the flows of the global intents live. */
export function intentFlow(conv: Conversation, intent: IntentWord): string {
  if (intent === 'register') return 'registration';
  if (intent === 'status') return conv.s.cadre ? 'neighbours' : 'status';
  if (intent === 'correct') return 'correction';
  return 'mydata';
}

/**
 * Acts on a global intent: opens its flow, parking what was going on. "Perbaiki" in the middle of
 * a registration with nothing sent to correct means this registration: its summary's "ubah", or
 * a pointer to it, not a jump away from the answers given so far.
 */
export function actOnIntent(conv: Conversation, intent: IntentWord): void {
  const { s } = conv;
  if (intent === 'correct' && s.flow === 'registration' && Object.keys(s.answers).length > 0 && askedCorrections(conv.env).length === 0) {
    if (s.step === 'summary' && !s.pending) return conv.takeAnswer({ kind: 'choice', value: 'edit', exact: true });
    conv.out.say(conv.env.t('corr.in_registration'));
    return conv.repeatQuestion();
  }
  conv.switchTo(intentFlow(conv, intent));
}

/** Switches the conversation's language to the one the person just asked in. */
function follow(conv: Conversation, lang: Lang): void {
  if (lang !== conv.s.lang) conv.s.lang = lang;
}

/**
 * Replies to what the reader made of a message. At the menu an answer comes with its next step and
 * the menu; inside a flow, or while one of the engine's own questions waits, the answer is followed
 * by that same question again, with nothing lost and no "reply N" the flow would take as an answer.
 * Returns false when there is nothing to say (the caller treats the text as an answer attempt).
 */
export function replyToReading(conv: Conversation, text: string, outcome: FaqOutcome): boolean {
  const { s, out } = conv;
  const atMenu = conv.inMenu && !s.pending;
  switch (outcome.kind) {
    case 'answer': {
      follow(conv, outcome.lang);
      s.topic = outcome.topic;
      if (atMenu) {
        out.say(outcome.next ? `${outcome.text}\n\n${outcome.next}` : outcome.text);
        conv.render();
      } else {
        out.say(outcome.text);
        conv.repeatQuestion(conv.env.t('faq.back_to_question'));
      }
      return true;
    }
    case 'intent':
      if (outcome.intent === 'greeting') {
        if (atMenu) conv.intro();
        conv.repeatQuestion();
      } else if (outcome.intent === 'thanks') {
        out.say(conv.env.t('faq.thanks'));
        conv.repeatQuestion();
      } else {
        // "cek status" says nothing about the language; "how do I delete my data?" does.
        if (text.trim().split(/\s+/).length >= 3) follow(conv, outcome.lang);
        actOnIntent(conv, outcome.intent);
      }
      return true;
    case 'outOfScope':
      follow(conv, outcome.lang);
      out.effects.push({ type: 'unmatchedQuestion', text, lang: outcome.lang });
      out.say(conv.env.t(`faq.out_of_scope.${outcome.scope}`));
      conv.repeatQuestion(atMenu ? undefined : conv.env.t('faq.back_to_question'));
      return true;
    case 'choose': {
      out.effects.push({ type: 'unmatchedQuestion', text, lang: outcome.lang });
      // The question it interrupts is asked again once a topic is picked (or anything else is typed).
      conv.askPending({ kind: 'faq', topics: outcome.topics.slice(0, 3), lang: outcome.lang, then: s.pending ?? undefined });
      return true;
    }
    case 'none':
      return false;
  }
}
