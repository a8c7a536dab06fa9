// The storage port: the one way the repositories reach a database, whichever it is. SQLite (the
// embedded default, sqlite.ts) and PostgreSQL (DATABASE_URL, postgres.ts) implement it; the
// repositories above it are written once. Every call is asynchronous (a PostgreSQL round trip is
// I/O); SQLite answers at once underneath.
//
// SQL is written with `?` (positional) or `@name` (named) parameters, in the SQL both databases
// share (RETURNING, ON CONFLICT … DO NOTHING/UPDATE, COALESCE). Where the two differ, the words
// come from `sql.dialect` (each store's own module), never from an `if` in a repository.

/** Positional values for `?`, or named ones for `@name`. */
export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface RunResult {
  /** Rows inserted, changed or deleted. */
  changes: number;
}

/** What differs between the two databases' SQL, written by each store in its own module. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The elements of a JSON array held as text in `column`, as a table with one column `value` (text). */
  jsonArrayElements(column: string): string;
  /** A case-insensitive LIKE (SQLite's LIKE already is, for ASCII). */
  readonly ilike: string;
  /**
   * Ends a SELECT of rows about to be claimed: rows another transaction holds are passed over, not
   * waited for (PostgreSQL; SQLite's one writer never sees another's rows held).
   */
  readonly skipLocked: string;
  /** The position (1-based, 0: absent) of `needle` in `haystack`. */
  position(haystack: string, needle: string): string;
  /**
   * `column` equals `value` whatever their (ASCII) case, for a column SQLite declares COLLATE NOCASE
   * (an officer's username): SQLite compares by the column's collation; PostgreSQL lowers both
   * sides, as its index on lower(column) expects.
   */
  nocaseEquals(column: string, value: string): string;
}

export interface Sql {
  readonly dialect: Dialect;
  /** Every row. */
  all<R>(sql: string, params?: Params): Promise<R[]>;
  /** The first row, or undefined. */
  get<R>(sql: string, params?: Params): Promise<R | undefined>;
  /** A statement that returns no rows. */
  run(sql: string, params?: Params): Promise<RunResult>;
  /** Several statements with no parameters (migrations, maintenance). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside
   * another transaction (of the same async call chain) it becomes a savepoint. Every repository call
   * made while `fn` runs belongs to it; calls from elsewhere wait (SQLite) or use another connection
   * (PostgreSQL). `fn` must not wait on anything but the database: a reply is sent after the commit.
   */
  transaction<R>(fn: () => Promise<R>): Promise<R>;
  /** Whether the caller runs inside a transaction. */
  inTransaction(): boolean;
  /**
   * Holds a lock on `key` until the transaction ends (PostgreSQL: an advisory lock, so two processes
   * handle one person's messages one after the other; SQLite: its one writer already orders them).
   */
  lockInTransaction(key: string): Promise<void>;
  /** Returns the space left by deleted rows and flushes what the log still holds (after an erasure). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** A FIFO lock for one connection's transactions (SQLite: everything runs on one connection). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  get locked(): boolean {
    return this.holders > 0;
  }

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    this.holders++;
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = () => {
        this.holders--;
        resolve();
      };
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }

  /** Resolves when the holders at the time of the call have released. */
  idle(): Promise<void> {
    return this.tail;
  }
}
