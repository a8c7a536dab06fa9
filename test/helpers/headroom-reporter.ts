// A vitest reporter that shows how close each test came to its timeout, for checking the suite on a
// busy machine (the suite's rule: no test takes more than a third of its timeout):
//
//   npx vitest run --reporter=default --reporter=./test/helpers/headroom-reporter.ts
//
// It prints the ten tests with the least headroom and every test over a third of its timeout, and
// for each file the time outside its tests (collecting, beforeAll/afterAll hooks) when that is more
// than a third of the hook timeout (an upper bound on its slowest hook). LINDUNG_HEADROOM_JSON=path
// also writes every test's duration and timeout there. Exit status is vitest's: this only reports.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

interface Row {
  file: string;
  name: string;
  ms: number;
  timeout: number;
}

export default class HeadroomReporter implements Reporter {
  private vitest!: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const { testTimeout, hookTimeout, root } = this.vitest.config;
    const rows: Row[] = [];
    const outside: { file: string; ms: number }[] = [];
    for (const m of modules) {
      const file = relative(root, m.moduleId);
      let inTests = 0;
      for (const t of m.children.allTests()) {
        const d = t.diagnostic();
        if (!d) continue;
        inTests += d.duration;
        rows.push({ file, name: t.fullName, ms: d.duration, timeout: t.options.timeout ?? testTimeout });
      }
      outside.push({ file, ms: m.diagnostic().duration - inTests });
    }
    const ratio = (r: Row) => r.ms / r.timeout;
    rows.sort((a, b) => ratio(b) - ratio(a));
    const line = (r: Row) => `  ${(r.ms / 1000).toFixed(2).padStart(6)} s of ${String(r.timeout / 1000).padStart(4)} s (${(100 * ratio(r)).toFixed(0).padStart(2)}%)  ${r.file} > ${r.name}`;
    const out = ['', 'Headroom: the tests closest to their timeout'];
    out.push(...rows.slice(0, 10).map(line));
    const over = rows.filter((r) => ratio(r) > 1 / 3);
    out.push(over.length ? `Over a third of their timeout (${over.length}):` : 'No test took more than a third of its timeout.');
    out.push(...over.map(line));
    const longOutside = outside.filter((o) => o.ms > hookTimeout / 3).sort((a, b) => b.ms - a.ms);
    if (longOutside.length) {
      out.push(`Files with more than a third of the hook timeout (${hookTimeout / 1000} s) outside their tests (collecting, beforeAll/afterAll):`);
      out.push(...longOutside.map((o) => `  ${(o.ms / 1000).toFixed(2).padStart(6)} s  ${o.file}`));
    }
    process.stdout.write(`${out.join('\n')}\n`);
    const json = process.env.LINDUNG_HEADROOM_JSON;
    if (json) writeFileSync(json, JSON.stringify({ testTimeout, hookTimeout, tests: rows, outside }, null, 1));
  }
}
