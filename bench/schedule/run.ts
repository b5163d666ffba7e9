// Scheduling benchmark: median in-process time of schedulePlan on random plans of 1k, 10k and
// 100k activities, the time after a one-activity edit, and the CLI end to end on 10k.
// Usage: npx tsx bench/schedule/run.ts [--quick] [--cli-only]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { schedulePlan, type ScheduleInput } from "../../src/domain/schedule/index.js";
import { generatePlan, generatePlanInput } from "./generate.js";

const quick = process.argv.includes("--quick");
const cliOnly = process.argv.includes("--cli-only");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock times, and CPU times of this process (all its threads, GC included), per run. */
function timeBoth(fn: () => void, runs: number, warmup = 3): { wall: number[]; cpu: number[] } {
  for (let k = 0; k < warmup; k++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

function time(fn: () => void, runs: number, warmup = 3): number[] {
  return timeBoth(fn, runs, warmup).wall;
}

function describe(input: ScheduleInput): string {
  const links = input.activities.reduce((s, a) => s + a.dependsOn.length, 0);
  const r = schedulePlan(input);
  if (!r.ok) throw new Error(r.error.message.en);
  const types = new Map<string, number>();
  for (const a of input.activities) for (const d of a.dependsOn) types.set(d.type, (types.get(d.type) ?? 0) + 1);
  return `${(links / input.activities.length).toFixed(2)} links/activity (${[...types].map(([t, c]) => `${t} ${c}`).join(", ")}), ${input.start} → ${r.schedule.finish}, estimated holiday years ${r.schedule.estimatedHolidayYears.join(",") || "-"}`;
}

if (!cliOnly) {
  console.log(`load average at start: ${(await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  for (const n of [1_000, 10_000, 100_000]) {
    const input = generatePlanInput({ activities: n });
    const runs = quick ? 5 : n === 100_000 ? 21 : 41;
    const { wall: full, cpu: fullCpu } = timeBoth(() => schedulePlan(input), runs);
    // Baseline in the same run: just building the id → index Map the scheduler needs, to show
    // how fast the (shared, noisy) machine is at this moment.
    const baseline = time(() => new Map(input.activities.map((a, i) => [a.id, i])), runs);
    // One edit: a new activities array with one activity's duration changed, then a full recompute.
    let k = 0;
    const edited = time(() => {
      const i = (k++ * 7919) % n;
      const activities = input.activities.slice();
      activities[i] = { ...activities[i]!, durationDays: activities[i]!.durationDays + 1 };
      schedulePlan({ ...input, activities });
    }, runs);
    console.log(
      `${String(n).padStart(7)} activities: schedulePlan median ${median(full).toFixed(1)} ms (min ${Math.min(...full).toFixed(1)}; CPU time median ${median(fullCpu).toFixed(1)} ms), ` +
        `after one edit ${median(edited).toFixed(1)} ms; baseline id Map ${median(baseline).toFixed(1)} ms; ${describe(input)}`,
    );
  }
}

// CLI end to end on 10k activities: the compiled CLI if `npm run build:server` has produced it.
{
  const dir = mkdtempSync(join(tmpdir(), "rencana-bench-"));
  const file = join(dir, "plan-10k.json");
  writeFileSync(file, JSON.stringify(generatePlan({ activities: 10_000 })));
  const compiled = existsSync("dist/cli/main.js");
  const cmd = compiled ? ["node", ["dist/cli/main.js", "schedule", file, "--json"]] as const : ["npx", ["tsx", "src/cli/main.ts", "schedule", file, "--json"]] as const;
  const times: number[] = [];
  let bytes = 0;
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const t = performance.now();
    bytes = execFileSync(cmd[0], [...cmd[1]], { maxBuffer: 1 << 28 }).length;
    times.push(performance.now() - t);
  }
  const startup = time(() => execFileSync(cmd[0], [...cmd[1].slice(0, cmd[1].length - 3), "--help"]), quick ? 1 : 3, 0);
  console.log(
    `CLI end to end, 10k activities (${cmd[0]} ${cmd[1].slice(0, -3).join(" ")} schedule FILE --json): median ${median(times).toFixed(0)} ms ` +
      `(runs ${times.map((t) => t.toFixed(0)).join(", ")}; ${bytes} bytes of JSON); same CLI with --help only: ${median(startup).toFixed(0)} ms`,
  );
}
