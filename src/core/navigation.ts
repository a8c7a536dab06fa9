import { formatRupiah } from '../domain/income.js';
import { INCOME_PERIOD_FACTORS, readIncome } from '../domain/income-words.js';
import { MENU_FLOW, MENU_STEP } from './constants.js';
import { exactChoice, pickChoice } from './choices.js';
import { keyIn, type LocaleKey } from './locale-key.js';
import { pendingChoices, pendingReply } from './pending.js';
import { joinNames } from './flows/where.js';
import type { ChoiceDef, Ctx, Effect, FlowDef, Pending, Reply, Session, StepDef, StepEnv, Transition } from './types.js';

/** After this many wrong answers in a row the bot points to the menu. */
export const MAX_MISSES = 3;

/** Replies that keep the answer already given when a question is asked again. */
const KEEP_WORDS = new Set(['ok', 'oke', 'sama', 'tetap', 'keep', 'same']);

export type Flows = Readonly<Record<string, FlowDef>>;

/** Whether a kept answer is still one of the step's choices (a step that also takes typed answers keeps any). */
export function stillOffered(step: Pick<StepDef, 'answer'>, choices: readonly ChoiceDef[], value: unknown): boolean {
  return !!step.answer || choices.length === 0 || choices.some((ch) => ch.value === value);
}

/** Collects what one message produces. */
export class Out {
  replies: Reply[] = [];
  effects: Effect[] = [];
  say(text: string): void {
    this.replies.push({ text });
  }
}

/** What the current step makes of a text, before anything is changed. */
export type StepReading =
  | { kind: 'intercept'; transition: Transition }
  | { kind: 'keep'; value: unknown }
  | { kind: 'choice'; value: string; exact: boolean }
  | { kind: 'typed'; value: unknown }
  /** An income given per day, as a range, or "don't know": confirmed before it is kept. */
  | { kind: 'confirm'; pending: Pending }
  | { kind: 'invalid'; key: LocaleKey; params?: Record<string, unknown>; choices: number };

export function envOf(s: Session, c: Ctx): StepEnv {
  return { s, c, t: c.translate(s.lang) };
}

function asTransition(r: string | null | Transition): Transition {
  return typeof r === 'object' && r !== null ? r : { to: r };
}

/**
 * Where the conversation is and how it moves: flows, steps, the menu, drafts, rendering the current
 * question and applying what a step's callback returns. It decides nothing about what a message
 * means (that is the front door's job) and calls no handler.
 */
export class Conversation {
  constructor(
    readonly flows: Flows,
    readonly s: Session,
    /** The context as given: the deployment's default regency until the session names one. */
    private readonly ctx: Ctx,
    readonly out: Out,
    /** The topic the previous message was answered with, if any. */
    readonly previousTopic?: string,
  ) {}

  /** The context of the session's regency: a step that sets it is answered in that regency's settings from the next line on. */
  get c(): Ctx {
    const key = this.s.regency;
    return key && key !== this.ctx.regency && this.ctx.forRegency ? this.ctx.forRegency(key) : this.ctx;
  }

