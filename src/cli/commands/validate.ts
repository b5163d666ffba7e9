import { z } from "zod";
import { computeFindings } from "../../domain/findings.js";
import { formatError, pick, type Lang } from "../../domain/messages.js";
import { validatePlanText } from "../../domain/plan/validate.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ json: z.boolean().optional(), lang: z.enum(["id", "en"]).default("id") });

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("validate")
    .description("periksa berkas rencana (format v1); keluar 0 bila sah, 1 bila tidak")
    .argument("<file>", "berkas JSON rencana")
    .option("--json", "cetak hasil sebagai JSON")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .action(async (file: string, rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const lang: Lang = opts.lang;
      let textInput: string;
      try {
        textInput = (await io.readFile(file)).toString("utf8");
      } catch (e) {
        io.err(`rencana validate: ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? (lang === "en" ? "file not found" : "berkas tidak ditemukan") : (e as Error).message}\n`);
        setExit(1);
        return;
      }
      const result = validatePlanText(textInput);
      const findings = result.ok ? computeFindings(result.plan) : [];
      if (opts.json) {
        io.out(
          JSON.stringify(
            {
              valid: result.ok,
              errors: result.errors.map((e) => ({ path: e.path, code: e.code, message: pick(e.message, lang) })),
              findings: findings.map((f) => ({ stage: f.stage, code: f.code, severity: f.severity, message: pick(f.message, lang), ref: f.ref ?? f.path })),
            },
            null,
            2,
          ) + "\n",
        );
      } else if (result.ok) {
        io.out(lang === "en" ? `${file}: valid (format v1)\n` : `${file}: sah (format v1)\n`);
        for (const f of findings) io.out(`  [${f.severity}] ${f.stage}: ${f.path ? f.path + ": " : ""}${pick(f.message, lang)}\n`);
      } else {
        io.err(lang === "en" ? `${file}: ${result.errors.length} error(s)\n` : `${file}: ${result.errors.length} kesalahan\n`);
        for (const e of result.errors) io.err(`  ${formatError(e, lang)}\n`);
      }
      setExit(result.ok ? 0 : 1);
    });
};
