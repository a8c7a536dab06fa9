/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { PassThrough } from 'node:stream';
import { maskNik } from '../domain/nik.js';
import { QueueFilterSchema, searchKind, type QueueFilter } from '../domain/queue-filter.js';
import type { Officer } from '../storage/officers.js';
import type { ExportRecord } from '../storage/queue.js';
import { countedAttempt, type ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { EXPORT_PRESETS, exportColumns, exportRows, maskNationalPhone, writeCsv, writeXlsx, type ExportPreset, type ExportRow } from './export.js';
import { pageBase, type ConsoleContext } from './layout.js';
import { FIELD_LIMITS } from './limits.js';
import { ExportFullPage } from './pages/export.js';
import { checkSecondFactor } from './second-factor.js';
import { verifyPassword } from './security.js';
import { askedRegency, rowScope, scopedRegencies, scopeOf } from './scope.js';

/** Full: NIK and phone as stored (needs the permission and a fresh re-authentication); masked: as in the queue. */
type NikMode = 'full' | 'masked';

/** The filter as the audit keeps it: no paging, and a NIK searched for is not written down; the regency chosen, if one. */
export function auditedFilter(filter: QueueFilter, regency?: string): Record<string, unknown> {
  const { after: _a, limit: _l, q, ...rest } = filter;
  const withRegency = regency === undefined ? rest : { ...rest, regency };
  if (q === undefined) return withRegency;
  const kind = searchKind(q).kind;
  return { ...withRegency, q: kind === 'nik' ? '[NIK]' : kind === 'phone' ? '[HP]' : q };
}

/** The filter's query string for links and forms (no paging), with the regency chosen. */
function filterQuery(filter: QueueFilter, regency: string | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (k !== 'after' && k !== 'limit' && v !== undefined) params.set(k, String(v));
  if (regency !== undefined) params.set('regency', regency);
  return params.toString();
}

async function* masked(rows: AsyncIterable<ExportRow>): AsyncGenerator<ExportRow> {
  for await (const r of rows) {
    yield { ...r, nik: typeof r.nik === 'string' ? maskNik(r.nik) : r.nik ?? null, phone: typeof r.phone === 'string' ? maskNationalPhone(r.phone) : r.phone ?? null };
  }
}

/** Passes the records on, keeping each one's id (for the audit: which registrations an export held). */
async function* noting(records: AsyncIterable<ExportRecord>, ids: number[]): AsyncGenerator<ExportRecord> {
  for await (const r of records) {
    ids.push(r.id);
    yield r;
  }
}

/**
 * Leaves out registrations whose person withdrew consent after approval while no officer has acted
 * on it (erased, or kept for a legal reason), counting them for the audit entry.
 */
async function* withoutPendingWithdrawals(
  records: AsyncIterable<ExportRecord>,
  isPending: (id: number) => Promise<boolean>,
  withheld: { n: number },
): AsyncGenerator<ExportRecord> {
  for await (const r of records) {
    if (r.consent_withdrawn_at != null && (await isPending(r.id))) withheld.n++;
    else yield r;
  }
}

/**
 * Export of the filtered registrations. Everyone gets NIK and phone masked (GET /export); the full
 * values only an officer with the export permission, with the password (and code) given again in
 * the same request (POST /export/full). Every export is audited with the registrations it held.
 */
export function exportRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, regencies, timeZone, clock, t, logger, secretBox, addressOf } = deps;
  const { officers } = store;

  /**
   * Streams the export of the officer's scope (narrowed to `regency` when one is chosen). An officer
   * who sees several regencies gets a "Kabupaten" column; each row is written in its own regency's
   * words (groups, occupations, who pays).
   */
  function sendExport(
    c: ConsoleContext,
    opts: { filter: QueueFilter; regency?: string | undefined; format: 'csv' | 'xlsx'; preset: ExportPreset; nik: NikMode; officer: Officer; extra?: Record<string, unknown> },
  ) {
    const { filter, format, preset, nik, officer, regency } = opts;
    const scope = scopeOf(c);
    const rs = rowScope(scope, regency);
    const several = scope.regencies.length > 1;
    const inFile = scopedRegencies(scope, regencies).filter((r) => regency === undefined || r.key === regency);
    const stamp = new Date(clock()).toISOString().slice(0, 10);
    const place = several && regency !== undefined ? `${regency}-` : '';
    const name = `lindung-${place}${filter.status}-${stamp}${preset === 'bpjs' ? '-bpjs' : ''}${nik === 'full' ? '-nik' : ''}.${format}`;
    c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${name}"`);
    return stream(
      c,
      async (out) => {
        const ids: number[] = [];
        const withheld = { n: 0 };
        const records = noting(withoutPendingWithdrawals(store.queue.exportRecords(filter, timeZone, rs), store.withdrawals.isPending, withheld), ids);
        const formatted = exportRows(records, timeZone, (key) => regencies.get(key), app.schema, t, several ? (key) => regencies.name(key) : undefined);
        const rows = nik === 'masked' ? masked(formatted) : formatted;
        const columns = exportColumns(app.schema, t, preset, inFile.map((r) => r.settings), { regency: several });
        const pass = new PassThrough();
        const written = format === 'csv' ? writeCsv(rows, pass, columns) : writeXlsx(rows, pass, columns);
        written.catch(() => undefined); // awaited below; an abort in between must not leave it unhandled
        let count: number | undefined;
        try {
          for await (const chunk of pass) await out.write(chunk as Uint8Array);
          count = await written;
        } finally {
          await records.return(undefined); // stops reading pages for an export cut short
          const detail = {
            format,
            filter: auditedFilter(filter, regency),
            rows: count ?? ids.length,
            nik,
            ...(preset === 'bpjs' ? { preset } : {}),
            ...opts.extra,
            ...(withheld.n > 0 ? { withheld_withdrawn: withheld.n } : {}),
            ...(count === undefined ? { complete: false } : {}),
          };
          await officers.auditExport({ officerId: officer.id, detail, registrationIds: ids, regency: regency ?? (scope.regencies.length === 1 ? scope.regencies[0] : null), now: clock() });
        }
      },
      async (err) => logger.error({ err }, 'export failed'),
    );
  }

  const parseFormat = (v: unknown): 'csv' | 'xlsx' => (v === 'xlsx' ? 'xlsx' : 'csv');
  /** `preset=bpjs`: only the columns BPJS's entry needs, in its order; anything else: every column. */
  const parsePreset = (v: unknown): ExportPreset => (EXPORT_PRESETS.find((p) => p === v) ?? 'all');

  web.get('/export', (c) => {
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    const asked = askedRegency(c.req.query('regency'), scopeOf(c));
    if (!parsed.success || !asked.ok) return c.redirect('/queue?err=bad_filter', 303);
    return sendExport(c, {
      filter: parsed.data,
      regency: asked.regency,
      format: parseFormat(c.req.query('format')),
      preset: parsePreset(c.req.query('preset')),
      nik: 'masked',
      officer: c.get('officer')!,
    });
  });

  const notAllowed = (c: ConsoleContext) => c.html(`<!doctype html><meta charset="utf-8"><title>403</title><p>${t('console.export.not_allowed')}</p>`, 403);

  web.get('/export/full', (c) => {
    if (!c.get('officer')!.exportNik) return notAllowed(c);
    const parsed = QueueFilterSchema.safeParse(c.req.query());
    const asked = askedRegency(c.req.query('regency'), scopeOf(c));
    if (!parsed.success || !asked.ok) return c.redirect('/queue?err=bad_filter', 303);
    return c.html(
      <ExportFullPage
        {...pageBase(c, t, timeZone)}
        query={filterQuery(parsed.data, asked.regency)}
        format={parseFormat(c.req.query('format'))}
        preset={parsePreset(c.req.query('preset'))}
      />,
    );
  });

  web.post('/export/full', async (c) => {
    const officer = c.get('officer')!;
    if (!officer.exportNik) return notAllowed(c);
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const given = Object.fromEntries(new URLSearchParams(text('query').slice(0, FIELD_LIMITS.next)));
    const parsed = QueueFilterSchema.safeParse(given);
    const asked = askedRegency(given.regency, scopeOf(c));
    if (!parsed.success || !asked.ok) return c.redirect('/queue?err=bad_filter', 303);
    const format = parseFormat(body.format);
    const preset = parsePreset(body.preset);
    const page = (error: string, status: 400 | 401 | 429) =>
      c.html(<ExportFullPage {...pageBase(c, t, timeZone)} flash={{ text: error, error: true }} query={filterQuery(parsed.data, asked.regency)} format={format} preset={preset} />, status);
    const password = text('password');
    const code = text('code');
    if (password.length > FIELD_LIMITS.password || code.length > FIELD_LIMITS.code) return page(t('console.login.too_long'), 400);
    const now = clock();
    // Re-authentication counts against the same limits as a login.
    const result = await countedAttempt(officers, { username: officer.username, address: addressOf(c), now }, async () => {
      const cred = await officers.credentials(officer.username);
      if (!cred || !(await verifyPassword(password, cred.passwordHash))) return undefined;
      if (!officer.secondFactor) return 'password';
      return (await checkSecondFactor(officers, secretBox, officer.id, code, now)) ? 'password+second_factor' : undefined;
    });
    if (!result.ok) {
      if (result.reason === 'invalid') await officers.audit({ officerId: officer.id, action: 'login_failed', detail: { step: 'export' }, now });
      return result.reason === 'locked' ? page(t('console.login.locked'), 429) : page(t('console.export.invalid'), 401);
    }
    return sendExport(c, { filter: parsed.data, regency: asked.regency, format, preset, nik: 'full', officer, extra: { reauthenticated: result.value } });
  });

  return web;
}
