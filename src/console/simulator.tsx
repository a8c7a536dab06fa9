/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { RouteDeps } from './deps.js';
import { pageBase } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { SimulatorPage, type TranscriptLine } from './pages/misc.js';

/** The channel name of the browser chat simulator. */
export const WEB_CHANNEL = 'web';
const KEEP = 60;

/**
 * The chat simulator: an officer talks to the bot as a test person (channel "web", one test person
 * per officer) through the same app and engine, to try the flows before going live.
 */
export function simulatorRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { app, t, timeZone } = deps;
  // The transcript is for the screen only; the conversation itself lives in SQLite like any other.
  const transcripts = new Map<string, TranscriptLine[]>();
  const testPerson = (officerId: number) => `officer-${officerId}`;

  web.get('/simulator', (c) => {
    const id = testPerson(c.get('officer')!.id);
    return c.html(<SimulatorPage {...pageBase(c, t, timeZone)} transcript={transcripts.get(id) ?? []} />);
  });

  web.post('/simulator', async (c) => {
    const body = await c.req.parseBody();
    const text = String(body.text ?? '').slice(0, 1000);
    const id = testPerson(c.get('officer')!.id);
    const lines = transcripts.get(id) ?? [];
    lines.push({ from: 'me', reply: { text } });
    await app.handle({ channel: WEB_CHANNEL, externalId: id, text });
    // The simulator is this channel's sender: it takes its replies from the outbox.
    for (const m of app.outbox.due(WEB_CHANNEL, app.clock(), 500)) {
      if (m.externalId === id) {
        lines.push({ from: 'bot', reply: m.reply });
        app.outbox.markSent(m.id);
      }
    }
    transcripts.set(id, lines.slice(-KEEP));
    return c.redirect('/simulator', 303);
  });

  web.post('/simulator/reset', (c) => {
    const id = testPerson(c.get('officer')!.id);
    transcripts.delete(id);
    app.people.forgetConversation(WEB_CHANNEL, id);
    return c.redirect('/simulator', 303);
  });
  return web;
}
