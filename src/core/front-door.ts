import { findReference, parseInviteCode } from '../domain/reference.js';
import { looksLikeQuestion } from '../faq/normalize.js';
import { parseCommand, parseIntentWord, parseSlash, type Command, type IntentWord, type Slash } from './commands.js';
import type { Conversation, StepReading } from './navigation.js';
import type { Input } from './types.js';

/** What a message is, decided before anything changes. */
export type Door =
  | { kind: 'lost' }
  | { kind: 'media' }
  | { kind: 'stale' }
  | { kind: 'invite'; code: string }
  | { kind: 'slash'; slash: Slash }
  | { kind: 'empty' }
  | { kind: 'pending' }
  | { kind: 'command'; command: Command }
  | { kind: 'reference'; reference: string }
  | { kind: 'resume' }
  | { kind: 'intent'; intent: IntentWord }
  /** Exactly an answer to the current step: a number, a label, a valid typed value. */
  | { kind: 'answer'; reading: StepReading }
  /** Anything else: the reader looks at it first, then the step's own (loose) reading. */
  | { kind: 'text'; reading: StepReading };

/**
 * The front door: one place that decides what a message is. Only exact menu input goes straight to
 * the menu or the flow (a number, a choice's label, a command word, a reference code, a valid answer);
 * a sentence that merely starts with a menu word goes to the reader first.
 */
export function classify(conv: Conversation, input: Input, text: string, idle: boolean): Door {
  const { s } = conv;
  if (!conv.flows[s.flow]?.steps[s.step]) return { kind: 'lost' };
  if (input.media) return { kind: 'media' };
  if (input.questionRef !== undefined && input.questionRef !== (s.q ?? 0)) return { kind: 'stale' };
  const slash = parseSlash(text);
  const invite = slash?.name === 'start' ? parseInviteCode(slash.payload) : parseInviteCode(text);
  if (invite) return { kind: 'invite', code: invite };
  if (slash) return { kind: 'slash', slash };
  if (s.pending) return { kind: 'pending' };
  if (text === '') return { kind: 'empty' };
  const command = parseCommand(text);
  if (command) return { kind: 'command', command };

  const reading = conv.readAnswer(text);
  // A reference the step itself understands (the status list) stays the step's.
  if (reading.kind !== 'intercept') {
    const reference = findReference(text);
    if (reference) return { kind: 'reference', reference };
  }
  const exact = isExactAnswer(conv, reading, text);
  if (idle && !conv.inMenu && !exact) return { kind: 'resume' };
  if (exact) return { kind: 'answer', reading };
  const intent = parseIntentWord(text);
  if (intent) return { kind: 'intent', intent };
  return { kind: 'text', reading };
}

/** True when the step takes the text as it is, with nothing for the reader to look at. */
function isExactAnswer(conv: Conversation, reading: StepReading, text: string): boolean {
  switch (reading.kind) {
    case 'intercept':
    case 'keep':
    case 'confirm':
      return true;
    case 'choice':
      return reading.exact;
    case 'typed':
      // Free text ("ahli waris itu siapa" at the heir's name) is looked at first: it may be a question.
      return !!conv.step.takesQuestions || (!conv.step.freeText && !looksLikeQuestion(text));
    case 'invalid':
      return false;
  }
}
