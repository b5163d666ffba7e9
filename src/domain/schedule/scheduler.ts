// Critical-path scheduling at day granularity with Microsoft Project's semantics.
//
// Time is counted in working-day *boundaries*: boundary b is the start of working day b (and
// the end of working day b − 1). An activity of d > 0 days that starts on working day s
// occupies [s, s + d): its finish date is working day s + d − 1. Links become difference
// constraints on boundaries (lags in working days, negative = lead):
//   FS: start ≥ pred.finish + lag    SS: start ≥ pred.start + lag
//   FF: finish ≥ pred.finish + lag   SF: finish ≥ pred.start + lag
// Nothing starts before the plan's start (a lead is cut there), as in MS Project.
// A milestone also needs to know on which side of a boundary it sits: MS Project puts a
// milestone that follows a finish at 17:00 of that finish day, and one that follows a start
// (or the plan start, or its notBefore) at 08:00 of that start day. Milestone times are kept
// as 2·boundary + 1 for "morning of working day b" and 2·boundary for "evening of working day
// b − 1"; the later one wins a tie, exactly as the clock would have it.
import type { Bilingual } from "../messages.js";
import type { Plan } from "../plan/schema.js";
import { WorkingCalendar } from "./calendar.js";
import { epochDayOf, yearOfIso } from "./dates.js";
import type { HolidayEntry, HolidayTable, UnknownHoliday } from "./holidays/index.js";
import { IdIndex } from "./ids.js";

export type ScheduleInput = Pick<Plan, "start" | "calendar" | "activities">;

export type ScheduledActivity = {
  id: string;
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  milestone: boolean;
  durationDays: number;
};

export type Schedule = {
  start: string;
  finish: string;
  criticalPath: string[];
  activities: ScheduledActivity[];
  /** years whose national holidays are estimates, not decreed */
  estimatedHolidayYears: number[];
  /** what those years' estimate cannot compute (Nyepi, Waisak, cuti bersama): the schedule may still fall on them */
  unknownHolidays: UnknownHoliday[];
};

export type ScheduleError = { code: "schedule.cycle"; cycle: string[]; message: Bilingual };
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; error: ScheduleError };
/** The organisation's calendar (holidays/organization.ts): its national table and its libur daerah. */
export type ScheduleOptions = { holidayTable?: HolidayTable; regionalHolidays?: readonly HolidayEntry[] };

export const FS = 0;
export const SS = 1;
export const FF = 2;
export const SF = 3;
/** FS 0, SS 1, FF 2, SF 3, from the two letters (a string-keyed lookup is slower on 100k links). */
function linkCode(type: string): number {
  const startType = type.charCodeAt(0) === 83; // "S…": the predecessor's start
  const toStart = type.charCodeAt(1) === 83; // "…S": the successor's start
  return toStart ? (startType ? SS : FS) : startType ? SF : FF;
}

function grow<T extends Int32Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** The numeric core of a schedule, in working-day boundaries (see the header comment). */
export type ScheduleArrays = {
  calendar: WorkingCalendar;
  startIndex: number;
  /** boundary of the plan's finish (max early finish) */
  projectFinish: number;
  duration: Int32Array;
  earlyStart: Int32Array;
  earlyFinish: Int32Array;
  lateStart: Int32Array;
  lateFinish: Int32Array;
  freeFloat: Int32Array;
  /** milestones only: 1 when it sits in the morning of working day earlyStart, 0 in the evening before */
  morning: Uint8Array;
  /** activities in topological order */
  order: Int32Array;
  /** predecessor links of activity i: rowStart[i] .. rowStart[i+1) in edge*; edgePred −1 = unknown id */
  rowStart: Int32Array;
  edgePred: Int32Array;
  /** 0 FS, 1 SS, 2 FF, 3 SF */
  edgeType: Uint8Array;
  edgeLag: Int32Array;
};

export function schedulePlan(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const computed = computeScheduleArrays(input, options);
  if (!computed.ok) return computed;
  return { ok: true, schedule: toSchedule(input, computed.arrays) };
}

