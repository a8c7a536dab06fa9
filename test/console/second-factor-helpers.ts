// Helpers for tests that log in as an admin: admins must enrol a TOTP authenticator before any
// other page opens, so after the password they go through the enrolment page like a person would.
import { Secret, TOTP } from 'otpauth';
import type { client } from '../helpers/console.js';

type Client = ReturnType<typeof client>;

/** The 6-digit code an authenticator app shows for `secret` at `now`. */
export function codeAt(secret: string, now: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now });
}

/**
 * Enrols the logged-in officer through /account/2fa (reads the secret shown as text, answers with
 * the code at `now`), then loads the queue so the client holds the new session's CSRF token.
 */
export async function enrolThroughPage(c: Client, now: number): Promise<{ secret: string; recoveryCodes: string[]; page: string }> {
  const { html } = await c.get('/account/2fa');
  const shown = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1];
  if (!shown) throw new Error(`no enrolment page:\n${html.slice(0, 500)}`);
  const secret = shown.replace(/ /g, '');
  const res = await c.post('/account/2fa', { code: codeAt(secret, now) });
  const page = await res.text();
  const recoveryCodes = [...page.matchAll(/<li><code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})<\/code><\/li>/g)].map((m) => m[1]!);
  if (res.status !== 200 || recoveryCodes.length === 0) throw new Error(`enrolment failed (${res.status}):\n${page.slice(0, 500)}`);
  await c.get('/queue');
  return { secret, recoveryCodes, page };
}

/** Logs in as an admin with no second factor yet (e.g. "ana"), enrolling on the way, as the console demands. */
export async function loginAdmin(c: Client, username: string, now: number): Promise<{ secret: string; recoveryCodes: string[] }> {
  const res = await c.login(username);
  if (res.status !== 303) throw new Error(`login as ${username} answered ${res.status}`);
  const { secret, recoveryCodes } = await enrolThroughPage(c, now);
  return { secret, recoveryCodes };
}
