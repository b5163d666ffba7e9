import pg from "pg";
import { describe, expect, it } from "vitest";
import { testDatabases } from "./databases.js";

describe("test harness", () => {
  it("gives a fresh, empty PostgreSQL database per call (when PostgreSQL is available)", async (ctx) => {
    const pgDb = testDatabases().find((d) => d.dialect === "postgres")!;
    if (!pgDb.available) ctx.skip();
    const [a, b] = [await pgDb.url(), await pgDb.url()];
    expect(a).not.toEqual(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    const r = await client.query("select current_database() as db, count(*)::int as n from information_schema.tables where table_schema = 'public'");
    await client.end();
    expect(r.rows[0].db).toBe(new URL(a).pathname.slice(1));
    expect(r.rows[0].n).toBe(0);
  });
});
