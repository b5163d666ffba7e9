// The workflow's guards at the store level, on both databases: a move decided against a state
// that has changed matches nothing, and the decree counter hands out each number once even
// when many approvals run at the same moment in separate transactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.js";
import { peopleRepo } from "./people-repo.js";
import { plansRepo, writeTransaction } from "./plans-repo.js";
import { currentDecreeCounter, lockInState, moveWorkflow, nextDecreeCounter } from "./workflow-repo.js";
import { testDatabases } from "../test-support/databases.js";
import { minimalPlan } from "../test-support/fixtures.js";
import { openMigrated } from "../test-support/open-store.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`workflow store on ${target.dialect}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
    });
    afterAll(async () => {
      await database?.close();
    });

    it("moves the workflow only from the state it was decided against", async () => {
      const plan = await plansRepo(database.db).create(minimalPlan());
      const at = new Date().toISOString();
      const draft = { status: "draft", reviewStep: null, reviewCycle: 0 } as const;
      const submitted = { status: "submitted", reviewStep: 1, reviewCycle: 1 } as const;
      expect(await writeTransaction(database.db, (q) => moveWorkflow(q, plan.id, draft, submitted, at))).toEqual({ version: 1, organizationId: null });
      // The same move again (a double click) finds no draft any more.
      expect(await writeTransaction(database.db, (q) => moveWorkflow(q, plan.id, draft, submitted, at))).toBeNull();
      // Step 1 → 2 once; a second attempt from step 1 matches nothing, nor does one from another round.
      expect(await writeTransaction(database.db, (q) => moveWorkflow(q, plan.id, submitted, { ...submitted, reviewStep: 2 }, at))).not.toBeNull();
      expect(await writeTransaction(database.db, (q) => moveWorkflow(q, plan.id, submitted, { ...submitted, reviewStep: 2 }, at))).toBeNull();
      expect(await writeTransaction(database.db, (q) => moveWorkflow(q, plan.id, { ...submitted, reviewStep: 2, reviewCycle: 7 }, submitted, at))).toBeNull();
      const step2 = { ...submitted, reviewStep: 2 };
      expect(await writeTransaction(database.db, (q) => lockInState(q, plan.id, step2, 1))).toBe(true);
      expect(await writeTransaction(database.db, (q) => lockInState(q, plan.id, step2, 2))).toBe(false);
      expect(await writeTransaction(database.db, (q) => lockInState(q, plan.id, submitted, 1))).toBe(false);
      expect(await plansRepo(database.db).head(plan.id)).toMatchObject({ status: "submitted", reviewStep: 2, version: 1 });
    });

    it("hands out each decree number once under concurrent approvals, per organisation, signatory and year", async () => {
      const org = await peopleRepo(database.db).createOrganization("Organisasi penghitung");
      const key = { organizationId: org.id, signatory: "KEPALA DINAS", year: 2027 };
      const numbers = await Promise.all(Array.from({ length: 12 }, () => writeTransaction(database.db, (q) => nextDecreeCounter(q, key))));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await currentDecreeCounter(database.db, key)).toBe(12);
      expect(await writeTransaction(database.db, (q) => nextDecreeCounter(q, { ...key, year: 2028 }))).toBe(1);
      expect(await writeTransaction(database.db, (q) => nextDecreeCounter(q, { ...key, signatory: "SEKRETARIS DAERAH" }))).toBe(1);
      // A rolled-back approval gives its number back.
      await expect(
        writeTransaction(database.db, async (q) => {
          await nextDecreeCounter(q, key);
          throw new Error("approval refused");
        }),
      ).rejects.toThrow("approval refused");
      expect(await writeTransaction(database.db, (q) => nextDecreeCounter(q, key))).toBe(13);
    });
  });
}
