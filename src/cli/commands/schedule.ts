import { z } from "zod";
import { formatError, pick, type Lang } from "../../domain/messages.js";
import { validatePlanText } from "../../domain/plan/validate.js";
import { scheduleJson, schedulePlan, type Schedule } from "../../domain/schedule/index.js";
import type { CommandRegistrar } from "../io.js";

const optionsSchema = z.strictObject({ json: z.boolean().optional(), lang: z.enum(["id", "en"]).default("id") });

function table(schedule: Schedule, names: Map<string, string>, lang: Lang): string {
  const en = lang === "en";
  const header = en
    ? ["id", "activity", "days", "start", "finish", "late start", "late finish", "total float", "free float", "critical"]
    : ["id", "kegiatan", "hari", "mulai", "selesai", "mulai paling lambat", "selesai paling lambat", "float total", "float bebas", "kritis"];
  const rows = schedule.activities.map((a) => [
    a.id,
    truncate(names.get(a.id) ?? "", 40),
    a.milestone ? (en ? "milestone" : "tonggak") : String(a.durationDays),
    a.start,
    a.finish,
    a.lateStart,
    a.lateFinish,
    String(a.totalFloat),
    String(a.freeFloat),
    a.critical ? (en ? "yes" : "ya") : "",
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd() + "\n";
  let out = "";
  out += en ? `Start ${schedule.start}, finish ${schedule.finish}\n` : `Mulai ${schedule.start}, selesai ${schedule.finish}\n`;
  out += (en ? "Critical path: " : "Jalur kritis: ") + (schedule.criticalPath.join(" → ") || "-") + "\n";
  if (schedule.estimatedHolidayYears.length > 0)
    out += en
      ? `Note: national holidays for ${schedule.estimatedHolidayYears.join(", ")} are estimates (no SKB decreed yet).\n`
      : `Catatan: hari libur nasional ${schedule.estimatedHolidayYears.join(", ")} masih perkiraan (SKB belum terbit).\n`;
  if (schedule.unknownHolidays.length > 0)
    out += en
      ? `Not in the estimate (dates unknown, the schedule may fall on them): ${schedule.unknownHolidays.map((u) => `${u.name} ${u.year}`).join(", ")}.\n`
      : `Belum masuk perkiraan (tanggal belum diketahui, jadwal dapat jatuh pada hari itu): ${schedule.unknownHolidays.map((u) => `${u.name} ${u.year}`).join(", ")}.\n`;
  out += "\n" + line(header) + line(widths.map((w) => "-".repeat(w)));
  for (const r of rows) out += line(r);
  return out;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("schedule")
    .description("hitung jadwal kegiatan (jalur kritis) dari berkas rencana; keluar 1 bila rencana tidak sah atau ada ketergantungan melingkar")
    .argument("<file>", "berkas JSON rencana")
    .option("--json", "cetak jadwal sebagai JSON")
    .option("--lang <lang>", "bahasa pesan: id atau en", "id")
    .action(async (file: string, rawOpts: unknown) => {
      const parsed = optionsSchema.safeParse(rawOpts);
      if (!parsed.success) {
        io.err(`rencana schedule: --lang: id | en\n`);
        setExit(2);
        return;
      }
      const { json, lang } = parsed.data;
      let text: string;
      try {
        text = (await io.readFile(file)).toString("utf8");
      } catch (e) {
        const notFound = (e as NodeJS.ErrnoException).code === "ENOENT";
        io.err(`rencana schedule: ${file}: ${notFound ? (lang === "en" ? "file not found" : "berkas tidak ditemukan") : (e as Error).message}\n`);
        setExit(1);
        return;
      }
      const validated = validatePlanText(text);
      if (!validated.ok) {
        io.err(lang === "en" ? `${file}: ${validated.errors.length} error(s); cannot schedule\n` : `${file}: ${validated.errors.length} kesalahan; jadwal tidak dapat dihitung\n`);
        for (const e of validated.errors) io.err(`  ${formatError(e, lang)}\n`);
        setExit(1);
        return;
      }
      const result = schedulePlan(validated.plan);
      if (!result.ok) {
        io.err(`${file}: ${pick(result.error.message, lang)}\n`);
        setExit(1);
        return;
      }
      if (json) io.out(JSON.stringify(scheduleJson(result.schedule)) + "\n");
      else io.out(table(result.schedule, new Map(validated.plan.activities.map((a) => [a.id, a.name])), lang));
      setExit(0);
    });
};
