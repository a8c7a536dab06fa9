// vitest globalSetup: migrates one empty database per run for the workers to copy (see
// test/helpers/template-db.ts) and removes it at the end.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeTemplate, migrationsDigest } from './template-db.js';

export default function setup(project: TestProject): () => void {
  const { path, dir } = makeTemplate();
  project.provide('lindungTemplateDb', { path, digest: migrationsDigest() });
  return () => rmSync(dir, { recursive: true, force: true });
}
