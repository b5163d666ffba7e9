// Revisions as patches (issue 14): each revision keeps its forward JSON Patch from the version
// before, with a compressed full snapshot every SNAPSHOT_EVERY versions (revision-codec.ts).
// `kind` says which ("full" for a row still holding the whole document as text); `snapshot`
// holds the deflated document. Existing revisions are converted here, one plan at a time.
import type { Kysely } from "kysely";
import type { Plan } from "../../domain/plan/schema.js";
import { decodeRevision, encodeRevision } from "../revision-codec.js";
import type { DatabaseSchema } from "../schema.js";
import type { DialectName } from "./index.js";

export const migration = {
  name: "20261202T1330_revision_patches",
  async up(untyped: Kysely<unknown>, dialect: DialectName): Promise<void> {
    await untyped.schema.alterTable("plan_revisions").addColumn("kind", "text", (c) => c.notNull().defaultTo("full")).execute();
    await untyped.schema.alterTable("plan_revisions").addColumn("snapshot", dialect === "postgres" ? "bytea" : "blob").execute();
    const db = untyped as unknown as Kysely<DatabaseSchema>;
    const plans = await db.selectFrom("plan_revisions").select("plan_id").distinct().execute();
    for (const { plan_id } of plans) {
      const versions = await db.selectFrom("plan_revisions").select("version").where("plan_id", "=", plan_id).orderBy("version").execute();
      let previous: Plan | undefined;
      for (const { version } of versions) {
        // One row at a time: a plan with many large revisions is never all in memory.
        const row = await db.selectFrom("plan_revisions").select(["version", "kind", "document", "snapshot"]).where("plan_id", "=", plan_id).where("version", "=", version).executeTakeFirstOrThrow();
        const plan = decodeRevision([{ ...row, version: Number(row.version) }]);
        // The first stored version of a plan (no previous) becomes a snapshot, whatever its number.
        const encoded = encodeRevision(Number(version), previous, plan);
        await db
          .updateTable("plan_revisions")
          .set({ kind: encoded.kind, document: encoded.document, snapshot: encoded.snapshot })
          .where("plan_id", "=", plan_id)
          .where("version", "=", version)
          .execute();
        previous = plan;
      }
    }
  },
};
