import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';

/** Remembers recent update ids so a redelivered update is dropped. */
class RecentIds {
  private readonly ids = new Set<number>();
  constructor(private readonly max = 10_000) {}
  /** True the first time an id is seen. */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

export interface WebhookOptions {
  path: string;
  secret?: string;
  port: number;
  host: string;
  logger: Logger;
  /** Handles one update after Telegram has been answered. */
  handle: (update: { update_id: number }) => Promise<unknown>;
}

/**
 * Telegram webhook receiver: answers 200 at once (Telegram retries slow webhooks), then handles the
 * update from the queue; a repeated update_id is ignored (message ids also dedupe per person).
 */
export function startWebhookServer(opts: WebhookOptions): Promise<Server> {
  const seen = new RecentIds();
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (opts.secret && req.headers['x-telegram-bot-api-secret-token'] !== opts.secret) {
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
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      let update: { update_id?: unknown };
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { update_id?: unknown };
      } catch {
        opts.logger.warn('webhook: body is not JSON');
        return;
      }
      if (typeof update.update_id !== 'number' || !seen.add(update.update_id)) return;
      opts.handle(update as { update_id: number }).catch((err: unknown) =>
        opts.logger.error({ err }, 'webhook update failed'),
      );
    });
  });
  return new Promise((resolve) => server.listen(opts.port, opts.host, () => resolve(server)));
}
