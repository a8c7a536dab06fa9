import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { Officer, OfficerStore, SessionStage } from '../storage/officers.js';
import { safeLocalPath } from './paths.js';
import type { Scope } from './scope.js';
import { dummyPasswordHash, hashToken, LOGIN_LIMITS, newToken, safeEqual, verifyPassword } from './security.js';

/** The console session cookie (holds the raw token; the DB holds only its hash). Over https: __Host-lindung_session. */
export const SESSION_COOKIE = 'lindung_session';
/** Double-submit CSRF cookie for the login form, before any session exists. Over https: __Host-lindung_login_csrf. */
export const LOGIN_CSRF_COOKIE = 'lindung_login_csrf';
/** Sessions end after 8 hours without use (sliding)… */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
/** …and 12 hours after login whatever the use (absolute). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Between a right password and the second factor's code: at most 5 minutes. */
export const SECOND_FACTOR_WAIT_MS = 5 * 60_000;
/** A session's expiry is pushed forward at most this often, to spare a write per request. */
export const SESSION_TOUCH_MS = 60_000;

/** The session a request carries: logged in ('full') or waiting for the second factor's code. */
export interface ConsoleSession {
  tokenHash: string;
  csrf: string;
  stage: SessionStage;
  officer: Officer;
  /** A TOTP secret being enrolled in this session, as stored. */
  pendingTotpSecret: string | null;
}

/**
 * Hono env for every console route: who is logged in (a full session only), the session itself,
 * and, once logged in, what the officer may see and do (scope.tsx; read it with scopeOf).
 */
export type ConsoleEnv = {
  Variables: { officer: Officer | null; session: ConsoleSession | null; scope: Scope | undefined };
};

/**
 * Result of a login attempt; 'invalid' never says whether the username exists. With `stage`
 * 'second_factor' the password was right and the session waits for the code.
 */
export type LoginResult = { ok: true; officer: Officer; stage: SessionStage } | { ok: false; reason: 'invalid' | 'locked' };

type Ctx = Context<ConsoleEnv>;

/**
 * True when the browser reached us over https (directly, or a proxy says so in
 * X-Forwarded-Proto), so cookies get Secure and the __Host- prefix. A forged header only changes
 * the forger's own cookies (a browser on plain http refuses Secure ones), so it is believed from
 * anyone; plain http on localhost (`npm start`) keeps unprefixed cookies.
 */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

/** hono's cookie prefix for this request: '__Host-' (Secure, Path=/, no Domain) over https. */
const prefixOf = (c: Context) => (isHttps(c) ? ('host' as const) : undefined);

function setSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    prefix: prefixOf(c),
    maxAge: Math.max(1, Math.ceil(maxAgeMs / 1000)),
  });
}

function dropCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isHttps(c), prefix: prefixOf(c) });
}

/**
 * Loads the session named by the cookie: a full one into `officer` and `session`, one waiting for
 * its second factor into `session` only. Slides a full session's idle expiry, never past 12 hours
 * after login; an expired or outlived session is deleted and its cookie dropped.
 */
export function sessionMiddleware(store: OfficerStore, clock: () => number = Date.now): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    c.set('officer', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE, prefixOf(c));
    if (token) {
      const now = clock();
      const tokenHash = hashToken(token);
      const s = await store.sessionByHash(tokenHash, now);
      if (s && now - s.createdAt < SESSION_ABSOLUTE_MS) {
        c.set('session', { tokenHash, csrf: s.csrf, stage: s.stage, officer: s.officer, pendingTotpSecret: s.pendingTotpSecret });
        if (s.stage === 'full') {
          c.set('officer', s.officer);
          if (now - s.lastSeenAt >= SESSION_TOUCH_MS) {
            const expiresAt = Math.min(now + SESSION_IDLE_MS, s.createdAt + SESSION_ABSOLUTE_MS);
            await store.touchSession(tokenHash, now, expiresAt);
            setSessionCookie(c, token, expiresAt - now);
          }
        }
      } else {
        await store.deleteSession(tokenHash); // expired or outlived: gone for good (a no-op for an unknown token)
        dropCookie(c, SESSION_COOKIE);
      }
    }
    await next();
  });
}

function isSafeMethod(c: Context): boolean {
  return c.req.method === 'GET' || c.req.method === 'HEAD';
}

/** Only logged-in officers pass: GET is sent to the login page (with ?next=), other methods get 401. */
export function requireOfficer(): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (c.get('officer')) return next();
    if (!isSafeMethod(c)) return c.text('Unauthorized', 401);
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  });
}

/** Only admins pass; officers see a 403 page (anonymous users are handled as in requireOfficer). */
export function requireAdmin(forbidden?: (c: Ctx) => Response | Promise<Response>): MiddlewareHandler<ConsoleEnv> {
  const officerOnly = requireOfficer();
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const officer = c.get('officer');
    if (!officer) return officerOnly(c, next);
    if (officer.role === 'admin') return next();
    if (forbidden) return forbidden(c);
    return c.html('<!doctype html><title>403</title><h1>403</h1><p>Halaman ini hanya untuk admin.</p>', 403);
  });
}

/** Where to go after login: only same-origin paths (see safeLocalPath), so ?next= cannot become an open redirect. */
export function safeNext(next: string | undefined | null, fallback = '/'): string {
  return safeLocalPath(next) ?? fallback;
}

const loginCsrfIssued = new WeakMap<Request, string>();

