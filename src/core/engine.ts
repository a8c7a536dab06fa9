import { matchChoice } from '../domain/match.js';
import { parseCommand, parseSlash, type Command } from './commands.js';
import { parseInviteCode } from '../domain/reference.js';
import { MENU_FLOW, MENU_STEP } from './constants.js';
import { pendingChoices, pendingReply } from './pending.js';
import { handleSlash, enrolCadre } from './engine-commands.js';
import { firstContact, freeText } from './engine-freetext.js';
import { answerPending } from './engine-pending.js';
import type {
  AdvanceResult,
  ChoiceDef,
  Ctx,
  Effect,
  FlowDef,
  Input,
  Pending,
  Reply,
  Session,
  StepDef,
  StepEnv,
  Transition,
} from './types.js';

/** A conversation untouched this long is offered "continue or start over". */
export const IDLE_MS = 24 * 60 * 60 * 1000;
/** After this many wrong answers in a row the bot points to the menu. */
export const MAX_MISSES = 3;
export { MENU_FLOW, MENU_STEP } from './constants.js';

/** Replies that keep the answer already given when a question is asked again. */
const KEEP_WORDS = new Set(['ok', 'oke', 'sama', 'tetap', 'keep', 'same']);

export type Flows = Readonly<Record<string, FlowDef>>;

/** Collects what one message produces. */
export class Out {
  replies: Reply[] = [];
  effects: Effect[] = [];
  say(text: string): void {
    this.replies.push({ text });
  }
}

/**
 * The whole conversation logic: takes the stored session and one message, returns the new session,
 * the replies and the effects to commit. Pure: everything from outside comes in through `ctx`.
 */
export function advance(flows: Flows, prev: Session, input: Input, ctx: Ctx): AdvanceResult {
  // A copy deep enough for what the engine changes (answers, trail, drafts), so `prev` stays as given.
  const s: Session = { ...prev, answers: { ...prev.answers }, trail: [...prev.trail], drafts: { ...prev.drafts } };
  const out = new Out();
  const idle = ctx.now - s.lastActiveAt > IDLE_MS;
  s.lastActiveAt = ctx.now;
  const text = input.text.trim().slice(0, 1000);
  const engine = new Engine(flows, s, ctx, out);

  const slash = parseSlash(text);
  const invite = slash?.name === 'start' ? parseInviteCode(slash.payload) : parseInviteCode(text);
  if (!flows[s.flow]?.steps[s.step]) engine.toMenu(false);
  else if (input.media) engine.pleaseType();
  else if (input.questionRef !== undefined && input.questionRef !== (s.q ?? 0)) engine.stale();
  else if (invite) enrolCadre(engine, invite);
  else if (slash) handleSlash(engine, slash);
  else if (s.pending) engine.answerPending(s.pending, text);
  else if (text === '') engine.reprompt(envOf(s, ctx), 'err.empty');
  else {
    const cmd = parseCommand(text);
    if (cmd) engine.command(cmd);
    else if (idle && s.flow !== MENU_FLOW) engine.askPending({ kind: 'resume' });
    else if (input.first && s.flow === MENU_FLOW && !engine.matchesMenu(text)) firstContact(engine, text);
    else engine.answer(text);
  }
  numberQuestions(s, out);
  return { session: s, replies: out.replies, effects: out.effects };
}

/**
 * Starts a flow for a person without a message from them (an officer asked for a correction):
 * whatever they were doing is parked as a draft, the flow's answers are preset, and its first
 * question is rendered to be sent.
 */
