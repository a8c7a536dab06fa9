import { readIncome } from '../domain/income-words.js';
import { looksLikeQuestion } from '../faq/normalize.js';
import { findReference } from '../domain/reference.js';
import { parseCommand, parseIntentWord } from './commands.js';
import { statusOfReference } from './flows/status.js';
import { topicAnswer } from './faq.js';
import { exactChoice, pickChoice } from './choices.js';
import type { Conversation } from './navigation.js';
import { readQuestion } from './reader.js';
import { actOnIntent, intentFlow, replyToReading } from './reader-reply.js';
import { runCommand } from './run-commands.js';
import type { Pending } from './types.js';

/**
 * An answer to one of the engine's own questions (cancel? language? continue? which topic? this
 * income?). Returns 'done', or 'continue' when the text is not about that question at all and the
 * normal path should take it (a new question after "which topic?", a plain amount after an income
 * check, an answer to the flow's question after "continue?").
 */
export function answerPending(conv: Conversation, p: Pending, text: string): 'done' | 'continue' {
  const { s } = conv;
  const choices = conv.pendingChoices(p);
  if (text === '') {
    conv.out.replies.push(conv.pendingReply(p, conv.env.t('err.empty')));
    return 'done';
  }
  const value = exactChoice(text, choices) ?? (looksLikeQuestion(text) ? undefined : pickChoice(text, choices));
  if (value !== undefined) {
    s.pending = null;
    s.misses = 0;
    settle(conv, p, value);
    return 'done';
  }
  const cmd = parseCommand(text);
  if (p.kind === 'confirmCancel' && cmd === 'cancel') {
    s.pending = null;
    settle(conv, p, 'yes');
    return 'done';
  }
  if (cmd) {
    runCommand(conv, cmd);
    return 'done';
  }
  // A reference code or a global intent works here too; a code is answered and this question asked again.
  // (A list of possible answers is simply set aside by anything else.)
  if (p.kind === 'faq' && (findReference(text) || parseIntentWord(text))) {
    s.pending = p.then ?? null;
    return 'continue';
  }
  const reference = findReference(text);
  if (reference) {
    conv.out.say(statusOfReference(reference, conv.env));
    conv.out.replies.push(conv.pendingReply(p));
    return 'done';
  }
  const intent = parseIntentWord(text);
  if (intent) {
    const target = intentFlow(conv, intent);
    // "batal?" then "daftar" inside registration: no, carry on with it.
    if (target === s.flow && p.kind !== 'income') {
      s.pending = null;
      conv.render();
    } else {
      actOnIntent(conv, intent);
    }
    return 'done';
  }
  switch (p.kind) {
    case 'faq':
      // Not one of the offered topics: whatever was asked before comes back, and the text is read anew.
      s.pending = p.then ?? null;
      return 'continue';
    case 'income':
      if (readIncome(text).kind !== 'error') {
        s.pending = null;
        return 'continue';
      }
      break;
    case 'resume': {
      const reading = conv.readAnswer(text);
      if (reading.kind !== 'invalid') {
        s.pending = null;
        return 'continue';
      }
      break;
    }
    default:
      break;
  }
  // A question or an intent in the middle of it: answered (or acted on), and this question asked again.
  const outcome = readQuestion(conv, text)?.outcome;
  if (outcome && outcome.kind !== 'none' && outcome.kind !== 'choose' && (outcome.kind === 'intent' || looksLikeQuestion(text))) {
    replyToReading(conv, text, outcome);
    return 'done';
  }
  s.misses += 1;
  conv.out.replies.push(conv.pendingReply(p, conv.env.t('err.choice', { max: choices.length })));
  return 'done';
}

/** Acts on the choice made for one of the engine's own questions. */
function settle(conv: Conversation, p: Pending, value: string): void {
  const { s } = conv;
  const t = conv.env.t;
  switch (p.kind) {
    case 'confirmCancel':
      if (value === 'yes') {
        delete s.drafts[s.flow];
        conv.out.say(t('nav.cancelled'));
        return conv.toMenu(false);
      }
      return conv.render();
    case 'language':
      s.lang = value === 'en' ? 'en' : 'id';
      conv.out.say(conv.env.t('nav.language_set'));
      return p.then ? conv.askPending(p.then) : conv.render();
    case 'resume':
      if (value === 'continue') return conv.render();
      delete s.drafts[s.flow];
      return conv.enterFlow(s.flow, false);
    case 'faq':
      conv.out.say(topicAnswer(conv.env, value, s.lang));
      if (p.then) return conv.askPending(p.then, t('faq.back_to_question'));
      return conv.inMenu ? conv.render() : conv.render(t('faq.back_to_question'));
    case 'draft': {
      const draft = s.drafts[p.flow];
      delete s.drafts[p.flow];
      if (value === 'continue' && draft && conv.flows[p.flow]?.steps[draft.step]) {
        conv.resetTo(p.flow, draft.step);
        s.answers = draft.answers;
        s.trail = draft.trail;
        return conv.render();
      }
      return conv.enterFlow(p.flow, false);
    }
    case 'income':
      if (value === 'yes') return conv.takeAnswer({ kind: 'typed', value: p.value });
      return conv.render(t('income.type_monthly'));
  }
}
