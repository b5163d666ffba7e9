// Revisions as patches (issue 14): how long it takes to rebuild any stored version of a
// 10,000-activity plan. The plan (bench/schedule's generator) gets 2 × SNAPSHOT_EVERY + 1
// versions, each one a single-field edit through the repository, so the chain covers the worst
// case (a snapshot and SNAPSHOT_EVERY − 1 patches after it). Then every version is read back
// with `getRevision` (one query + inflate + JSON.parse + replay), in a shuffled order, several
// rounds; the time of each read is reported (median, p95, max), with the version-1 read (a
// snapshot alone) beside it and the plan row read (`get`, the current document as text) as the
// same-run baseline, and the CPU time of each read (the machine is shared). Target: every version ≤ 50 ms.
// Usage: npx tsx bench/revisions/run.ts [--db postgres://…] [--rounds 5]
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applyJsonPatch } from "../../src/domain/plan/patch.js";
import type { Plan } from "../../src/domain/plan/schema.js";
import { openDatabase } from "../../src/store/database.js";
import { plansRepo } from "../../src/store/plans-repo.js";
import { SNAPSHOT_EVERY } from "../../src/store/revision-codec.js";
import { generatePlan, mulberry32 } from "../schedule/generate.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const ROUNDS = Number(arg("--rounds", "5"));
const url = arg("--db", join(mkdtempSync(join(tmpdir(), "rencana-bench-rev-")), "bench.db"));
const load0 = loadavg();

const database = openDatabase(url);
await database.migrate();
const repo = plansRepo(database.db);
let plan: Plan = generatePlan({ activities: 10_000 });
const created = await repo.create(plan);
const VERSIONS = 2 * SNAPSHOT_EVERY + 1;
for (let v = 2; v <= VERSIONS; v++) {
  const edited = applyJsonPatch(plan, [{ op: "replace", path: `/activities/${(v * 37) % 10_000}/durationDays`, value: 1 + (v % 9) }]);
  if (!edited.ok) throw new Error(edited.error.message.en);
  plan = edited.value as Plan;
  const r = await repo.replace(created.id, v - 1, plan);
  if (!r.ok) throw new Error(`write ${v} failed`);
}
const bytes = Buffer.byteLength(JSON.stringify(plan));

const random = mulberry32(14);
const times: number[] = [];
const cpu: number[] = [];
const first: number[] = [];
const current: number[] = [];
let worst = { ms: 0, version: 0 };
for (let round = 0; round < ROUNDS + 1; round++) {
  const order = Array.from({ length: VERSIONS }, (_, i) => i + 1).sort(() => random() - 0.5);
  for (const v of order) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await repo.getRevision(created.id, v);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (r?.version !== v || r.plan.activities.length !== 10_000) throw new Error(`version ${v} did not read back`);
    if (round === 0) continue; // warm-up
    times.push(ms);
    cpu.push((c.user + c.system) / 1000);
    if (v === 1) first.push(ms);
    if (ms > worst.ms) worst = { ms, version: v };
    const t1 = performance.now();
    await repo.get(created.id);
    current.push(performance.now() - t1);
  }
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const f = (n: number) => n.toFixed(1);
console.log(`revisions bench on ${database.dialect}: 10,000 activities (${(bytes / 1e6).toFixed(2)} MB of JSON), ${VERSIONS} versions (snapshot every ${SNAPSHOT_EVERY}), ${ROUNDS} rounds after 1 warm-up`);
console.log(`  getRevision, any version: median ${f(q(times, 0.5))} ms, p95 ${f(q(times, 0.95))} ms, max ${f(worst.ms)} ms (version ${worst.version}) — target ≤ 50 ms: ${worst.ms <= 50 ? "met" : "NOT met"}`);
console.log(`  CPU time of one read (all threads, incl. GC): median ${f(q(cpu, 0.5))} ms, p95 ${f(q(cpu, 0.95))} ms, max ${f(Math.max(...cpu))} ms`);
console.log(`  version 1 (a snapshot alone): median ${f(q(first, 0.5))} ms; baseline get() of the current row: median ${f(q(current, 0.5))} ms`);
console.log(`  load average at start ${load0.map((x) => x.toFixed(2)).join(" ")}, at end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
await database.close();
