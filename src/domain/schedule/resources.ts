// Resource loading (what the assignments need per working day against what is available)
// and a leveling proposal that delays non-critical activities within their float.
import type { Plan } from "../plan/schema.js";
import { WorkingCalendar } from "./calendar.js";
import { epochDayOf, yearOfIso } from "./dates.js";
import { computeScheduleArrays, FF, FS, SS, type Schedule, type ScheduleOptions } from "./scheduler.js";

export type ResourceDay = { date: string; need: number; available: number };
export type Overallocation = { resourceId: string; date: string; need: number; available: number; activityIds: string[] };
export type ResourceLoad = {
  resourceId: string;
  name: string;
  unit: string;
  available: number;
  /** every working day from the schedule's start to its finish */
  days: ResourceDay[];
  peak: number;
};
export type ResourceLoading = { start: string; finish: string; resources: ResourceLoad[]; overallocations: Overallocation[] };

export type LevelingShift = { activityId: string; from: string; to: string; finish: string; delayDays: number };
export type LevelingProposal = {
  /** activities the proposal moves, each within its total float */
  shifts: LevelingShift[];
  /** every activity with its proposed dates, in plan order */
  activities: { id: string; start: string; finish: string }[];
  /** over-allocations that remain with the proposal (critical activities, or not enough float) */
  unresolved: Overallocation[];
  finish: string;
};

type Interval = { first: number; last: number }; // working-day numbers, inclusive; last < first = no work

function calendarFor(plan: Plan, schedule: Pick<Schedule, "start" | "finish">, options: ScheduleOptions): WorkingCalendar {
  return new WorkingCalendar(plan, yearOfIso(plan.start), Math.max(yearOfIso(schedule.finish), yearOfIso(plan.start)), options.holidayTable, options.regionalHolidays);
}

function loadingOf(plan: Plan, calendar: WorkingCalendar, first: number, last: number, intervals: Map<string, Interval>): ResourceLoading {
  const span = Math.max(0, last - first + 1);
  const resources: ResourceLoad[] = [];
  const overallocations: Overallocation[] = [];
  const byResource = new Map<string, { activityId: string; quantity: number; interval: Interval }[]>();
  for (const a of plan.assignments) {
    const interval = intervals.get(a.activityId);
    if (!interval || interval.last < interval.first) continue;
    const list = byResource.get(a.resourceId) ?? [];
    list.push({ activityId: a.activityId, quantity: a.quantity, interval });
    byResource.set(a.resourceId, list);
  }
  for (const r of plan.resources) {
    // Difference array over the working days: O(assignments + days), not their product.
    const diff = new Float64Array(span + 1);
    const assigned = byResource.get(r.id) ?? [];
    for (const { quantity, interval } of assigned) {
      const from = Math.max(interval.first, first) - first;
      const to = Math.min(interval.last, last) - first;
      if (to < from) continue;
      diff[from]! += quantity;
      diff[to + 1]! -= quantity;
    }
    const days: ResourceDay[] = new Array<ResourceDay>(span);
    const over = new Map<number, Overallocation>();
    let need = 0;
    let peak = 0;
    for (let k = 0; k < span; k++) {
      need += diff[k]!;
      const rounded = Math.round(need * 1e9) / 1e9; // keep sums of fractions exact enough to compare
      const date = calendar.isoOfIndex(first + k);
      days[k] = { date, need: rounded, available: r.available };
      if (rounded > peak) peak = rounded;
      if (rounded > r.available) over.set(k, { resourceId: r.id, date, need: rounded, available: r.available, activityIds: [] });
    }
    if (over.size > 0) {
      for (const { activityId, interval } of assigned) {
        for (let day = Math.max(interval.first, first); day <= Math.min(interval.last, last); day++) {
          const o = over.get(day - first);
          if (o && !o.activityIds.includes(activityId)) o.activityIds.push(activityId);
        }
      }
      overallocations.push(...over.values());
    }
    resources.push({ resourceId: r.id, name: r.name, unit: r.unit, available: r.available, days, peak });
  }
  overallocations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { start: calendar.isoOfIndex(first), finish: calendar.isoOfIndex(Math.max(first, last)), resources, overallocations };
}

