import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement per connection and SQL text (the WHERE varies only with the filter's shape). */
export function cachedStatement(db: Db, sql: string): Statement {
  let byText = statementCache.get(db);
  if (!byText) {
    byText = new Map();
    statementCache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (byText.size > 200) byText.clear();
    byText.set(sql, stmt);
  }
  return stmt;
}
