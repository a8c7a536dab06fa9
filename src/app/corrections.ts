import { keyIn } from '../core/locale-key.js';
import { beginFlow, type Flows } from '../core/engine.js';
import { correctableFields, correctionAnswers } from '../core/flows/correction.js';
import type { FieldDef } from '../core/flows/registration-schema.js';
import { restoreSession } from '../core/session.js';
import { DECIDABLE_STATUSES, type Ctx, type Lang, type T } from '../core/types.js';
import type { Store } from '../storage/store.js';
import type { createNotifier, DecisionAudit, StatusChangeResult } from './notify.js';

/** Thrown for a correction request that cannot be made (unknown fields, wrong status). */
export class CorrectionError extends Error {
  override name = 'CorrectionError';
}

interface Deps {
  store: Store;
  /** The registration's fields (the flows were built from the same). */
  schema: readonly FieldDef[];
  flows: Flows;
  notifier: ReturnType<typeof createNotifier>;
  translate: (lang: Lang) => T;
  /** Runs a core call with its context, what it reads loaded from the store in the caller's transaction (app.ts). */
  runCore: <R>(personId: number, phone: string | null, now: number, regency: string | undefined, fn: (ctx: Ctx) => R) => Promise<R>;
  clock: () => number;
}

/**
 * An officer asks for named fields again: the registration goes to `needs_correction`, people are
 * told, and the one who can answer (the cadre who submitted it, else the applicant) is put straight
 * into a conversation that asks exactly those fields.
 */
export function createCorrections(deps: Deps) {
  const { store, flows, notifier, translate, runCore, clock, schema } = deps;
  const correctable = correctableFields(schema);
  const { people, registrations, outbox } = store;

  const request = store.transactional(
    async (reference: string, fields: string[], note: string, officer: string, audit?: DecisionAudit, heldUntil?: number): Promise<StatusChangeResult & { askedPersonId: number | null }> => {
      const wanted = correctable.filter((f) => fields.includes(f));
      if (wanted.length === 0) throw new CorrectionError('name at least one field to correct');
      const current = await registrations.byReference(reference);
      if (!current?.data) throw new CorrectionError(`no registration ${reference}`);
      if (!DECIDABLE_STATUSES.includes(current.status)) {
        throw new CorrectionError(`a ${current.status} registration cannot be corrected`);
      }
      const result = await notifier.changeStatus(reference, { to: 'needs_correction', actor: { kind: 'officer', id: officer }, note }, audit);
      await registrations.setCorrectionFields((await registrations.idOf(reference))!, wanted);

      const target = current.submitterId !== current.personId ? current.submitterId : current.personId;
      const identity = (await people.identities(target))[0];
      if (!identity) return { ...result, askedPersonId: null };
      const now = clock();
      const person = await people.person(target);
      const stored = await people.session(target);
      const restored = restoreSession(stored.state, person?.lang ?? 'id', now);
      // The conversation the person is in (one that waits behind an earlier held request is theirs, not that request).
      const session = restored.held && now < restored.held.until ? restored.held.before : { ...restored, held: undefined };
      const answers = correctionAnswers(reference, current.data, wanted, schema);
      const started = await runCore(target, person?.phone ?? null, now, current.regency, (ctx) => beginFlow(flows, session, 'correction', answers, ctx));
      // Held for the undo window: the person goes on with their conversation until they are told (app.ts).
      const asking = heldUntil !== undefined && heldUntil > now ? { ...started.session, held: { until: heldUntil, before: session } } : started.session;
      await people.saveSession(target, JSON.stringify(asking), stored.seenIds, now);
      const t = translate(started.session.lang);
      const names = wanted.map((f) => t(keyIn('reg.field.', f))).join(', ');
      const registrationId = (await registrations.idOf(reference)) ?? null;
      await outbox.add(target, identity.channel, identity.externalId, { text: t('corr.ask', { reference, fields: names }) }, now, 'notification', registrationId);
      for (const reply of started.replies) await outbox.add(target, identity.channel, identity.externalId, reply, now, 'notification', registrationId);
      return { ...result, askedPersonId: target };
    },
  );

  return {
    /** `heldUntil`: the request's news waits until then (the undo window); the person's conversation switches then. */
    request: (reference: string, input: { fields: string[]; note: string; officer: string; heldUntil?: number }, audit?: DecisionAudit) =>
      request(reference, input.fields, input.note, input.officer, audit, input.heldUntil),
  };
}
