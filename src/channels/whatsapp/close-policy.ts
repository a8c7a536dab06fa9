// What a closed WhatsApp connection means and what to do about it, by close code (Baileys'
// DisconnectReason and the server's own reasons; see test/helpers/fake-baileys.ts note (d)).

/** relink: the login is gone, show a new QR / code; restart: open a new socket now; stop: retrying cannot help; retry: back off and try again. */
export type CloseAction = 'relink' | 'restart' | 'stop' | 'retry';

export interface ClosePolicy {
  action: CloseAction;
  /** For the operator: what happened and what to do (logs, the console). */
  meaning: string;
}

const POLICIES: Record<number, ClosePolicy> = {
  401: { action: 'relink', meaning: 'logged out: the link was removed on the phone (or WhatsApp ended it). Link again with the new QR or pairing code.' },
  515: { action: 'restart', meaning: 'restart required: WhatsApp asks for a new connection right after linking (normal).' },
  403: {
    action: 'stop',
    meaning: 'forbidden: WhatsApp refuses this number (banned or restricted). Stop sending from it; see the runbook on bans, appeal in the WhatsApp app, and link another number.',
  },
  405: {
    action: 'stop',
    meaning: 'refused: this WhatsApp Web version is no longer accepted. Update Lindung (its Baileys release), and make sure the server can reach web.whatsapp.com to read the current version.',
  },
  440: {
    action: 'stop',
    meaning: 'replaced: another WhatsApp Web session took over this number (a second Lindung, or WhatsApp Web opened elsewhere). Keep one session per number, then restart Lindung.',
  },
  411: { action: 'relink', meaning: 'multi-device mismatch: the stored link no longer fits the phone. Link again.' },
};

const TRANSIENT: ClosePolicy = { action: 'retry', meaning: 'connection lost or refused for now: trying again with growing pauses.' };

/** The policy for a close code (undefined: the socket was ended without an error). */
export function closePolicy(code: number | undefined): ClosePolicy {
  return (code !== undefined && POLICIES[code]) || TRANSIENT;
}