  get env(): StepEnv {
    return { ...envOf(this.s, this.c), effects: this.out.effects };
  }
  get flow(): FlowDef {
    return this.flows[this.s.flow]!;
  }
  get step(): StepDef {
    return this.flow.steps[this.s.step]!;
  }
  get inMenu(): boolean {
    return this.s.flow === MENU_FLOW;
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

  back(): void {
    const { s } = this;
    const prev = s.trail.pop();
    if (!prev || this.inMenu) {
      if (!this.inMenu) this.out.say(this.env.t('nav.first_question'));
      return this.render();
    }
    s.misses = 0;
    if (prev === this.flow.summaryStep) s.editing = false;
    s.step = prev;
    this.render();
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
    if (offerDraft && flow.keepsDraft && draft) {
      // Wait at the menu: a command instead of an answer must not start the flow over the draft.
      this.resetTo(MENU_FLOW, MENU_STEP);
      return this.askPending({ kind: 'draft', flow: flowId });
    }
    this.resetTo(flowId, flow.start);
    this.goTo(flow.start);
  }

  /** Leaves whatever is going on (parking a draft) for another flow; staying put (question and all) when already there. */
  switchTo(flowId: string): void {
    if (this.s.flow === flowId) return this.repeatQuestion();
    this.leave(true);
    this.enterFlow(flowId);
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
      previous !== undefined && step.display && !this.inMenu && stillOffered(step, step.choices?.(env) ?? [], previous)
        ? `\n\n${env.t('nav.keep_previous', { value: step.display(previous, env) })}`
        : '';
    const reply: Reply = { text: `${prefix ? `${prefix}\n\n` : ''}${body}${keep}` };
    const choices = step.choices?.(env);
    if (choices && choices.length > 0) {
      reply.choices = choices.map((ch, i) => ({ key: String(i + 1), label: ch.label }));
      if (!this.inMenu) reply.choices.push({ key: '0', label: env.t('nav.menu') });
    }
    this.out.replies.push(reply);
  }

  /** The question that is waiting: the engine's own when there is one, else the step's. */
  repeatQuestion(prefix?: string): void {
    if (this.s.pending) this.out.replies.push(this.pendingReply(this.s.pending, prefix));
    else this.render(prefix);
  }

  reprompt(errorKey: LocaleKey, params?: Record<string, unknown>): void {
    const { s } = this;
    s.misses += 1;
    let hint = this.env.t(errorKey, params);
    if (s.misses >= MAX_MISSES) hint += `\n${this.env.t('nav.too_many_misses')}`;
    this.render(hint);
  }

  private introduced = false;

  /** Who the bot is (and that it is not BPJS), said on a greeting or a first contact: once a message. */
  intro(): void {
    if (this.introduced) return;
    this.introduced = true;
    const { regencies } = this.c;
    // Several regencies and the person's not known yet: the bot is for each of them.
    if (regencies && regencies.length > 1 && !this.s.regency) {
      this.out.say(this.env.t('menu.intro_several', { regencies: joinNames(this.env, regencies.map((r) => r.settings.regency.name)) }));
    } else this.out.say(this.env.t('menu.intro', { regency: this.c.settings.regency.name }));
  }

  /** Asks one of the engine's own questions (cancel? language? continue? which topic?). */
  askPending(p: Pending, hint?: string): void {
    this.s.pending = p;
    this.out.replies.push(this.pendingReply(p, hint));
  }

  pendingChoices(p: Pending): ChoiceDef[] {
    return pendingChoices(p, this.env);
  }

  pendingReply(p: Pending, hint?: string): Reply {
    return pendingReply(p, this.env, this.s.flow, hint);
  }

  /** Reads the text as an answer to the current step without acting on it. */
  readAnswer(text: string): StepReading {
    const env = this.env;
    const step = this.step;
    const transition = step.intercept?.(text, env);
    if (transition) return { kind: 'intercept', transition };
    const previous = this.s.answers[step.field ?? step.id];
    const choices = step.choices?.(env) ?? [];
    if (previous !== undefined && step.display && KEEP_WORDS.has(text.toLowerCase()) && stillOffered(step, choices, previous)) return { kind: 'keep', value: previous };
    if (choices.length > 0) {
      const exact = exactChoice(text, choices);
      if (exact !== undefined) return { kind: 'choice', value: exact, exact: true };
    }
    if (step.readsIncome) {
      const income = this.readIncomeAnswer(text);
      if (income) return income;
    }
    if (step.answer) {
      const parsed = step.answer(env).safeParse(text);
      if (parsed.success) return { kind: 'typed', value: parsed.data };
    }
    if (choices.length > 0 && !step.strictChoices) {
      const loose = pickChoice(text, choices);
      if (loose !== undefined) return { kind: 'choice', value: loose, exact: false };
    }
    if (step.answer) {
      const parsed = step.answer(env).safeParse(text);
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      const params = issue && 'params' in issue ? (issue.params as Record<string, unknown>) : undefined;
      // Issue messages are the err.* keys our parsers and schemas set (see textAnswer).
      const key = issue?.message?.startsWith('err.') ? keyIn('err.', issue.message.slice('err.'.length)) : 'err.format';
      return { kind: 'invalid', key, params, choices: choices.length };
    }
    return { kind: 'invalid', key: 'err.choice', params: { max: choices.length }, choices: choices.length };
  }

  /** An income in people's words: a plain amount is an answer; anything else is confirmed first. */
  private readIncomeAnswer(text: string): StepReading | undefined {
    const r = readIncome(text);
    const t = this.env.t;
    const minimum = this.c.rates.bpu.minIncome;
    switch (r.kind) {
      case 'amount':
        return { kind: 'typed', value: r.rupiah };
      case 'converted':
        return {
          kind: 'confirm',
          pending: { kind: 'income', value: r.rupiah, reading: 'converted', detail: { calc: t(`income.calc_${r.per}`, { typed: formatRupiah(r.amount), factor: String(r.factor) }) } },
        };
      case 'range':
        return {
          kind: 'confirm',
          pending: {
            kind: 'income',
            value: r.rupiah,
            reading: 'range',
            detail: { low: formatRupiah(r.amountLow ?? r.low), high: formatRupiah(r.amountHigh ?? r.high), per: t(`income.per_${r.per ?? 'month'}`) },
          },
        };
      case 'unknown':
      case 'none':
        return { kind: 'confirm', pending: { kind: 'income', value: minimum, reading: 'unknown', detail: { min: formatRupiah(minimum), days: String(INCOME_PERIOD_FACTORS.day) } } };
      case 'error':
        return undefined;
    }
  }

  /** Acts on a reading of the current step (an accepted answer moves on, an invalid one asks again). */
  takeAnswer(reading: StepReading): void {
    const step = this.step;
    switch (reading.kind) {
      case 'intercept':
        return this.accept(step, undefined, reading.transition);
      case 'keep':
      case 'choice':
      case 'typed': {
        const problem = step.check?.(reading.value, this.env);
        if (problem) return this.reprompt(problem[0], problem[1]);
        return this.accept(step, reading.value);
      }
      case 'confirm':
        return this.askPending(reading.pending);
      case 'invalid':
        return this.reprompt(reading.key, reading.params);
    }
  }

  private accept(step: StepDef, value: unknown, given?: Transition): void {
    const { s } = this;
    if (value !== undefined) {
      const key = step.field ?? step.id;
      // A new kecamatan makes the desa given for the old one wrong: it is asked again, never kept.
      if (step.resets && s.answers[key] !== undefined && s.answers[key] !== value) for (const f of step.resets) delete s.answers[f];
      s.answers[key] = value;
    }
    s.misses = 0;
    const wasEditing = s.editing;
    let tr = given ?? asTransition(step.next(value, this.env));
    const plainMove = tr.to !== null && !tr.flow && !tr.say && !tr.effects && !tr.fresh;
    if (!given && wasEditing && plainMove && this.flow.summaryStep) {
      tr = { to: step.afterEdit?.(value, this.env) ?? this.flow.summaryStep };
    }
    if (tr.to === this.flow.summaryStep) s.editing = false;
    // A step that starts over (fresh answers) has no way back to what came before.
    if (tr.to !== null && !tr.flow && tr.to !== step.id && !tr.fresh) s.trail.push(step.id);
    this.apply(tr);
  }

  /** Applies what a step returned: messages, effects, fresh answers, dropped drafts, where to go. */
  apply(tr: Transition): void {
    for (const text of tr.say ?? []) this.out.say(text);
    if (tr.effects) this.out.effects.push(...tr.effects);
    if (tr.fresh) {
      this.s.answers = {};
      this.s.trail = [];
    }
    if (tr.dropDrafts) this.s.drafts = {};
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
}
