/** A person's address on WhatsApp: the JID we key them by, their other JIDs, and the phone number. */
export interface Sender {
  externalId: string;
  aliases: string[];
  phone: string | null;
}

const PN = /^(\d{6,15})(?::\d+)?@s\.whatsapp\.net$/;
const LID = /^(\d{6,20})(?::\d+)?@lid$/;

/** Drops the device part ("628…:12@s.whatsapp.net" → "628…@s.whatsapp.net"). */
export function normalizeJid(jid: string): string {
  const pn = PN.exec(jid);
  if (pn) return `${pn[1]}@s.whatsapp.net`;
  const lid = LID.exec(jid);
  if (lid) return `${lid[1]}@lid`;
  return jid;
}

export const isPnJid = (jid: string): boolean => PN.test(jid);
export const isLidJid = (jid: string): boolean => LID.test(jid);

/** "+6281234567890" from a phone-number JID. */
export function phoneOf(pnJid: string): string | null {
  const m = PN.exec(pnJid);
  return m ? `+${m[1]}` : null;
}

/** "6281234567890@s.whatsapp.net" from "+6281234567890". */
export function jidOfPhone(e164: string): string {
  return `${e164.replace(/\D/g, '')}@s.whatsapp.net`;
}

/**
 * Who sent a message. Baileys 7 may address a chat by LID; when it also reveals the phone-number
 * JID (key.remoteJidAlt, or a stored LID mapping), the phone JID is the key and the LID an alias,
 * so both reach the same person and session.
 */
export async function resolveSender(
  remoteJid: string,
  alt: string | null | undefined,
  pnForLid: (lid: string) => Promise<string | null | undefined>,
): Promise<Sender> {
  const jid = normalizeJid(remoteJid);
  const other = alt ? normalizeJid(alt) : undefined;
  let pn = isPnJid(jid) ? jid : other && isPnJid(other) ? other : undefined;
  const lid = isLidJid(jid) ? jid : other && isLidJid(other) ? other : undefined;
  if (!pn && lid) {
    const found = await pnForLid(lid).catch(() => null);
    if (found) pn = normalizeJid(found.includes('@') ? found : `${found}@s.whatsapp.net`);
  }
  if (pn) return { externalId: pn, aliases: lid ? [lid] : [], phone: phoneOf(pn) };
  return { externalId: jid, aliases: [], phone: null };
}
