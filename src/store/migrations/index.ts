// Append-only list of migrations, each named by its timestamp (YYYYMMDDTHHMM_subject).
// Never edit or remove one that has shipped: add a new one. schema-guard.test.ts enforces it.
import { Migrator, type Kysely, type MigrationProvider } from "kysely";
import { migration as plans } from "./20261127T1930_plans.js";
import { migration as people } from "./20261127T2200_people.js";
import { migration as decreeRegister } from "./20261202T1030_decree_register.js";
import { migration as signinAttempts } from "./20261202T1300_signin_attempts.js";
import { migration as revisionPatches } from "./20261202T1330_revision_patches.js";
import { migration as verificationCalendar } from "./20261202T1400_verification_calendar.js";
import { migration as publicService } from "./20261202T1430_public_service.js";
import { migration as recordVersions } from "./20261202T1440_record_versions.js";

export type DialectName = "sqlite" | "postgres";

export type Migration = {
  name: string;
  /** Takes the dialect so a migration can choose portable DDL where the two differ. */
  up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void>;
};

export const migrations: readonly Migration[] = [plans, people, decreeRegister, signinAttempts, revisionPatches, verificationCalendar, publicService, recordVersions];

export const MIGRATION_NAME = /^\d{8}T\d{4}_[a-z0-9_]+$/;

export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(migrations.map((m) => [m.name, { up: (trx: Kysely<unknown>) => m.up(trx, dialect) }])),
  };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
