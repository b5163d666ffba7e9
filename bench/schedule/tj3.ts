// The same finish-to-start plans scheduled by TaskJuggler (tj3) and by us: every activity's
// finish date must match, and the time ratio is recorded.
// Usage: npm run build:server && npx tsx bench/schedule/tj3.ts [sizes…]   (default: 1000 10000)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkingCalendar, schedulePlan, type ScheduleInput } from "../../src/domain/schedule/index.js";
import { generatePlan, generatePlanInput } from "./generate.js";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The plan in TaskJuggler's language, with the same working calendar (Mon–Fri, same holidays). */
export function toTjp(input: ScheduleInput, finishYear: number): string {
  const startYear = Number(input.start.slice(0, 4));
  const calendar = buildWorkingCalendar(input, startYear, finishYear);
  const lines = [
    `project bench "Benchmark" ${input.start} - ${finishYear + 1}-12-31 {`,
    `  timezone "UTC"`,
    `  timingresolution 60min`,
    `  dailyworkinghours 8`,
    `  workinghours mon - fri 9:00 - 12:00, 13:00 - 18:00`,
    `  workinghours sat, sun off`,
    `}`,
  ];
  for (const h of calendar.holidays(`${startYear}-01-01`, `${finishYear}-12-31`)) {
    if (h.observed && h.date >= input.start) lines.push(`leaves holiday ${JSON.stringify(h.name)} ${h.date}`);
  }
  for (const a of input.activities) {
    const deps = a.dependsOn.map((d) => d.activityId).join(", ");
    lines.push(`task ${a.id} "${a.id}" { length ${a.durationDays}d${deps ? ` depends ${deps}` : ""} }`);
  }
  lines.push(`taskreport "tasks" { formats csv  columns id, start, end  timeformat "%Y-%m-%d %H:%M"  loadunit days }`);
  return lines.join("\n") + "\n";
}

for (const n of sizes.length ? sizes : [1_000, 10_000]) {
  const input = generatePlanInput({ activities: n, finishToStartOnly: true });
  const result = schedulePlan(input);
  if (!result.ok) throw new Error(result.error.message.en);
  const ours = result.schedule;
  const dir = mkdtempSync(join(tmpdir(), `rencana-tj3-${n}-`));
  const tjp = join(dir, "plan.tjp");
  writeFileSync(tjp, toTjp(input, Number(ours.finish.slice(0, 4))));

  // Like with like: tj3 is a whole process (start, parse, schedule, report), so ours is timed as
  // a whole process too — `rencana schedule FILE --json` on the same activities — interleaved.
  const planFile = join(dir, "plan.json");
  writeFileSync(planFile, JSON.stringify({ ...generatePlan({ activities: n, finishToStartOnly: true }), ...input }));
  if (!existsSync("dist/cli/main.js")) throw new Error("run `npm run build:server` first: ours is timed as the built CLI process");
  const runs = n >= 10_000 ? 2 : 3;
  const tjTimes: number[] = [];
  const processTimes: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    execFileSync("tj3", ["--no-color", "--silent", "-o", dir, tjp], { maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
    tjTimes.push(performance.now() - t);
    t = performance.now();
    execFileSync("node", ["dist/cli/main.js", "schedule", planFile, "--json"], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
    processTimes.push(performance.now() - t);
  }
  const rows = readFileSync(join(dir, "tasks.csv"), "utf8").trim().split("\n").slice(1);
  const theirs = new Map(rows.map((r) => r.split(";").map((c) => c.replace(/^"|"$/g, ""))).map(([id, start, end]) => [id!, { start: start!, end: end! }]));
  // tj3 starts a successor at its predecessor's end (18:00); the work begins the next working
  // day, which is the start date we show. Its end is the end of the last working day.
  const calendar = buildWorkingCalendar(input, 2025, Number(ours.finish.slice(0, 4)));
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const workStart = (stamp: string) => (stamp.endsWith("18:00") ? calendar.nextWorkingDay(dayAfter(stamp.slice(0, 10))) : stamp.slice(0, 10));
  let finishMismatches = 0;
  let startMismatches = 0;
  const examples: string[] = [];
  for (const a of ours.activities) {
    const t = theirs.get(a.id);
    const finishOk = t !== undefined && t.end.slice(0, 10) === a.finish;
    const startOk = t !== undefined && workStart(t.start) === a.start;
    if (!finishOk) finishMismatches++;
    if (!startOk) startMismatches++;
    if ((!finishOk || !startOk) && examples.length < 5) examples.push(`${a.id}: ours ${a.start}..${a.finish}, tj3 ${t ? `${t.start}..${t.end}` : "missing"}`);
  }
  // Ours, in process and including a fresh plan object each time; then the same work end to end
  // is what tj3 does (parse + schedule + report), so we also time JSON parse + schedule + JSON out.
  const text = JSON.stringify(input);
  const oursTimes: number[] = [];
  for (let k = 0; k < 25; k++) {
    const t = performance.now();
    const r = schedulePlan(JSON.parse(text) as ScheduleInput);
    if (r.ok) JSON.stringify(r.schedule.activities.map((a) => [a.id, a.start, a.finish]));
    oursTimes.push(performance.now() - t);
  }
  const tj = median(tjTimes);
  const us = median(oursTimes.slice(5));
  const proc = median(processTimes);
  console.log(
    `${String(n).padStart(6)} FS-only activities, ${input.start} → ${ours.finish}, load average ${loadavg()[0]!.toFixed(1)}: tj3 process ${tj.toFixed(0)} ms (runs ${tjTimes.map((x) => x.toFixed(0)).join(", ")}), ` +
      `ours as a process (node dist/cli/main.js schedule --json) ${proc.toFixed(0)} ms (runs ${processTimes.map((x) => x.toFixed(0)).join(", ")}) → ${(tj / proc).toFixed(1)}× (process to process); ` +
      `for reference only, ours in process (parse + schedule + serialise, not comparable with a process) ${us.toFixed(1)} ms; ` +
      `finish dates differing: ${finishMismatches} of ${n}, start dates differing: ${startMismatches}${examples.length ? ` (${examples.join("; ")})` : ""}; files in ${dir}`,
  );
}