function loginCsrf(c: Context): string {
  const issued = loginCsrfIssued.get(c.req.raw) ?? getCookie(c, LOGIN_CSRF_COOKIE, prefixOf(c));
  if (issued) return issued;
  const token = newToken();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), prefix: prefixOf(c) });
  loginCsrfIssued.set(c.req.raw, token);
  return token;
}

/** The token a page must put in its forms' `_csrf` field: the session's, or the login cookie's (set if missing). */
export function csrfToken(c: Ctx): string {
  return c.get('session')?.csrf ?? loginCsrf(c);
}

async function submittedCsrf(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return undefined;
  const field = (await c.req.parseBody())['_csrf']; // cached: handlers can parseBody() again
  return typeof field === 'string' ? field : undefined;
}

/** Rejects state-changing requests without the right CSRF token (run after sessionMiddleware). */
export function csrfProtection(opts: { loginPath?: string } = {}): MiddlewareHandler<ConsoleEnv> {
  const loginPath = opts.loginPath ?? '/login';
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const session = c.get('session');
    if (isSafeMethod(c)) {
      if (!session && c.req.path === loginPath) loginCsrf(c);
      return next();
    }
    const expected = session ? session.csrf : getCookie(c, LOGIN_CSRF_COOKIE, prefixOf(c));
    const given = await submittedCsrf(c);
    if (!expected || !given || !safeEqual(given, expected)) {
      return c.text('Forbidden: the form has expired or is invalid. Reload the page and try again.', 403);
    }
    return next();
  });
}

/** A counted attempt's outcome: its value, or why there is none. */
export type Attempt<V> = { ok: true; value: V } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Runs `check` (a password, a code, a re-authentication) as one attempt of `username` from
 * `address`. Over the limits (5 per username, 20 per address in 15 minutes) it is refused at once;
 * otherwise it is counted as a failure before `check` runs, in one write transaction, so attempts
 * sent at the same moment cannot all get through. A success forgives only itself: the other
 * failures in the window still count.
 */
export async function countedAttempt<V>(
  store: OfficerStore,
  input: { username: string; address: string; now: number },
  check: () => Promise<V | undefined> | V | undefined,
): Promise<Attempt<V>> {
  const attempt = await store.beginAttempt({
    username: input.username,
    address: input.address,
    now: input.now,
    since: input.now - LOGIN_LIMITS.windowMs,
    maxPerUser: LOGIN_LIMITS.maxPerUser,
    maxPerAddress: LOGIN_LIMITS.maxPerAddress,
  });
  if (attempt === undefined) return { ok: false, reason: 'locked' };
  const value = await check();
  if (value === undefined) return { ok: false, reason: 'invalid' };
  await store.endAttempt(attempt);
  return { ok: true, value };
}

/**
 * Starts a new session for the officer (a new token: whatever session the browser had is dropped,
 * so no session fixation) and sets its cookie. 'second_factor' sessions last 5 minutes and open
 * only the code page.
 */
export async function startSession(c: Ctx, store: OfficerStore, officer: Officer, now: number, stage: SessionStage): Promise<void> {
  const previous = c.get('session');
  if (previous) await store.deleteSession(previous.tokenHash);
  const token = newToken();
  const tokenHash = hashToken(token);
  const csrf = newToken();
  const expiresAt = now + (stage === 'full' ? SESSION_IDLE_MS : SECOND_FACTOR_WAIT_MS);
  await store.createSession({ tokenHash, officerId: officer.id, csrf, now, expiresAt, stage });
  setSessionCookie(c, token, expiresAt - now);
  dropCookie(c, LOGIN_CSRF_COOKIE);
  c.set('officer', stage === 'full' ? officer : null);
  c.set('session', { tokenHash, csrf, stage, officer, pendingTotpSecret: null });
}

/**
 * Checks throttling and the password, then starts a session and sets the cookie: a full one, or
 * (for an officer with a second factor) one that waits for the code.
 */
export async function login(
  c: Ctx,
  store: OfficerStore,
  input: { username: string; password: string; address: string; now: number },
): Promise<LoginResult> {
  const username = input.username.trim();
  const { now, address } = input;
  const result = await countedAttempt(store, { username, address, now }, async () => {
    const cred = username ? await store.credentials(username) : undefined;
    // Always run scrypt, so an unknown username takes as long as a wrong password.
    const matches = await verifyPassword(input.password, cred?.passwordHash ?? (await dummyPasswordHash()));
    return cred && matches && cred.disabledAt === null ? cred : undefined;
  });
  if (!result.ok) return result;
  await store.pruneSessions(now);
  await store.pruneFailures(now - LOGIN_LIMITS.windowMs);
  const { passwordHash: _omit, ...officer } = result.value;
  const stage: SessionStage = officer.secondFactor ? 'second_factor' : 'full';
  await startSession(c, store, officer, now, stage);
  return { ok: true, officer, stage };
}

/** Ends the current session: deletes its row and clears the cookie. */
export async function logout(c: Ctx, store: OfficerStore): Promise<void> {
  const session = c.get('session');
  if (session) await store.deleteSession(session.tokenHash);
  else {
    const token = getCookie(c, SESSION_COOKIE, prefixOf(c));
    if (token) await store.deleteSession(hashToken(token));
  }
  dropCookie(c, SESSION_COOKIE);
  c.set('officer', null);
  c.set('session', null);
}

/** Security headers for console pages: strict CSP, no framing, and no caching of personal data. */
export function consoleHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
  });
  return createMiddleware(async (c, next) => {
    await headers(c, next);
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
}
