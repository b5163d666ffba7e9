import { z } from "zod";
import { withDatabase } from "../database.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ db: z.string().min(1).optional() });

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("migrate")
    .description("jalankan migrasi basis data (SQLite atau PostgreSQL)")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .action(async (rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      await withDatabase(opts.db, io, async (database) => {
        const applied = await database.migrate();
        if (applied.length === 0) io.out(`${database.location}: basis data sudah mutakhir (up to date)\n`);
        for (const name of applied) io.out(`${database.location}: migrasi ${name} diterapkan (applied)\n`);
      });
      setExit(0);
    });
};