export function beginFlow(flows: Flows, prev: Session, flowId: string, answers: Record<string, unknown>, ctx: Ctx): AdvanceResult {
  const s: Session = { ...prev, answers: { ...prev.answers }, trail: [...prev.trail], drafts: { ...prev.drafts } };
  const out = new Out();
  const engine = new Engine(flows, s, ctx, out);
  const flow = flows[flowId];
  if (!flow) throw new Error(`no flow ${flowId}`);
  engine.leave(true);
  engine.resetTo(flowId, flow.start);
  s.answers = { ...answers };
  engine.goTo(flow.start);
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

function envOf(s: Session, c: Ctx): StepEnv {
  return { s, c, t: c.translate(s.lang) };
}

function asTransition(r: string | null | Transition): Transition {
  return typeof r === 'object' && r !== null ? r : { to: r };
}

/** The conversation machinery for one message; the free-text and command helpers drive it too. */
export class Engine {
  constructor(
    readonly flows: Flows,
    readonly s: Session,
    readonly c: Ctx,
    readonly out: Out,
  ) {}

  get env(): StepEnv {
    return envOf(this.s, this.c);
  }
  get flow(): FlowDef {
    return this.flows[this.s.flow]!;
  }
  get step(): StepDef {
    return this.flow.steps[this.s.step]!;
  }

  command(cmd: Command): void {
    const { s } = this;
    switch (cmd) {
      case 'menu':
        return this.toMenu(true);
      case 'back':
        return this.back();
      case 'cancel':
        if (s.flow === MENU_FLOW) return this.toMenu(false);
        return this.askPending({ kind: 'confirmCancel' });
      case 'greeting':
        if (s.flow !== MENU_FLOW) this.out.say(this.env.t('nav.greeting_in_flow', { flow: this.env.t(`flows.${s.flow}`) }));
        else this.intro();
        return this.render();
      case 'help': {
        const key = this.step.help ?? `help.${s.flow}`;
        const t = this.env.t;
        this.out.say(`${t(key, this.helpParams())}\n\n${t('help.commands')}`);
        return this.render();
      }
      case 'language':
        return this.askPending({ kind: 'language' });
      case 'english':
      case 'indonesian':
        s.lang = cmd === 'english' ? 'en' : 'id';
        this.out.say(this.env.t('nav.language_set'));
        return this.render();
    }
  }

  private helpParams(): Record<string, unknown> {
    const o = this.c.settings.office;
    return { office: o.name, phone: o.phone, hours: o.hours, address: o.address };
  }

  private back(): void {
    const { s } = this;
    const prev = s.trail.pop();
    if (!prev || s.flow === MENU_FLOW) {
      if (s.flow !== MENU_FLOW) this.out.say(this.env.t('nav.first_question'));
      return this.render();
    }
    s.misses = 0;
    if (prev === this.flow.summaryStep) s.editing = false;
    s.step = prev;
    this.render();
  }

  /** Leaves the current flow for the main menu; a flow that keeps drafts parks its answers. */
  toMenu(park: boolean): void {
    this.leave(park);
    this.render();
  }

  leave(park: boolean): void {
    const { s } = this;
    const flow = this.flows[s.flow];
    if (park && flow?.keepsDraft && Object.keys(s.answers).length > 0) {
      s.drafts[s.flow] = { step: s.step, answers: s.answers, trail: s.trail };
    }
    this.resetTo(MENU_FLOW, MENU_STEP);
  }

  /** A button from a question that was already answered: say so and show the current question. */
  stale(): void {
    this.out.say(this.env.t('nav.stale_button'));
    this.repeatQuestion();
  }

  /** Something that is not text (a photo, a voice note): ask for typing, lose nothing. */
  pleaseType(): void {
    this.out.say(this.env.t('nav.please_type'));
    this.repeatQuestion();
  }

  private repeatQuestion(): void {
    if (this.s.pending) this.out.replies.push(this.pendingReply(this.s.pending));
    else this.render();
  }



  resetTo(flow: string, step: string): void {
    const { s } = this;
    s.flow = flow;
    s.step = step;
    s.answers = {};
    s.trail = [];
    s.misses = 0;
    s.editing = false;
    s.pending = null;
  }

  enterFlow(flowId: string, offerDraft = true, resumeDraft = false): void {
    const flow = this.flows[flowId];
    if (!flow) return this.toMenu(false);
    const draft = this.s.drafts[flowId];
    if (resumeDraft && draft && flow.steps[draft.step]) {
      delete this.s.drafts[flowId];
      this.resetTo(flowId, draft.step);
      this.s.answers = draft.answers;
      this.s.trail = draft.trail;
      return this.render();
    }
    if (offerDraft && flow.keepsDraft && this.s.drafts[flowId]) {
      // Wait at the menu: a command instead of an answer must not start the flow over the draft.
      this.resetTo(MENU_FLOW, MENU_STEP);
      return this.askPending({ kind: 'draft', flow: flowId });
    }
    this.resetTo(flowId, flow.start);
    this.goTo(flow.start);
  }

  /** Moves to a step, passing over the ones whose `skip` says so. */
  goTo(stepId: string): void {
    let id: string | null = stepId;
    for (let guard = 0; id !== null && guard < 50; guard++) {
      const step: StepDef | undefined = this.flow.steps[id];
      if (!step) throw new Error(`flow ${this.s.flow} has no step ${id}`);
      this.s.step = id;
      if (!step.skip?.(this.env)) return this.render();
      const tr = asTransition(step.next(undefined, this.env));
      if (tr.to === null || tr.flow) return this.apply(tr);
      id = tr.to;
    }
  }

  /** Shows the current step's question with its numbered choices. */
  render(prefix?: string): void {
    const env = this.env;
    const step = this.step;
    const body = typeof step.prompt === 'string' ? env.t(step.prompt, step.promptParams?.(env)) : step.prompt(env);
    const previous = this.s.answers[step.field ?? step.id];
    const keep =
      previous !== undefined && step.display && this.s.flow !== MENU_FLOW
        ? `\n\n${env.t('nav.keep_previous', { value: step.display(previous, env) })}`
        : '';
    const reply: Reply = { text: `${prefix ? `${prefix}\n\n` : ''}${body}${keep}` };
    const choices = step.choices?.(env);
    if (choices && choices.length > 0) {
      reply.choices = choices.map((ch, i) => ({ key: String(i + 1), label: ch.label }));
      if (this.s.flow !== MENU_FLOW) reply.choices.push({ key: '0', label: env.t('nav.menu') });
    }
    this.out.replies.push(reply);
  }

  reprompt(env: StepEnv, errorKey: string, params?: Record<string, unknown>): void {
    const { s } = this;
    s.misses += 1;
    let hint = env.t(errorKey, params);
    if (s.misses >= MAX_MISSES) hint += `\n${env.t('nav.too_many_misses')}`;
    this.render(hint);
  }


  /** Who the bot is (and that it is not BPJS), said on a greeting or a first contact. */
  intro(): void {
    this.out.say(this.env.t('menu.intro', { regency: this.c.settings.regency.name }));
  }

  /** True when the text answers the current step's choices (used to greet a first contact). */
  matchesMenu(text: string): boolean {
    const choices = this.step.choices?.(this.env) ?? [];
    return pickChoice(text, choices) !== undefined || !!this.step.intercept?.(text, this.env);
  }

  answer(text: string): void {
    const env = this.env;
    const step = this.step;
    const intercepted = step.intercept?.(text, env);
    if (intercepted) return this.accept(step, undefined, intercepted);

    const field = step.field ?? step.id;
    const previous = this.s.answers[field];
    if (previous !== undefined && step.display && KEEP_WORDS.has(text.toLowerCase())) {
      return this.checked(step, previous);
    }
    const choices = step.choices?.(env);
    if (choices && choices.length > 0) {
      const value = pickChoice(text, choices);
      if (value !== undefined) return this.checked(step, value);
    }
    if (this.c.faq && !step.takesQuestions && freeText(this, text)) return;
    if (choices && choices.length > 0 && !step.answer) return this.reprompt(env, 'err.choice', { max: choices.length });
    if (step.answer) {
      const parsed = step.answer(env).safeParse(text);
      if (parsed.success) return this.checked(step, parsed.data);
      const issue = parsed.error.issues[0];
      const params = issue && 'params' in issue ? (issue.params as Record<string, unknown>) : undefined;
      const key = issue?.message?.startsWith('err.') ? issue.message : 'err.format';
      return this.reprompt(env, key, params);
    }
    this.reprompt(env, 'err.choice', { max: 0 });
  }


  private checked(step: StepDef, value: unknown): void {
    const problem = step.check?.(value, this.env);
    if (problem) return this.reprompt(this.env, problem[0], problem[1]);
    this.accept(step, value);
  }

  private accept(step: StepDef, value: unknown, given?: Transition): void {
    const { s } = this;
    if (value !== undefined) s.answers[step.field ?? step.id] = value;
    s.misses = 0;
    const wasEditing = s.editing;
    const trail = s.trail;
    let tr = given ?? asTransition(step.next(value, this.env));
    const plainMove = tr.to !== null && !tr.flow && !tr.say && !tr.effects;
    if (!given && wasEditing && plainMove && this.flow.summaryStep) {
      tr = { to: step.afterEdit?.(value, this.env) ?? this.flow.summaryStep };
    }
    if (tr.to === this.flow.summaryStep) s.editing = false;
    // A step that started over (a new trail) has no way back to what came before.
    if (tr.to !== null && !tr.flow && tr.to !== step.id && s.trail === trail) s.trail.push(step.id);
    this.apply(tr);
  }

  private apply(tr: Transition): void {
    for (const text of tr.say ?? []) this.out.say(text);
    if (tr.effects) this.out.effects.push(...tr.effects);
    if (tr.flow) {
      delete this.s.drafts[this.s.flow];
      return this.enterFlow(tr.flow, true, tr.resumeDraft);
    }
    if (tr.to === null) {
      delete this.s.drafts[this.s.flow];
      return this.toMenu(false);
    }
    if (tr.to === this.flow.summaryStep && this.s.editing) this.s.editing = false;
    this.goTo(tr.to);
  }

  /** Asks one of the engine's own questions (cancel? language? continue?). */
  askPending(p: Pending): void {
    this.s.pending = p;
    this.out.replies.push(this.pendingReply(p));
  }

  pendingChoices(p: Pending): ChoiceDef[] {
    return pendingChoices(p, this.env.t);
  }

  pendingReply(p: Pending, hint?: string): Reply {
    return pendingReply(p, this.env.t, this.s.flow, hint);
  }

  answerPending(p: Pending, text: string): void {
    answerPending(this, p, text);
  }
}

/** A choice by number or label, typo-tolerant, with stretched letters folded. */
export function pickChoice(text: string, choices: ChoiceDef[]): string | undefined {
  const matchable = choices.map((ch) => ({ value: ch.value, labels: [ch.label, ...(ch.aliases ?? [])] }));
  const hit = matchChoice(text, matchable);
  if (hit !== undefined) return hit;
  // Chat spellings stretch letters ("yaaa", "gakkk"): try once more with repeats folded.
  const folded = text.replace(/(\p{L})\1+/gu, '$1');
  return folded !== text ? matchChoice(folded, matchable) : undefined;
}
