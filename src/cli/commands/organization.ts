// `rencana organization create NAME` (issue 13, D14): a new organisation (an agency) in the
// database; its first administrator then comes from `rencana user create --admin --organization NAME`.
// `rencana organization list` shows them.
import { z } from "zod";
import { peopleRepo } from "../../store/people-repo.js";
import { withDatabase } from "../database.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ db: z.string().min(1).optional() });

export const register: CommandRegistrar = (program, io, setExit) => {
  const organization = program.command("organization").description("kelola organisasi (instansi): buat, lihat daftar");
  organization
    .command("create")
    .description("buat organisasi baru")
    .argument("<name>", "nama organisasi, mis. \"Dinas Kesehatan\"")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .action(async (rawName: string, rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const name = rawName.trim();
      if (name === "" || name.length > 200) {
        io.err("rencana organization create: nama wajib diisi, paling banyak 200 karakter (a name of 1–200 characters is required)\n");
        setExit(2);
        return;
      }
      const code = await withDatabase(opts.db, io, async (database) => {
        const people = peopleRepo(database.db);
        const existing = (await people.listOrganizations()).find((o) => o.name.toLowerCase() === name.toLowerCase());
        if (existing) {
          io.err(`rencana organization create: organisasi «${existing.name}» sudah ada (already exists)\n`);
          return 1;
        }
        const created = await people.createOrganization(name);
        io.out(`Organisasi dibuat (organisation created): ${created.name}\n`);
        return 0;
      });
      setExit(code ?? 1);
    });
  organization
    .command("list")
    .description("daftar organisasi")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .action(async (rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const code = await withDatabase(opts.db, io, async (database) => {
        for (const o of await peopleRepo(database.db).listOrganizations()) io.out(`${o.name}\n`);
        return 0;
      });
      setExit(code ?? 1);
    });
};
