import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('logger', () => {
  it('never writes a NIK or phone number, whatever field or message carries it', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.warn({ err: 'send to 6281234567890@s.whatsapp.net failed', detail: { note: 'nik 6301011708800003' } }, 'retry 0812-3456-7890');
    logger.info({ nik: '6301011708800003', phone: '+6281234567890' }, 'plain');
    logger.error({ err: new Error('boom for 6281234567890') }, 'failed');
    const out = lines.join('');
    for (const secret of ['6281234567890', '6301011708800003', '0812-3456-7890']) expect(out).not.toContain(secret);
    expect(out).toContain('[angka]');
    expect(out).toContain('[redacted]');
    expect(out).toContain('boom for');
  });
});

describe('logger: nested records', () => {
  it('masks a JID however deep it hides (Baileys logs whole protocol nodes)', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    const node = { tag: 'notification', attrs: { from: 's.whatsapp.net' }, content: [{ tag: 'device', attrs: { jid: '6281234567890:3@s.whatsapp.net', lid: '123456789012345@lid' }, content: Buffer.from('6281234567890') }] };
    logger.error({ error: 'boom', node }, 'failed to handle devices notification');
    const out = lines.join('');
    for (const secret of ['6281234567890', '123456789012345']) expect(out).not.toContain(secret);
    expect(out).toContain('device');
  });
});
