import type { Db } from './db.js';

/** A console user as the routes see it (never carries the password hash). */
export interface Officer {
  id: number;
  username: string;
  role: OfficerRole;
  createdAt: number;
  disabledAt: number | null;
}

/** The two console roles: admins also manage officers and exports. */
export type OfficerRole = 'officer' | 'admin';

/** An officer with the stored password hash: only the login code needs it. */
export interface OfficerCredentials extends Officer {
  passwordHash: string;
}

/** A live console session with its (enabled) officer. */
export interface OfficerSession {
  tokenHash: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  officer: Officer;
}

/** One audit line, with the officer's username and the registration's reference for display. */
export interface AuditEntry {
  id: number;
  at: number;
  officerId: number | null;
  username: string | null;
  action: string;
  registrationId: number | null;
  reference: string | null;
  detail: string | null;
}

/** Thrown by add() when the username (case-insensitive) is taken, so the CLI/console can say so. */
export class OfficerExistsError extends Error {
  override name = 'OfficerExistsError';
  constructor(readonly username: string) {
    super(`officer "${username}" already exists`);
  }
}

interface OfficerRow {
  id: number;
  username: string;
  role: OfficerRole;
  created_at: number;
  disabled_at: number | null;
  password_hash: string;
}

interface SessionRow extends OfficerRow {
  token_hash: string;
  csrf: string;
  s_created_at: number;
  expires_at: number;
  last_seen_at: number;
}

interface AuditRow {
  id: number;
  at: number;
  officer_id: number | null;
  username: string | null;
  action: string;
  registration_id: number | null;
  reference: string | null;
  detail: string | null;
}

const OCOLS = 'o.id, o.username, o.role, o.created_at, o.disabled_at, o.password_hash';

function officer(r: OfficerRow): Officer {
  return { id: r.id, username: r.username, role: r.role, createdAt: r.created_at, disabledAt: r.disabled_at };
}

