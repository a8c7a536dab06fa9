/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { parseReference } from '../domain/reference.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { QueueFilterSchema, searchKind, type QueueFilter } from '../domain/queue-filter.js';
import { samePageWith } from './paths.js';
import { QueuePage } from './pages/queue.js';

/** The queue filter's fields, as a search form posts them. */
const FILTER_FIELDS = ['q', 'status', 'kecamatan', 'desa', 'group', 'cadre', 'from', 'to', 'limit'] as const;

/** The filter's query string without the search text and the cursor (links on a NIK search's page). */
function withoutSearch(filter: QueueFilter): string {
  const params = new URLSearchParams();
  for (const k of FILTER_FIELDS) {
    const v = filter[k];
    if (k !== 'q' && v !== undefined && !(k === 'limit' && v === QueueFilterSchema.parse({}).limit)) params.set(k, String(v));
  }
  return params.toString();
}

/** The queue: its page, the search form and bulk decisions. */
export function queueRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, settings, timeZone, clock, t } = deps;
  const { officers, registrations } = store;
  const byRef = (reference: string) => registrations.record(reference);
  const audit = (officerId: number, action: string, registrationId: number | null, detail?: Record<string, unknown>) =>
    officers.audit({ officerId, action, registrationId, detail, now: clock() });

  /**
   * The queue page for a filter. A NIK search is audited (that it happened and how many it found,
   * never the NIK) and its page links nowhere with the NIK: no paging or export links, and the bulk
   * approval comes back to the queue without it.
   */
  const queuePage = (c: ConsoleContext, filter: QueueFilter, flash = pageBase(c, t, timeZone).flash) => {
    const page = store.queue.page(filter, timeZone);
    // Rows whose person withdrew consent after approval: waiting for an officer, or kept (an erased one is just deleted).
    const withdrawn = new Map<number, 'pending' | 'kept'>();
    for (const r of page.rows) {
      const state = r.consentWithdrawnAt === null ? undefined : store.withdrawals.state(r.id);
      if (state?.pending) withdrawn.set(r.id, 'pending');
      else if (state?.keptAt != null) withdrawn.set(r.id, 'kept');
    }
    // A NIK or phone number searched for: audited without it, and kept out of every link.
    const kind = filter.q === undefined ? undefined : searchKind(filter.q).kind;
    const privateSearch = kind === 'nik' || kind === 'phone' ? kind : undefined;
    const nikSearch = privateSearch !== undefined;
    if (privateSearch) audit(c.get('officer')!.id, `search_${privateSearch}`, null, { results: page.total });
    return c.html(
      <QueuePage
        {...pageBase(c, t, timeZone)}
        settings={settings}
        filter={filter}
        rows={page.rows}
        total={page.total}
        next={nikSearch ? null : page.next}
        query={nikSearch ? withoutSearch(filter) : new URL(c.req.url).search.slice(1)}
        nikSearch={nikSearch}
        privateSearch={privateSearch}
        cadres={store.cadres.list()}
        withdrawn={withdrawn}
        pendingWithdrawals={store.withdrawals.pending(10)}
        flash={flash}
      />,
    );
  };

  web.get('/queue', (c) => {
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    if (parsed.success) return queuePage(c, parsed.data);
    return queuePage(c, QueueFilterSchema.parse({}), { text: t('console.flash.bad_filter'), error: true });
  });

  // The search form posts, so a NIK typed in it never becomes part of a URL (server and proxy logs,
  // history, Referer): a NIK search is answered right here; anything else goes on to GET /queue.
  web.post('/queue', async (c) => {
    const body = await c.req.parseBody();
    const given: Record<string, string> = {};
    for (const k of FILTER_FIELDS) {
      const v = body[k];
      if (typeof v === 'string' && v.trim() !== '') given[k] = v;
    }
    const parsed = QueueFilterSchema.safeParse(given);
    if (!parsed.success) return c.redirect('/queue?err=bad_filter', 303);
    const kind = parsed.data.q === undefined ? undefined : searchKind(parsed.data.q).kind;
    if (kind === 'nik' || kind === 'phone') return queuePage(c, parsed.data);
    return c.redirect(`/queue?${new URLSearchParams(given).toString()}`, 303);
  });

  web.post('/queue/approve', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const refs = ([] as unknown[]).concat(body.ref ?? []).map(String).filter((r) => parseReference(r));
    const officer = c.get('officer')!;
    let done = 0;
    for (const ref of refs) {
      const row = byRef(ref);
      if (!row || row.status !== 'submitted') continue;
      app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: officer.username } }, { officerId: officer.id, action: 'approve', detail: { bulk: true } });
      done++;
    }
    return c.redirect(samePageWith(body.back, '/queue', { ok: done ? 'bulk_approved' : 'nothing_selected' }), 303);
  });

  return web;
}
