// Progress benchmark: computeProgress (Kurva S, deviation, status, money, weekly curve) on a
// 2,000-activity plan with a RAB line per activity and 50 realisation reports, in-process,
// against schedulePlan on the same plan in the same run (the scheduling it has to do anyway).
// Usage: npx tsx bench/progress/run.ts [--runs N]
import { loadavg } from "node:os";
import type { Plan, RealizationReport } from "../../src/domain/plan/schema.js";
import { validatePlan } from "../../src/domain/plan/validate.js";
import { computeProgress } from "../../src/domain/realization/index.js";
import { schedulePlan } from "../../src/domain/schedule/index.js";
import { generatePlan, mulberry32 } from "../schedule/generate.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 41;

function planWithReports(activities: number, reports: number): Plan {
  const random = mulberry32(16);
  const plan = generatePlan({ activities });
  plan.budget = plan.activities.map((a, i) => ({ id: `B${i}`, activityId: a.id, item: `Belanja ${i}`, volume: 1 + (i % 7), unit: "paket", unitPrice: 50_000 + Math.floor(random() * 5_000_000), account: `5.1.02.01.01.00${10 + (i % 40)}` }));
  const list: RealizationReport[] = [];
  for (let r = 0; r < reports; r++) {
    const day = new Date(Date.UTC(2025, 0, 10 + r * 21)).toISOString().slice(0, 10);
    const touched = Array.from({ length: 60 }, () => Math.floor(random() * activities));
    list.push({
      date: day,
      activities: [...new Set(touched)].map((i) => ({ activityId: `A${i}`, percent: Math.floor(random() * 101) })),
      spending: touched.slice(0, 10).map((i) => ({ budgetId: `B${i}`, amount: Math.floor(random() * 1_000_000), reference: `SP2D ${r}/${i}` })),
      note: `Kendala minggu ${r}`,
    });
  }
  // Out of date order, as people report.
  list.reverse();
  plan.realization = { reports: list };
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors.slice(0, 3)));
  return checked.plan;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const plan = planWithReports(2000, 50);
const at = "2026-06-30";
const progressTimes: number[] = [];
const scheduleTimes: number[] = [];
const cpuTimes: number[] = [];
for (let k = 0; k < 3; k++) {
  computeProgress(plan, at);
  schedulePlan(plan);
}
const loadBefore = loadavg()[0]!.toFixed(1);
// Interleaved, so both see the same machine.
for (let k = 0; k < RUNS; k++) {
  const c = process.cpuUsage();
  let t = performance.now();
  const r = computeProgress(plan, at);
  progressTimes.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpuTimes.push((used.user + used.system) / 1000);
  if (!r.ok) throw new Error("cycle");
  t = performance.now();
  schedulePlan(plan);
  scheduleTimes.push(performance.now() - t);
}
const view = computeProgress(plan, at);
if (!view.ok) throw new Error("cycle");
const loadAfter = loadavg()[0]!.toFixed(1);
console.log(`plan: 2,000 activities, ${plan.budget.length} RAB lines, ${plan.realization!.reports.length} reports, ${view.view.start} → ${view.view.finish}, ${view.view.curve.length} weekly points`);
console.log(`computeProgress at ${at}: median ${median(progressTimes).toFixed(1)} ms (min ${Math.min(...progressTimes).toFixed(1)}, CPU median ${median(cpuTimes).toFixed(1)} ms) over ${RUNS} runs — target ≤ 50 ms`);
console.log(`same-run baseline schedulePlan: median ${median(scheduleTimes).toFixed(1)} ms`);
console.log(`load average (1 min): ${loadBefore} before, ${loadAfter} after`);
