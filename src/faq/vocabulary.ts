import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The reader's words (data/vocabulary.json): slang, stop words, particles, question and language hints, concepts. */
const VocabularySchema = z.object({
  slang: z.record(z.string(), z.string().min(1)),
  stopwords: z.array(z.string()),
  questionStart: z.array(z.string()),
  questionAnywhere: z.array(z.string()),
  questionEnd: z.array(z.string()),
  english: z.array(z.string()),
  indonesian: z.array(z.string()),
  enclitics: z.array(z.string().min(1)),
  particles: z.array(z.string().min(1)),
  concepts: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1))),
});

export type Vocabulary = z.infer<typeof VocabularySchema>;

/** Where the vocabulary ships; read once per process. */
export const VOCABULARY_PATH = new URL('../../data/vocabulary.json', import.meta.url);

let cached: Vocabulary | undefined;

/** The validated vocabulary file (throws with the zod issue when it is malformed). */
export function loadVocabulary(path: string | URL = VOCABULARY_PATH): Vocabulary {
  if (path === VOCABULARY_PATH && cached) return cached;
  const v = VocabularySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (path === VOCABULARY_PATH) cached = v;
  return v;
}
