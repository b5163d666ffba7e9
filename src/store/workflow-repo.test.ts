// The workflow's guards at the store level, on both databases: a move decided against a state
// that has changed matches nothing, and the decree counter hands out each number once even
// when many approvals run at the same moment in separate transactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database.js";
import { peopleRepo } from "./people-repo.js";
import { plansRepo, writeTransaction } from "./plans-repo.js";
import { allocateRegisterCounter, peekRegisterCounter, recordRegisterEntry } from "./decree-register-repo.js";
import { lockInState, moveWorkflow } from "./workflow-repo.js";
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

    it("hands out each register number once under concurrent approvals, per organisation, series and year; the database refuses a duplicate", async () => {
      const org = await peopleRepo(database.db).createOrganization("Organisasi penghitung");
      const key = { organizationId: org.id, series: "800", year: 2027 };
      expect(await peekRegisterCounter(database.db, key)).toBe(1);
      const numbers = await Promise.all(Array.from({ length: 12 }, () => writeTransaction(database.db, (q) => allocateRegisterCounter(q, key))));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await peekRegisterCounter(database.db, key)).toBe(13);
      expect(await writeTransaction(database.db, (q) => allocateRegisterCounter(q, { ...key, year: 2028 }))).toBe(1);
      expect(await writeTransaction(database.db, (q) => allocateRegisterCounter(q, { ...key, series: "188.4" }))).toBe(1);
      // A rolled-back approval gives its number back.
      await expect(
        writeTransaction(database.db, async (q) => {
          await allocateRegisterCounter(q, key);
          throw new Error("approval refused");
        }),
      ).rejects.toThrow("approval refused");
      expect(await writeTransaction(database.db, (q) => allocateRegisterCounter(q, key))).toBe(13);

      // The unique constraint: a second row with the same number is refused by the database itself.
      const entry = { ...key, counter: 13, number: "800/013/2027", planId: null, planVersion: null, title: "Uji", signatory: "Kepala", issuedOn: "2027-03-01", status: "issued" as const, userId: null, at: "2027-03-01T00:00:00Z" };
      await writeTransaction(database.db, (q) => recordRegisterEntry(q, entry));
      await expect(writeTransaction(database.db, (q) => recordRegisterEntry(q, { ...entry, number: "800/013/X/2027" }))).rejects.toThrow(/unique|duplicate/i);

      // The register starts after the numbers the per-signatory counters gave out that year.
      const older = await peopleRepo(database.db).createOrganization("Organisasi lama");
      await database.db.insertInto("decree_counters").values({ organization_id: older.id, signatory: "KEPALA DINAS", year: 2027, last_number: 7 }).execute();
      expect(await peekRegisterCounter(database.db, { ...key, organizationId: older.id })).toBe(8);
      expect(await writeTransaction(database.db, (q) => allocateRegisterCounter(q, { ...key, organizationId: older.id }))).toBe(8);
    });
  });
}
