// An officer's decision whose news is held for its undo window (app/decisions.ts) is not shown to the
// people concerned before they are told: the store gives each registration as they know it, with the
// decision itself in `untold` (storage/registrations.ts asTold). These helpers keep an action the
// person takes meanwhile from promising what the decision has already changed.
import type { RegistrationStatus, RegistrationView, StepEnv } from '../types.js';

/**
 * The registrations an action cannot be promised on yet: an officer has just decided on them, the
 * person has not been told, and the decision changes whether `allowed` holds.
 */
export function beingDecided(regs: readonly RegistrationView[], allowed: (status: RegistrationStatus) => boolean): RegistrationView[] {
  return regs.filter((r) => r.untold !== undefined && allowed(r.status) !== allowed(r.untold.status));
}

/** "An officer is checking it right now, try again in a few minutes": true, and says nothing of the decision. */
export function beingDecidedNotice(regs: readonly RegistrationView[], env: StepEnv): string {
  const until = Math.max(...regs.map((r) => r.untold?.until ?? env.c.now));
  const minutes = Math.max(1, Math.ceil((until - env.c.now) / 60_000));
  return env.t('status.being_decided', { count: minutes, references: regs.map((r) => r.reference).join(', ') });
}