export function computeScheduleArrays(input: ScheduleInput, options: ScheduleOptions = {}): { ok: true; arrays: ScheduleArrays } | { ok: false; error: ScheduleError } {
  const activities = input.activities;
  const n = activities.length;
  const startDay = epochDayOf(input.start);
  // A validated plan always has one; this guards callers that skip validation.
  if (Number.isNaN(startDay)) throw new RangeError(`plan start is not a valid date (YYYY-MM-DD): ${input.start}`);
  const startYear = yearOfIso(input.start);
  const calendar = new WorkingCalendar(input, startYear, startYear + 1, options.holidayTable, options.regionalHolidays);
  const startIndex = calendar.indexOnOrAfter(startDay);

  // One pass over the input (it is the memory-bound part on large plans): predecessor lists
  // in compressed rows — edges of activity i are rowStart[i] .. rowStart[i+1) — durations and
  // notBefore lower bounds as working-day numbers.
  const indexById = new IdIndex(activities);
  const rowStart = new Int32Array(n + 1);
  let capacity = Math.max(16, 2 * n);
  let edgePred = new Int32Array(capacity);
  let edgeType = new Uint8Array(capacity);
  let edgeLag = new Int32Array(capacity);
  const succCount = new Int32Array(n + 1);
  const inDegree = new Int32Array(n);
  const duration = new Int32Array(n);
  const floor = new Int32Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const a = activities[i]!;
    rowStart[i] = e;
    duration[i] = a.durationDays;
    let f = startIndex;
    if (a.notBefore !== undefined) {
      const nb = epochDayOf(a.notBefore);
      if (!Number.isNaN(nb)) f = Math.max(f, calendar.indexOnOrAfter(nb));
    }
    floor[i] = f;
    const deps = a.dependsOn;
    if (e + deps.length > capacity) {
      capacity = 2 * (e + deps.length);
      edgePred = grow(edgePred, capacity);
      edgeType = grow(edgeType, capacity);
      edgeLag = grow(edgeLag, capacity);
    }
    for (let k = 0; k < deps.length; k++) {
      const dep = deps[k]!;
      // A dangling reference is a validation error reported elsewhere; schedule without it.
      const p = indexById.get(dep.activityId);
      edgePred[e] = p;
      edgeType[e] = linkCode(dep.type);
      edgeLag[e] = dep.lagDays;
      if (p >= 0) {
        succCount[p]!++;
        inDegree[i]!++;
      }
      e++;
    }
  }
  rowStart[n] = e;
  // Successor rows, for Kahn's topological order.
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = succStart[i]! + succCount[i]!;
  const succ = new Int32Array(succStart[n]!);
  const fill = succStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const p = edgePred[k]!;
      if (p >= 0) succ[fill[p]!++] = i;
    }
  }
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const remaining = inDegree; // counts down; what stays above 0 is on or behind a cycle
  for (let i = 0; i < n; i++) if (remaining[i] === 0) order[tail++] = i;
  while (head < tail) {
    const p = order[head++]!;
    for (let k = succStart[p]!; k < succStart[p + 1]!; k++) {
      const s = succ[k]!;
      if (--remaining[s]! === 0) order[tail++] = s;
    }
  }
  if (tail < n) return { ok: false, error: cycleError(activities, remaining, rowStart, edgePred) };

  // Forward pass.
  const es = new Int32Array(n);
  const ef = new Int32Array(n);
  const morning = new Uint8Array(n);
  let projectFinish = startIndex;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const d = duration[i]!;
    const from = rowStart[i]!;
    const to = rowStart[i + 1]!;
    if (d > 0) {
      let lowStart = floor[i]!;
      let lowFinish = -0x3fffffff;
      for (let k = from; k < to; k++) {
        const p = edgePred[k]!;
        if (p < 0) continue;
        const lag = edgeLag[k]!;
        switch (edgeType[k]) {
          case FS: lowStart = Math.max(lowStart, ef[p]! + lag); break;
          case SS: lowStart = Math.max(lowStart, es[p]! + lag); break;
          case FF: lowFinish = Math.max(lowFinish, ef[p]! + lag); break;
          default: lowFinish = Math.max(lowFinish, es[p]! + lag); break;
        }
      }
      const s = Math.max(lowStart, lowFinish - d);
      es[i] = s;
      ef[i] = s + d;
    } else {
      let time = 2 * floor[i]! + 1;
      for (let k = from; k < to; k++) {
        const p = edgePred[k]!;
        if (p < 0) continue;
        const lag2 = 2 * edgeLag[k]!;
        const type = edgeType[k];
        // A finish-type anchor is an evening unless the predecessor is a morning milestone;
        // a start-type anchor is a morning unless the predecessor is an evening milestone.
        const pMilestone = duration[p] === 0;
        const anchor =
          type === FS || type === FF
            ? 2 * ef[p]! + (pMilestone ? morning[p]! : 0)
            : 2 * es[p]! + (pMilestone ? morning[p]! : 1);
        time = Math.max(time, anchor + lag2);
      }
      es[i] = time >> 1;
      ef[i] = time >> 1;
      morning[i] = time & 1;
    }
    if (ef[i]! > projectFinish) projectFinish = ef[i]!;
  }

  // Backward pass: each activity, once final, tightens its predecessors' late finish.
  const lf = new Int32Array(n).fill(projectFinish);
  const ls = new Int32Array(n);
  for (let t = n - 1; t >= 0; t--) {
    const j = order[t]!;
    const lateFinish = lf[j]!;
    const lateStart = lateFinish - duration[j]!;
    ls[j] = lateStart;
    for (let k = rowStart[j]!; k < rowStart[j + 1]!; k++) {
      const p = edgePred[k]!;
      if (p < 0) continue;
      const lag = edgeLag[k]!;
      let bound: number;
      switch (edgeType[k]) {
        case FS: bound = lateStart - lag; break;
        case SS: bound = lateStart - lag + duration[p]!; break;
        case FF: bound = lateFinish - lag; break;
        default: bound = lateFinish - lag + duration[p]!; break;
      }
      if (bound < lf[p]!) lf[p] = bound;
    }
  }

  // Free float: how far an activity can slip without moving any successor's early dates.
  const ff = new Int32Array(n);
  for (let i = 0; i < n; i++) ff[i] = projectFinish - ef[i]!;
  for (let j = 0; j < n; j++) {
    for (let k = rowStart[j]!; k < rowStart[j + 1]!; k++) {
      const p = edgePred[k]!;
      if (p < 0) continue;
      const lag = edgeLag[k]!;
      let slack: number;
      switch (edgeType[k]) {
        case FS: slack = es[j]! - lag - ef[p]!; break;
        case SS: slack = es[j]! - lag - es[p]!; break;
        case FF: slack = ef[j]! - lag - ef[p]!; break;
        default: slack = ef[j]! - lag - es[p]!; break;
      }
      if (slack < ff[p]!) ff[p] = slack;
    }
  }

  return {
    ok: true,
    arrays: { calendar, startIndex, projectFinish, duration, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf, freeFloat: ff, morning, order, rowStart, edgePred, edgeType, edgeLag },
  };
}

