// Shape of a labelled chat message used to measure the question reader (test/faq/labelled.ts for
// tuning, test/faq/heldout.ts for held-out measurement).

/** Where in a conversation a message is typed (the bot is waiting for this answer). */
export type ConversationStep =
  | 'calculator.income'
  | 'calculator.after'
  | 'eligibility.work'
  | 'eligibility.age'
  | 'registration.fullName'
  | 'registration.nik'
  | 'registration.birthDate'
  | 'registration.address'
  | 'registration.occupation'
  | 'registration.income'
  | 'registration.heirName'
  | 'registration.heirRelation'
  | 'registration.phone';

export interface LabelledMessage {
  text: string;
  /**
   * the topic that answers it (one id, or several acceptable ids), 'out_of_scope', or
   * null = must NOT be answered confidently (too vague / noise)
   */
  topic: string | string[] | 'out_of_scope' | null;
  /** fully English message */
  lang?: 'en';
  /** where in a conversation it is typed; omitted = a first message at the main menu */
  step?: ConversationStep;
}