/** Officers, their sessions, failed logins and the audit log (migration 004). */
export function createOfficerStore(db: Db) {
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO officers (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)',
  );
  const byName = db.prepare<[string], OfficerRow>(`SELECT ${OCOLS} FROM officers o WHERE o.username = ?`);
  const byIdQ = db.prepare<[number], OfficerRow>(`SELECT ${OCOLS} FROM officers o WHERE o.id = ?`);
  const listQ = db.prepare<[], OfficerRow>(`SELECT ${OCOLS} FROM officers o ORDER BY o.username`);
  const disable = db.prepare<[number | null, number]>('UPDATE officers SET disabled_at = ? WHERE id = ?');
  const password = db.prepare<[string, number]>('UPDATE officers SET password_hash = ? WHERE id = ?');
  const countQ = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM officers');

  const insertSession = db.prepare<[string, number, string, number, number, number]>(
    `INSERT INTO officer_sessions (token_hash, officer_id, csrf, created_at, expires_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const sessionQ = db.prepare<[string, number], SessionRow>(
    `SELECT s.token_hash, s.csrf, s.created_at AS s_created_at, s.expires_at, s.last_seen_at, ${OCOLS}
       FROM officer_sessions s JOIN officers o ON o.id = s.officer_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND o.disabled_at IS NULL`,
  );
  const touch = db.prepare<[number, number, string]>(
    'UPDATE officer_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM officer_sessions WHERE token_hash = ?');
  const deleteOf = db.prepare<[number]>('DELETE FROM officer_sessions WHERE officer_id = ?');
  const prune = db.prepare<[number]>('DELETE FROM officer_sessions WHERE expires_at <= ?');

  const insertFailure = db.prepare<[string, string, number]>(
    'INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)',
  );
  const failuresByUser = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM login_failures WHERE username = ? AND at >= ?',
  );
  const failuresByAddress = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM login_failures WHERE address = ? AND at >= ?',
  );
  const clearUser = db.prepare<[string]>('DELETE FROM login_failures WHERE username = ?');
  const pruneFailuresQ = db.prepare<[number]>('DELETE FROM login_failures WHERE at < ?');

  const revealQ = db.prepare<[number, number, number, number], { one: number }>(
    "SELECT 1 AS one FROM audit_log WHERE id = ? AND officer_id = ? AND registration_id = ? AND action = 'reveal_nik' AND at > ?",
  );
  const insertAudit = db.prepare<[number, number | null, string, number | null, string | null]>(
    'INSERT INTO audit_log (at, officer_id, action, registration_id, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const auditQ = db.prepare<{ before: number | null; action: string | null; limit: number }, AuditRow>(
    `SELECT a.id, a.at, a.officer_id, o.username, a.action, a.registration_id, r.reference, a.detail
       FROM audit_log a
       LEFT JOIN officers o ON o.id = a.officer_id
       LEFT JOIN registrations r ON r.id = a.registration_id
      WHERE a.id < coalesce(@before, 9223372036854775807) AND (@action IS NULL OR a.action = @action)
      ORDER BY a.id DESC LIMIT @limit`,
  );

  return {
    add(input: { username: string; passwordHash: string; role: OfficerRole; now: number }): Officer {
      try {
        const id = Number(insert.run(input.username, input.passwordHash, input.role, input.now).lastInsertRowid);
        return { id, username: input.username, role: input.role, createdAt: input.now, disabledAt: null };
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new OfficerExistsError(input.username);
        throw err;
      }
    },
    byUsername: (username: string): Officer | undefined => {
      const r = byName.get(username);
      return r && officer(r);
    },
    credentials: (username: string): OfficerCredentials | undefined => {
      const r = byName.get(username);
      return r && { ...officer(r), passwordHash: r.password_hash };
    },
    byId: (id: number): Officer | undefined => {
      const r = byIdQ.get(id);
      return r && officer(r);
    },
    list: (): Officer[] => listQ.all().map(officer),
    setDisabled: (id: number, now: number | null): boolean => disable.run(now, id).changes > 0,
    setPassword: (id: number, hash: string): boolean => password.run(hash, id).changes > 0,
    count: (): number => countQ.get()!.n,

    createSession(input: { tokenHash: string; officerId: number; csrf: string; now: number; expiresAt: number }): void {
      insertSession.run(input.tokenHash, input.officerId, input.csrf, input.now, input.expiresAt, input.now);
    },
    sessionByHash: (tokenHash: string, now: number): OfficerSession | undefined => {
      const r = sessionQ.get(tokenHash, now);
      if (!r) return undefined;
      return {
        tokenHash: r.token_hash,
        csrf: r.csrf,
        createdAt: r.s_created_at,
        expiresAt: r.expires_at,
        lastSeenAt: r.last_seen_at,
        officer: officer(r),
      };
    },
    touchSession: (tokenHash: string, now: number, newExpiresAt: number): boolean =>
      touch.run(now, newExpiresAt, tokenHash).changes > 0,
    deleteSession: (tokenHash: string): boolean => deleteOne.run(tokenHash).changes > 0,
    deleteSessionsOf: (officerId: number): number => deleteOf.run(officerId).changes,
    pruneSessions: (now: number): number => prune.run(now).changes,

    recordFailure: (username: string, address: string, now: number): void => {
      insertFailure.run(username, address, now);
    },
    failuresSince: (username: string, address: string, since: number): { byUser: number; byAddress: number } => ({
      byUser: failuresByUser.get(username, since)!.n,
      byAddress: failuresByAddress.get(address, since)!.n,
    }),
    clearFailures: (username: string): number => clearUser.run(username).changes,
    pruneFailures: (before: number): number => pruneFailuresQ.run(before).changes,

    audit(input: {
      officerId: number | null;
      action: string;
      registrationId?: number | null;
      detail?: string | Record<string, unknown> | null;
      now: number;
    }): number {
      const detail = input.detail == null ? null : typeof input.detail === 'string' ? input.detail : JSON.stringify(input.detail);
      return Number(insertAudit.run(input.now, input.officerId, input.action, input.registrationId ?? null, detail).lastInsertRowid);
    },
    /** Whether audit entry `auditId` is this officer's NIK reveal of this registration, made after `since`. */
    revealedSince: (auditId: number, officerId: number, registrationId: number, since: number): boolean =>
      revealQ.get(auditId, officerId, registrationId, since) !== undefined,
    auditPage: (opts: { before?: number; limit: number; action?: string }): AuditEntry[] =>
      auditQ.all({ before: opts.before ?? null, action: opts.action ?? null, limit: opts.limit }).map((r) => ({
        id: r.id,
        at: r.at,
        officerId: r.officer_id,
        username: r.username,
        action: r.action,
        registrationId: r.registration_id,
        reference: r.reference,
        detail: r.detail,
      })),
  };
}

/** The store's type, for dependency injection into the console. */
export type OfficerStore = ReturnType<typeof createOfficerStore>;
