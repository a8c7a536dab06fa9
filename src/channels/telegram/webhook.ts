import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';

/** Remembers recent update ids so a redelivered update is dropped. */
class RecentIds {
  private readonly ids = new Set<number>();
  constructor(private readonly max = 10_000) {}
  has(id: number): boolean {
    return this.ids.has(id);
  }
  add(id: number): void {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
}

/** Compares in constant time (no timing hint about how much of a guess was right). */
function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string' || secret === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface WebhookOptions {
  path: string;
  /** Telegram sends it with every update (X-Telegram-Bot-Api-Secret-Token); without it nothing is taken. */
  secret: string;
  port: number;
  host: string;
  logger: Logger;
  /**
   * Takes one update: resolves once the update is committed (to the inbox), so Telegram may be
   * answered; `handled` is its handling. A rejection means it was not kept.
   */
  handle: (update: { update_id: number }) => Promise<{ handled: Promise<unknown> }>;
}

/**
 * Telegram webhook receiver: answers 200 once the update is committed (before it is handled, so
 * Telegram never waits on the bot), 500 when it could not be kept (Telegram sends it again); a
 * repeated update_id is ignored (the inbox and message ids also dedupe per person).
 */
export function startWebhookServer(opts: WebhookOptions): Promise<Server> {
  const seen = new RecentIds();
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], opts.secret)) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const ok = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      let update: { update_id?: unknown } | null;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { update_id?: unknown } | null;
      } catch {
        opts.logger.warn('webhook: body is not JSON');
        return void ok();
      }
      if (typeof update?.update_id !== 'number' || seen.has(update.update_id)) return void ok();
      const id = update.update_id;
      opts.handle(update as { update_id: number }).then(
        ({ handled }) => {
          seen.add(id);
          ok();
          handled.catch((err: unknown) => opts.logger.error({ err }, 'webhook update failed'));
        },
        (err: unknown) => {
          opts.logger.error({ err }, 'webhook: the update could not be kept; Telegram will send it again');
          res.writeHead(500).end();
        },
      );
    });
  });
  return new Promise((resolve) => server.listen(opts.port, opts.host, () => resolve(server)));
}
