// Sign-in throttling under real concurrency (issue 13, D4/D5/D9): two `rencana serve` processes
// on one PostgreSQL database behind a proxy (RENCANA_TRUST_PROXY=1, the address from
// X-Forwarded-For), twenty wrong guesses for one account sent at once, half to each server.
// At most five passwords are checked (five "wrong password" answers, five failed rows), the rest
// are throttled, and the real user, from another address, still signs in.
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { createOrganization, createUser, TEST_PASSWORD } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { openMigrated } from "../../test-support/open-store.js";
import { startServer, type ServerProcess, stopServers } from "../../test-support/server-process.js";

const postgres = testDatabases().find((t) => t.dialect === "postgres")!;
const GUESSES = 20;

describe.skipIf(!postgres.available)("sign-in throttling with two server processes on one PostgreSQL", () => {
  let database: Database | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await stopServers(servers);
    await database?.close();
  });

  it("checks at most 5 of 20 simultaneous wrong guesses, and the real user from another address still signs in", async () => {
    const opened = await openMigrated(postgres);
    database = opened.database;
    const org = await createOrganization(database, "Dinas Tebakan");
    const user = await createUser(database, org.id, ["penyusun"], "Pengguna Asli");
    const env = { RENCANA_TRUST_PROXY: "1" };
    servers.push(...(await Promise.all([startServer(["--db", opened.url], 60_000, env), startServer(["--db", opened.url], 60_000, env)])));
    const signIn = (server: ServerProcess, address: string, password: string) =>
      fetch(`${server.baseUrl}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ email: user.email, password }),
      });

    const answers = await Promise.all(Array.from({ length: GUESSES }, (_, i) => signIn(servers[i % 2]!, "203.0.113.66", `tebakan-salah-${i}`)));
    const codes = await Promise.all(answers.map(async (r) => ((await r.json()) as { error?: { code: string } }).error?.code ?? String(r.status)));
    const wrong = codes.filter((c) => c === "auth.invalid_credentials").length;
    const throttled = codes.filter((c) => c === "auth.throttled").length;
    console.log(`two servers, ${GUESSES} simultaneous guesses: ${wrong} checked ("wrong password"), ${throttled} throttled`);
    expect(wrong + throttled, codes.join(",")).toBe(GUESSES);
    expect(wrong).toBeLessThanOrEqual(5);
    expect(wrong).toBe(5);
    const rows = await database.db.selectFrom("signin_attempts").select(["outcome", "ip"]).where("email", "=", user.email).execute();
    expect(rows).toEqual(Array.from({ length: 5 }, () => ({ outcome: "failed", ip: "203.0.113.66" })));

    // The guessing address stays throttled on both servers, even with the right password.
    for (const s of servers) expect(((await (await signIn(s, "203.0.113.66", TEST_PASSWORD)).json()) as { error: { code: string } }).error.code).toBe("auth.throttled");
    // The real user, from another address, signs in on either server.
    for (const s of servers) {
      const real = await signIn(s, "198.51.100.7", TEST_PASSWORD);
      expect(real.status, await real.clone().text()).toBe(200);
      expect(real.headers.getSetCookie().some((c) => c.startsWith("rl_session="))).toBe(true);
    }
  }, 180_000);
});
