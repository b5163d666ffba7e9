// Every store and API test runs on both databases: loop over `testDatabases()`.
// Each call of `url()` makes a fresh, empty database (a temp SQLite file or a new PostgreSQL db).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";

export type TestDatabase = { dialect: "sqlite" | "postgres"; available: boolean; url: () => Promise<string> };

let counter = 0;

export function testDatabases(): TestDatabase[] {
  const pgUrl = inject("postgresUrl");
  return [
    {
      dialect: "sqlite",
      available: true,
      url: async () => join(mkdtempSync(join(tmpdir(), "rencana-test-")), "test.db"),
    },
    {
      dialect: "postgres",
      available: Boolean(pgUrl),
      url: async () => {
        const name = `t_${process.pid}_${Date.now()}_${counter++}`;
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        const u = new URL(pgUrl);
        u.pathname = `/${name}`;
        return u.toString();
      },
    },
  ];
}