function toSchedule(input: ScheduleInput, arrays: ScheduleArrays): Schedule {
  const { calendar, duration, earlyStart, earlyFinish, lateStart, lateFinish, freeFloat, morning } = arrays;
  const n = input.activities.length;
  const out: ScheduledActivity[] = [];
  let finishIndex = arrays.startIndex;
  const criticalIndices: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = duration[i]!;
    const totalFloat = lateStart[i]! - earlyStart[i]!;
    // Working-day numbers of the dates shown; see the header comment for milestones.
    let startDay: number;
    let finishDay: number;
    let lateStartDay: number;
    let lateFinishDay: number;
    if (d > 0) {
      startDay = earlyStart[i]!;
      finishDay = earlyFinish[i]! - 1;
      lateStartDay = lateStart[i]!;
      lateFinishDay = lateFinish[i]! - 1;
    } else {
      startDay = morning[i] ? earlyStart[i]! : earlyStart[i]! - 1;
      finishDay = startDay;
      // A milestone with no float sits where it is; one with float at the latest evening.
      lateStartDay = totalFloat === 0 ? startDay : lateFinish[i]! - 1;
      lateFinishDay = lateStartDay;
    }
    const critical = totalFloat <= 0;
    if (critical) criticalIndices.push(i);
    if (finishDay > finishIndex) finishIndex = finishDay;
    out.push({
      id: input.activities[i]!.id,
      start: calendar.isoOfIndex(startDay),
      finish: calendar.isoOfIndex(finishDay),
      lateStart: calendar.isoOfIndex(lateStartDay),
      lateFinish: calendar.isoOfIndex(lateFinishDay),
      totalFloat,
      freeFloat: freeFloat[i]!,
      critical,
      milestone: d === 0,
      durationDays: d,
    });
  }
  // The critical path reads in time order; plan order breaks ties.
  criticalIndices.sort((x, y) => earlyStart[x]! - earlyStart[y]! || x - y);
  const finish = calendar.isoOfIndex(finishIndex);
  return {
    start: calendar.isoOfIndex(arrays.startIndex),
    finish,
    criticalPath: criticalIndices.map((i) => input.activities[i]!.id),
    activities: out,
    estimatedHolidayYears: calendar.estimatedYears(yearOfIso(input.start), yearOfIso(finish)),
    unknownHolidays: calendar.unknownHolidays(yearOfIso(input.start), yearOfIso(finish)),
  };
}

function cycleError(activities: ScheduleInput["activities"], remaining: Int32Array, rowStart: Int32Array, edgePred: Int32Array): ScheduleError {
  // Every activity left with remaining in-degree has a predecessor that is also left, so
  // walking predecessors inside that set must revisit an activity: that loop is a cycle.
  let current = remaining.findIndex((r) => r > 0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    let next = -1;
    for (let k = rowStart[current]!; k < rowStart[current + 1]!; k++) {
      const p = edgePred[k]!;
      if (p >= 0 && remaining[p]! > 0) {
        next = p;
        break;
      }
    }
    current = next;
  }
  // The walk goes successor → predecessor; report the cycle in dependency order.
  const cycle = walk.slice(seenAt.get(current)!).reverse().map((i) => activities[i]!.id);
  const shown = [...cycle, cycle[0]!].join(" → ");
  return {
    code: "schedule.cycle",
    cycle,
    message: {
      id: `ketergantungan melingkar antarkegiatan: ${shown}; hapus atau ubah salah satu ketergantungan`,
      en: `dependency cycle between activities: ${shown}; remove or change one of the dependencies`,
    },
  };
}
