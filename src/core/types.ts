import type { z } from 'zod';
import type { ProgrammeSettings } from '../settings.js';
import type { Rates } from '../domain/rates.js';

import type { Lang } from '../domain/lang.js';
import type { RegistrationStatus } from '../domain/status.js';
import type { LocaleKey } from './locale-key.js';

// Domain words the core speaks in, re-exported so flows import one module.
export { LANGS, type Lang } from '../domain/lang.js';
export { DECIDABLE_STATUSES, DELETABLE_STATUSES, OPEN_STATUSES, type RegistrationStatus } from '../domain/status.js';

/** A translator fixed to one language: key plus interpolation values (`count` picks a plural form) to text. */
export type T = (key: LocaleKey, params?: Record<string, unknown>) => string;

/** A neutral reply: channels render the numbered choices their own way. */
export interface Reply {
  text: string;
  choices?: ReplyChoice[];
  /** Which question these choices answer; a button carrying an older number is out of date. */
  question?: number;
}
export interface ReplyChoice {
  key: string;
  label: string;
}

/** What the person typed, already turned into plain text by the channel. */
export interface Input {
  text: string;
  /** The person's very first message: anything unrecognised is greeted with the menu, not an error. */
  first?: boolean;
  /** Set when the text came from a button: the question number that button belonged to. */
  questionRef?: number;
  /** A photo, voice note, sticker or file instead of text: asked to type, nothing else changes. */
  media?: boolean;
  /** A regency's link the message came by (its tag in a click-to-chat text): the person is that regency's from now on. */
  regency?: string;
}

export type Sex = 'M' | 'F';

/** A registration's fields as collected by the registration flow. */
export interface RegistrationData {
  fullName: string;
  nik: string;
  birthPlace: string;
  birthDate: string;
  sex: Sex;
  kecamatan: string;
  desa: string;
  address: string;
  phone: string | null;
  occupation: string;
  income: number;
  groupId: string;
  programmes: string[];
  heirName: string;
  heirRelation: string;
  motherName?: string | null;
  consentVersion: string;
  consentAt: string;
  submittedBy: 'self' | 'cadre';
  /** Who confirmed the consent: the person, or the cadre who asked them. */
  consentBy?: 'applicant' | 'cadre';
  /** Automatic checks for the officer, e.g. unknown region prefix, age above the limit. */
  checks: string[];
}

/** Side effects the app applies in the same transaction as the new session. */
export type Effect =
  | { type: 'recordConsent'; version: string }
  | { type: 'submitRegistration'; reference: string; data: RegistrationData; regency: string }
  | { type: 'deleteRegistration'; reference: string }
  | { type: 'withdrawConsent' }
  | { type: 'enrolCadre'; code: string }
  | { type: 'submitCorrection'; reference: string; changes: Partial<RegistrationData> }
  | { type: 'askQuestion'; text: string }
  | { type: 'unmatchedQuestion'; text: string; lang: Lang }
  /** A copy of a person's data was given (to themself, or to the cadre after the code): noted in its history. */
  | { type: 'recordAccessCopy'; personId: number; by: 'applicant' | 'cadre' }
  /** Sends a one-time code to the phone of a neighbour's registration, for the cadre's copy. */
  | { type: 'sendAccessCode'; reference: string }
  /** The cadre typed the code: used when right, one try fewer when wrong. */
  | { type: 'accessCodeTried'; reference: string; ok: boolean };


export interface RegistrationView {
  reference: string;
  status: RegistrationStatus;
  officerNote: string | null;
  createdAt: number;
  data: RegistrationData | null;
  personId: number;
  submitterId: number;
  /** The regency it belongs to (its key, src/regencies.ts): its settings answer about it. */
  regency: string;
  /** The BPJS membership number, once an officer recorded it (status registered). */
  kpj?: string | null;
  /** The fields an officer asked to correct, while the status is needs_correction. */
  correctionFields?: string[];
  /** A rejection's reason code (domain/reject-reasons.ts), told in the person's words with what to do. */
  rejectReason?: string | null;
  /**
   * Set while an officer's decision is held for its undo window: the people concerned have not been
   * told, so `status` (and the note, KPJ, fields and reason) are the ones they know, and this is the
   * status it has now, with when its news goes (storage/registrations.ts asTold).
   */
  untold?: { status: RegistrationStatus; until: number };
}

