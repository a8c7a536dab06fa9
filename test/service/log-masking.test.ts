import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../helpers/log-capture.js';

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  servers = [];
});

/** A real EADDRINUSE from the operating system, as the console's listen gets it. */
async function addressInUse(host: string): Promise<{ err: NodeJS.ErrnoException; port: number }> {
  const first = createServer();
  await new Promise<void>((resolve, reject) => {
    first.once('error', reject);
    first.listen(0, host, resolve);
  });
  servers.push(first);
  const { port } = first.address() as { port: number };
  const second = createServer();
  const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
    second.once('error', resolve);
    second.listen(port, host);
  });
  return { err, port };
}

describe('service logs: a supervisor reads where, never whom', () => {
  it('an EADDRINUSE logged with a NIK and a phone number beside it: address, port, code and syscall stay, the NIK and the number go', async () => {
    const { logger, lines } = capturingLogger();
    const { err, port } = await addressInUse('127.0.0.1');
    logger.error({ err, port, note: 'while registering NIK 6301011708800003, hp 0812-3456-7890' }, `cannot listen on 127.0.0.1:${port} for 6281234567890@s.whatsapp.net`);
    const record = JSON.parse(lines.join('')) as { msg: string; note: string; port: number; err: Record<string, unknown> };
    expect(record.err).toMatchObject({ code: 'EADDRINUSE', syscall: 'listen', address: '127.0.0.1', port });
    expect(record.err.message).toContain(`127.0.0.1:${port}`);
    expect(record.msg).toBe(`cannot listen on 127.0.0.1:${port} for [angka]@s.whatsapp.net`);
    expect(record.note).toBe('while registering NIK [angka], hp [angka]');
    expect(record.port).toBe(port);
  });

  it('IPv6 loopback too', async () => {
    const { logger, lines } = capturingLogger();
    let inUse;
    try {
      inUse = await addressInUse('::1');
    } catch {
      return; // no IPv6 on this machine: nothing to log
    }
    logger.error({ err: inUse.err }, 'bind failed');
    const record = JSON.parse(lines.join('')) as { err: { message: string; address: string } };
    expect(record.err.address).toBe('::1');
    expect(record.err.message).toContain(`::1:${inUse.port}`);
  });
});
