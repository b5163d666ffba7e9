// `rencana render KIND FILE -o OUT`: writes one document of a plan file; the format is OUT's
// extension. A plan that fails validation, or a decree its signatory may not sign, writes nothing.
import { extname } from "node:path";
import { z } from "zod";
import { DEFAULT_PUBLIC_URL, DocumentError, documentKinds, formatsOf, renderDocument } from "../../documents/index.js";
import { formatError, pick, type Lang } from "../../domain/messages.js";
import { isValidIsoDate, type Plan } from "../../domain/plan/schema.js";
import { validatePlanText } from "../../domain/plan/validate.js";
import { monthRange, type ProgressReportOptions } from "../../documents/laporan-kemajuan/model.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({
  output: z.string().min(1),
  lang: z.enum(["id", "en"]).default("id"),
  publicUrl: z.url().optional(),
  at: z.string().refine(isValidIsoDate, { message: "--at: TTTT-BB-HH (YYYY-MM-DD)" }).optional(),
  month: z.string().refine((m) => monthRange(m) !== undefined, { message: "--month: TTTT-BB (YYYY-MM)" }).optional(),
  baseline: z.array(z.string().min(1)).optional(),
});

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("render")
    .description(`tulis dokumen dari berkas rencana; format dari ekstensi OUT (${documentKinds().map((k) => `${k}: ${formatsOf(k).join("/")}`).join("; ")})`)
    .argument("<kind>", `jenis dokumen: ${documentKinds().join(", ")}`)
    .argument("<file>", "berkas JSON rencana")
    .requiredOption("-o, --output <out>", "berkas keluaran, mis. sk.docx atau sk.pdf")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .option("--public-url <url>", "alamat aplikasi bagi warga, untuk kode QR maklumat (bawaan: RENCANA_PUBLIC_URL)")
    .option("--at <date>", "laporan-kemajuan: keadaan per tanggal (TTTT-BB-HH); periode dari awal rencana")
    .option("--month <month>", "laporan-kemajuan: periode satu bulan (TTTT-BB), keadaan per akhir bulan")
    .option("--baseline <file...>", "laporan-kemajuan: versi rencana yang disetujui sebelumnya (rencana awal, lalu perubahan), untuk dibandingkan")
    .action(async (kind: string, file: string, rawOpts: unknown) => {
      const parsed = optionsSchema.safeParse(rawOpts);
      if (!parsed.success) {
        io.err(`rencana render: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`);
        setExit(2);
        return;
      }
      const lang: Lang = parsed.data.lang;
      const out = parsed.data.output;
      const en = lang === "en";
      const format = extname(out).slice(1).toLowerCase();
      if (!format) {
        io.err(en ? `rencana render: ${out}: no file extension; the format is taken from it (e.g. .docx, .pdf)\n` : `rencana render: ${out}: tanpa ekstensi; format diambil dari ekstensi (mis. .docx, .pdf)\n`);
        setExit(1);
        return;
      }
      /** A plan file read and validated, or undefined with the reasons printed (exit 1). */
      const readPlan = async (path: string, what = ""): Promise<Plan | undefined> => {
        let textInput: string;
        try {
          textInput = (await io.readFile(path)).toString("utf8");
        } catch (e) {
          const notFound = (e as NodeJS.ErrnoException).code === "ENOENT";
          io.err(`rencana render: ${path}: ${notFound ? (en ? "file not found" : "berkas tidak ditemukan") : (e as Error).message}\n`);
          setExit(1);
          return undefined;
        }
        const result = validatePlanText(textInput);
        if (!result.ok) {
          io.err(en ? `${path}${what}: ${result.errors.length} error(s); nothing written\n` : `${path}${what}: ${result.errors.length} kesalahan; tidak ada yang ditulis\n`);
          for (const e of result.errors) io.err(`  ${formatError(e, lang)}\n`);
          setExit(1);
          return undefined;
        }
        return result.plan;
      };
      const plan = await readPlan(file);
      if (!plan) return;
      let progress: ProgressReportOptions | undefined;
      if (kind === "laporan-kemajuan") {
        const { at, month } = parsed.data;
        if ((at === undefined) === (month === undefined)) {
          io.err(en ? "rencana render laporan-kemajuan: give either --at YYYY-MM-DD or --month YYYY-MM\n" : "rencana render laporan-kemajuan: berikan --at TTTT-BB-HH atau --month TTTT-BB (salah satu)\n");
          setExit(2);
          return;
        }
        const baselines: { label: string; plan: Plan }[] = [];
        for (const [k, path] of (parsed.data.baseline ?? []).entries()) {
          const base = await readPlan(path, " (--baseline)");
          if (!base) return;
          baselines.push({ label: k === 0 ? "Rencana awal" : `Rencana perubahan ${k}`, plan: base });
        }
        const range = month !== undefined ? monthRange(month)! : undefined;
        progress = { at: range?.at ?? at!, ...(range ? { from: range.from } : {}), baselines };
      }
      try {
        const doc = await renderDocument(kind, format, plan, { lang, publicUrl: parsed.data.publicUrl ?? io.env.RENCANA_PUBLIC_URL ?? DEFAULT_PUBLIC_URL, ...(progress ? { progress } : {}) });
        await io.writeFile(out, doc.bytes);
        io.out(en ? `${out}: written (${doc.bytes.length} bytes)\n` : `${out}: ditulis (${doc.bytes.length} bita)\n`);
        setExit(0);
      } catch (e) {
        if (e instanceof DocumentError) {
          io.err(`rencana render: ${pick(e.bilingual, lang)}\n`);
          for (const d of e.details) io.err(`  ${formatError(d, lang)}\n`);
          setExit(1);
          return;
        }
        throw e;
      }
    });
};
