import { nextStepLines } from '../core/flows/next-step.js';
import type { Lang, RegistrationStatus, T } from '../core/types.js';
import type { Rates } from '../domain/rates.js';
import type { RegencyRegistry } from '../regencies.js';
import type { Store } from '../storage/store.js';

export interface StatusChange {
  to: RegistrationStatus;
  /** Who decided: an officer's username, or 'system'. */
  actor: { kind: 'officer' | 'system'; id: string | null };
  /** Shown to the person (reason, what to correct). */
  note?: string | null;
  /** BPJS membership number, when marking a registration as registered. */
  kpj?: string | null;
  /** A rejection's reason code (domain/reject-reasons.ts): told in plain words with what to do. */
  reason?: string | null;
}

/** The officer's audit entry that goes with a decision: written in the decision's own transaction. */
export interface DecisionAudit {
  officerId: number;
  action: string;
  detail?: Record<string, unknown>;
  /** What undoing the decision needs (app/decisions.ts): kept in the history event's sealed detail, not in the audit log. */
  undo?: Record<string, unknown>;
}

export interface StatusChangeResult {
  reference: string;
  from: RegistrationStatus;
  to: RegistrationStatus;
  /** Outbox rows queued: to the applicant (where reachable) and to the cadre. */
  notified: { personId: number; channel: string; outboxId: number; role: 'applicant' | 'cadre' }[];
}

/** Thrown when a status change names a registration that does not exist. */
export class UnknownRegistrationError extends Error {
  override name = 'UnknownRegistrationError';
}

interface Deps {
  store: Store;
  translate: (lang: Lang) => T;
  clock: () => number;
  /** Where to reach someone who never wrote but gave a phone (a cadre's neighbour): news of their own registration only. */
  reachByPhone?: (phone: string) => { channel: string; externalId: string } | undefined;
  /** What a decision's next step is worked out from (who pays and how much, where, when cover starts). */
  regencies: RegencyRegistry;
  rates: Rates;
  /** Today in the regency, for the contribution figures of that day. */
  today: (now: number) => string;
}

/**
 * Status changes with their notifications, in one transaction: the history event, and a message to
 * the applicant on their latest channel (if they have one) and to the cadre who submitted it,
 * each in their own language.
 */
export function createNotifier(deps: Deps) {
  const { store, translate, clock } = deps;
  const { people, registrations, outbox, officers } = store;

  const changeStatus = store.transactional(async (reference: string, change: StatusChange, audit?: DecisionAudit): Promise<StatusChangeResult> => {
    const now = clock();
    const done = await registrations.setStatus({
      reference,
      to: change.to,
      now,
      actorKind: change.actor.kind,
      actorId: change.actor.id,
      note: change.note ?? null,
      kpj: change.kpj ?? null,
      reason: change.reason ?? null,
      detail: audit?.undo ? { undo: audit.undo } : undefined,
    });
    if (!done) throw new UnknownRegistrationError(`no registration ${reference}`);
    const { view } = done;
    const registrationId = (await registrations.idOf(reference)) ?? null;
    const notified: StatusChangeResult['notified'] = [];
    const tell = async (personId: number, role: 'applicant' | 'cadre') => {
      const person = await people.person(personId);
      const identity =
        (await people.identities(personId))[0] ?? (role === 'applicant' && person?.phone ? deps.reachByPhone?.(person.phone) : undefined);
      if (!person || !identity) return;
      const t = translate(person.lang);
      // A rejection's reason is told in the person's words with what to do (next steps); the note is the officer's own text.
      const note = change.note ?? '';
      const params = {
        reference,
        name: view.data?.fullName ?? '',
        status: t(`status.${change.to}`),
        note,
        kpj: change.kpj ?? '',
      };
      const lines = [t(`notify.${role}.${change.to}`, params)];
      if (note) lines.push(t('notify.note', params));
      // Every decision carries its next step: how and when to pay, when cover starts, the KPJ's use, what to do after a no.
      const next = nextStepLines(
        { status: change.to, data: view.data, kpj: change.kpj ?? view.kpj ?? null, reason: change.reason, hasNote: !!note },
        { t, lang: person.lang, settings: deps.regencies.get(view.regency), rates: deps.rates, today: deps.today(now) },
      );
      const text = next.length ? `${lines.join('\n')}\n\n${next.join('\n')}` : lines.join('\n');
      const id = await outbox.add(personId, identity.channel, identity.externalId, { text }, now, 'notification', registrationId);
      notified.push({ personId, channel: identity.channel, outboxId: id, role });
    };
    await tell(view.personId, 'applicant');
    if (view.submitterId !== view.personId) await tell(view.submitterId, 'cadre');
    if (audit) await officers.audit({ officerId: audit.officerId, action: audit.action, detail: audit.detail, registrationId, now });
    return { reference, from: done.from, to: change.to, notified };
  });

  return {
    /** Changes the status, tells the people concerned and (for an officer's decision) audits it, all in one transaction. */
    changeStatus: (reference: string, change: StatusChange, audit?: DecisionAudit) => changeStatus(reference, change, audit),
  };
}