function intervalsOf(schedule: Schedule, calendar: WorkingCalendar): Map<string, Interval> {
  const intervals = new Map<string, Interval>();
  for (const a of schedule.activities) {
    const first = calendar.indexOnOrAfter(epochDayOf(a.start));
    intervals.set(a.id, a.durationDays > 0 ? { first, last: calendar.indexOnOrAfter(epochDayOf(a.finish)) } : { first, last: first - 1 });
  }
  return intervals;
}

/** Per resource and working day: what the assignments need against what is available. */
export function resourceLoading(plan: Plan, schedule: Schedule, options: ScheduleOptions = {}): ResourceLoading {
  const calendar = calendarFor(plan, schedule, options);
  const first = calendar.indexOnOrAfter(epochDayOf(schedule.start));
  const last = calendar.indexOnOrAfter(epochDayOf(schedule.finish));
  return loadingOf(plan, calendar, first, last, intervalsOf(schedule, calendar));
}

/**
 * A leveling proposal: critical activities keep their dates; the others are placed in order
 * of early start (least float first on a tie), and one that would over-allocate a resource
 * is delayed to the first start, within its total float, where all its resources fit. The
 * plan's finish does not move; what still does not fit is reported.
 */
export function levelResources(plan: Plan, schedule: Schedule, options: ScheduleOptions = {}): LevelingProposal {
  const computed = computeScheduleArrays(plan, options);
  const calendar = calendarFor(plan, schedule, options);
  if (!computed.ok) {
    const loading = resourceLoading(plan, schedule, options);
    return { shifts: [], activities: schedule.activities.map(({ id, start, finish }) => ({ id, start, finish })), unresolved: loading.overallocations, finish: schedule.finish };
  }
  const arrays = computed.arrays;
  const { duration, earlyStart, lateStart, rowStart, edgePred, edgeType, edgeLag } = arrays;
  const n = plan.activities.length;
  // The arrays' working-day numbers come from their own calendar; both calendars start at
  // the plan's start year, so the numbers agree.
  const first = arrays.startIndex;
  const last = Math.max(first, arrays.projectFinish - 1);
  const span = last - first + 1;

  const resourceIndex = new Map(plan.resources.map((r, k) => [r.id, k]));
  const usage = plan.resources.map(() => new Float64Array(span));
  const needs: { resource: number; quantity: number }[][] = Array.from({ length: n }, () => []);
  const activityIndex = new Map(plan.activities.map((a, i) => [a.id, i]));
  for (const a of plan.assignments) {
    const i = activityIndex.get(a.activityId);
    const r = resourceIndex.get(a.resourceId);
    if (i !== undefined && r !== undefined && a.quantity > 0) needs[i]!.push({ resource: r, quantity: a.quantity });
  }
  const fits = (i: number, start: number) => {
    for (const { resource, quantity } of needs[i]!) {
      const available = plan.resources[resource]!.available;
      const use = usage[resource]!;
      for (let day = start; day < start + duration[i]!; day++) if (use[day - first]! + quantity > available + 1e-9) return false;
    }
    return true;
  };

  // Critical activities never move (their predecessors stay within float), so their load is
  // booked first and the non-critical ones are fitted around it.
  const critical = (i: number) => lateStart[i]! - earlyStart[i]! <= 0;
  const book = (i: number, start: number) => {
    for (const { resource, quantity } of needs[i]!) {
      const use = usage[resource]!;
      for (let day = start; day < start + duration[i]!; day++) use[day - first]! += quantity;
    }
  };
  for (let i = 0; i < n; i++) if (critical(i)) book(i, earlyStart[i]!);

  // Serial placement: an activity becomes eligible once all its predecessors are placed.
  const placedStart = new Int32Array(n);
  const waiting = new Int32Array(n);
  const successors: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++)
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const p = edgePred[k]!;
      if (p >= 0) {
        waiting[i]!++;
        successors[p]!.push(i);
      }
    }
  // Earliest start first, then least float, then plan order.
  const before = (x: number, y: number) =>
    earlyStart[x]! - earlyStart[y]! || lateStart[x]! - earlyStart[x]! - (lateStart[y]! - earlyStart[y]!) || x - y;
  const heap = new MinHeap(before);
  for (let i = 0; i < n; i++) if (waiting[i] === 0) heap.push(i);
  while (heap.size > 0) {
    const i = heap.pop();
    const d = duration[i]!;
    let earliest = earlyStart[i]!;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const p = edgePred[k]!;
      if (p < 0) continue;
      const ps = placedStart[p]!;
      const pf = ps + duration[p]!;
      const lag = edgeLag[k]!;
      const type = edgeType[k];
      const bound = type === FS ? pf + lag : type === SS ? ps + lag : type === FF ? pf + lag - d : ps + lag - d;
      if (bound > earliest) earliest = bound;
    }
    let start = earliest;
    const floatLeft = lateStart[i]! - earliest;
    if (d > 0 && needs[i]!.length > 0 && floatLeft > 0 && !fits(i, earliest)) {
      for (let s = earliest + 1; s <= lateStart[i]!; s++)
        if (fits(i, s)) {
          start = s;
          break;
        }
    }
    placedStart[i] = start;
    if (!critical(i)) book(i, start);
    for (const s of successors[i]!) if (--waiting[s]! === 0) heap.push(s);
  }

  const shifts: LevelingShift[] = [];
  const activities: LevelingProposal["activities"] = [];
  const intervals = new Map<string, Interval>();
  for (let i = 0; i < n; i++) {
    const a = plan.activities[i]!;
    const original = schedule.activities[i]!;
    const delay = placedStart[i]! - earlyStart[i]!;
    if (delay === 0) {
      activities.push({ id: a.id, start: original.start, finish: original.finish });
      intervals.set(a.id, duration[i]! > 0 ? { first: placedStart[i]!, last: placedStart[i]! + duration[i]! - 1 } : { first: 0, last: -1 });
      continue;
    }
    const startIso = duration[i]! > 0 ? calendar.isoOfIndex(placedStart[i]!) : calendar.isoOfIndex(Math.max(first, placedStart[i]! - 1));
    const finishIso = duration[i]! > 0 ? calendar.isoOfIndex(placedStart[i]! + duration[i]! - 1) : startIso;
    activities.push({ id: a.id, start: startIso, finish: finishIso });
    intervals.set(a.id, duration[i]! > 0 ? { first: placedStart[i]!, last: placedStart[i]! + duration[i]! - 1 } : { first: 0, last: -1 });
    shifts.push({ activityId: a.id, from: original.start, to: startIso, finish: finishIso, delayDays: delay });
  }
  const remaining = loadingOf(plan, calendar, first, last, intervals);
  return { shifts, activities, unresolved: remaining.overallocations, finish: schedule.finish };
}

class MinHeap {
  private items: number[] = [];
  constructor(private readonly compare: (a: number, b: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const items = this.items;
    items.push(x);
    let k = items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.compare(items[k]!, items[parent]!) >= 0) break;
      [items[k], items[parent]] = [items[parent]!, items[k]!];
      k = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < items.length && this.compare(items[l]!, items[m]!) < 0) m = l;
        if (r < items.length && this.compare(items[r]!, items[m]!) < 0) m = r;
        if (m === k) break;
        [items[k], items[m]] = [items[m]!, items[k]!];
        k = m;
      }
    }
    return top;
  }
}
