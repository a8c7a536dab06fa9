import { MENU_FLOW } from './constants.js';
import { classify } from './front-door.js';
import { Conversation, Out, type Flows, type StepReading } from './navigation.js';
import { answerPending } from './own-questions.js';
import { readQuestion } from './reader.js';
import { actOnIntent, replyToReading } from './reader-reply.js';
import { enrolCadre, runCommand, runSlash } from './run-commands.js';
import { followRegencyLink } from './flows/where.js';
import { statusOfReference } from './flows/status.js';
import { looksLikeQuestion } from '../faq/normalize.js';
import type { AdvanceResult, Ctx, Input, Session } from './types.js';

/** A conversation untouched this long is offered "continue or start over". */
export const IDLE_MS = 24 * 60 * 60 * 1000;
export { MAX_MISSES, type Flows } from './navigation.js';
export { exactChoice, pickChoice } from './choices.js';
export { MENU_FLOW, MENU_STEP } from './constants.js';

function copy(prev: Session): Session {
  // Deep enough for what the engine changes (answers, trail, drafts), so `prev` stays as given.
  return { ...prev, answers: { ...prev.answers }, trail: [...prev.trail], drafts: { ...prev.drafts } };
}

/**
 * The whole conversation logic: takes the stored session and one message, returns the new session,
 * the replies and the effects to commit. Pure: everything from outside comes in through `ctx`.
 */
export function advance(flows: Flows, prev: Session, input: Input, ctx: Ctx): AdvanceResult {
  const s = copy(prev);
  const out = new Out();
  const idle = ctx.now - s.lastActiveAt > IDLE_MS;
  s.lastActiveAt = ctx.now;
  const text = input.text.trim().slice(0, 1000);
  // The previous answer's topic lights up this message only: a follow-up comes right after.
  const previousTopic = s.topic;
  delete s.topic;
  const conv = new Conversation(flows, s, ctx, out, previousTopic);
  handle(conv, input, text, idle);
  numberQuestions(s, out);
  return { session: s, replies: out.replies, effects: out.effects };
}

/**
 * A regency's link followed: the person is that regency's from now on, said when it changes theirs.
 * True when the conversation moved to another question (the consent again, for the new regency's
 * controller): the rest of the message (the link's greeting) is not read as its answer.
 */
function followLink(conv: Conversation, key: string): boolean {
  const before = conv.s.step;
  const step = followRegencyLink(conv.env, key, !conv.inMenu && !!conv.flow.steps.where);
  if (step === undefined) return false;
  conv.out.say(conv.env.t('where.switched', { regency: conv.c.settings.regency.name }));
  if (step === null || step === before) return false;
  conv.goTo(step);
  return true;
}

function handle(conv: Conversation, input: Input, text: string, idle: boolean): void {
  if (input.regency && followLink(conv, input.regency)) return;
  const first = !!input.first && conv.inMenu && !conv.s.pending;
  const door = classify(conv, input, text, idle);
  switch (door.kind) {
    case 'lost':
      return conv.toMenu(false);
    case 'media':
      conv.out.say(conv.env.t('nav.please_type'));
      return conv.repeatQuestion();
    case 'stale':
      conv.out.say(conv.env.t('nav.stale_button'));
      return conv.repeatQuestion();
    case 'invite':
      return enrolCadre(conv, door.code);
    case 'slash':
      return runSlash(conv, door.slash);
    case 'empty':
      return conv.reprompt('err.empty');
    case 'pending':
      if (answerPending(conv, conv.s.pending!, text) === 'done') return;
      // The engine's question is settled or set aside: the text is read as if it had come now.
      return handle(conv, { text }, text, false);
    case 'command':
      if (first && door.command === 'greeting') {
        conv.intro();
        return conv.render();
      }
      return runCommand(conv, door.command);
    case 'reference':
      conv.out.say(statusOfReference(door.reference, conv.env));
      return conv.repeatQuestion(conv.inMenu ? undefined : conv.env.t('faq.back_to_question'));
    case 'resume':
      return conv.askPending({ kind: 'resume' });
    case 'intent':
      return actOnIntent(conv, door.intent);
    case 'answer':
      return conv.takeAnswer(door.reading);
    case 'text':
      if (first) conv.intro();
      return readText(conv, text, door.reading, first);
  }
}

/**
 * Text that is not exactly an answer. The reader looks first: at the menu it answers, acts or says
 * plainly what it cannot help with; inside a flow it steps in for a question or an intent, and the
 * flow's question is asked again. Otherwise the step's own reading decides (a loose choice, a free
 * text answer, or a hint and the same question).
 */
function readText(conv: Conversation, text: string, reading: StepReading, first: boolean): void {
  const read = readQuestion(conv, text);
  const outcome = read?.outcome;
  const question = looksLikeQuestion(text);
  if (read && outcome && outcome.kind !== 'none') {
    const atMenu = conv.s.flow === MENU_FLOW;
    // A valid free-text answer (an address with "Gg. Apa Saja RT 2") is a question only when the reader
    // understood nearly all of it; without a question word, only when it understood all of it, twice over.
    const m = read.match;
    const asked =
      reading.kind !== 'typed'
        ? question
        : (question && (m.unknown <= 1 || text.trim().endsWith('?') || m.found.includes('which_option'))) ||
          // A sentence, not a name: four words or more, every one of them understood.
          (m.domain && m.unknown === 0 && m.concepts >= 2 && text.split(/\s+/).length >= 4 && outcome.kind === 'answer');
    // Inside a valid free-text answer ("Warga P" as a name) a greeting word is not a greeting.
    const acts = outcome.kind === 'intent' && (reading.kind !== 'typed' || (m.unknown === 0 && outcome.intent !== 'greeting' && outcome.intent !== 'thanks'));
    const speaks =
      atMenu ||
      acts ||
      (asked && (outcome.kind !== 'choose' || reading.kind !== 'choice')) ||
      // Not a valid answer, and clearly about something (not just a word: "bentar sy cari ktp dulu"): better the answer than an error.
      (reading.kind === 'invalid' && (outcome.kind === 'outOfScope' || (outcome.kind === 'answer' && (question || m.concepts >= 2))));
    if (speaks && replyToReading(conv, text, outcome)) return;
  }
  if (conv.inMenu && reading.kind === 'invalid') {
    if (first) return conv.render();
    if (/\p{L}{2}/u.test(text)) conv.out.effects.push({ type: 'unmatchedQuestion', text, lang: conv.s.lang });
    return conv.reprompt('faq.not_understood');
  }
  conv.takeAnswer(reading);
}

/**
 * Starts a flow for a person without a message from them (an officer asked for a correction):
 * whatever they were doing is parked as a draft, the flow's answers are preset, and its first
 * question is rendered to be sent.
 */
export function beginFlow(flows: Flows, prev: Session, flowId: string, answers: Record<string, unknown>, ctx: Ctx): AdvanceResult {
  const s = copy(prev);
  const out = new Out();
  const conv = new Conversation(flows, s, ctx, out);
  const flow = flows[flowId];
  if (!flow) throw new Error(`no flow ${flowId}`);
  conv.leave(true);
  conv.resetTo(flowId, flow.start);
  s.answers = { ...answers };
  conv.goTo(flow.start);
  numberQuestions(s, out);
  return { session: s, replies: out.replies, effects: out.effects };
}

function numberQuestions(s: Session, out: Out): void {
  // Each answered message moves the conversation on: buttons shown before it are out of date.
  if (out.replies.length > 0) {
    s.q = (s.q ?? 0) + 1;
    for (const reply of out.replies) if (reply.choices?.length) reply.question = s.q;
  }
}
