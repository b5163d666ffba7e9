// Random plans for the scheduling benchmark: n activities, about 1.5 links each, all four
// link types with lags and leads, some milestones and start-no-earlier-than dates, over a
// calendar of several years with Indonesia's holidays. Seeded, so every run sees the same plans.
import { emptyPlan } from "../../src/domain/plan/empty.js";
import type { Activity, Plan } from "../../src/domain/plan/schema.js";
import type { ScheduleInput } from "../../src/domain/schedule/index.js";

export type GenerateOptions = {
  activities: number;
  seed?: number;
  /** Finish-to-start links without lags, no milestones, no notBefore: what TaskJuggler gets too. */
  finishToStartOnly?: boolean;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_START = "2025-01-02";

export function generatePlanInput(options: GenerateOptions): ScheduleInput {
  const n = options.activities;
  const random = mulberry32(options.seed ?? 20261127);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const fsOnly = options.finishToStartOnly === true;
  const activities: Activity[] = [];
  // Activities are grouped in work streams of ~40; links mostly stay in the stream (recent
  // activities), sometimes reach back to any earlier one. Streams start spread over ~3 years.
  for (let i = 0; i < n; i++) {
    const milestone = !fsOnly && random() < 0.05;
    const durationDays = milestone ? 0 : int(1, 10);
    const linkCount = i === 0 ? 0 : random() < 0.1 ? 0 : random() < 0.45 ? 1 : random() < 0.7 ? 2 : 3;
    const preds = new Set<number>();
    for (let k = 0; k < linkCount; k++) {
      const streamStart = i - (i % 40);
      const p = random() < 0.85 && i > streamStart ? i - 1 - Math.floor(random() * Math.min(i - streamStart, 8)) : Math.floor(random() * i);
      if (p >= 0 && p < i) preds.add(p);
    }
    const dependsOn = [...preds].map((p) => {
      const r = random();
      const type = fsOnly || r < 0.7 ? "FS" : r < 0.8 ? "SS" : r < 0.9 ? "FF" : "SF";
      const lagDays = fsOnly ? 0 : random() < 0.7 ? 0 : int(-2, 5);
      return { activityId: `A${p}`, type, lagDays } as const;
    });
    const activity: Activity = { id: `A${i}`, name: `Kegiatan ${i}`, durationDays, dependsOn };
    if (!fsOnly && i % 40 === 0) activity.notBefore = addDays(BENCH_START, int(0, 3 * 365));
    activities.push(activity);
  }
  return {
    start: BENCH_START,
    calendar: {
      workWeek: [1, 2, 3, 4, 5],
      nationalHolidays: true,
      holidays: [{ date: "2025-10-20", name: "Hari jadi kabupaten" }, { date: "2026-10-20", name: "Hari jadi kabupaten" }],
      // TaskJuggler gets the same calendar; a one-day Saturday exception is not worth its syntax there.
      workingDays: fsOnly ? [] : [{ date: "2026-03-28", name: "Sabtu pelayanan" }],
    },
    activities,
  };
}

/** A complete format-v1 plan around the generated schedule input (for the CLI). */
export function generatePlan(options: GenerateOptions): Plan {
  const empty = emptyPlan({ title: `Rencana uji ${options.activities} kegiatan`, fiscalYear: 2025, organizationName: "Dinas Uji" });
  return { ...empty, ...generatePlanInput(options) };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
