// Sign-in attempts and shared rate-limit counters (issue 13, D4/D5/D9). Every sign-in attempt is
// a row written before its password is checked, so concurrent guesses on several servers count
// against one limit; the outcome (pending, failed, ok) is set after the check. Rate-limit
// counters are one row per key and window, so every server process shares them.
// `signin_failures` (the earlier per-e-mail count) stays for the schema guard; nothing writes it.
import type { Kysely } from "kysely";
import type { DialectName } from "./index.js";

export const migration = {
  name: "20261202T1300_signin_attempts",
  async up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
    const serial = dialect === "postgres" ? "bigserial" : "integer";
    await db.schema
      .createTable("signin_attempts")
      .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn("email", "text", (c) => c.notNull())
      /** The client address ("" when unknown). */
      .addColumn("ip", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      /** "pending" (being checked), "failed" or "ok". */
      .addColumn("outcome", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("signin_attempts_email_idx").on("signin_attempts").columns(["email", "at"]).execute();
    await db.schema.createIndex("signin_attempts_ip_idx").on("signin_attempts").columns(["ip", "at"]).execute();
    await db.schema
      .createTable("rate_limit_counters")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("count", "integer", (c) => c.notNull())
      /** Milliseconds since the epoch when the current window ends. */
      .addColumn("reset_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("rate_limit_counters_reset_idx").on("rate_limit_counters").column("reset_at").execute();
  },
};
