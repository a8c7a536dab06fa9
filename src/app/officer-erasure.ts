import type { Lang, T } from '../core/types.js';
import { maskDigits } from '../domain/normalize.js';
import type { Store } from '../storage/store.js';
import { UnknownRegistrationError } from './notify.js';

/** Why an officer erases a registration (the officer's words: console.erase.reasons.*). */
export const ERASE_REASONS = ['person_request', 'consent_withdrawn', 'duplicate', 'entered_in_error'] as const;
export type EraseReason = (typeof ERASE_REASONS)[number];

/**
 * Why an officer keeps a registration whose person withdrew consent after approval: a legal ground
 * other than consent (UU 27/2022 Pasal 20: a legal obligation, a public task), in the officer's
 * words under console.withdrawal.keep_reasons.*. `other_legal` needs a note.
 */
export const KEEP_REASONS = ['bpjs_registered', 'apbd_paid', 'other_legal'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

/** Thrown for an officer's action the registration does not allow (already erased, nothing to keep). */
export class OfficerErasureError extends Error {
  override name = 'OfficerErasureError';
  constructor(readonly code: 'already_erased' | 'not_pending') {
    super(code);
  }
}

/** The officer acting, as the console knows them. */
interface Officer {
  id: number;
  username: string;
}

interface Deps {
  store: Store;
  translate: (lang: Lang) => T;
  clock: () => number;
  /** Where to reach someone who never wrote but gave a phone (a cadre's neighbour). */
  reachByPhone?: (phone: string) => { channel: string; externalId: string } | undefined;
}

/**
 * A free note an officer adds to an erasure or a keep decision: kept only in the audit log, so
 * digit runs (a NIK, a phone number) are masked and it is short. The form asks for no personal data.
 */
export function auditNote(raw: string): string | undefined {
  const note = maskDigits(raw.replace(/\s+/g, ' ').trim()).slice(0, 200);
  return note === '' ? undefined : note;
}

/**
 * The officer's erase action and the decision on a consent withdrawn after approval. Each runs in
 * one transaction with its audit entry and the messages it queues (sent after the commit).
 */
export function createOfficerErasure(deps: Deps) {
  const { store, translate, clock } = deps;
  const { people, registrations, outbox, officers, withdrawals } = store;

  const eraseTx = store.transactional(async (reference: string, officer: Officer, reason: EraseReason, note: string | undefined, now: number) => {
    const before = await registrations.byReference(reference);
    const id = await registrations.idOf(reference);
    if (!before || id === undefined) throw new UnknownRegistrationError(`no registration ${reference}`);
    const by = { now, actorKind: 'officer' as const, actorId: officer.username, reason: 'erased_by_officer' };
    // Where the person can be told, found before their address may go with them.
    const applicant = await people.person(before.personId);
    const reach =
      (await people.identities(before.personId))[0] ?? (applicant?.phone ? deps.reachByPhone?.(applicant.phone) : undefined);
    if (!(await store.erasure.eraseRegistration(id, by))) throw new OfficerErasureError('already_erased');
    if (reason === 'consent_withdrawn') await people.withdrawConsent(before.personId, now);
    // A neighbour a cadre registered exists only for this registration (no chat of their own): nothing
    // of them is left (their phone, their conversation) unless another registration still needs it.
    const neighbourOnly =
      before.submitterId !== before.personId &&
      (await people.identities(before.personId)).length === 0 &&
      (await registrations.ofApplicant(before.personId)).every((r) => r.status === 'deleted');
    if (neighbourOnly) await store.erasure.erasePerson(before.personId, by);
    // After the erasure, which blanks the details of earlier audit entries about this registration.
    await officers.audit({ officerId: officer.id, action: 'erase', registrationId: id, detail: { reason, ...(note ? { note } : {}) }, now });
    // A short neutral message (no name, no reason): the person, where reachable, and the cadre who sent it.
    const notified: { personId: number; channel: string; outboxId: number; role: 'applicant' | 'cadre' }[] = [];
    const tell = async (personId: number, role: 'applicant' | 'cadre') => {
      const person = role === 'applicant' ? applicant : await people.person(personId);
      if (!person) return;
      const identity = role === 'applicant' ? reach : (await people.identities(personId))[0];
      if (!identity) return;
      const text = translate(person.lang)(`notify.erased.${role}`, { reference });
      notified.push({ personId, channel: identity.channel, role, outboxId: await outbox.add(personId, identity.channel, identity.externalId, { text }, now, 'notification', id) });
    };
    await tell(before.personId, 'applicant');
    if (before.submitterId !== before.personId) await tell(before.submitterId, 'cadre');
    return { reference, notified };
  });

  const keepTx = store.transactional(async (reference: string, officer: Officer, reason: KeepReason, note: string | undefined, now: number) => {
    const current = await registrations.byReference(reference);
    const id = await registrations.idOf(reference);
    if (!current || id === undefined) throw new UnknownRegistrationError(`no registration ${reference}`);
    if (!(await withdrawals.keep(id, reason, now))) throw new OfficerErasureError('not_pending');
    await registrations.event({
      registrationId: id,
      at: now,
      actorKind: 'officer',
      actorId: officer.username,
      action: 'withdrawal_kept',
      fromStatus: current.status,
      toStatus: null,
      detail: { reason },
    });
    await officers.audit({ officerId: officer.id, action: 'keep_after_withdrawal', registrationId: id, detail: { reason, ...(note ? { note } : {}) }, now });
  });

  return {
    /**
     * Erases a registration's personal data for an officer (the one erasure path, storage/erasure.ts),
     * audits it with the reason and tells the people concerned, in one transaction; then empties
     * the WAL, which still holds the erased pages. Throws OfficerErasureError when already erased.
     */
    async erase(reference: string, input: { officer: Officer; reason: EraseReason; note?: string }) {
      const result = await eraseTx(reference, input.officer, input.reason, input.note === undefined ? undefined : auditNote(input.note), clock());
      await store.erasure.compact();
      return result;
    },
    /**
     * Keeps a registration whose person withdrew consent after approval, for a legal reason: noted
     * in its history and audited; it can then be decided, given its KPJ and exported again.
     */
    async keepAfterWithdrawal(reference: string, input: { officer: Officer; reason: KeepReason; note?: string }): Promise<void> {
      await keepTx(reference, input.officer, input.reason, input.note === undefined ? undefined : auditNote(input.note), clock());
    },
  };
}
