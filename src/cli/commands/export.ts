import { z } from "zod";
import { plansRepo } from "../../store/plans-repo.js";
import { withDatabase } from "../database.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ db: z.string().min(1).optional(), output: z.string().min(1).optional() });

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("export")
    .description("tulis rencana sebagai JSON format v1 (ke layar atau ke berkas)")
    .argument("<id>", "id rencana")
    .option("--db <url>", "berkas SQLite atau URL postgres://")
    .option("-o, --output <file>", "tulis ke berkas ini, bukan ke layar")
    .action(async (id: string, rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const stored = await withDatabase(opts.db, io, (database) => plansRepo(database.db).get(id), { migrate: true });
      if (!stored) {
        io.err(`rencana export: rencana "${id}" tidak ditemukan (plan not found)\n`);
        setExit(1);
        return;
      }
      const text = JSON.stringify(stored.plan, null, 2) + "\n";
      if (opts.output) {
        await io.writeFile(opts.output, text);
        io.err(`${opts.output}: versi ${stored.version} ditulis (written)\n`);
      } else io.out(text);
      setExit(0);
    });
};
