import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';

/** The real logger (masking and all), writing its JSON lines into an array a test reads. */
export function capturingLogger(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines, out: () => lines.join('') };
}
