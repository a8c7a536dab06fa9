import type { FlowDef } from '../types.js';
import { parseFreeText, textAnswer } from './util.js';
import { whereSteps } from './where.js';

/** "Tanya petugas": a person leaves a question; an officer answers it from the console. */
export const questionFlow: FlowDef = {
  id: 'question',
  start: 'where',
  steps: {
    ...Object.fromEntries(whereSteps('text').map((st) => [st.id, st])),
    text: {
      id: 'text',
      prompt: 'question.prompt',
      help: 'help.question',
      takesQuestions: true,
      answer: () => textAnswer(parseFreeText(5, 500, 'err.question_length')),
      next: (value, { t }) => ({ to: null, effects: [{ type: 'askQuestion', text: String(value) }], say: [t('question.sent')] }),
    },
  },
};
