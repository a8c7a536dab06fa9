import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { T } from '../core/types.js';
import { MAX_PASSWORD_LENGTH } from './security.js';

/** No console form comes near this; anything larger is refused before it is read further. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The longest value accepted in each sign-in field (longer: a clear error, nothing stored or hashed). */
export const FIELD_LIMITS = { username: 64, password: MAX_PASSWORD_LENGTH, code: 32, next: 2048 } as const;

/** Refuses a request body over BODY_LIMIT_BYTES with a plain 413 page that says what to do. */
export function formBodyLimit(t: T): MiddlewareHandler {
  return bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: (c) => c.html(`<!doctype html><meta charset="utf-8"><title>413</title><p>${t('console.too_large')}</p>`, 413),
  });
}
