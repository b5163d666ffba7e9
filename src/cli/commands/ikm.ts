// `rencana ikm FILE [--json]`: the IKM of a set of SKM responses (Permenpan RB 14/2017).
import { z } from "zod";
import { computeIkm } from "../../domain/service/ikm.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ json: z.boolean().optional(), lang: z.enum(["id", "en"]).default("id") });

const answer = z.number().int().min(1).max(4);
const inputSchema = z.object({
  responses: z.array(z.object({ answers: z.array(answer).length(9) })),
});

/** "responses[2].answers[4]: …" in the reader's language, from a zod issue. */
function describeIssue(issue: z.core.$ZodIssue, en: boolean): string {
  const path = issue.path.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k)), "");
  const at = path || (en ? "(the file)" : "(berkas)");
  const last = issue.path[issue.path.length - 1];
  let what: string;
  if (last === "answers") what = en ? "must be a list of 9 answers (one per unsur)" : "harus berisi 9 jawaban (satu per unsur)";
  else if (typeof last === "number" && issue.path.includes("answers")) what = en ? "each answer must be a whole number 1–4" : "setiap jawaban harus bilangan bulat 1–4";
  else if (last === "responses") what = en ? "must be a list of responses" : "harus berupa daftar jawaban responden";
  else what = en ? 'must be an object { "responses": [...] }' : 'harus berupa objek { "responses": [...] }';
  return `${at}: ${what}`;
}

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("ikm")
    .description("hitung Indeks Kepuasan Masyarakat (IKM) dari jawaban SKM: { \"responses\": [{ \"answers\": [9 angka 1–4] }] }")
    .argument("<file>", "berkas JSON jawaban survei")
    .option("--json", "cetak hasil sebagai JSON")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .action(async (file: string, rawOpts: unknown) => {
      const parsed = optionsSchema.safeParse(rawOpts);
      if (!parsed.success) {
        io.err(`rencana ikm: --lang: id | en\n`);
        setExit(2);
        return;
      }
      const { json, lang } = parsed.data;
      const en = lang === "en";
      let data: unknown;
      try {
        data = JSON.parse((await io.readFile(file)).toString("utf8"));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT" ? (en ? "file not found" : "berkas tidak ditemukan") : e instanceof SyntaxError ? (en ? `not valid JSON: ${e.message}` : `bukan JSON yang sah: ${e.message}`) : (e as Error).message;
        io.err(`rencana ikm: ${file}: ${reason}\n`);
        setExit(1);
        return;
      }
      const input = inputSchema.safeParse(data);
      if (!input.success) {
        io.err(en ? `${file}: ${input.error.issues.length} error(s)\n` : `${file}: ${input.error.issues.length} kesalahan\n`);
        for (const issue of input.error.issues.slice(0, 20)) io.err(`  ${describeIssue(issue, en)}\n`);
        setExit(1);
        return;
      }
      const result = computeIkm(input.data.responses.map((r) => r.answers));
      if (!result) {
        io.err(en ? `${file}: no responses; an IKM needs at least one respondent\n` : `${file}: belum ada jawaban; IKM memerlukan sedikitnya satu responden\n`);
        setExit(1);
        return;
      }
      if (json) {
        io.out(JSON.stringify({ respondents: result.respondents, unsur: result.unsur, ikm: result.ikm, mutu: result.mutu, kinerja: result.kinerja }) + "\n");
      } else {
        const comma = (x: number, d: number) => x.toFixed(d).replace(".", ",");
        let out = `${en ? "Respondents" : "Responden"}: ${result.respondents}\n\n`;
        const width = Math.max(...result.unsur.map((u) => u.name.length));
        for (const u of result.unsur) out += `${u.code}  ${u.name.padEnd(width)}  ${comma(u.nrr, 2)}\n`;
        out += `\nIKM ${comma(result.ikm, 2)} — ${en ? "quality" : "mutu"} ${result.mutu} (${result.kinerja})\n`;
        io.out(out);
      }
      setExit(0);
    });
};
