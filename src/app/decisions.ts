import { MENU_FLOW, MENU_STEP } from '../core/constants.js';
import { restoreSession } from '../core/session.js';
import type { RegistrationStatus, Session } from '../core/types.js';
import { parseDecisionUndo, type DecisionUndo } from '../storage/registrations.js';
import type { Store } from '../storage/store.js';
import type { createCorrections } from './corrections.js';
import { UnknownRegistrationError, type createNotifier, type DecisionAudit } from './notify.js';

/** What an officer decides on one registration in the console. */
export type Decision =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string; note: string }
  | { kind: 'correction'; fields: string[]; note: string }
  | { kind: 'kpj'; kpj: string };

/** The officer deciding, as the console knows them. */
export interface DecidingOfficer {
  id: number;
  username: string;
}

/**
 * Between the end of the undo window and the moment the held news becomes due: an undo and a
 * sender can never meet on the same row, even with another process's clock a little off.
 */
export const SEND_MARGIN_MS = 2000;

/** The latest decision on a registration whose news was held (it may be past its window). */
export interface HeldDecision {
  /** When it was made (its history event). */
  at: number;
  officerId: number;
  /** The officer's username, as the history records it. */
  officer: string | null;
  action: string;
  from: RegistrationStatus;
  to: RegistrationStatus;
  undoUntil: number;
  heldUntil: number;
  /** Its messages still waiting in the outbox. */
  waiting: number;
}

/** How an undo went: done, or why not. */
export type UndoOutcome = 'undone' | 'expired' | 'not_yours' | 'nothing' | 'answered';

interface Deps {
  store: Store;
  notifier: ReturnType<typeof createNotifier>;
  corrections: ReturnType<typeof createCorrections>;
  clock: () => number;
  /** The undo window (DECISION_UNDO_SECONDS); 0: news goes at once and nothing can be undone. */
  undoMs: number;
  /** Called after a decision whose news is held until `until` (to wake the dispatcher then). */
  onHeld?: (until: number) => void;
}

const AUDIT_ACTION: Record<Decision['kind'], string> = {
  approve: 'approve',
  reject: 'reject',
  correction: 'request_correction',
  kpj: 'record_kpj',
};

/**
 * Officers' decisions from the console, each undoable for a short window before the person hears
 * of it: the decision, its history event and audit entry commit at once (one transaction), with
 * its news held in the outbox until the window ends. The outbox row is the truth: an undo deletes
 * the held rows in the same transaction that puts the registration back, so after a crash the
 * news either still waits (and is sent when due) or was taken back with the decision; never both,
 * never twice. Only the officer who decided may undo it, and only before its window ends.
 */
