import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { Officer, OfficerStore } from '../storage/officers.js';
import { dummyPasswordHash, hashToken, LOGIN_LIMITS, newToken, safeEqual, verifyPassword } from './security.js';

/** The console session cookie (holds the raw token; the DB holds only its hash). */
export const SESSION_COOKIE = 'lindung_session';
/** Double-submit CSRF cookie for the login form, before any session exists. */
export const LOGIN_CSRF_COOKIE = 'lindung_login_csrf';
/** Sessions end after 8 hours without use (sliding). */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
/** A session's expiry is pushed forward at most this often, to spare a write per request. */
export const SESSION_TOUCH_MS = 60_000;

/** Hono env for every console route: who is logged in, and their session's CSRF token. */
export type ConsoleEnv = {
  Variables: { officer: Officer | null; session: { tokenHash: string; csrf: string } | null };
};

/** Result of a login attempt; 'invalid' never says whether the username exists. */
export type LoginResult = { ok: true; officer: Officer } | { ok: false; reason: 'invalid' | 'locked' };

type Ctx = Context<ConsoleEnv>;

/** True when the browser reached us over https (directly or via a proxy), so cookies get Secure. */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    maxAge: SESSION_IDLE_MS / 1000,
  });
}

/** Loads the session named by the cookie into `officer`/`session`, sliding its expiry. */
export function sessionMiddleware(store: OfficerStore, clock: () => number = Date.now): MiddlewareHandler<ConsoleEnv> {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    c.set('officer', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const now = clock();
      const tokenHash = hashToken(token);
      const s = store.sessionByHash(tokenHash, now);
      if (s) {
        c.set('officer', s.officer);
        c.set('session', { tokenHash, csrf: s.csrf });
        if (now - s.lastSeenAt >= SESSION_TOUCH_MS) {
          store.touchSession(tokenHash, now, now + SESSION_IDLE_MS);
          setSessionCookie(c, token);
        }
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
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

/** Where to go after login: only same-site paths, so ?next= cannot become an open redirect. */
export function safeNext(next: string | undefined | null, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

const loginCsrfIssued = new WeakMap<Request, string>();

function loginCsrf(c: Context): string {
  const issued = loginCsrfIssued.get(c.req.raw) ?? getCookie(c, LOGIN_CSRF_COOKIE);
  if (issued) return issued;
  const token = newToken();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c) });
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
    const expected = session ? session.csrf : getCookie(c, LOGIN_CSRF_COOKIE);
    const given = await submittedCsrf(c);
    if (!expected || !given || !safeEqual(given, expected)) {
      return c.text('Forbidden: the form has expired or is invalid. Reload the page and try again.', 403);
    }
    return next();
  });
}

/** Checks throttling and the password, then starts a session and sets the cookie. */
export async function login(
  c: Ctx,
  store: OfficerStore,
  input: { username: string; password: string; address: string; now: number },
): Promise<LoginResult> {
  const username = input.username.trim();
  const { now, address } = input;
  const failures = store.failuresSince(username, address, now - LOGIN_LIMITS.windowMs);
  if (failures.byUser >= LOGIN_LIMITS.maxPerUser || failures.byAddress >= LOGIN_LIMITS.maxPerAddress) {
    return { ok: false, reason: 'locked' };
  }
  const cred = username ? store.credentials(username) : undefined;
  // Always run scrypt, so an unknown username takes as long as a wrong password.
  const matches = await verifyPassword(input.password, cred?.passwordHash ?? (await dummyPasswordHash()));
  if (!cred || !matches || cred.disabledAt !== null) {
    store.recordFailure(username, address, now);
    return { ok: false, reason: 'invalid' };
  }
  store.clearFailures(username);
  store.pruneSessions(now);
  store.pruneFailures(now - LOGIN_LIMITS.windowMs);
  // No session fixation: whatever session the browser had before is dropped.
  const previous = c.get('session');
  if (previous) store.deleteSession(previous.tokenHash);
  const token = newToken();
  const tokenHash = hashToken(token);
  const csrf = newToken();
  store.createSession({ tokenHash, officerId: cred.id, csrf, now, expiresAt: now + SESSION_IDLE_MS });
  setSessionCookie(c, token);
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/' });
  const { passwordHash: _omit, ...officer } = cred;
  c.set('officer', officer);
  c.set('session', { tokenHash, csrf });
  return { ok: true, officer };
}

/** Ends the current session: deletes its row and clears the cookie. */
export function logout(c: Ctx, store: OfficerStore): void {
  const session = c.get('session');
  if (session) store.deleteSession(session.tokenHash);
  else {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) store.deleteSession(hashToken(token));
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
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
