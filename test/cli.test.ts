import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('terminal chat, JSON lines', () => {
  it('answers each line in order with one JSON object per reply and exits at end of input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lindung-cli-'));
    try {
      const input = [
        { user: 'a', text: 'halo' },
        { user: 'b', text: '2' },
        { user: 'a', text: '4' },
        { user: 'b', text: '1,5 juta' },
      ]
        .map((l) => JSON.stringify(l))
        // Any JSON value gets an error line and the run goes on.
        .concat(['not json', 'null', '42', '[]', '"text"', '{"user":"a"}', JSON.stringify({ user: 'a', text: 'menu' })])
        .join('\n');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--jsonl'], {
        input,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
        timeout: 30_000,
      });
      expect(run.status).toBe(0);
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.user)).toEqual(['a', 'a', 'b', 'a', 'b', undefined, undefined, undefined, undefined, undefined, undefined, 'a']);
      expect(lines[0].text).toContain('Saya Lindung');
      expect(lines[1].choices[3]).toEqual({ key: '4', label: 'Daftar' });
      expect(lines[2].text).toContain('penghasilan');
      expect(lines[3].text).toContain('Sebelum mendaftar');
      expect(lines[4].text).toContain('kelompok');
      for (const l of lines.slice(5, 11)) expect(l.error).toBeDefined();
      expect(lines[11].text).toContain('Menu utama');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
