// `rencana backup`: a consistent online copy of the SQLite database (src/store/backup.ts).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { backupSqlite } from "../../store/backup.js";
import { isPostgresUrl, resolveDatabaseUrl } from "../../store/database.js";
import { withDatabase } from "../database.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ db: z.string().min(1).optional() });

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("backup")
    .description("salin basis data SQLite secara konsisten selagi server berjalan")
    .argument("<out>", "berkas tujuan (belum boleh ada)")
    .option("--db <url>", "berkas SQLite (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .action(async (out: string, rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      if (isPostgresUrl(resolveDatabaseUrl(opts.db, io.env))) {
        io.err("rencana backup: untuk PostgreSQL gunakan pg_dump tanpa isi tabel sessions, mis. `umask 077; pg_dump -Fc --exclude-table-data=sessions -f rencana.dump \"$DATABASE_URL\"` (for PostgreSQL use pg_dump, without the sessions rows, readable by you only)\n");
        setExit(1);
        return;
      }
      const target = resolve(out);
      if (existsSync(target)) {
        io.err(`rencana backup: ${out} sudah ada; pilih nama lain (already exists)\n`);
        setExit(1);
        return;
      }
      const source = resolve(resolveDatabaseUrl(opts.db, io.env));
      if (!existsSync(source)) {
        io.err(`rencana backup: basis data ${source} tidak ditemukan (database not found)\n`);
        setExit(1);
        return;
      }
      const result = await withDatabase(
        opts.db,
        io,
        async (database) => {
          if (!database.sqlite) throw new Error("backup needs an SQLite database");
          return backupSqlite(database.sqlite, target);
        },
        { mustExist: true },
      );
      if (result.integrity !== "ok") {
        io.err(`rencana backup: salinan rusak (integrity_check: ${result.integrity})\n`);
        setExit(1);
        return;
      }
      io.out(`${out}: cadangan tersimpan, ${result.plans} rencana, integrity_check ok (backup written)\n`);
      setExit(0);
    });
};
