/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { parseReference } from '../domain/reference.js';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { MAX_LIMIT, QueueFilterSchema, searchKind, STATUS_FILTERS, TEST_CHANNEL, type QueueFilter } from '../domain/queue-filter.js';
import { samePageWith } from './paths.js';
import { QueuePage } from './pages/queue.js';
import { BulkApprovePage, type BulkCandidate, type BulkSkip } from './pages/bulk-approve.js';
import { statusLabel } from './labels.js';
import { clockTime } from './detail-words.js';
import type { NoticeView } from './pages/decision.js';
import { askedRegency, groupsIn, rowScope, scopedRegencies, scopeOf, visibleRecord, type Scope } from './scope.js';

/** The queue filter's fields, as a search form posts them. */
const FILTER_FIELDS = ['q', 'status', 'kecamatan', 'desa', 'group', 'cadre', 'from', 'to', 'limit', 'test'] as const;

/** Notices of the last action: not part of the page's filter, so kept out of its links. */
const NOTICES = ['ok', 'err', 'approved', 'skipped', 'done', 'undone', 'kept'];

/** The select-all script of the queue page (the CSP allows no inline script). */
const QUEUE_JS = `// The queue's select-all box: it ticks every row's box; unticking a row clears it.
(function () {
  var all = document.getElementById('pick-all');
  if (!all) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll('table.queue tbody input[name="ref"]'));
  function sync() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    all.checked = n > 0 && n === boxes.length;
    all.indeterminate = n > 0 && n < boxes.length;
  }
  all.addEventListener('change', function () {
    var on = all.checked;
    boxes.forEach(function (b) { b.checked = on; });
    sync();
  });
  boxes.forEach(function (b) { b.addEventListener('change', sync); });
  window.addEventListener('pageshow', sync);
  sync();
})();
`;

/** The queue's regency filter (`?regency=63.03`), beside the filter's own fields: only offered when an officer sees several. */
const REGENCY = 'regency';

/** The filter's query string without the search text and the cursor (links on a NIK search's page). */
function withoutSearch(filter: QueueFilter, regency: string | undefined): string {
  const params = new URLSearchParams();
  for (const k of FILTER_FIELDS) {
    const v = filter[k];
    if (k !== 'q' && v !== undefined && !(k === 'limit' && v === QueueFilterSchema.parse({}).limit)) params.set(k, String(v));
  }
  if (regency !== undefined) params.set(REGENCY, regency);
  return params.toString();
}

/**
 * A search that must stay out of URLs and is audited without its text: a NIK, or a phone number
 * (an 11-digit number that may be a KPJ or a phone number written without its 0 counts as one).
 */
function privateKind(q: string | undefined): 'nik' | 'phone' | undefined {
  if (q === undefined) return undefined;
  const s = searchKind(q);
  return s.kind === 'nik' ? 'nik' : s.kind === 'phone' || (s.kind === 'kpj' && s.phone !== undefined) ? 'phone' : undefined;
}

/** A small count from a query or form field (the bulk approval's notice), else undefined. */
const smallCount = (v: unknown): number | undefined => (typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : undefined);