export function createDecisions(deps: Deps) {
  const { store, notifier, corrections, clock, undoMs } = deps;
  const { registrations, outbox, officers, people } = store;

  const decideTx = store.transactional(async (reference: string, decision: Decision, officer: DecidingOfficer, detail: Record<string, unknown> | undefined) => {
    const row = await registrations.record(reference);
    if (!row) throw new UnknownRegistrationError(`no registration ${reference}`);
    const now = clock();
    const after = await outbox.lastId();
    const heldUntil = now + undoMs + SEND_MARGIN_MS;
    // The one a correction request asks (the cadre who submitted it, else the applicant): their conversation moves.
    const asked = decision.kind === 'correction' ? (row.submitterId !== row.applicantId ? row.submitterId : row.applicantId) : undefined;
    const undo: DecisionUndo | undefined =
      undoMs > 0
        ? {
            officerId: officer.id,
            action: AUDIT_ACTION[decision.kind],
            undoUntil: now + undoMs,
            heldUntil,
            after,
            previous: {
              status: row.status,
              note: row.officerNote,
              kpj: row.kpj,
              correctionFields: row.correctionFields.length ? row.correctionFields : null,
              rejectReason: row.rejectReason,
            },
            ...(asked === undefined ? {} : { asked }),
          }
        : undefined;
    const audit: DecisionAudit = { officerId: officer.id, action: AUDIT_ACTION[decision.kind], detail, undo: undo as Record<string, unknown> | undefined };
    const actor = { kind: 'officer' as const, id: officer.username };
    const result =
      decision.kind === 'correction'
        ? await corrections.request(reference, { fields: decision.fields, note: decision.note, officer: officer.username, heldUntil: undo ? heldUntil : undefined }, audit)
        : await notifier.changeStatus(
            reference,
            decision.kind === 'approve'
              ? { to: 'approved', actor }
              : decision.kind === 'reject'
                ? { to: 'rejected', actor, note: decision.note, reason: decision.reason }
                : { to: 'registered', actor, kpj: decision.kpj },
            audit,
          );
    // Everything the decision queued about this registration waits for the window (the correction's questions too).
    if (undo) await outbox.hold(row.id, after, heldUntil);
    return { from: result.from, to: result.to, undoUntil: undo ? undo.undoUntil : null, heldUntil: undo ? heldUntil : null };
  });

  /** The latest status change of a registration, when it was a decision with held news. */
  async function held(registrationId: number): Promise<(HeldDecision & { record: DecisionUndo }) | undefined> {
    const last = [...(await registrations.events(registrationId))].reverse().find((e) => e.to_status !== null);
    if (!last || last.action !== 'status_changed' || last.actor_kind !== 'officer') return undefined;
    const record = parseDecisionUndo(last.detail);
    if (!record) return undefined;
    return {
      at: last.at,
      officerId: record.officerId,
      officer: last.actor_id,
      action: record.action,
      from: (last.from_status ?? record.previous.status) as RegistrationStatus,
      to: last.to_status as RegistrationStatus,
      undoUntil: record.undoUntil,
      heldUntil: record.heldUntil,
      waiting: await outbox.heldCount(registrationId, record.after, record.heldUntil),
      record,
    };
  }

  const undoTx = store.transactional(async (reference: string, officer: DecidingOfficer): Promise<UndoOutcome> => {
    const row = await registrations.record(reference);
    if (!row) return 'nothing';
    const decision = await held(row.id);
    if (!decision || row.status !== decision.to) return 'nothing';
    if (decision.officerId !== officer.id) return 'not_yours';
    const now = clock();
    if (now >= decision.undoUntil) return 'expired';
    const { record } = decision;
    if (record.asked !== undefined) {
      const current = await people.session(record.asked);
      if (current.state !== undefined) {
        const session = restoreSession(current.state, (await people.person(record.asked))?.lang ?? 'id', now);
        if (session.held) {
          // The request was never shown to them: back to the conversation they went on with meanwhile.
          await people.saveSession(record.asked, JSON.stringify(session.held.before), current.seenIds, now);
        } else {
          // They wrote since: the bot has already asked them the correction's questions.
          if (session.lastActiveAt > decision.at) return 'answered';
          // Back at the menu (no copy of their earlier conversation is kept in the history for this).
          const menu: Session = { ...session, flow: MENU_FLOW, step: MENU_STEP, answers: {}, trail: [], misses: 0, editing: false, pending: null };
          await people.saveSession(record.asked, JSON.stringify(menu), current.seenIds, now);
        }
      }
    }
    const dropped = await outbox.dropHeld(row.id, record.after, record.heldUntil);
    const { previous } = record;
    await registrations.revertDecision({
      id: row.id,
      status: previous.status,
      note: previous.note,
      kpj: previous.kpj,
      correctionFields: previous.correctionFields,
      rejectReason: previous.rejectReason,
      now,
    });
    await registrations.event({
      registrationId: row.id,
      at: now,
      actorKind: 'officer',
      actorId: officer.username,
      action: 'decision_undone',
      fromStatus: row.status,
      toStatus: previous.status,
      detail: { undid: record.action },
    });
    await officers.audit({ officerId: officer.id, action: 'undo_decision', registrationId: row.id, detail: { undid: record.action, to: previous.status, held: dropped }, now });
    return 'undone';
  });

  const decideManyTx = store.transactional(async (references: readonly string[], decision: Decision, officer: DecidingOfficer, detail: Record<string, unknown> | undefined) => {
    const results = [];
    for (const reference of references) results.push({ reference, ...(await decideTx(reference, decision, officer, detail)) });
    return results;
  });
  const undoManyTx = store.transactional(async (references: readonly string[], officer: DecidingOfficer) => {
    const outcomes: UndoOutcome[] = [];
    for (const reference of references) outcomes.push(await undoTx(reference, officer));
    return outcomes;
  });

  return {
    /** The undo window in milliseconds (0: none). */
    undoMs,
    /** Decides (approve, reject, correction request, KPJ) with its news held for the undo window. */
    async decide(reference: string, decision: Decision, officer: DecidingOfficer, detail?: Record<string, unknown>) {
      const result = await decideTx(reference, decision, officer, detail);
      if (result.heldUntil !== null) deps.onHeld?.(result.heldUntil);
      return result;
    },
    /**
     * The same decision on several registrations (bulk approval), all in one transaction: each is
     * a decision of its own, held and undoable like one made on its page.
     */
    async decideMany(references: readonly string[], decision: Decision, officer: DecidingOfficer, detail?: Record<string, unknown>) {
      const results = await decideManyTx(references, decision, officer, detail);
      const until = Math.max(...results.map((r) => r.heldUntil ?? 0));
      if (until > 0) deps.onHeld?.(until);
      return results;
    },
    /** Takes back the latest decision on a registration, with its held news, if this officer may still. */
    undo: (reference: string, officer: DecidingOfficer): Promise<UndoOutcome> => undoTx(reference, officer),
    /** Takes back this officer's decisions on several registrations (a bulk approval), in one transaction: how each went. */
    undoMany: (references: readonly string[], officer: DecidingOfficer): Promise<UndoOutcome[]> => undoManyTx(references, officer),
    /** The latest decision on a registration whose news was held (for the page: the notice and the undo button). */
    async held(reference: string): Promise<HeldDecision | undefined> {
      const id = await registrations.idOf(reference);
      if (id === undefined) return undefined;
      const found = await held(id);
      return found && { at: found.at, officerId: found.officerId, officer: found.officer, action: found.action, from: found.from, to: found.to, undoUntil: found.undoUntil, heldUntil: found.heldUntil, waiting: found.waiting };
    },
  };
}

export type Decisions = ReturnType<typeof createDecisions>;
