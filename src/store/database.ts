// Opens the database the user chose: PostgreSQL for a postgres:// URL, otherwise an SQLite
// file (default ./data/rencana.db). Both come back as the same Kysely handle.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrateToLatest, type DialectName } from "./migrations/index.js";
import type { DatabaseSchema } from "./schema.js";

export const DEFAULT_SQLITE_PATH = "data/rencana.db";

export type Database = {
  db: Kysely<DatabaseSchema>;
  dialect: DialectName;
  /** The file path (SQLite) or the URL with any password masked (PostgreSQL), for messages. */
  location: string;
  /** The raw SQLite handle, for what Kysely does not cover (backup, integrity_check). */
  sqlite?: SqliteDatabase.Database;
  migrate: () => Promise<string[]>;
  close: () => Promise<void>;
  /** PostgreSQL only: the pool's connections (for /metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** PostgreSQL only: a new, unconnected client of its own for LISTEN (live events across servers). */
  openListener?: () => pg.Client;
};

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/** `--db` wins, then DATABASE_URL, then the embedded default. */
export function resolveDatabaseUrl(option: string | undefined, env: Record<string, string | undefined>): string {
  return option || env.DATABASE_URL || DEFAULT_SQLITE_PATH;
}

export type OpenOptions = {
  /** SQLite only: fail instead of creating a new file (backup of an existing database). */
  mustExist?: boolean;
  /** Told the SQL of every query run (tests count the queries of a request). */
  onQuery?: (sql: string) => void;
};

function queryLog(options: OpenOptions) {
  const onQuery = options.onQuery;
  return onQuery ? { log: (event: { query: { sql: string } }) => onQuery(event.query.sql) } : {};
}

/**
 * better-sqlite3 with its prepared statements kept and reused by SQL text: Kysely prepares every
 * query it runs, and preparing (parsing and planning the SQL) is a good part of a small query's
 * cost. Kysely runs one query at a time on the connection, so a cached statement is never in use twice.
 */
function reusingStatements(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === "prepare") {
        return (source: string) => {
          let statement = cache.get(source);
          if (!statement) {
            statement = prepare(source);
            // Schema changes (migrations) are rare; bound the cache so ad-hoc SQL cannot grow it forever.
            if (cache.size >= 500) cache.clear();
            cache.set(source, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function openDatabase(urlOrPath: string = DEFAULT_SQLITE_PATH, options: OpenOptions = {}): Database {
  if (isPostgresUrl(urlOrPath)) return openPostgres(urlOrPath, options);
  return openSqlite(urlOrPath.replace(/^sqlite:(\/\/)?/i, ""), options);
}

function openSqlite(path: string, options: OpenOptions): Database {
  const file = resolve(path);
  if (!options.mustExist) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file, { fileMustExist: Boolean(options.mustExist) });
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit durable.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }), ...queryLog(options) });
  return {
    db,
    dialect: "sqlite",
    location: file,
    sqlite,
    migrate: () => migrateToLatest(db as unknown as Kysely<unknown>, "sqlite"),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, options: OpenOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }), ...queryLog(options) });
  return {
    db,
    dialect: "postgres",
    location: maskPassword(url),
    migrate: () => migrateToLatest(db as unknown as Kysely<unknown>, "postgres"),
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    openListener: () => new pg.Client({ connectionString: url }),
  };
}

function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