/** Synchronous reads the flows need; the app backs it with SQLite inside the message's transaction. */
export interface StoreReader {
  registrationsOf(personId: number): RegistrationView[];
  activeByNik(nik: string): RegistrationView | undefined;
  /** Open and approved registrations in one group of one regency (its quota). */
  groupCount(groupId: string, regency: string): number;
  byReference(reference: string): RegistrationView | undefined;
  /** Registrations an officer asked to correct whose applicant or submitter this person is, newest first. */
  awaitingCorrection(personId: number): RegistrationView[];
  /** A cadre's submissions, newest first, one page at a time. */
  registrationsBySubmitter(personId: number, offset: number, limit: number): { rows: RegistrationView[]; total: number };
  /** An invite code and whether it can still enrol someone. */
  invite(code: string): { state: 'valid' | 'expired' | 'revoked' | 'used' | 'unknown'; desa?: string; kecamatan?: string; role?: string; regency?: string };
  /** Everything held about a person and who saw it, for their copy (the right of access). */
  accessReport(personId: number): import('./access-copy.js').AccessReport;
  /** The codes a cadre asked for a neighbour's copy: how many were sent in the last day, and the one still open. */
  accessCode(reference: string, requesterId: number, now: number): AccessCodeState;
  /** Whether `typed` is the open code (compared with its hash; counts no try: that is an effect). */
  accessCodeMatches(reference: string, requesterId: number, typed: string, now: number): boolean;
  /** Whether a message can reach this phone number (a phone channel is attached that addresses phones). */
  reachesPhone(phone: string): boolean;
}

/** A neighbour's copy code as the cadre's flow sees it (never the code itself). */
export interface AccessCodeState {
  sentToday: number;
  open: { expiresAt: number; triesLeft: number } | null;
}

/** The village and role of a cadre, kept in their session once enrolled. */
export interface CadreInfo {
  desa: string;
  kecamatan: string;
  role: string;
  /** The regency of their village (its key); older sessions have none: the cadres table knows it. */
  regency?: string;
}

/** A regency a person can be routed to: its key and settings. */
export interface RegencyChoice {
  key: string;
  settings: ProgrammeSettings;
}

/** Everything from outside that a step may use: passed in, so core stays pure and testable. */
export interface Ctx {
  now: number;
  /** Today's date in the regency's time zone, ISO yyyy-mm-dd. */
  today: string;
  translate: (lang: Lang) => T;
  /** The settings of the regency the conversation is about (the session's; until known, the deployment's first). */
  settings: ProgrammeSettings;
  /** The key of the regency `settings` belong to (src/regencies.ts); absent in a context built by hand: the settings' own. */
  regency?: string;
  /**
   * Every regency the deployment serves, when more than one: a person is asked where they live (or
   * routed by the entry point they used), and `forRegency` gives this context for theirs.
   */
  regencies?: readonly RegencyChoice[];
  /** This context for another regency (the Conversation switches when the session's regency is set). */
  forRegency?: (key: string) => Ctx;
  rates: Rates;
  isKnownDistrict: (code6: string) => boolean;
  store: StoreReader;
  person: { id: number; phone: string | null };
  newReference: () => string;
  /** Free-text matching against the knowledge base (absent: menus only). */
  faq?: { match(text: string, about?: readonly string[]): import('../faq/matcher.js').FaqMatch };
}

export type Pending =
  | { kind: 'confirmCancel' }
  | { kind: 'language'; then?: Pending }
  | { kind: 'resume' }
  | { kind: 'draft'; flow: string }
  | { kind: 'faq'; topics: string[]; lang: Lang; then?: Pending }
  | { kind: 'income'; value: number; reading: 'converted' | 'range' | 'unknown'; detail?: Record<string, string> };

export interface Draft {
  step: string;
  answers: Record<string, unknown>;
  trail: string[];
}

