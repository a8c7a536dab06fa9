/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Section } from '../core/access-copy.js';
import type { ConsoleEnv } from './auth.js';
import type { RouteDeps } from './deps.js';
import { formatWhen } from './labels.js';
import { Csrf, Layout, pageBase } from './layout.js';
import { notFoundPage, scopeOf, sees, seesRegency, visibleRecord } from './scope.js';

/** The copy's sections as the printed page shows them: a heading and a list each. */
function Sections({ sections }: { sections: readonly Section[] }) {
  return (
    <>
      {sections.map((s) => (
        <section class="card">
          <h2>{s.title}</h2>
          <ul>
            {s.lines.map((line) => (
              <li>
                {line
                  .replace(/^• /, '')
                  .split('\n')
                  .map((part, i) => (i === 0 ? part : [<br />, part.trim()]))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * The right of access for a request made at the office (UU 27/2022): from a registration, a
 * printable copy of everything held about its person and who has seen it — the same content as the
 * person's own copy in "Data saya". Looking at the GET page changes nothing; the POST (with the
 * CSRF token) makes the copy, records it in the audit log and the registration's history in the
 * same transaction, and answers with the page itself (it is the copy: never cached, never stored).
 */
export function accessRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { store, app, t, timeZone, clock } = deps;

  web.get('/registrations/:ref/access-copy', async (c) => {
    const record = visibleRecord(await store.registrations.record(c.req.param('ref')), scopeOf(c));
    if (!record) return notFoundPage(c, t, timeZone);
    const base = pageBase(c, t, timeZone);
    c.header('Cache-Control', 'no-store');
    return c.html(
      <Layout title={t('access.office.page_title', { reference: record.reference })} t={t} officer={base.officer} csrf={base.csrf} active="/queue">
        <p>{t('access.office.explain')}</p>
        <form method="post" action={`/registrations/${record.reference}/access-copy`}>
          <Csrf token={base.csrf} />
          <button type="submit">{t('access.office.make')}</button>
        </form>
        <p>
          <a href={`/registrations/${record.reference}`}>{t('access.office.back')}</a>
        </p>
      </Layout>,
    );
  });

  web.post('/registrations/:ref/access-copy', async (c) => {
    const record = visibleRecord(await store.registrations.record(c.req.param('ref')), scopeOf(c));
    if (!record) return notFoundPage(c, t, timeZone);
    const officer = c.get('officer')!;
    const now = clock();
    // Only what this office holds: another regency's (or agency's) registrations of the same person are not its to give.
    const scope = scopeOf(c);
    const only = { registration: (r: { regency: string; groupId: string | null }) => sees(scope, r), question: (regency: string) => seesRegency(scope, regency) };
    const sections = await store.transaction(async () => {
      await app.access.recordCopy({ personId: record.applicantId, by: 'officer', actorId: officer.username, officerId: officer.id, channel: null, now, only });
      return app.access.officeSections(record.applicantId, now, only);
    });
    const base = pageBase(c, t, timeZone);
    c.header('Cache-Control', 'no-store');
    return c.html(
      <Layout title={t('access.office.page_title', { reference: record.reference })} t={t} officer={base.officer} csrf={base.csrf} active="/queue">
        <p class="muted">{t('access.office.print_hint')}</p>
        <p class="muted">{t('access.office.made_by', { username: officer.username, when: formatWhen(now, timeZone) })}</p>
        <Sections sections={sections} />
        <p>
          <a href={`/registrations/${record.reference}`}>{t('access.office.back')}</a>
        </p>
      </Layout>,
    );
  });

  return web;
}
