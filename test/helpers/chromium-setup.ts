// vitest globalSetup: unpacks the bundled Chromium once, before any worker starts, and hands the
// result to the workers (inject('lindungChromium') in test/helpers/browser.ts). A failure here does
// not stop the run: the workers report it if no other browser launches. After the first run this
// is one existsSync.
import type { TestProject } from 'vitest/node';
import { bundledChromiumOrReason, chromiumChoice, type ChromiumCandidate } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The unpacked bundled Chromium, or why there is none; undefined when not asked for. */
    lindungChromium: ChromiumCandidate | string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const choice = chromiumChoice();
  let bundled: ChromiumCandidate | string | undefined;
  if (choice.kind === 'any' || choice.kind === 'bundled') {
    bundled = await bundledChromiumOrReason();
  }
  project.provide('lindungChromium', bundled);
}
