// `npm start`: the built bot (dist/main.js) in this node process, so signals and the exit code are
// its own. When src/ changed since the last build (an edit, a git pull without npm ci), dist/ is
// built again first (esbuild, well under a second); a failed build stops here with exit code 1.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { build, DIST, staleness } from './build.mjs';

const stale = staleness();
if (stale) {
  process.stderr.write(`${stale}: building dist/ first\n`);
  try {
    await build();
  } catch (err) {
    process.stderr.write(`Lindung stopped: building dist/ failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(join(DIST, 'main.js')).href);
