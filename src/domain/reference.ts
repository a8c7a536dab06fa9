/** Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L). */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** One character of a code, in any case (the pattern every recogniser below is built from). */
const CODE_CHAR = `[${REFERENCE_ALPHABET}]`;
const WHOLE_REFERENCE = new RegExp(`^\\s*ld[\\s-]?(${CODE_CHAR}{5})\\s*$`, 'i');
const WHOLE_INVITE = new RegExp(`^\\s*kdr[\\s_-]?(${CODE_CHAR}{6})\\s*$`, 'i');
const REFERENCE_INSIDE = new RegExp(`(?:^|[^\\p{L}\\p{N}])ld[\\s-]?(${CODE_CHAR}{5})(?![\\p{L}\\p{N}])`, 'iu');

/** A short reference like LD-7K3Q9 from a random source passed in (so tests are repeatable). */
export function makeReference(random: () => number, length = 5): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    code += REFERENCE_ALPHABET[Math.floor(random() * REFERENCE_ALPHABET.length)];
  }
  return `LD-${code}`;
}

/** Recognises a reference typed loosely: "ld 7k3q9", "LD7K3Q9", "ld-7k3q9". */
export function parseReference(text: string): string | undefined {
  const m = WHOLE_REFERENCE.exec(text);
  return m ? `LD-${m[1]!.toUpperCase()}` : undefined;
}

/** A cadre invite code such as KDR-7K3Q9X: also valid as a Telegram deep-link payload. */
export function makeInviteCode(random: () => number): string {
  return makeReference(random, 6).replace(/^LD-/, 'KDR-');
}

/** Recognises an invite code typed or passed by a deep link ("kdr 7k3q9x", "KDR7K3Q9X"). */
export function parseInviteCode(text: string): string | undefined {
  const m = WHOLE_INVITE.exec(text);
  return m ? `KDR-${m[1]!.toUpperCase()}` : undefined;
}

/** A reference standing anywhere in a short message ("status LD-7K3Q9 gmn"). */
export function findReference(text: string): string | undefined {
  if (text.length > 120) return undefined;
  const m = REFERENCE_INSIDE.exec(text);
  return m ? `LD-${m[1]!.toUpperCase()}` : undefined;
}

/**
 * A regency's entry point as a Telegram deep-link payload (t.me/<bot>?start=kab_63_03): the key's
 * dots become underscores (payloads allow A-Z, a-z, 0-9, _ and -).
 */
export function regencyStartPayload(key: string): string {
  return `kab_${key.replace(/\./g, '_')}`;
}

/** The regency key a deep-link payload names ("kab_63_03" → "63.03", "kab_sukamaju" → "sukamaju"). */
export function parseRegencyPayload(payload: string): string | undefined {
  const m = /^kab[_-]([a-z0-9_-]{1,60})$/i.exec(payload.trim());
  if (!m) return undefined;
  const rest = m[1]!.toLowerCase();
  return /^\d{2}_\d{2}$/.test(rest) ? rest.replace('_', '.') : rest;
}

/**
 * A regency's tag in a message's text: the pre-filled text of its WhatsApp click-to-chat link
 * (wa.me/<number>?text=Halo%20Lindung%20kab_63_03) routes whoever sends it, on one shared number.
 * The tag and the text without it (the greeting the person sent with it).
 */
export function findRegencyTag(text: string): { key: string; rest: string } | undefined {
  const m = /(?:^|\s)(kab_(?:\d{2}_\d{2}|[a-z][a-z0-9-]{1,40}))(?=$|[\s.,!?)])/i.exec(text);
  if (!m) return undefined;
  const key = parseRegencyPayload(m[1]!);
  if (!key) return undefined;
  return { key, rest: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim() };
}
