// Every shared record versioned (issue 13, D6): users, units, the organisation's settings and a
// plan's team each get a version number that every change increments, so a change carries the
// version it was made on (If-Match) and the second of two editors gets 409 instead of silently
// overwriting the first.
import type { Kysely } from "kysely";

export const migration = {
  name: "20261202T1440_record_versions",
  async up(db: Kysely<unknown>): Promise<void> {
    for (const table of ["users", "units", "organizations"]) {
      await db.schema.alterTable(table).addColumn("version", "integer", (c) => c.notNull().defaultTo(1)).execute();
    }
    await db.schema.alterTable("plans").addColumn("team_version", "integer", (c) => c.notNull().defaultTo(1)).execute();
  },
};
