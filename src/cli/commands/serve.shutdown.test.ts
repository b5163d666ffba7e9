// Graceful shutdown of `rencana serve` (issue 14), a real process on SQLite and on PostgreSQL:
// SIGTERM while a large PUT is in flight — the PUT is answered 200 and stored, no new request is
// accepted, and the process closes its database and exits 0 on its own.
import { afterAll, describe, expect, it } from "vitest";
import { generatePlan } from "../../../bench/schedule/generate.js";
import { openDatabase } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createOrganization, createUser, TEST_PASSWORD } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { signInOverHttp, startServer, type ServerProcess } from "../../test-support/server-process.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`rencana serve on ${target.dialect}: SIGTERM`, () => {
    let server: ServerProcess | undefined;
    afterAll(() => {
      if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    });

    it("finishes the request in flight, accepts no new one, closes the database and exits 0", async () => {
      const { database, url } = await openMigrated(target);
      const org = await createOrganization(database, "Dinas Berhenti");
      const user = await createUser(database, org.id, ["penyusun"], "Penyusun Berhenti");
      await database.close();
      server = await startServer(["--db", url], 60_000, { LOG_LEVEL: "info" });
      const api = await signInOverHttp(server.baseUrl, user.email, TEST_PASSWORD);
      const created = await api("POST", "/api/plans", minimalPlan({ title: "Sebelum berhenti" }));
      const { id } = (await created.json()) as { id: string };
      const big = { ...generatePlan({ activities: 10_000 }), title: "Dalam perjalanan" };

      // The PUT is in flight once the server has logged it as incoming (JSON log, its request id).
      const inFlight = api("PUT", `/api/plans/${id}`, big, { "if-match": '"1"', "x-request-id": "sedang-jalan" });
      const output = server.output;
      const seen = Date.now();
      while (!/"reqId":"sedang-jalan"[^\n]*"msg":"incoming request"/.test(output())) {
        if (Date.now() - seen > 30_000) throw new Error(`the PUT never arrived:\n${output()}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(output()).not.toMatch(/"reqId":"sedang-jalan"[^\n]*"msg":"request completed"/);
      server.child.kill("SIGTERM");
      const res = await inFlight;
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { version: number }).version).toBe(2);
      // No new request is taken: the listener is closed (refused) or the server answers 503 while closing.
      const late = await fetch(`${server.baseUrl}/api/health`).then((r) => r.status, () => "refused");
      expect(["refused", 503]).toContain(late);
      expect(await server.exited).toBe(0);
      expect(server.child.signalCode).toBeNull();
      expect(output()).toMatch(/"reqId":"sedang-jalan"[^\n]*"msg":"request completed"/);

      const check = openDatabase(url);
      try {
        expect(await plansRepo(check.db).get(id)).toMatchObject({ version: 2, title: "Dalam perjalanan" });
        if (check.sqlite) expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        await check.close();
      }
    }, 120_000);
  });
}
