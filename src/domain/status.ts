/** Where a registration is in its life, from submission to the officer's decision (or deletion). */
export type RegistrationStatus =
  | 'submitted'
  | 'needs_correction'
  | 'approved'
  | 'registered'
  | 'rejected'
  | 'deleted';

/** Statuses that block a second registration with the same NIK. */
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['submitted', 'needs_correction', 'approved', 'registered'];
/** Statuses an officer can still decide on (approve, reject, ask for a correction, record the KPJ). */
export const DECIDABLE_STATUSES: readonly RegistrationStatus[] = ['submitted', 'needs_correction', 'approved'];
/** Statuses a person may still delete themselves. */
export const DELETABLE_STATUSES: readonly RegistrationStatus[] = ['submitted', 'needs_correction', 'rejected'];
