// D15: two `rencana serve --demo` processes started together on an empty PostgreSQL database
// both start (no duplicate-key crash), and the demo exists once: one organisation, six users,
// the example plans once each.
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../store/database.js";
import { testDatabases } from "../test-support/databases.js";
import { examplePlans } from "../test-support/fixtures.js";
import { signInOverHttp, startServer, type ServerProcess, stopServers } from "../test-support/server-process.js";
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from "./demo.js";

const postgres = testDatabases().find((t) => t.dialect === "postgres")!;

describe.skipIf(!postgres.available)("two serve --demo processes on one empty PostgreSQL", () => {
  const servers: ServerProcess[] = [];
  let database: Database | undefined;
  afterAll(async () => {
    await stopServers(servers);
    await database?.close();
  });

  it("both start, and the demo is set up once", async () => {
    const url = await postgres.url(); // empty: not even migrated
    servers.push(...(await Promise.all([startServer(["--demo", "--db", url], 120_000), startServer(["--demo", "--db", url], 120_000)])));
    database = openDatabase(url);
    const orgs = await database.db.selectFrom("organizations").select("name").where("name", "=", DEMO_ORGANIZATION).execute();
    expect(orgs).toHaveLength(1);
    const users = await database.db.selectFrom("users").select("email").execute();
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const plans = await database.db.selectFrom("plans").select("title").execute();
    expect(plans).toHaveLength(examplePlans().length);
    for (const s of servers) await signInOverHttp(s.baseUrl, DEMO_USERS[0]!.email, DEMO_PASSWORD);
  }, 240_000);
});
