// A consistent online copy of the SQLite database: VACUUM INTO reads one snapshot (a single
// read transaction), so writers may keep going while it runs; then the copy is fsynced and
// checked. PostgreSQL has its own tool for this.
import { closeSync, existsSync, fsyncSync, openSync } from "node:fs";
import { resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { z } from "zod";
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
        io.err("rencana backup: untuk PostgreSQL gunakan pg_dump, mis. `pg_dump -Fc -f rencana.dump \"$DATABASE_URL\"` (for PostgreSQL use pg_dump)\n");
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
      await withDatabase(
        opts.db,
        io,
        async (database) => {
          if (!database.sqlite) throw new Error("backup needs an SQLite database");
          database.sqlite.prepare("VACUUM INTO ?").run(target);
        },
        { mustExist: true },
      );
      // VACUUM INTO does not fsync its output: do it, so the backup survives a power cut.
      const fd = openSync(target, "r+");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      const copy = new SqliteDatabase(target, { readonly: true });
      try {
        const check = copy.pragma("integrity_check", { simple: true });
        const count = copy.prepare("SELECT count(*) AS n FROM plans").get() as { n: number };
        if (check !== "ok") {
          io.err(`rencana backup: salinan rusak (integrity_check: ${String(check)})\n`);
          setExit(1);
          return;
        }
        io.out(`${out}: cadangan tersimpan, ${count.n} rencana, integrity_check ok (backup written)\n`);
      } finally {
        copy.close();
      }
      setExit(0);
    });
};