/** The queue: its page, the search form and bulk decisions. */
export function queueRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, regencies, timeZone, clock, t, audit } = deps;
  const { registrations } = store;
  /** A registration the officer may see (one outside their scope is as good as missing). */
  const byRef = async (reference: string, scope: Scope) => visibleRecord(await registrations.record(reference), scope);
  /** The references of `values` that name a registration the officer may see, at most MAX_LIMIT, in order (`unique`: each once). */
  const visibleRefs = async (values: readonly unknown[], scope: Scope, unique = false): Promise<string[]> => {
    const refs: string[] = [];
    for (const value of values) {
      if (refs.length >= MAX_LIMIT) break;
      const r = parseReference(String(value));
      if (r === undefined || (unique && refs.includes(r))) continue;
      if ((await byRef(r, scope)) !== undefined) refs.push(r);
    }
    return refs;
  };

  /** The flash of an undone bulk approval, with its figures; else whatever pageBase makes of ?ok= / ?err=. */
  const flashOf = (c: ConsoleContext) => {
    // A bulk approval's notice is its own block (bulkNotice), with the undo button.
    if (c.req.query('ok') === 'bulk_approved' && smallCount(c.req.query('approved')) !== undefined) return undefined;
    const undone = smallCount(c.req.query('undone'));
    if (c.req.query('ok') !== 'bulk_undone' || undone === undefined) return pageBase(c, t, timeZone).flash;
    const kept = smallCount(c.req.query('kept')) ?? 0;
    return { text: kept > 0 ? t('console.queue.bulk.undone_partly', { undone, kept }) : t('console.queue.bulk.undone', { undone }) };
  };

  /**
   * After a bulk approval (?ok=bulk_approved&done=…): how many were approved and skipped, when the
   * people are told, and one button that takes back those of them this officer can still undo.
   */
  const bulkNotice = async (c: ConsoleContext): Promise<NoticeView | undefined> => {
    const approved = smallCount(c.req.query('approved'));
    if (c.req.query('ok') !== 'bulk_approved' || approved === undefined) return undefined;
    const skipped = smallCount(c.req.query('skipped')) ?? 0;
    const officer = c.get('officer')!;
    const scope = scopeOf(c);
    const now = clock();
    const refs = await visibleRefs((c.req.query('done') ?? '').split(','), scope);
    const open = [];
    for (const reference of refs) {
      const held = await app.decisions.held(reference);
      // Its latest status change (any later one, or an undo, would be the latest instead).
      if (held && held.officerId === officer.id && held.to === 'approved' && now < held.undoUntil) open.push({ reference, held });
    }
    const lines = [skipped > 0 ? t('console.queue.bulk.done_skipped', { approved, skipped }) : t('console.queue.bulk.done', { approved })];
    if (open.length === 0) {
      lines.push(t(app.decisions.undoMs === 0 ? 'console.detail.done_now' : 'console.detail.done_sent'));
      return { lines };
    }
    const until = Math.min(...open.map((o) => o.held.undoUntil));
    lines.push(t('console.queue.bulk.held', { time: clockTime(until, timeZone) }));
    const here = new URL(c.req.url);
    for (const k of NOTICES) here.searchParams.delete(k);
    return { lines, undo: { action: '/queue/undo', back: `${here.pathname}${here.search}`, refs: open.map((o) => o.reference), label: t('console.queue.bulk.undo', { n: open.length }), remainingMs: until - now } };
  };

  /**
   * The queue page for a filter. A NIK search is audited (that it happened and how many it found,
   * never the NIK) and its page links nowhere with the NIK: no paging or export links, and the bulk
   * approval comes back to the queue without it. `statusChosen`: the status came from the request
   * (a tab), not from the default.
   */
  const queuePage = async (c: ConsoleContext, filter: QueueFilter, statusChosen: boolean, flash = flashOf(c), regency?: string) => {
    const scope = scopeOf(c);
    const rs = rowScope(scope, regency);
    const page = await store.queue.page(filter, timeZone, rs);
    // Rows whose person withdrew consent after approval: waiting for an officer, or kept (an erased one is just deleted).
    const withdrawn = new Map<number, 'pending' | 'kept'>();
    for (const r of page.rows) {
      const state = r.consentWithdrawnAt === null ? undefined : await store.withdrawals.state(r.id);
      if (state?.pending) withdrawn.set(r.id, 'pending');
      else if (state?.keptAt != null) withdrawn.set(r.id, 'kept');
    }
    // A NIK or phone number searched for: audited without it, and kept out of every link.
    const privateSearch = privateKind(filter.q);
    const nikSearch = privateSearch !== undefined;
    if (privateSearch) await audit(c.get('officer')!.id, `search_${privateSearch}`, null, { results: page.total });
    // The tabs' figures: per status of a search, or how many wait on each side of the plain queue.
    const searching = filter.q !== undefined;
    const counts = await store.queue.counts(filter, searching ? 'all' : 'open', timeZone, rs);
    const inAll = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    const elsewhere = searching && statusChosen && page.total === 0 && inAll > 0 ? inAll : undefined;
    const query = new URLSearchParams(nikSearch ? withoutSearch(filter, regency) : new URL(c.req.url).search);
    for (const k of NOTICES) query.delete(k);
    const inScope = scopedRegencies(scope, regencies);
    // The filters offer the chosen regency's areas and the officer's groups; rows are labelled in their own regency's words.
    const shown = inScope.filter((r) => regency === undefined || r.key === regency);
    const cadres = (await store.cadres.list()).filter((k) => shown.some((r) => r.key === k.regency));
    const pendingWithdrawals = await store.queue.pendingWithdrawals(10, rs);
    const notice = await bulkNotice(c);
    return c.html(
      <QueuePage
        {...pageBase(c, t, timeZone)}
        regencies={inScope}
        areas={shown.map((r) => ({ name: r.name, areas: r.settings.areas }))}
        groups={[...new Map(shown.flatMap((r) => groupsIn(scope, r.settings)).map((g) => [g.id, g])).values()]}
        regency={regency}
        settingsOf={(key) => regencies.get(key)}
        readOnly={scope.readOnly}
        filter={filter}
        statusChosen={statusChosen}
        rows={page.rows}
        total={page.total}
        next={nikSearch ? null : page.next}
        query={query.toString()}
        nikSearch={nikSearch}
        privateSearch={privateSearch}
        cadres={cadres}
        withdrawn={withdrawn}
        pendingWithdrawals={pendingWithdrawals}
        counts={nikSearch ? undefined : counts}
        elsewhere={elsewhere}
        now={clock()}
        flash={flash}
        notice={notice}
      />,
    );
  };

  web.get('/static/queue.js', (c) => c.body(QUEUE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  web.get('/queue', (c) => {
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    const asked = askedRegency(c.req.query(REGENCY), scopeOf(c));
    const statusChosen = (c.req.query('status') ?? '').trim() !== '';
    if (parsed.success && asked.ok) return queuePage(c, parsed.data, statusChosen, undefined, asked.regency);
    return queuePage(c, QueueFilterSchema.parse({}), false, { text: t('console.flash.bad_filter'), error: true });
  });

  // The search form posts, so a NIK typed in it never becomes part of a URL (server and proxy logs,
  // history, Referer): a NIK search is answered right here; anything else goes on to GET /queue.
  // The form carries the tab it was on (`tab`): kept when it filters, dropped when it searches, so
  // a search looks in every status unless a status is chosen (`status`, or a tab of the results).
  web.post('/queue', async (c) => {
    const body = await c.req.parseBody();
    const given: Record<string, string> = {};
    for (const k of FILTER_FIELDS) {
      const v = body[k];
      if (typeof v === 'string' && v.trim() !== '') given[k] = v;
    }
    const tab = body.tab;
    if (given.status === undefined && given.q === undefined && typeof tab === 'string' && (STATUS_FILTERS as readonly string[]).includes(tab)) {
      given.status = tab;
    }
    const parsed = QueueFilterSchema.safeParse(given);
    const asked = askedRegency(typeof body[REGENCY] === 'string' ? body[REGENCY] : undefined, scopeOf(c));
    if (!parsed.success || !asked.ok) return c.redirect('/queue?err=bad_filter', 303);
    if (privateKind(parsed.data.q)) return queuePage(c, parsed.data, given.status !== undefined, undefined, asked.regency);
    const query = new URLSearchParams(FILTER_FIELDS.flatMap((k) => (given[k] === undefined ? [] : [[k, given[k]]])));
    if (asked.regency !== undefined) query.set(REGENCY, asked.regency);
    return c.redirect(query.size > 0 ? `/queue?${query.toString()}` : '/queue', 303);
  });

  /**
   * Bulk approval in two steps: the ticked rows (or, with the select-all box, every row of the
   * page) are first shown with their count and what will be skipped; only the confirmed post
   * (`confirm=1`) approves. A registration that is not waiting for a decision, or whose consent
   * withdrawal waits for an officer, is skipped at both steps and counted.
   */
  web.post('/queue/approve', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const list = (v: unknown) => ([] as unknown[]).concat(v ?? []).map(String);
    const picked = body.all === '1' ? list(body.page_ref) : list(body.ref);
    const refs = [...new Set(picked.map((r) => parseReference(r)).filter((r): r is string => r !== undefined))].slice(0, MAX_LIMIT);
    // Back to the queue page it came from (only ever the queue), without the notices of an earlier action.
    const back = new URL(samePageWith(body.back, '/queue', {}), 'http://console.invalid');
    for (const k of NOTICES) back.searchParams.delete(k);
    const backWith = (extra: Record<string, string>) => samePageWith(`${back.pathname}${back.search}`, '/queue', extra);
    if (refs.length === 0) return c.redirect(backWith({ err: 'nothing_selected' }), 303);

    const approvable: BulkCandidate[] = [];
    const skipped: BulkSkip[] = [];
    const scope = scopeOf(c);
    for (const reference of refs) {
      // One outside the officer's scope is skipped as missing: the page never says it exists.
      const row = await byRef(reference, scope);
      if (!row) skipped.push({ reference, reason: t('console.queue.bulk.reason_missing') });
      else if (row.status !== 'submitted') skipped.push({ reference, reason: t('console.queue.bulk.reason_status', { status: statusLabel(t, row.status) }) });
      else if (await store.withdrawals.isPending(row.id)) skipped.push({ reference, reason: t('console.queue.bulk.reason_withdrawal') });
      else approvable.push({ reference, name: row.data?.fullName ?? null, place: `${row.data?.desa ?? '-'}, ${row.data?.kecamatan ?? '-'}`, test: row.channel === TEST_CHANNEL });
    }

    if (body.confirm !== '1') {
      return c.html(<BulkApprovePage {...pageBase(c, t, timeZone)} approvable={approvable} skipped={skipped} back={backWith({})} undoSeconds={Math.round(app.decisions.undoMs / 1000)} />);
    }
    const officer = c.get('officer')!;
    // One transaction; each approval held for the undo window like one made on its page (app/decisions.ts).
    const refsDone = approvable.map((a) => a.reference);
    if (refsDone.length > 0) await app.decisions.decideMany(refsDone, { kind: 'approve' }, { id: officer.id, username: officer.username }, { bulk: true });
    const before = smallCount(body.skipped) ?? 0;
    return c.redirect(
      backWith({ ok: 'bulk_approved', approved: String(approvable.length), skipped: String(before + skipped.length), done: refsDone.join(',') }),
      303,
    );
  });

  /** Takes back a bulk approval: those of its registrations whose window is still open for this officer. */
  web.post('/queue/undo', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const scope = scopeOf(c);
    const refs = await visibleRefs(([] as unknown[]).concat(body.ref ?? []), scope, true);
    const officer = c.get('officer')!;
    const outcomes = refs.length ? await app.decisions.undoMany(refs, { id: officer.id, username: officer.username }) : [];
    const undone = outcomes.filter((o) => o === 'undone').length;
    const back: Record<string, string> = refs.length > 0 ? { ok: 'bulk_undone', undone: String(undone), kept: String(refs.length - undone) } : { err: 'undo_nothing' };
    return c.redirect(samePageWith(body.back, '/queue', back), 303);
  });

  return web;
}
