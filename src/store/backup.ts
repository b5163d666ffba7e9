// A consistent online copy of an SQLite database: VACUUM INTO reads one snapshot (a single
// read transaction), so writers may keep going while it runs; then the copy is fsynced and
// checked. PostgreSQL has its own tool for this (pg_dump).
import { closeSync, fsyncSync, openSync } from "node:fs";
import SqliteDatabase from "better-sqlite3";

export type BackupResult = { integrity: string; plans: number };

export function backupSqlite(source: SqliteDatabase.Database, target: string): BackupResult {
  source.prepare("VACUUM INTO ?").run(target);
  // VACUUM INTO does not fsync its output: do it, so the backup survives a power cut.
  const fd = openSync(target, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const copy = new SqliteDatabase(target, { readonly: true });
  try {
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    const { n } = copy.prepare("SELECT count(*) AS n FROM plans").get() as { n: number };
    return { integrity, plans: n };
  } finally {
    copy.close();
  }
}
