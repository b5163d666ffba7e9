import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_PATH, isPostgresUrl, openDatabase, resolveDatabaseUrl } from "./database.js";

describe("openDatabase", () => {
  it("chooses the database from --db, then DATABASE_URL, then the embedded default", () => {
    expect(resolveDatabaseUrl("x.db", { DATABASE_URL: "postgres://h/db" })).toBe("x.db");
    expect(resolveDatabaseUrl(undefined, { DATABASE_URL: "postgres://h/db" })).toBe("postgres://h/db");
    expect(resolveDatabaseUrl(undefined, {})).toBe(DEFAULT_SQLITE_PATH);
    expect(isPostgresUrl("postgres://h/db")).toBe(true);
    expect(isPostgresUrl("postgresql://h/db")).toBe(true);
    expect(isPostgresUrl("data/postgres.db")).toBe(false);
  });

  it("opens SQLite durably (WAL, synchronous=FULL, foreign keys, busy timeout) and creates the folder", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rencana-open-")), "nested", "dir", "r.db");
    const database = openDatabase(file);
    try {
      expect(existsSync(file)).toBe(true);
      const s = database.sqlite!;
      expect(s.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(s.pragma("synchronous", { simple: true })).toBe(2); // FULL
      expect(s.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(s.pragma("busy_timeout", { simple: true })).toBe(5000);
      await database.migrate();
      // foreign keys are enforced: a revision cannot point to a missing plan
      expect(() => s.prepare("INSERT INTO plan_revisions (plan_id, version, title, document, created_at) VALUES ('x', 1, 't', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    } finally {
      await database.close();
    }
  });

  it("refuses a missing file when it must exist", () => {
    expect(() => openDatabase(join(tmpdir(), "does-not-exist-rencana", "x.db"), { mustExist: true })).toThrow();
  });
});
