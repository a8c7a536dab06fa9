/**
 * Why an officer rejects a registration (the console's choice; a free note adds detail). The bot
 * tells the person each reason in plain words with what to do next (locales: next.reject.<reason>).
 */
export const REJECT_REASONS = ['nik_invalid', 'already_member', 'outside_area', 'not_eligible', 'no_consent', 'duplicate', 'other'] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** A stored or posted reason, if it is one we know. */
export function asRejectReason(value: unknown): RejectReason | undefined {
  return (REJECT_REASONS as readonly unknown[]).includes(value) ? (value as RejectReason) : undefined;
}
