/** @jsxImportSource hono/jsx */
// An officer's own password: changed from the account page, and required after an admin set a
// temporary one (a new officer, or a reset). Whether a password is temporary is one small fact
// per officer in the kv store, so the officers table and its store keep their shape.
import { Hono, type MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { KvStore } from '../storage/kv.js';
import type { Officer } from '../storage/officers.js';
import { countedAttempt, startSession, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { Csrf, Layout, pageBase, type PageBase } from './layout.js';
import { FIELD_LIMITS } from './limits.js';
import { hashPassword, MIN_PASSWORD_LENGTH, validatePassword, verifyPassword } from './security.js';

const key = (officerId: number) => `officer.password_temporary.${officerId}`;

/** Marks (or clears) an officer's password as set by an admin, to be replaced at the next login. */
export async function markPasswordTemporary(kv: KvStore, officerId: number, temporary: boolean, now: number): Promise<void> {
  await kv.set(key(officerId), temporary ? '1' : '', now);
}

export const isPasswordTemporary = async (kv: KvStore, officerId: number): Promise<boolean> => (await kv.get(key(officerId))) === '1';

/** The officers of `list` whose password an admin set and they have not replaced yet. */
export async function temporaryPasswords(kv: KvStore, list: readonly Officer[]): Promise<Set<number>> {
  const temporary = new Set<number>();
  for (const o of list) if (await isPasswordTemporary(kv, o.id)) temporary.add(o.id);
  return temporary;
}

/** What an officer with a temporary password may still open: the change itself, logout, and an admin's enrolment (which comes first). */
const ALLOWED = new Set(['/account/password', '/logout', '/account/2fa']);

/** Sends an officer whose password an admin set to choose their own before anything else (after requireOfficer). */
export function requirePasswordChange(kv: KvStore): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const officer = c.get('officer');
    if (!officer || ALLOWED.has(c.req.path) || !(await isPasswordTemporary(kv, officer.id))) return next();
    return c.redirect('/account/password', c.req.method === 'GET' || c.req.method === 'HEAD' ? 302 : 303);
  });
}

function PasswordPage({ t, officer, csrf, flash, temporary }: PageBase & { temporary: boolean }) {
  return (
    <Layout title={t('console.password.title')} t={t} officer={officer} csrf={csrf} flash={flash}>
      <form method="post" action="/account/password" class="card stack blocks">
        <Csrf token={csrf} />
        <p>{t(temporary ? 'console.password.temporary' : 'console.password.intro')}</p>
        <label>
          {t('console.password.current')}
          <br />
          <input name="current" type="password" autocomplete="current-password" maxlength={FIELD_LIMITS.password} required autofocus />
        </label>
        <label>
          {t('console.password.new')}
          <br />
          <input name="password" type="password" autocomplete="new-password" minlength={MIN_PASSWORD_LENGTH} maxlength={FIELD_LIMITS.password} required />
        </label>
        <label>
          {t('console.password.repeat')}
          <br />
          <input name="repeat" type="password" autocomplete="new-password" minlength={MIN_PASSWORD_LENGTH} maxlength={FIELD_LIMITS.password} required />
        </label>
        <button type="submit">{t('console.password.submit')}</button>
      </form>
    </Layout>
  );
}

/** GET and POST /account/password: the current password, then the new one twice. */
export function passwordRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { store, clock, t, timeZone, addressOf } = deps;
  const { officers, kv } = store;
  const web = new Hono<ConsoleEnv>();

  web.get('/account/password', async (c) => {
    const temporary = await isPasswordTemporary(kv, c.get('officer')!.id);
    return c.html(<PasswordPage {...pageBase(c, t, timeZone)} temporary={temporary} />);
  });

  web.post('/account/password', async (c) => {
    const officer = c.get('officer')!;
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const temporary = await isPasswordTemporary(kv, officer.id);
    const page = (error: string, status: 400 | 401 | 429) => c.html(<PasswordPage {...pageBase(c, t, timeZone)} flash={{ text: error, error: true }} temporary={temporary} />, status);
    const current = text('current');
    const password = text('password');
    if (current.length > FIELD_LIMITS.password || password.length > FIELD_LIMITS.password) return page(t('console.login.too_long'), 400);
    if (validatePassword(password)) return page(t('console.password.too_short'), 400);
    if (password !== text('repeat')) return page(t('console.password.mismatch'), 400);
    if (password === current) return page(t('console.password.same'), 400);
    const now = clock();
    // The current password counts against the login limits, like any other password check.
    const result = await countedAttempt(officers, { username: officer.username, address: addressOf(c), now }, async () => {
      const cred = await officers.credentials(officer.username);
      return cred && (await verifyPassword(current, cred.passwordHash)) ? true : undefined;
    });
    if (!result.ok) {
      if (result.reason === 'invalid') await officers.audit({ officerId: officer.id, action: 'login_failed', detail: { step: 'password_change' }, now });
      return result.reason === 'locked' ? page(t('console.login.locked'), 429) : page(t('console.password.wrong'), 401);
    }
    await officers.setPassword(officer.id, await hashPassword(password));
    await markPasswordTemporary(kv, officer.id, false, now);
    // Every other session of this officer ends; this one goes on with a new token.
    await officers.deleteSessionsOf(officer.id);
    await startSession(c, officers, officer, now, 'full');
    await officers.audit({ officerId: officer.id, action: 'change_password', now });
    return c.redirect('/account?ok=password_changed', 303);
  });

  return web;
}
