import { CorrectionError } from '../app/corrections.js';
import { InviteError } from '../app/invites.js';
import { UnknownRegistrationError } from '../app/notify.js';
import { QuestionError } from '../app/questions.js';
import { TeachError } from '../app/teach.js';
import { OfficerExistsError } from '../storage/officers.js';
import type { ConsoleContext } from './layout.js';

/**
 * The flash code (?err=…, console.flash.* or the Questions page's own) an error a person can act on
 * becomes; undefined for a fault of ours (a 500).
 */
export function flashOf(err: Error): string | undefined {
  if (err instanceof CorrectionError) return 'correction_fields';
  if (err instanceof UnknownRegistrationError) return 'not_found';
  if (err instanceof QuestionError) return 'question_closed';
  if (err instanceof TeachError) return err.reason;
  if (err instanceof InviteError) return 'invite_invalid';
  if (err instanceof OfficerExistsError) return 'officer_exists';
  return undefined;
}

/**
 * The page an action belongs to, to go back to with the flash: /registrations/LD-7K3Q9/approve →
 * /registrations/LD-7K3Q9, /admin/invites/KDR-…/revoke and /admin/invites → /admin/invites,
 * /questions/12/answer → /questions. (Not the Referer: the console sends no-referrer.)
 */
export function backTo(c: ConsoleContext, flash: string): string {
  const parts = c.req.path.split('/').filter(Boolean);
  const keep = parts[0] === 'registrations' || parts[0] === 'admin' ? 2 : 1;
  // An admin page's own form (POST /admin/invites) comes back to it; another page's, to the queue.
  const page = parts.length > keep || (parts[0] === 'admin' && parts.length === keep) ? `/${parts.slice(0, keep).map(encodeURIComponent).join('/')}` : '/queue';
  return `${page}?err=${encodeURIComponent(flash)}`;
}
