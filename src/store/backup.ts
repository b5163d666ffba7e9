// A consistent online copy of an SQLite database: VACUUM INTO reads one snapshot (a single
// read transaction), so writers may keep going while it runs; then the copy is fsynced and
// checked. PostgreSQL has its own tool for this (pg_dump).
// The copy is readable by its owner only (0600): it holds password hashes. It holds no sessions
// (their rows are wiped, secure_delete on), so a restored copy accepts no cookie of before.
import { chmodSync, closeSync, fsyncSync, openSync } from "node:fs";
import SqliteDatabase from "better-sqlite3";

export type BackupResult = { integrity: string; plans: number };

export function backupSqlite(source: SqliteDatabase.Database, target: string): BackupResult {
  // Created empty with mode 0600 before SQLite writes into it (VACUUM INTO accepts an empty file);
  // "wx": never into an existing file.
  closeSync(openSync(target, "wx", 0o600));
  chmodSync(target, 0o600); // whatever the umask
  source.prepare("VACUUM INTO ?").run(target);
  const copy = new SqliteDatabase(target);
  try {
    // Sessions (token hashes and CSRF tokens) do not belong in a backup: wiped, and their pages zeroed.
    copy.pragma("secure_delete = ON");
    copy.exec("DELETE FROM sessions");
    copy.exec("VACUUM");
  } finally {
    copy.close();
  }
  chmodSync(target, 0o600);
  // VACUUM INTO does not fsync its output: do it, so the backup survives a power cut.
  const fd = openSync(target, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const check = new SqliteDatabase(target, { readonly: true });
  try {
    const integrity = String(check.pragma("integrity_check", { simple: true }));
    const { n } = check.prepare("SELECT count(*) AS n FROM plans").get() as { n: number };
    return { integrity, plans: n };
  } finally {
    check.close();
  }
}
