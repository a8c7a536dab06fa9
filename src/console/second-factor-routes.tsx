/** @jsxImportSource hono/jsx */
import { Hono, type MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { countedAttempt, csrfToken, safeNext, startSession, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { FIELD_LIMITS } from './limits.js';
import { AccountPage, EnrolPage, RecoveryCodesPage, SecondFactorPage } from './pages/second-factor.js';
import { checkSecondFactor, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './second-factor.js';

/** The pages an admin without a second factor may still open: enrolment and logout. */
const ENROLMENT_PATHS = new Set(['/account/2fa', '/logout']);

/**
 * Sends an admin who has no second factor yet to enrolment before anything else (run after
 * requireOfficer). Officers may enrol too (from their account page) but need not.
 */
export function requireAdminSecondFactor(): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const officer = c.get('officer');
    if (!officer || officer.role !== 'admin' || officer.secondFactor || ENROLMENT_PATHS.has(c.req.path)) return next();
    return c.redirect('/account/2fa', c.req.method === 'GET' || c.req.method === 'HEAD' ? 302 : 303);
  });
}

/** The code step of a login (before requireOfficer: the session is not a full one yet). */
export function secondFactorLoginRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { store, clock, t, addressOf } = deps;
  const { officers } = store;
  const box = deps.secretBox;
  const web = new Hono<ConsoleEnv>();

  web.get('/login/verify', (c) => {
    const session = c.get('session');
    const next = safeNext(c.req.query('next'), '/queue');
    if (session?.stage !== 'second_factor') return c.redirect(session ? next : '/login', 302);
    return c.html(<SecondFactorPage t={t} csrf={csrfToken(c)} next={next} />);
  });

  web.post('/login/verify', async (c) => {
    const session = c.get('session');
    if (session?.stage !== 'second_factor') return c.redirect('/login', 303);
    const body = await c.req.parseBody();
    const next = safeNext(typeof body.next === 'string' ? body.next : '', '/queue');
    const code = typeof body.code === 'string' ? body.code : '';
    const page = (error: string, status: 400 | 401 | 429) => c.html(<SecondFactorPage t={t} csrf={csrfToken(c)} next={next} error={error} />, status);
    if (code.length > FIELD_LIMITS.code) return page(t('console.second_factor.too_long'), 400);
    const now = clock();
    const { officer } = session;
    const result = await countedAttempt(officers, { username: officer.username, address: addressOf(c), now }, () =>
      checkSecondFactor(officers, box, officer.id, code, now),
    );
    if (!result.ok) {
      if (result.reason === 'invalid') await officers.audit({ officerId: officer.id, action: 'login_failed', detail: { step: 'second_factor' }, now });
      return result.reason === 'locked' ? page(t('console.login.locked'), 429) : page(t('console.second_factor.invalid'), 401);
    }
    await startSession(c, officers, officer, now, 'full');
    const proof = result.value;
    await officers.audit({ officerId: officer.id, action: 'login', detail: proof.kind === 'totp' ? { factor: 'totp' } : { factor: 'recovery_code', recovery_codes_left: proof.left }, now });
    return c.redirect(next, 303);
  });

  return web;
}

/** The officer's own account page and TOTP enrolment (a full session; admins come here first). */
export function accountRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const { store, clock, t, timeZone } = deps;
  const { officers } = store;
  const box = deps.secretBox;
  const web = new Hono<ConsoleEnv>();

  web.get('/account', async (c) => {
    const officer = c.get('officer')!;
    const recoveryCodesLeft = (await officers.unusedRecoveryCodes(officer.id)).length;
    return c.html(<AccountPage {...pageBase(c, t, timeZone)} recoveryCodesLeft={recoveryCodesLeft} />);
  });

  /** The secret being enrolled in this session: made once, so reloading the page keeps the same QR. */
  const pendingSecret = async (c: ConsoleContext): Promise<string> => {
    const session = c.get('session')!;
    if (session.pendingTotpSecret) return box.open(session.pendingTotpSecret);
    const secret = newTotpSecret();
    await officers.setPendingTotp(session.tokenHash, box.seal(secret));
    return secret;
  };
  const enrolPage = async (c: ConsoleContext, error?: string) => {
    const officer = c.get('officer')!;
    const secret = await pendingSecret(c);
    const base = pageBase(c, t, timeZone);
    return (
      <EnrolPage {...base} flash={error ? { text: error, error: true } : base.flash} secret={secret} uri={totpUri(secret, officer.username)} required={officer.role === 'admin'} />
    );
  };

  web.get('/account/2fa', async (c) => {
    if (c.get('officer')!.secondFactor) return c.redirect('/account', 302);
    return c.html(await enrolPage(c));
  });

  web.post('/account/2fa', async (c) => {
    const officer = c.get('officer')!;
    if (officer.secondFactor) return c.redirect('/account', 303);
    const session = c.get('session')!;
    if (!session.pendingTotpSecret) return c.redirect('/account/2fa', 303);
    const body = await c.req.parseBody();
    const code = typeof body.code === 'string' ? body.code.slice(0, FIELD_LIMITS.code) : '';
    const now = clock();
    const secret = box.open(session.pendingTotpSecret);
    const step = totpStep(secret, code, now);
    if (step === undefined) return c.html(await enrolPage(c, t('console.enrol.invalid')), 400);
    const codes = newRecoveryCodes();
    await officers.enrolTotp({ officerId: officer.id, secret: session.pendingTotpSecret, step, now, recoveryCodes: codes.map(hashRecoveryCode) });
    await officers.audit({ officerId: officer.id, action: 'enrol_second_factor', now });
    // Now proven with two factors: a new session token, as after any login.
    const enrolled = { ...officer, secondFactor: true };
    await startSession(c, officers, enrolled, now, 'full');
    // Shown in this response only (not PRG): the codes are kept nowhere else in clear.
    return c.html(<RecoveryCodesPage {...pageBase(c, t, timeZone)} officer={enrolled} codes={codes} />);
  });

  return web;
}
