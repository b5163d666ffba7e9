// Documents benchmark: the plan book of a 500-activity plan as DOCX and as PDF, each rendered
// in a fresh child process, median of several runs; peak memory is the child's max RSS.
// The demo plan (18 activities) is measured in the same run as the baseline.
// Targets: DOCX ≤ 2 s, PDF ≤ 5 s, peak memory ≤ 500 MB (500 activities).
// Usage: npx tsx bench/documents/run.ts [--runs N] [--activities N]
import { execFileSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("--runs", 3);
const activities = arg("--activities", 500);
const child = fileURLToPath(new URL("./render-once.ts", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "bench-documents-"));

type Result = { format: string; size: string; activities: number; ms: number; cpuMs: number; bytes: number; maxRssMb: number };

function once(format: string, size: string): Result {
  const out = join(outDir, `${size}.${format}`);
  const stdout = execFileSync(process.execPath, ["--import", "tsx", child, format, size, out], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").pop()!) as Result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const targets: Record<string, number> = { docx: 2000, pdf: 5000, xlsx: Number.POSITIVE_INFINITY };

console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(" ")}; ${runs} runs each`);
const rows: string[] = [];
for (const format of ["docx", "pdf", "xlsx"]) {
  const base = Array.from({ length: runs }, () => once(format, "demo"));
  const big = Array.from({ length: runs }, () => once(format, String(activities)));
  const ms = median(big.map((r) => r.ms));
  const baseMs = median(base.map((r) => r.ms));
  const rss = Math.max(...big.map((r) => r.maxRssMb));
  const cpuMs = median(big.map((r) => r.cpuMs));
  const row = `${format}: ${activities} activities median ${ms} ms wall, ${cpuMs} ms CPU (runs ${big.map((r) => `${r.ms}/${r.cpuMs}`).join(", ")}), peak RSS ${rss} MB, ${(big[0]!.bytes / 1024).toFixed(0)} KiB; demo (${base[0]!.activities} activities) ${baseMs} ms → ratio ${(ms / baseMs).toFixed(1)}×; target ${Number.isFinite(targets[format]!) ? `≤ ${targets[format]} ms` : "none"}: ${ms <= targets[format]! && rss <= 500 ? "met" : "NOT met"}`;
  console.log(row);
  rows.push(row);
}
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
