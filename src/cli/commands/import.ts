import { z } from "zod";
import { formatError, pick } from "../../domain/messages.js";
import { importKindOf, planFromUpload } from "../../server/plans/import.js";
import { peopleRepo } from "../../store/people-repo.js";
import { plansRepo } from "../../store/plans-repo.js";
import { withDatabase } from "../database.js";
import type { CommandRegistrar } from "../io.js";
import { chooseOrganization } from "../organization.js";

const optionsSchema = z.strictObject({
  db: z.string().min(1).optional(),
  lang: z.enum(["id", "en"]).default("id"),
  organization: z.string().trim().min(1).max(300).optional(),
});

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("import")
    .description("simpan berkas rencana (JSON format v1, atau MS Project XML) ke basis data; cetak id barunya")
    .argument("<file>", "berkas .json atau .xml")
    .option("--db <url>", "berkas SQLite atau URL postgres://")
    .option("--organization <name>", "organisasi pemilik rencana (bawaan: satu-satunya organisasi; bila belum ada, dibuat dari organization.name rencana)")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .action(async (file: string, rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      let text: string;
      try {
        text = (await io.readFile(file)).toString("utf8");
      } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
        io.err(`rencana import: ${file}: ${missing ? (opts.lang === "en" ? "file not found" : "berkas tidak ditemukan") : (e as Error).message}\n`);
        setExit(1);
        return;
      }
      const result = await planFromUpload(text, importKindOf(file));
      if (!result.ok) {
        io.err(`rencana import: ${file}: ${result.errors.length} ${opts.lang === "en" ? "error(s)" : "kesalahan"}\n`);
        for (const e of result.errors) io.err(`  ${formatError(e, opts.lang)}\n`);
        setExit(1);
        return;
      }
      for (const note of result.notes) io.err(`  ${pick(note, opts.lang)}\n`);
      const plan = result.plan;
      await withDatabase(
        opts.db,
        io,
        async (database) => {
          // The plan belongs to an organisation (who may see it); with no team yet, its admins see it.
          const choice = await chooseOrganization(peopleRepo(database.db), opts.organization, plan.organization.name);
          if (!choice.ok) {
            io.err(`rencana import: ${pick(choice.message, opts.lang)}\n`);
            setExit(1);
            return;
          }
          const organizationId = choice.organization.id;
          const created = await plansRepo(database.db).create(plan, { organizationId, actor: { userId: null, organizationId }, action: "plan.import" });
          if (choice.created) io.err(`  ${opts.lang === "en" ? "organisation created" : "organisasi dibuat"}: ${choice.organization.name}\n`);
          io.out(`${created.id}\n`);
          setExit(0);
        },
        { migrate: true },
      );
    });
};