/** Everything the bot remembers about one conversation; stored as JSON, survives restarts. */
export interface Session {
  v: 1;
  lang: Lang;
  flow: string;
  step: string;
  answers: Record<string, unknown>;
  trail: string[];
  misses: number;
  pending: Pending | null;
  /** Set while fixing one field from the summary: answering returns there. */
  editing: boolean;
  drafts: Record<string, Draft>;
  lastActiveAt: number;
  /** Number of the last question shown with buttons (see Reply.question). */
  q?: number;
  /** The knowledge-base topic the last message was answered with: a follow-up ("kalo yg buat istri?") reads in its light. */
  topic?: string;
  /** Set once the person enrolled as a village cadre: their menu and registration wording change. */
  cadre?: CadreInfo | null;
  /**
   * An officer's correction request whose news waits for its undo window (app/decisions.ts): this
   * session asks the correction, but until `until` the person is still in the conversation they
   * know (`before`), which their messages go on with; an undo puts it back.
   */
  held?: { until: number; before: Session };
  /**
   * The regency this person deals with (its key, src/regencies.ts), once known: from the entry point
   * they came by (a regency's Telegram link or WhatsApp number), their answer to "where do you live",
   * or a cadre's village. Unset in a one-regency deployment, and until known: the default regency.
   */
  regency?: string;
  /** How `regency` was learnt: an entry point is not asked again, an answer can be changed before submitting. */
  regencyBy?: 'entry' | 'answer' | 'cadre';
}

export interface ChoiceDef {
  value: string;
  label: string;
  aliases?: string[];
  /** More ways to say it than a list can hold ("ga tau", "belum tahu", "kurang tau"…), tested on the normalised text. */
  pattern?: RegExp;
}

/** What happens after an accepted answer: the next step, optional extra messages and effects. */
export interface Transition {
  to: string | null;
  flow?: string;
  say?: string[];
  effects?: Effect[];
  /** With `flow`: pick up that flow's parked draft directly instead of asking. */
  resumeDraft?: boolean;
  /** Start the next step with no answers and no way back (the next neighbour after a submission). */
  fresh?: boolean;
  /** Forget every parked draft (consent withdrawn). */
  dropDrafts?: boolean;
}

export interface StepEnv {
  s: Session;
  c: Ctx;
  t: T;
  /** What this message has already decided (e.g. a correction sent): the store shows it only once the message is committed. */
  effects?: readonly Effect[];
}

/** One question of a flow: its prompt, its choices or validated answer, and where it leads. */
export interface StepDef {
  id: string;
  /** Locale key of the question, or a function composing it (e.g. with figures). */
  prompt: LocaleKey | ((env: StepEnv) => string);
  promptParams?: (env: StepEnv) => Record<string, unknown>;
  choices?: (env: StepEnv) => ChoiceDef[];
  /** zod schema for a typed answer; issue messages are locale keys (with params in `params`). */
  answer?: (env: StepEnv) => z.ZodType<unknown>;
  /** Tried before choices/answer, e.g. "ubah 3" on the summary. */
  intercept?: (text: string, env: StepEnv) => Transition | undefined;
  /** A cross-check after a valid answer (e.g. sex against the NIK): an error locale key and params. */
  check?: (value: unknown, env: StepEnv) => [LocaleKey, Record<string, unknown>?] | undefined;
  /** How a stored answer reads in the summary and in "previous answer" hints. */
  display?: (value: unknown, env: StepEnv) => string;
  /** Where the answer is kept in `answers` (default: the step id). */
  field?: string;
  next: (value: unknown, env: StepEnv) => string | null | Transition;
  /** Where to go after this step when it was answered from the summary (default: back to the summary). */
  afterEdit?: (value: unknown, env: StepEnv) => string;
  /** Answers that belong to this one (the desa to its kecamatan): a changed answer here empties them, so they are asked again. */
  resets?: string[];
  /** Skipped entirely when true (e.g. a settings-dependent question). */
  skip?: (env: StepEnv) => boolean;
  /** Locale key of step-specific help for "bantuan". */
  help?: LocaleKey;
  /** What a question typed at this step is likely about (reader concepts, e.g. ['heir'] at the heir's name): "boleh ga?" there means "may my heir be…". */
  about?: string[];
  /** Choices are taken only as typed (a number, a label, an alias): the step's own `answer` reads anything looser (the where-question's names and places). */
  strictChoices?: boolean;
  /** The answer is free text (a name, a place, an address): the reader looks at it first, in case it is a question. */
  freeText?: boolean;
  /** The answer is a monthly income: daily amounts, ranges and "don't know" are understood and confirmed. */
  readsIncome?: boolean;
  /** The answer itself is free text that may be a question (e.g. a question for an officer): never intercept it. */
  takesQuestions?: boolean;
}

export interface FlowDef {
  id: string;
  start: string;
  steps: Record<string, StepDef>;
  /** Answers are parked as a draft when the person leaves for the menu, and offered back later. */
  keepsDraft?: boolean;
  /** The step the summary lives on, for edit mode. */
  summaryStep?: string;
}

export interface AdvanceResult {
  session: Session;
  replies: Reply[];
  effects: Effect[];
}
