// A cookie-keeping client for the console like test/helpers/console.ts's, that can also say who the
// direct peer is (as @hono/node-server would: env.incoming.socket.remoteAddress) and add headers
// to every request (X-Forwarded-For, X-Forwarded-Proto).
import type { Hono } from 'hono';
import type { ConsoleEnv } from '../../src/console/auth.js';
import { PASSWORD } from '../helpers/console.js';

export interface RequestOptions {
  /** The direct peer's address; none: as app.request() without a server. */
  peer?: string;
  headers?: Record<string, string>;
}

export function requestClient(web: Hono<ConsoleEnv>, opts: RequestOptions = {}) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  let csrf = '';
  const env = opts.peer ? { incoming: { socket: { remoteAddress: opts.peer, remotePort: 50000, remoteFamily: opts.peer.includes(':') ? 'IPv6' : 'IPv4' } } } : undefined;
  async function send(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers({ ...opts.headers, ...init.headers });
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await web.request(path, { method: init.method ?? 'GET', headers, body: init.body }, env);
    for (const c of res.headers.getSetCookie()) {
      setCookies.push(c);
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const [k, v] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (/max-age=0/i.test(c) || v === '') jar.delete(k);
      else jar.set(k, v);
    }
    return res;
  }
  const api = {
    jar,
    setCookies,
    get csrf() {
      return csrf;
    },
    send,
    async get(path: string): Promise<{ res: Response; html: string }> {
      const res = await send(path);
      const html = await res.text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (m) csrf = m[1]!;
      return { res, html };
    },
    /** Posts a form (with the CSRF token unless `_csrf` is given); `raw` bypasses URL encoding of the body. */
    async post(path: string, form: Record<string, string | string[]>, raw?: string): Promise<Response> {
      const body = new URLSearchParams();
      if (!('_csrf' in form)) body.append('_csrf', csrf);
      for (const [k, v] of Object.entries(form)) for (const item of ([] as string[]).concat(v)) body.append(k, item);
      return send(path, { method: 'POST', body: raw ?? body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    },
    /** The password step of a login (the login page first, for its CSRF cookie). */
    async login(username: string, password = PASSWORD, next = '/queue'): Promise<Response> {
      await api.get('/login');
      return api.post('/login', { username, password, next });
    },
  };
  return api;
}
