import { describe, expect, it } from 'vitest';
import { capturingLogger } from './helpers/log-capture.js';

describe('logger', () => {
  it('never writes a NIK or phone number, whatever field or message carries it', () => {
    const { logger, lines } = capturingLogger();
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
    const { logger, lines } = capturingLogger();
    const node = { tag: 'notification', attrs: { from: 's.whatsapp.net' }, content: [{ tag: 'device', attrs: { jid: '6281234567890:3@s.whatsapp.net', lid: '123456789012345@lid' }, content: Buffer.from('6281234567890') }] };
    logger.error({ error: 'boom', node }, 'failed to handle devices notification');
    const out = lines.join('');
    for (const secret of ['6281234567890', '123456789012345']) expect(out).not.toContain(secret);
    expect(out).toContain('device');
  });
});

describe('logger: addresses and ports stay readable', () => {
  const capture = () => capturingLogger();

  it('keeps IP addresses, host:port and ::1 in messages and fields', () => {
    const { logger, out } = capture();
    logger.error({ address: '127.0.0.1', port: 28417, host: '::1', upstream: 'db-10-0-0-12.internal:5432' }, 'address already in use 127.0.0.1:28417');
    logger.warn({ peer: '[::1]:8443', mapped: '::ffff:192.168.10.200', v6: '2001:db8::ff00:42:8329' }, 'connect ECONNREFUSED 10.0.0.1:443 via fe80::1');
    const text = out();
    for (const kept of ['127.0.0.1:28417', '"address":"127.0.0.1"', '"port":28417', '"host":"::1"', 'db-10-0-0-12.internal:5432', '[::1]:8443', '::ffff:192.168.10.200', '2001:db8::ff00:42:8329', '10.0.0.1:443', 'fe80::1']) {
      expect(text).toContain(kept);
    }
    expect(text).not.toContain('[angka]');
  });

  it('keeps an error’s code, syscall, address and port, and its class name', () => {
    const { logger, out } = capture();
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:28417'), { code: 'EADDRINUSE', errno: -98, syscall: 'listen', address: '127.0.0.1', port: 28417 });
    logger.error({ err }, 'the console could not start');
    class SendError extends Error {}
    logger.error({ err: new SendError('send to 6281234567890@s.whatsapp.net failed') }, 'send failed');
    const [first, second] = out().trim().split('\n').map((l) => JSON.parse(l) as { err: Record<string, unknown> });
    expect(first!.err).toMatchObject({ type: 'Error', message: 'listen EADDRINUSE: address already in use 127.0.0.1:28417', code: 'EADDRINUSE', syscall: 'listen', address: '127.0.0.1', port: 28417 });
    expect(second!.err).toMatchObject({ type: 'SendError', message: 'send to [angka]@s.whatsapp.net failed' });
  });

  it('still masks NIKs and phone numbers in any format, beside addresses too', () => {
    const { logger, out } = capture();
    const secrets = ['6301011708800003', '0812-3456-7890', '+62 812 3456 7890', '0812.3456.7890', '+6281234567890', '081234567890', '6281234567890:3@s.whatsapp.net', '123456789012345@lid', '(0812) 3456-7890'];
    for (const s of secrets) logger.warn({ detail: `from 10.0.0.1 for ${s} at host.example:8080` }, `retry ${s} via 127.0.0.1:8080`);
    // Shapes that look a little like an address but are a number.
    logger.warn(`+62 81.23.45.67, 08.12.34.56.78, hp:0812 3456 7890, nomor:081234567890, 62.812.345.678`);
    const text = out();
    for (const digits of ['6301011708800003', '3456-7890', '3456 7890', '3456.7890', '81234567890', '123456789012345', '81.23.45.67', '08.12.34.56', '812.345.678']) {
      expect(text).not.toContain(digits);
    }
    expect(text).toContain('10.0.0.1');
    expect(text).toContain('127.0.0.1:8080');
    expect(text).toContain('host.example:8080');
  });
});

describe('logger: errors that carry a request', () => {
  it('keeps an error’s plain fields but not the objects it carries (a client error holds the reply it failed to send)', () => {
    const { logger, lines } = capturingLogger();
    const err = Object.assign(new Error('Call to sendMessage failed! (403: Forbidden: bot was blocked by the user)'), {
      error_code: 403,
      method: 'sendMessage',
      payload: { chat_id: 5001, text: 'Pak Budi, alamat Jl. Melati 7' },
      text: 'Pak Budi',
    });
    logger.warn({ err }, 'send failed');
    const record = JSON.parse(lines.join('')) as { err: Record<string, unknown> };
    expect(record.err).toMatchObject({ error_code: 403, method: 'sendMessage' });
    expect(lines.join('')).not.toContain('Budi');
  });
});
