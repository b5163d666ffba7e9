// `rencana progress FILE --at YYYY-MM-DD [--json]`: the plan's progress (Kurva S, deviation,
// LKPP status) at a date, from the realisation reports in the file.
import { z } from "zod";
import { formatError, pick, type Lang } from "../../domain/messages.js";
import { isValidIsoDate } from "../../domain/plan/schema.js";
import { validatePlanText } from "../../domain/plan/validate.js";
import { computeProgress, progressJson, type ProgressView } from "../../domain/realization/index.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({
  at: z.string().refine(isValidIsoDate),
  json: z.boolean().optional(),
  lang: z.enum(["id", "en"]).default("id"),
});

const STATUS_EN = { sesuai: "on track", terlambat: "late", kritis: "critical" } as const;

function rupiah(n: number): string {
  return `Rp${n.toLocaleString("id-ID")}`;
}

function num(n: number): string {
  return n.toFixed(2);
}

function text(view: ProgressView, lang: Lang): string {
  const en = lang === "en";
  const status = en ? `${view.status} (${STATUS_EN[view.status]})` : view.status;
  let out = "";
  out += en ? `Progress at ${view.at} (plan ${view.start} – ${view.finish})\n` : `Kemajuan per ${view.at} (rencana ${view.start} – ${view.finish})\n`;
  out += `${en ? "Physical: planned" : "Fisik: rencana"} ${num(view.planned)}%, ${en ? "actual" : "realisasi"} ${num(view.actual)}%, ${en ? "deviation" : "deviasi"} ${num(view.deviation)}% → ${status}\n`;
  out += `${en ? "Financial: planned" : "Keuangan: rencana"} ${rupiah(view.financial.planned)}, ${en ? "actual" : "realisasi"} ${rupiah(view.financial.actual)} ${en ? "of" : "dari"} ${rupiah(view.financial.budget)}\n\n`;
  const header = en ? ["id", "weight", "planned", "actual", "deviation", "status"] : ["id", "bobot", "rencana", "realisasi", "deviasi", "status"];
  const rows = view.activities.map((a) => [a.id, num(a.weight), num(a.planned), num(a.actual), num(a.deviation), a.behind ? (en ? STATUS_EN[a.status] : a.status) : ""]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd() + "\n";
  out += line(header) + line(widths.map((w) => "-".repeat(w)));
  for (const r of rows) out += line(r);
  return out;
}

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("progress")
    .description("kemajuan rencana (Kurva S, deviasi, status LKPP) pada suatu tanggal, dari laporan realisasi dalam berkas")
    .argument("<file>", "berkas JSON rencana")
    .requiredOption("--at <date>", "tanggal (TTTT-BB-HH)")
    .option("--json", "cetak sebagai JSON")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .action(async (file: string, rawOpts: unknown) => {
      const parsed = optionsSchema.safeParse(rawOpts);
      if (!parsed.success) {
        io.err(`rencana progress: --at TTTT-BB-HH (YYYY-MM-DD), --lang id | en\n`);
        setExit(2);
        return;
      }
      const { at, json, lang } = parsed.data;
      let content: string;
      try {
        content = (await io.readFile(file)).toString("utf8");
      } catch (e) {
        const notFound = (e as NodeJS.ErrnoException).code === "ENOENT";
        io.err(`rencana progress: ${file}: ${notFound ? (lang === "en" ? "file not found" : "berkas tidak ditemukan") : (e as Error).message}\n`);
        setExit(1);
        return;
      }
      const validated = validatePlanText(content);
      if (!validated.ok) {
        io.err(lang === "en" ? `${file}: ${validated.errors.length} error(s)\n` : `${file}: ${validated.errors.length} kesalahan\n`);
        for (const e of validated.errors) io.err(`  ${formatError(e, lang)}\n`);
        setExit(1);
        return;
      }
      const result = computeProgress(validated.plan, at);
      if (!result.ok) {
        io.err(`${file}: ${pick(result.error.message, lang)}\n`);
        setExit(1);
        return;
      }
      io.out(json ? JSON.stringify(progressJson(result.view)) + "\n" : text(result.view, lang));
      setExit(0);
    });
};
