// Console benchmark: the real officer console (createConsole, Hono) on a fresh SQLite file seeded with
// BENCH_CONSOLE_ROWS registrations, driven in-process through web.request() (no sockets): the CSV and
// XLSX exports of every registration, then the queue's first page, a deep keyset page, a filtered
// page and a name search, with every response checked against the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { pino } from 'pino';
import { createConsole } from '../src/console/app.js';
import { hashPassword } from '../src/console/security.js';
import { loadConfig } from '../src/config.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { client } from '../test/helpers/console.js';
import { seedRegistrations } from '../test/helpers/seed.js';

export interface ConsoleBenchOptions {
  /** Registrations to seed. */
  rows: number;
  log: (msg: string) => void;
  /** Timed requests per page kind (default 200). */
  requests?: number;
  /** How many `next` links to follow for the deep page (default 50). */
  deepPages?: number;
}

export interface ConsoleBenchResult {
  rows: number;
  seedMs: number;
  queueP50Ms: number;
  queueP99Ms: number;
  /** Page reached for the deep measurement (1 = first page). */
  deepPage: number;
  deepP50Ms: number;
  deepP99Ms: number;
  filterP50Ms: number;
  filterP99Ms: number;
  searchP50Ms: number;
  searchP99Ms: number;
  exportCsvMs: number;
  exportCsvBytes: number;
  exportRows: number;
  exportXlsxMs: number;
  exportXlsxBytes: number;
  /** RSS just before the exports, and the peak RSS seen while they ran. */
  rssMbBeforeExport: number;
  exportRssMb: number;
}

const PASSWORD = 'bench password 0123';
const WARMUP = 5;
/** A first name the seed (test/helpers/seed.ts, FIRST) gives to about one person in eight. */
const SEARCH_NAME = 'Siti';
const PAGE_LIMIT = 50; // the queue's default page size (DEFAULT_LIMIT in src/console/filters.ts)
/**
 * What a queue page may take at the median (first page and deep page): far above what an index gives
 * (a few ms), far below a scan of every registration. It was a bound in test/console/filters.test.ts,
 * where a busy machine broke it; timing belongs here.
 */
const QUEUE_PAGE_BUDGET_MS = 100;

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Nearest-rank percentile of a sorted array, as in bench/run.ts. */
const pct = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

class BenchFailure extends Error {}
function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new BenchFailure(`console: ${what}`);
}


/** Rows on a queue page: one link per registration. */
const pageRefs = (html: string) => [...html.matchAll(/<a href="\/registrations\/(LD-[0-9A-Z]{5})">/g)].map((m) => m[1]!);
/** The queue page's "next page" link (its `after` cursor), if any. */
const nextLink = (html: string) => {
  const m = /<a class="button secondary" href="(\/queue\?[^"]*after=[^"]*)"/.exec(html);
  return m ? unescapeHtml(m[1]!) : undefined;
};

