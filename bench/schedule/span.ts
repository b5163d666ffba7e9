// Scheduling time against the span of a plan (issue 14): a 100,000-activity finish-to-start
// chain, and 1,000 activities spread over 8 and over 160 years. The working calendar is built
// for the span the schedule reaches (growing by doubling), so time follows the work, not the
// square of the years. In-process, median of runs after warm-ups, interleaved in one run.
// Usage: npx tsx bench/schedule/span.ts [--runs N]
import { loadavg } from "node:os";
import type { Activity } from "../../src/domain/plan/schema.js";
import { schedulePlan, type ScheduleInput } from "../../src/domain/schedule/index.js";
import { BENCH_START } from "./generate.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;

const calendar: ScheduleInput["calendar"] = { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] };

/** n activities, each finish-to-start after the one before. */
function chain(n: number, durationDays: number): ScheduleInput {
  const activities: Activity[] = [];
  for (let i = 0; i < n; i++) activities.push({ id: `a${i}`, name: `A${i}`, durationDays, dependsOn: i === 0 ? [] : [{ activityId: `a${i - 1}`, type: "FS", lagDays: 0 }] });
  return { start: BENCH_START, calendar, activities };
}

/** n activities in 10 parallel chains whose total length is about `years` of working days. */
function spread(n: number, years: number): ScheduleInput {
  const perChain = n / 10;
  const durationDays = Math.max(1, Math.round((years * 250) / perChain));
  const activities: Activity[] = [];
  for (let c = 0; c < 10; c++) {
    for (let i = 0; i < perChain; i++) {
      activities.push({ id: `c${c}-${i}`, name: `C${c} ${i}`, durationDays, dependsOn: i === 0 ? [] : [{ activityId: `c${c}-${i - 1}`, type: "FS", lagDays: 0 }] });
    }
  }
  return { start: BENCH_START, calendar, activities };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cases: [string, ScheduleInput][] = [
  ["100,000-activity FS chain (1 day each)", chain(100_000, 1)],
  ["1,000 activities over 8 years", spread(1_000, 8)],
  ["1,000 activities over 160 years", spread(1_000, 160)],
];
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
const finish = new Map<string, string>();
for (let r = 0; r < RUNS + 2; r++) {
  for (const [name, input] of cases) {
    const t = performance.now();
    const result = schedulePlan(input);
    const ms = performance.now() - t;
    if (!result.ok) throw new Error(result.error.message.en);
    finish.set(name, `${input.start} → ${result.schedule.finish}`);
    if (r >= 2) times.get(name)!.push(ms); // two warm-up rounds
  }
}
console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(" ")}; median of ${RUNS} interleaved runs`);
for (const [name] of cases) console.log(`${name}: ${median(times.get(name)!).toFixed(1)} ms (min ${Math.min(...times.get(name)!).toFixed(1)}), ${finish.get(name)}`);
const ratio = median(times.get(cases[2]![0])!) / median(times.get(cases[1]![0])!);
console.log(`160 years / 8 years: ${ratio.toFixed(2)}× (target ≤ 2×); chain target ≤ 200 ms`);
