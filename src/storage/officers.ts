import type { Sql } from './sql.js';

/** A console user as the routes see it (never carries the password hash). */
export interface Officer {
  id: number;
  username: string;
  role: OfficerRole;
  createdAt: number;
  disabledAt: number | null;
  /** Has a TOTP authenticator enrolled (the secret itself is never part of an Officer). */
  secondFactor: boolean;
  /** May export registrations with the full NIK and phone number (granted by an admin). */
  exportNik: boolean;
  /** The regency they work on (its key); null: every regency the deployment serves. */
  regency: string | null;
  /** The groups they review within it (an agency's: Dinas PMD the village officials); null: every group. */
  groups: string[] | null;
  /** Sees (dashboards, queue, details, exports) but decides nothing: a province's or BPJS branch's view. */
  readOnly: boolean;
}

/** Who an officer works for, as an admin sets it (officers.setScope). */
export interface OfficerScope {
  regency: string | null;
  groups: string[] | null;
  readOnly: boolean;
}

/** The two console roles: admins also manage officers and exports. */
export type OfficerRole = 'officer' | 'admin';

/** An officer with the stored password hash: only the login code needs it. */
export interface OfficerCredentials extends Officer {
  passwordHash: string;
}

/** 'second_factor': the password was right and the code is still to come; 'full': logged in. */
export type SessionStage = 'full' | 'second_factor';

/** A live console session with its (enabled) officer. */
export interface OfficerSession {
  tokenHash: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  stage: SessionStage;
  /** A TOTP secret being enrolled in this session, as stored (the console seals it). */
  pendingTotpSecret: string | null;
  officer: Officer;
}

/** An officer's TOTP secret as stored, and the last time step accepted. */
export interface TotpRecord {
  secret: string;
  lastStep: number | null;
}

/** An unused recovery code as stored: a salted SHA-256, never the code. */
export interface RecoveryCodeRecord {
  id: number;
  salt: string;
  hash: string;
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
  /** The regency it concerned (migration 024); null: the whole deployment (a deployment-wide officer's login, the settings). */
  regency: string | null;
}

/**
 * Which audit entries to list (the audit page's filters): each field narrows, none given lists all.
 * Pages go by id, newest first: `before` is the last id of the previous page.
 */
export interface AuditFilter {
  officerId?: number | undefined;
  /** Only these actions. */
  actions?: readonly string[] | undefined;
  /** Not these actions (page views, unless asked for). */
  exceptActions?: readonly string[] | undefined;
  /** Only entries about this registration (its reference). */
  reference?: string | undefined;
  /** From this instant (inclusive) to that one (exclusive), epoch ms. */
  from?: number | undefined;
  to?: number | undefined;
  before?: number | undefined;
  /** Only entries about these regencies, and exports that held one of their registrations (a regency's admin: their own; none given: every entry, those of no regency too). */
  regencies?: readonly string[] | undefined;
  /**
   * Only registrations of these groups (an agency's admin). Entries about no registration: only
   * those by `groupOfficers` (themselves and the officers they manage), and an export only when
   * every registration it held is of these groups.
   */
  groups?: readonly string[] | undefined;
  groupOfficers?: readonly number[] | undefined;
  limit: number;
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
  has_totp: number;
  export_nik: number;
  regency: string | null;
  group_scope: string | null;
  read_only: number;
}

interface SessionRow extends OfficerRow {
  token_hash: string;
  csrf: string;
  s_created_at: number;
  expires_at: number;
  last_seen_at: number;
  stage: SessionStage;
  pending_totp_secret: string | null;
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
  regency: string | null;
}

// has_totp as 0/1 on both databases (PostgreSQL's IS NOT NULL is a boolean).
const OCOLS =
  'o.id, o.username, o.role, o.created_at, o.disabled_at, o.password_hash, CASE WHEN o.totp_secret IS NOT NULL THEN 1 ELSE 0 END AS has_totp, o.export_nik, o.regency, o.group_scope, o.read_only';

function auditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    officerId: r.officer_id,
    username: r.username,
    action: r.action,
    registrationId: r.registration_id,
    reference: r.reference,
    detail: r.detail,
    regency: r.regency,
  };
}

function officer(r: OfficerRow): Officer {
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    secondFactor: r.has_totp === 1,
    exportNik: r.export_nik === 1,
    regency: r.regency,
    groups: r.group_scope ? (JSON.parse(r.group_scope) as string[]) : null,
    readOnly: r.read_only === 1,
  };
}

/**
 * Officers, their sessions, second factors, login attempts and the audit log (migrations 004 and
 * 013). One file on purpose: everything about who may do what in the console, behind one store.
 */
export function createOfficerStore(sql: Sql) {
  // Usernames are compared whatever their case (SQLite: COLLATE NOCASE), in login_failures too.
  const sameName = (column: string) => sql.dialect.nocaseEquals(column, '?');
  const byNameQ = `SELECT ${OCOLS} FROM officers o WHERE ${sameName('o.username')}`;
  const deleteCodesQ = 'DELETE FROM officer_recovery_codes WHERE officer_id = ?';
  const deleteOfQ = 'DELETE FROM officer_sessions WHERE officer_id = ?';
  const failuresByUserQ = `SELECT count(*) AS n FROM login_failures WHERE ${sameName('username')} AND at >= ?`;
  const failuresByAddressQ = 'SELECT count(*) AS n FROM login_failures WHERE address = ? AND at >= ?';
  const count = async (query: string, params: readonly unknown[]): Promise<number> => (await sql.get<{ n: number }>(query, params))?.n ?? 0;

  // The regency it concerned: the registration's, else the one given, else the officer's own (NULL: the whole deployment).
  const insertAudit = async (at: number, officerId: number | null, action: string, registrationId: number | null, detail: string | null, regency: string | null = null): Promise<number> =>
    (await sql.get<{ id: number }>(
      `INSERT INTO audit_log (at, officer_id, action, registration_id, detail, regency)
       VALUES (?, ?, ?, ?, ?, COALESCE((SELECT regency FROM registrations WHERE id = ?), ?, (SELECT regency FROM officers WHERE id = ?))) RETURNING id`,
      [at, officerId, action, registrationId, detail, registrationId, regency, officerId],
    ))!.id;

  /** The audit query for a filter; the same SQL text for the same set of filters given (cached). */
  async function auditSearch(filter: AuditFilter): Promise<{ entries: AuditEntry[]; next: number | null }> {
    const values = (param: string) => sql.dialect.jsonArrayElements(param);
    const terms: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit + 1 };
    if (filter.before !== undefined) {
      terms.push('a.id < @before');
      params.before = filter.before;
    }
    if (filter.officerId !== undefined) {
      terms.push('a.officer_id = @officerId');
      params.officerId = filter.officerId;
    }
    if (filter.actions !== undefined) {
      terms.push(`a.action IN (SELECT value FROM ${values('@actions')})`);
      params.actions = JSON.stringify(filter.actions);
    }
    if (filter.exceptActions !== undefined && filter.exceptActions.length > 0) {
      terms.push(`a.action NOT IN (SELECT value FROM ${values('@exceptActions')})`);
      params.exceptActions = JSON.stringify(filter.exceptActions);
    }
    if (filter.reference !== undefined) {
      terms.push('a.registration_id = (SELECT id FROM registrations WHERE reference = @reference)');
      params.reference = filter.reference;
    }
    if (filter.from !== undefined) {
      terms.push('a.at >= @from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      terms.push('a.at < @to');
      params.to = filter.to;
    }
    if (filter.regencies !== undefined) {
      // An export of several regencies (a province's) is each one's business: it shows where it held their registrations.
      terms.push(`(a.regency IN (SELECT value FROM ${values('@regencies')})
        OR (a.action = 'export' AND EXISTS (SELECT 1 FROM audit_export_rows x JOIN registrations er ON er.id = x.registration_id
              WHERE x.audit_id = a.id AND er.regency IN (SELECT value FROM ${values('@regencies')}))))`);
      params.regencies = JSON.stringify(filter.regencies);
    }
    if (filter.groups !== undefined) {
      // An erased registration has no group left: an agency's admin no longer sees entries about it.
      // The officers' ids come back as text on PostgreSQL: cast to compare with the integer column.
      terms.push(`(r.group_id IN (SELECT value FROM ${values('@groups')})
        OR (a.registration_id IS NULL AND a.officer_id IN (SELECT CAST(value AS INTEGER) FROM ${values('@groupOfficers')})
            AND NOT EXISTS (SELECT 1 FROM audit_export_rows x JOIN registrations er ON er.id = x.registration_id
                             WHERE x.audit_id = a.id AND (er.group_id IS NULL OR er.group_id NOT IN (SELECT value FROM ${values('@groups')})))))`);
      params.groups = JSON.stringify(filter.groups);
      params.groupOfficers = JSON.stringify(filter.groupOfficers ?? []);
    }
    const rows = await sql.all<AuditRow>(
      `SELECT a.id, a.at, a.officer_id, o.username, a.action, a.registration_id, r.reference, a.detail, a.regency
         FROM audit_log a
         LEFT JOIN officers o ON o.id = a.officer_id
         LEFT JOIN registrations r ON r.id = a.registration_id
        ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT @limit`,
      params,
    );
    const more = rows.length > filter.limit;
    if (more) rows.length = filter.limit;
    return { entries: rows.map(auditEntry), next: more ? rows[rows.length - 1]!.id : null };
  }

  return {
    /** A new officer; without a scope: every regency and group, deciding. */
    async add(input: { username: string; passwordHash: string; role: OfficerRole; now: number; scope?: Partial<OfficerScope> }): Promise<Officer> {
      const scope: OfficerScope = { regency: input.scope?.regency ?? null, groups: input.scope?.groups ?? null, readOnly: input.scope?.readOnly ?? false };
      // The username is the one unique column: a conflict means it is taken (case-insensitively).
      const row = await sql.get<{ id: number }>(
        `INSERT INTO officers (username, password_hash, role, created_at, regency, group_scope, read_only) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING id`,
        [input.username, input.passwordHash, input.role, input.now, scope.regency, scope.groups ? JSON.stringify(scope.groups) : null, scope.readOnly ? 1 : 0],
      );
      if (!row) throw new OfficerExistsError(input.username);
      return { id: row.id, username: input.username, role: input.role, createdAt: input.now, disabledAt: null, secondFactor: false, exportNik: false, ...scope };
    },
    /** Sets who an officer works for (their regency, groups, read-only). */
    async setScope(officerId: number, scope: OfficerScope): Promise<void> {
      await sql.run('UPDATE officers SET regency = ?, group_scope = ?, read_only = ? WHERE id = ?', [
        scope.regency,
        scope.groups ? JSON.stringify(scope.groups) : null,
        scope.readOnly ? 1 : 0,
        officerId,
      ]);
    },
    byUsername: async (username: string): Promise<Officer | undefined> => {
      const r = await sql.get<OfficerRow>(byNameQ, [username]);
      return r && officer(r);
    },
    credentials: async (username: string): Promise<OfficerCredentials | undefined> => {
      const r = await sql.get<OfficerRow>(byNameQ, [username]);
      return r && { ...officer(r), passwordHash: r.password_hash };
    },
    byId: async (id: number): Promise<Officer | undefined> => {
      const r = await sql.get<OfficerRow>(`SELECT ${OCOLS} FROM officers o WHERE o.id = ?`, [id]);
      return r && officer(r);
    },
    /** By username whatever its case, as SQLite's NOCASE column sorts them. */
    list: async (): Promise<Officer[]> => (await sql.all<OfficerRow>(`SELECT ${OCOLS} FROM officers o ORDER BY lower(o.username)`)).map(officer),
    setDisabled: async (id: number, now: number | null): Promise<boolean> => (await sql.run('UPDATE officers SET disabled_at = ? WHERE id = ?', [now, id])).changes > 0,
    setPassword: async (id: number, hash: string): Promise<boolean> => (await sql.run('UPDATE officers SET password_hash = ? WHERE id = ?', [hash, id])).changes > 0,
    count: async (): Promise<number> => count('SELECT count(*) AS n FROM officers', []),

    setExportNik: async (id: number, allowed: boolean): Promise<boolean> =>
      (await sql.run('UPDATE officers SET export_nik = ? WHERE id = ?', [allowed ? 1 : 0, id])).changes > 0,

    async createSession(input: { tokenHash: string; officerId: number; csrf: string; now: number; expiresAt: number; stage?: SessionStage }): Promise<void> {
      await sql.run(
        `INSERT INTO officer_sessions (token_hash, officer_id, csrf, created_at, expires_at, last_seen_at, stage)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [input.tokenHash, input.officerId, input.csrf, input.now, input.expiresAt, input.now, input.stage ?? 'full'],
      );
    },
    sessionByHash: async (tokenHash: string, now: number): Promise<OfficerSession | undefined> => {
      const r = await sql.get<SessionRow>(
        `SELECT s.token_hash, s.csrf, s.created_at AS s_created_at, s.expires_at, s.last_seen_at, s.stage, s.pending_totp_secret, ${OCOLS}
           FROM officer_sessions s JOIN officers o ON o.id = s.officer_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND o.disabled_at IS NULL`,
        [tokenHash, now],
      );
      if (!r) return undefined;
      return {
        tokenHash: r.token_hash,
        csrf: r.csrf,
        createdAt: r.s_created_at,
        expiresAt: r.expires_at,
        lastSeenAt: r.last_seen_at,
        stage: r.stage,
        pendingTotpSecret: r.pending_totp_secret,
        officer: officer(r),
      };
    },
    /** Keeps (or, with null, drops) the secret being enrolled in a session. */
    setPendingTotp: async (tokenHash: string, stored: string | null): Promise<boolean> =>
      (await sql.run('UPDATE officer_sessions SET pending_totp_secret = ? WHERE token_hash = ?', [stored, tokenHash])).changes > 0,
    touchSession: async (tokenHash: string, now: number, newExpiresAt: number): Promise<boolean> =>
      (await sql.run('UPDATE officer_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [now, newExpiresAt, tokenHash])).changes > 0,
    deleteSession: async (tokenHash: string): Promise<boolean> => (await sql.run('DELETE FROM officer_sessions WHERE token_hash = ?', [tokenHash])).changes > 0,
    deleteSessionsOf: async (officerId: number): Promise<number> => (await sql.run(deleteOfQ, [officerId])).changes,
    pruneSessions: async (now: number): Promise<number> => (await sql.run('DELETE FROM officer_sessions WHERE expires_at <= ?', [now])).changes,

    async recordFailure(username: string, address: string, now: number): Promise<void> {
      await sql.run('INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)', [username, address, now]);
    },
    failuresSince: async (username: string, address: string, since: number): Promise<{ byUser: number; byAddress: number }> => ({
      byUser: await count(failuresByUserQ, [username, since]),
      byAddress: await count(failuresByAddressQ, [address, since]),
    }),
    clearFailures: async (username: string): Promise<number> => (await sql.run(`DELETE FROM login_failures WHERE ${sameName('username')}`, [username])).changes,
    pruneFailures: async (before: number): Promise<number> => (await sql.run('DELETE FROM login_failures WHERE at < ?', [before])).changes,
    /**
     * Records a login attempt (password, second factor or re-authentication) as a failure before it
     * is checked, unless the username or the address is over its limit since `since` (then
     * undefined: locked). Returns the attempt's id, for endAttempt when it succeeds.
     * Counted and recorded in one write transaction holding the attempts' lock: however many arrive
     * at once (or in several processes), no more than the limit get past, and each is counted
     * before its password is even hashed.
     */
    beginAttempt: (input: { username: string; address: string; now: number; since: number; maxPerUser: number; maxPerAddress: number }): Promise<number | undefined> =>
      sql.transaction(async () => {
        await sql.lockInTransaction('login_failures');
        if ((await count(failuresByUserQ, [input.username, input.since])) >= input.maxPerUser) return undefined;
        if ((await count(failuresByAddressQ, [input.address, input.since])) >= input.maxPerAddress) return undefined;
        return (await sql.get<{ id: number }>('INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?) RETURNING id', [input.username, input.address, input.now]))!.id;
      }),
    /** A succeeded attempt stops counting; every other attempt in the window still does. */
    endAttempt: async (attemptId: number): Promise<boolean> => (await sql.run('DELETE FROM login_failures WHERE id = ?', [attemptId])).changes > 0,

    /** The officer's TOTP secret as stored and the last step accepted; undefined when none is enrolled. */
    totp: async (officerId: number): Promise<TotpRecord | undefined> => {
      const r = await sql.get<{ totp_secret: string | null; totp_last_step: number | null }>('SELECT totp_secret, totp_last_step FROM officers WHERE id = ?', [officerId]);
      return r?.totp_secret ? { secret: r.totp_secret, lastStep: r.totp_last_step } : undefined;
    },
    /** Enrols a TOTP secret (its confirming step already used) with fresh recovery codes, replacing any old ones. */
    enrolTotp: (input: { officerId: number; secret: string; step: number; now: number; recoveryCodes: { salt: string; hash: string }[] }): Promise<void> =>
      sql.transaction(async () => {
        await sql.run('UPDATE officers SET totp_secret = ?, totp_enrolled_at = ?, totp_last_step = ? WHERE id = ?', [input.secret, input.now, input.step, input.officerId]);
        await sql.run(deleteCodesQ, [input.officerId]);
        for (const c of input.recoveryCodes) {
          await sql.run('INSERT INTO officer_recovery_codes (officer_id, salt, code_hash) VALUES (?, ?, ?)', [input.officerId, c.salt, c.hash]);
        }
      }),
    /** Takes a TOTP time step for the officer; false when it (or a later one) was already used. */
    acceptTotpStep: async (officerId: number, step: number): Promise<boolean> =>
      // Compare-and-set: of two requests with the same code, only one gets the step.
      (
        await sql.run('UPDATE officers SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL AND COALESCE(totp_last_step, -1) < ?', [
          step,
          officerId,
          step,
        ])
      ).changes > 0,
    unusedRecoveryCodes: (officerId: number): Promise<RecoveryCodeRecord[]> =>
      sql.all<RecoveryCodeRecord>('SELECT id, salt, code_hash AS hash FROM officer_recovery_codes WHERE officer_id = ? AND used_at IS NULL ORDER BY id', [officerId]),
    /** Marks a recovery code used; false when another request used it first. */
    useRecoveryCode: async (codeId: number, now: number): Promise<boolean> =>
      (await sql.run('UPDATE officer_recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, codeId])).changes > 0,
    /** Removes the officer's second factor and recovery codes and ends their sessions (an admin's reset). */
    resetSecondFactor: (officerId: number): Promise<void> =>
      sql.transaction(async () => {
        await sql.run('UPDATE officers SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = ?', [officerId]);
        await sql.run(deleteCodesQ, [officerId]);
        await sql.run(deleteOfQ, [officerId]);
      }),

    async audit(input: {
      officerId: number | null;
      action: string;
      registrationId?: number | null;
      detail?: string | Record<string, unknown> | null;
      /** The regency concerned when no registration names it (an invite, a regency's settings). */
      regency?: string | null;
      now: number;
    }): Promise<number> {
      const detail = input.detail == null ? null : typeof input.detail === 'string' ? input.detail : JSON.stringify(input.detail);
      return insertAudit(input.now, input.officerId, input.action, input.registrationId ?? null, detail, input.regency ?? null);
    },
    /** One audit entry for an export and the registrations it held, together. */
    auditExport: (input: { officerId: number; detail: Record<string, unknown>; registrationIds: Iterable<number>; now: number; regency?: string | null }): Promise<number> =>
      sql.transaction(async () => {
        const id = await insertAudit(input.now, input.officerId, 'export', null, JSON.stringify(input.detail), input.regency ?? null);
        for (const registrationId of input.registrationIds) {
          await sql.run('INSERT INTO audit_export_rows (audit_id, registration_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [id, registrationId]);
        }
        return id;
      }),
    /** The registrations an export (its audit entry) held. */
    exportedRegistrations: async (auditId: number): Promise<number[]> =>
      (await sql.all<{ registration_id: number }>('SELECT registration_id FROM audit_export_rows WHERE audit_id = ? ORDER BY registration_id', [auditId])).map(
        (r) => r.registration_id,
      ),
    /** Whether audit entry `auditId` is this officer's NIK reveal of this registration, made after `since`. */
    revealedSince: async (auditId: number, officerId: number, registrationId: number, since: number): Promise<boolean> =>
      (await sql.get<{ one: number }>(
        "SELECT 1 AS one FROM audit_log WHERE id = ? AND officer_id = ? AND registration_id = ? AND action = 'reveal_nik' AND at > ?",
        [auditId, officerId, registrationId, since],
      )) !== undefined,
    /**
     * Registrations other officers opened since `since` (their page views in the audit log), with
     * who opened each last and when: "next" passes them by, and their page says so.
     */
    openedByOthers: async (officerId: number, since: number): Promise<Map<number, { username: string; at: number }>> => {
      // The newest view wins per registration; audit_log_at keeps it to the recent few.
      // A read-only officer (a province's) decides nothing: their looking holds no one back.
      const rows = await sql.all<{ registration_id: number; username: string; at: number }>(
        `SELECT registration_id, username, at FROM (
           SELECT a.registration_id, o.username, a.at, row_number() OVER (PARTITION BY a.registration_id ORDER BY a.at DESC, a.id DESC) AS n
             FROM audit_log a JOIN officers o ON o.id = a.officer_id
            WHERE a.at >= ? AND a.action = 'view' AND a.officer_id <> ? AND a.registration_id IS NOT NULL AND o.read_only = 0
         ) v WHERE n = 1`,
        [since, officerId],
      );
      return new Map(rows.map((r) => [r.registration_id, { username: r.username, at: r.at }]));
    },
    auditPage: async (opts: { before?: number; limit: number; action?: string }): Promise<AuditEntry[]> =>
      (
        await sql.all<AuditRow>(
          // The cast types @action for PostgreSQL, which cannot infer it from `IS NULL` alone.
          `SELECT a.id, a.at, a.officer_id, o.username, a.action, a.registration_id, r.reference, a.detail, a.regency
             FROM audit_log a
             LEFT JOIN officers o ON o.id = a.officer_id
             LEFT JOIN registrations r ON r.id = a.registration_id
            WHERE a.id < COALESCE(@before, 9223372036854775807) AND (CAST(@action AS TEXT) IS NULL OR a.action = @action)
            ORDER BY a.id DESC LIMIT @limit`,
          { before: opts.before ?? null, action: opts.action ?? null, limit: opts.limit },
        )
      ).map(auditEntry),
    /** One page of the audit log for the audit page's filters, newest first, and the `before` of the next page (null on the last). */
    auditSearch,
  };
}

/** The store's type, for dependency injection into the console. */
export type OfficerStore = ReturnType<typeof createOfficerStore>;
