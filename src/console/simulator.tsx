/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { SimulatorPage, type TranscriptLine } from './pages/simulator.js';
import { QueueFilterSchema, TEST_CHANNEL } from '../domain/queue-filter.js';
import { rowScope, scopeOf } from './scope.js';

/** The channel name of the browser chat simulator: what it registers is a test registration (domain/queue-filter.ts). */
export const WEB_CHANNEL = TEST_CHANNEL;
/** The test registrations the page lists (the first few; the queue has them all). */
const LIST_TESTS = QueueFilterSchema.parse({ status: 'all', test: 'only', limit: 5 });
const KEEP = 60;

/**
 * The chat simulator: an officer talks to the bot as a test person (channel "web", one test person
 * per officer) through the same app and engine, to try the flows before going live. What it
 * registers is a test registration: marked, and left out of the queue and exports unless asked.
 */
export function simulatorRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { app, store, t, timeZone, regencies } = deps;
  // The transcript is for the screen only; the conversation itself lives in SQLite like any other.
  const transcripts = new Map<string, TranscriptLine[]>();
  const testPerson = (officerId: number) => `officer-${officerId}`;

  web.get('/simulator', async (c) => {
    const id = testPerson(c.get('officer')!.id);
    // The test registrations of the officer's own regencies (and groups), as their queue lists them.
    const tests = await store.queue.page(LIST_TESTS, timeZone, rowScope(scopeOf(c)));
    return c.html(<SimulatorPage {...pageBase(c, t, timeZone)} transcript={transcripts.get(id) ?? []} tests={tests} />);
  });

  web.post('/simulator', async (c) => {
    const body = await c.req.parseBody();
    const text = String(body.text ?? '').slice(0, 1000);
    const id = testPerson(c.get('officer')!.id);
    const lines = transcripts.get(id) ?? [];
    lines.push({ from: 'me', reply: { text } });
    // An officer of one regency tries the bot as their regency's worker would meet it (an entry point of theirs).
    const scope = scopeOf(c);
    const regency = regencies.several && scope.regencies.length === 1 ? scope.regencies[0] : undefined;
    await app.handle({ channel: WEB_CHANNEL, externalId: id, text, ...(regency ? { regency } : {}) });
    // The simulator is this channel's sender: it takes its replies from the outbox.
    for (const m of await app.outbox.due(WEB_CHANNEL, app.clock(), 500)) {
      if (m.externalId === id) {
        lines.push({ from: 'bot', reply: m.reply });
        await app.outbox.markSent(m.id);
      }
    }
    transcripts.set(id, lines.slice(-KEEP));
    return c.redirect('/simulator', 303);
  });

  web.post('/simulator/reset', async (c) => {
    const id = testPerson(c.get('officer')!.id);
    transcripts.delete(id);
    await app.people.forgetConversation(WEB_CHANNEL, id);
    return c.redirect('/simulator', 303);
  });
  return web;
}
