// Where the console may send a browser after a form: only its own pages. Values come from
// ?next= and hidden `back` fields, which anyone can write, so they are checked before they become
// a Location header (an open redirect, or a CR/LF that breaks the response).

const ORIGIN = 'http://console.invalid';

/** A character no path of ours holds: controls, whitespace, format characters (bidi), backslash. */
const FORBIDDEN = /[\s\p{Cc}\p{Cf}\\]/u;

function looksLocal(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || FORBIDDEN.test(path)) return false;
  // No empty segment in the path itself: "/%2F/evil" and "/a//b" are nobody's pages.
  const end = path.search(/[?#]/);
  return !(end === -1 ? path : path.slice(0, end)).includes('//');
}

/**
 * `raw` as a same-origin path (with its query), or undefined. It must start with a single "/",
 * hold no "//", backslash, control or whitespace character, neither as given nor once
 * percent-decoded, and the URL parser must keep it on this origin. The result is what the parser
 * made of it (percent-encoded, so always a valid header value).
 */
export function safeLocalPath(raw: unknown, maxLength = 2048): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!looksLocal(raw) || !looksLocal(decoded)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== ORIGIN) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * `raw` when it is a safe path to the page `pathname` (the queue with its filters, after a bulk
 * approval), else that page bare; either way with `extra` set in its query.
 */
export function samePageWith(raw: unknown, pathname: string, extra: Record<string, string>): string {
  let url = new URL(safeLocalPath(raw) ?? pathname, ORIGIN);
  if (url.pathname !== pathname) url = new URL(pathname, ORIGIN);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}