/** The inflated bytes of one entry of a zip archive, found through the central directory (so data descriptors are fine). */
function unzipEntry(zip: Buffer, name: string): Buffer | undefined {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

function countOf(buf: Buffer, needle: string | number): number {
  const n = typeof needle === 'number' ? needle : Buffer.from(needle);
  const step = typeof n === 'number' ? 1 : n.length;
  let count = 0;
  for (let i = buf.indexOf(n); i >= 0; i = buf.indexOf(n, i + step)) count++;
  return count;
}

export async function runConsoleBench(opts: ConsoleBenchOptions): Promise<ConsoleBenchResult> {
  const { rows, log } = opts;
  const requests = opts.requests ?? 200;
  const deepPages = opts.deepPages ?? 50;
  if (!Number.isInteger(rows) || rows < 1) throw new Error('BENCH_CONSOLE_ROWS must be a positive integer');
  const dir = mkdtempSync(join(tmpdir(), 'lindung-bench-console-'));
  let runtime: Runtime | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    runtime = await createRuntime(loadConfig({ DATABASE_PATH: join(dir, 'console.db'), LOG_LEVEL: 'silent' }), {
      logger: pino({ level: 'silent' }),
    });
    const { db, settings } = runtime;

    log(`console: seeding ${rows} registrations`);
    const t0 = process.hrtime.bigint();
    seedRegistrations(db, rows, { settings, cipher: runtime.store.cipher }); // sealed like the app's; the returned rows are dropped: they are not needed, and they would weigh on RSS
    // The seed is one big transaction; fold its WAL into the main file as a running server's checkpoints would.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const seedMs = ms(t0);
    log(`console: seeded in ${(seedMs / 1000).toFixed(1)} s, rss ${mb(process.memoryUsage.rss())} MB`);

    // Expectations, computed straight from the table.
    const count = (where: string, ...params: unknown[]) =>
      (db.prepare(`SELECT count(*) AS n FROM registrations WHERE ${where}`).get(...params) as { n: number }).n;
    const openWhere = "status = 'submitted'"; // the queue's default filter, 'submitted' (waiting for a decision)
    const allWhere = "status <> 'deleted'"; // the 'all' filter
    const kecamatan = settings.areas[0]!.kecamatan;
    const expected = {
      open: count(openWhere),
      all: count(allWhere),
      kecamatan: count(`${allWhere} AND kecamatan = ?`, kecamatan),
      search: count(`${allWhere} AND (full_name LIKE ? OR full_name LIKE ?)`, `${SEARCH_NAME}%`, `% ${SEARCH_NAME}%`), // a search looks in every status
    };

    const { officers } = runtime.store;
    // An officer (an admin must enrol a second factor first); the export without full NIKs needs no permission.
    await officers.add({ username: 'bench', passwordHash: await hashPassword(PASSWORD), role: 'officer', now: Date.now() });
    const web = createConsole({
      app: runtime.app,
      store: runtime.store,
      regencies: runtime.regencies,
      translate: runtime.translate,
      timeZone: runtime.config.TIMEZONE,
      logger: pino({ level: 'silent' }),
    });
    const browser = client(web);
    // Log in like a browser: the login page sets the CSRF cookie and holds the same token in `_csrf`.
    const loggedIn = await browser.login('bench', PASSWORD);
    check(loggedIn.status === 303 && browser.jar.has('lindung_session'), `login: status ${loggedIn.status}, no session cookie`);

    /** GET a page as the logged-in officer: status 200 and the whole HTML. */
    const page = async (path: string): Promise<string> => {
      const res = await browser.fetch(path);
      const html = await res.text();
      check(res.status === 200, `GET ${path}: status ${res.status}: ${html.slice(0, 200)}`);
      return html;
    };

    /**
     * `requests` timed GETs of one page after WARMUP untimed ones. A request is timed from the call
     * to web.request() to the end of reading the body; `verify` then checks every response.
     */
    const timed = async (label: string, path: string, verify: (html: string) => void) => {
      for (let i = 0; i < WARMUP; i++) verify(await page(path));
      const lat = new Float64Array(requests);
      for (let i = 0; i < requests; i++) {
        const s = process.hrtime.bigint();
        const res = await browser.fetch(path);
        const html = await res.text();
        lat[i] = ms(s);
        check(res.status === 200, `GET ${path}: status ${res.status}`);
        verify(html);
      }
      lat.sort();
      const p50 = pct(lat, 0.5);
      const p99 = pct(lat, 0.99);
      log(`console: ${label}: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${requests} requests, ${path}), rss ${mb(process.memoryUsage.rss())} MB`);
      return { p50, p99 };
    };

    /** A full page of the filtered set, with the right total shown above the table. */
    const fullPage = (what: string, total: number, extra?: (html: string, refs: string[]) => void) => (html: string) => {
      const refs = pageRefs(html);
      check(refs.length === Math.min(PAGE_LIMIT, total), `${what}: ${refs.length} rows on the page`);
      check(html.includes(`${total} pendaftaran`), `${what}: the page does not show the total ${total}`);
      extra?.(html, refs);
    };

    // ---- exports of the 'all' set -------------------------------------------------------------------
    // First, so that the RSS readings start near what the seed left: page views add to it.
    const exported = await (async () => {
      const lastExport = db.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1");
      const auditedRows = () => (JSON.parse((lastExport.get() as { detail: string }).detail) as { rows: number }).rows;
      const rssBefore = process.memoryUsage.rss();
      let rssPeak = rssBefore;
      const sample = () => {
        const r = process.memoryUsage.rss();
        if (r > rssPeak) rssPeak = r;
      };
      sampler = setInterval(sample, 5);
      /** Downloads an export, reading the body chunk by chunk; `onChunk` sees every chunk. */
      const download = async (format: 'csv' | 'xlsx', onChunk: (chunk: Uint8Array) => void) => {
        const s = process.hrtime.bigint();
        const res = await browser.fetch(`/export?format=${format}&status=all`);
        check(res.status === 200 && res.body !== null, `export ${format}: status ${res.status}`);
        let bytes = 0;
        let chunks = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          onChunk(chunk);
          if (++chunks % 256 === 0) sample(); // the body comes about one row per chunk: reading RSS for each would cost more than the row
        }
        return { ms: ms(s), bytes, type: res.headers.get('content-type') ?? '' };
      };

      let csvHead = '';
      let newlines = 0;
      const csv = await download('csv', (chunk) => {
        const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (csvHead.length < 20) csvHead += buf.toString('utf8', 0, 20);
        newlines += countOf(buf, 0x0a);
      });
      const csvRows = newlines - 1; // the header, then one CRLF-ended line per registration (no field holds a line break)
      log(`console: CSV export: ${csvRows} rows, ${mb(csv.bytes)} MB in ${(csv.ms / 1000).toFixed(2)} s`);
      check(csv.type.startsWith('text/csv'), `export csv: content-type ${csv.type}`);
      check(csvHead.startsWith('\ufeffKode,Status,'), `export csv: unexpected start ${JSON.stringify(csvHead)}`);
      check(csvRows === expected.all, `export csv: ${csvRows} rows instead of ${expected.all}`);
      check(auditedRows() === expected.all, `export csv: the audit log records ${auditedRows()} rows`);

      const parts: Buffer[] = [];
      const xlsx = await download('xlsx', (chunk) => parts.push(Buffer.from(chunk)));
      clearInterval(sampler);
      log(`console: XLSX export: ${mb(xlsx.bytes)} MB in ${(xlsx.ms / 1000).toFixed(2)} s; RSS ${mb(rssBefore)} MB before the exports, peak ${mb(rssPeak)} MB`);
      check(xlsx.type.includes('spreadsheetml'), `export xlsx: content-type ${xlsx.type}`);
      check(auditedRows() === expected.all, `export xlsx: the audit log records ${auditedRows()} rows`);
      const sheet = unzipEntry(Buffer.concat(parts), 'xl/worksheets/sheet1.xml');
      check(sheet !== undefined, 'export xlsx: no xl/worksheets/sheet1.xml in the archive');
      const xlsxRows = countOf(sheet, '<row ') - 1; // minus the header row
      check(xlsxRows === expected.all, `export xlsx: ${xlsxRows} rows instead of ${expected.all}`);
      return { csv, csvRows, xlsx, rssBefore, rssPeak };
    })(); // the downloaded XLSX and its sheet are garbage from here on

    // ---- queue, first page ----------------------------------------------------------------------
    const firstRefs = (db.prepare(`SELECT reference FROM registrations WHERE ${openWhere} ORDER BY created_at, id LIMIT ?`).all(PAGE_LIMIT) as {
      reference: string;
    }[]).map((r) => r.reference);
    const queue = await timed('queue first page', '/queue', fullPage('queue', expected.open, (_h, refs) => {
      check(refs.join() === firstRefs.join(), 'queue: not the oldest open registrations, in order');
    }));

    // ---- deep page, reached through the keyset cursor ---------------------------------------------
    let deepPath = '/queue';
    let reached = 1;
    for (; reached <= deepPages; reached++) {
      const next = nextLink(await page(deepPath));
      if (!next) break;
      deepPath = next;
    }
    const offset = (reached - 1) * PAGE_LIMIT;
    const deepRefs = (db
      .prepare(`SELECT reference FROM registrations WHERE ${openWhere} ORDER BY created_at, id LIMIT ? OFFSET ?`)
      .all(PAGE_LIMIT, offset) as { reference: string }[]).map((r) => r.reference);
    const deep = await timed(`queue page ${reached}`, deepPath, (html) => {
      check(pageRefs(html).join() === deepRefs.join(), `deep page ${reached}: not rows ${offset + 1}..${offset + deepRefs.length} of the queue`);
    });

    const withinBudget = queue.p50 < QUEUE_PAGE_BUDGET_MS && deep.p50 < QUEUE_PAGE_BUDGET_MS;
    log(
      `console: queue page budget: first page p50 ${queue.p50.toFixed(2)} ms, page ${reached} p50 ${deep.p50.toFixed(2)} ms: ` +
        (withinBudget ? `within ${QUEUE_PAGE_BUDGET_MS} ms` : `OVER ${QUEUE_PAGE_BUDGET_MS} ms (is the queue still read from an index?)`),
    );

    // ---- a filter and a search ----------------------------------------------------------------------
    const filterPath = `/queue?${new URLSearchParams({ status: 'all', kecamatan })}`;
    const filter = await timed('filter', filterPath, fullPage('filter', expected.kecamatan, (html) => {
      check(html.split(`<small> · ${kecamatan}</small>`).length - 1 === Math.min(PAGE_LIMIT, expected.kecamatan), `filter: rows outside ${kecamatan}`);
    }));
    const search = await timed('name search', `/queue?q=${SEARCH_NAME}`, fullPage('search', expected.search));

    return {
      rows,
      seedMs,
      queueP50Ms: round(queue.p50, 2),
      queueP99Ms: round(queue.p99, 2),
      deepPage: reached,
      deepP50Ms: round(deep.p50, 2),
      deepP99Ms: round(deep.p99, 2),
      filterP50Ms: round(filter.p50, 2),
      filterP99Ms: round(filter.p99, 2),
      searchP50Ms: round(search.p50, 2),
      searchP99Ms: round(search.p99, 2),
      exportCsvMs: Math.round(exported.csv.ms),
      exportCsvBytes: exported.csv.bytes,
      exportRows: exported.csvRows,
      exportXlsxMs: Math.round(exported.xlsx.ms),
      exportXlsxBytes: exported.xlsx.bytes,
      rssMbBeforeExport: mb(exported.rssBefore),
      exportRssMb: mb(exported.rssPeak),
    };
  } finally {
    clearInterval(sampler);
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
