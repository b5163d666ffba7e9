// Progress against plan (pengawasan): the Kurva S, the deviation and the LKPP 12/2021 status.
// Pure; the screen, the CLI and the laporan kemajuan all read this one computation.
//
// - weight (bobot) of an activity = its RAB amount / the total RAB; without a RAB, its duration
//   in working days / the total duration (equal weights if every duration is 0);
// - planned percent at date D = the activity's working days ended by the end of D / its duration,
//   by the plan's schedule and working calendar; a milestone is 0 before its date, 100 from it;
// - actual percent at D = the latest percent reported at or before D (reports in any order;
//   for the same date the later one in the list wins);
// - cumulative = Σ weight × percent; deviation = actual − planned (of the rounded figures, so
//   what is printed adds up); status by the LKPP rule (progressStatus);
// - money: planned = each activity's RAB spread evenly over its working days; actual = spending
//   recorded at or before D; integer Rupiah.
import type { Plan } from "../plan/schema.js";
import { WorkingCalendar } from "../schedule/calendar.js";
import { epochDayOf, isoOfEpochDay, isoWeekdayOfEpochDay, yearOfIso } from "../schedule/dates.js";
import type { HolidayTable } from "../schedule/holidays/index.js";
import { schedulePlan, type ScheduleError } from "../schedule/scheduler.js";
import { lineAmount } from "../stages/budget.js";

export const PROGRESS_STATUSES = ["sesuai", "terlambat", "kritis"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/**
 * The LKPP 12/2021 "kontrak kritis" rule: more than 10 points behind while the plan is in 0–70 %,
 * more than 5 behind while it is above 70 %; otherwise late when behind at all.
 */
export function progressStatus(planned: number, deviation: number): ProgressStatus {
  if ((planned <= 70 && deviation < -10) || (planned > 70 && deviation < -5)) return "kritis";
  return deviation < 0 ? "terlambat" : "sesuai";
}

/** Half away from zero to 2 decimals, never −0. */
export function round2(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
  return r === 0 ? 0 : r;
}

export type ActivityProgress = {
  id: string;
  name: string;
  /** Bobot, 0–100. */
  weight: number;
  planned: number;
  actual: number;
  deviation: number;
  status: ProgressStatus;
  /** Behind its own plan (deviation < 0). */
  behind: boolean;
  onCriticalPath: boolean;
  milestone: boolean;
  plannedStart: string;
  plannedFinish: string;
  actualStart?: string;
  actualFinish?: string;
  /** The activity's RAB amount and what was spent on its lines up to the date, Rupiah. */
  budget: number;
  spent: number;
  /** Against the first baseline: its dates and the finish slip in working days (+ = later). */
  baselineStart?: string;
  baselineFinish?: string;
  slipDays?: number;
  /** The finish slip against each baseline, in the order given (null: not in that baseline). */
  baselineSlips: (number | null)[];
};

export type CurvePoint = {
  /** A Sunday: the end of the week. */
  date: string;
  planned: number;
  /** null after the reporting date (not known yet). */
  actual: number | null;
  /** Rupiah, cumulative. */
  plannedSpend: number;
  actualSpend: number | null;
  /** Planned percent by each baseline, in the order given. */
  baselines: number[];
};

export type AccountSpending = { account: string | null; budget: number; spent: number };

export type ObstacleEntry = { date: string; note?: string; followUp?: string; reportedBy?: string };

export type BaselineInput = { label: string; plan: Plan };
export type BaselineSummary = { label: string; planned: number; start: string; finish: string };

export type ProgressView = {
  at: string;
  start: string;
  finish: string;
  planned: number;
  actual: number;
  deviation: number;
  status: ProgressStatus;
  financial: { budget: number; planned: number; actual: number; plannedPercent: number; actualPercent: number };
  activities: ActivityProgress[];
  curve: CurvePoint[];
  accounts: AccountSpending[];
  obstacles: ObstacleEntry[];
  /** Reports dated at or before `at`, and the latest such date. */
  reportCount: number;
  lastReportDate?: string;
  /** How the weights were set. */
  weightBasis: "rab" | "duration" | "equal";
  baselines: BaselineSummary[];
  estimatedHolidayYears: number[];
};

export type ProgressOptions = {
  holidayTable?: HolidayTable;
  /** Earlier approved versions to compare with (the first one gives the slip per activity). */
  baselines?: readonly BaselineInput[];
};

export type ProgressResult = { ok: true; view: ProgressView } | { ok: false; error: ScheduleError };

/** The plan's activities on its calendar: what the planned side of every figure needs. */
type Timeline = {
  ids: string[];
  index: Map<string, number>;
  calendar: WorkingCalendar;
  /** Fractions summing to 1. */
  weight: Float64Array;
  amount: Float64Array;
  duration: Int32Array;
  startDay: Int32Array;
  finishDay: Int32Array;
  /** Working-day number of the start (in `calendar`). */
  startIndex: Float64Array;
  critical: Uint8Array;
  start: string;
  finish: string;
  starts: string[];
  finishes: string[];
  weightBasis: ProgressView["weightBasis"];
  estimatedHolidayYears: number[];
};

function buildTimeline(plan: Plan, holidayTable: HolidayTable | undefined): { ok: true; timeline: Timeline } | { ok: false; error: ScheduleError } {
  const scheduled = schedulePlan(plan, holidayTable ? { holidayTable } : {});
  if (!scheduled.ok) return scheduled;
  const schedule = scheduled.schedule;
  const n = plan.activities.length;
  const startYear = yearOfIso(plan.start);
  const calendar = new WorkingCalendar(plan, startYear, startYear + 1, holidayTable);
  const ids = plan.activities.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const amount = new Float64Array(n);
  for (const line of plan.budget) {
    const i = index.get(line.activityId);
    if (i !== undefined) amount[i]! += lineAmount(line);
  }
  const duration = new Int32Array(n);
  const startDay = new Int32Array(n);
  const finishDay = new Int32Array(n);
  const startIndex = new Float64Array(n);
  const critical = new Uint8Array(n);
  const starts: string[] = new Array<string>(n);
  const finishes: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = schedule.activities[i]!;
    duration[i] = s.durationDays;
    startDay[i] = epochDayOf(s.start);
    finishDay[i] = epochDayOf(s.finish);
    startIndex[i] = calendar.indexOnOrAfter(startDay[i]!);
    critical[i] = s.critical ? 1 : 0;
    starts[i] = s.start;
    finishes[i] = s.finish;
  }
  let totalAmount = 0;
  let totalDuration = 0;
  for (let i = 0; i < n; i++) {
    totalAmount += amount[i]!;
    totalDuration += duration[i]!;
  }
  const weight = new Float64Array(n);
  let weightBasis: ProgressView["weightBasis"];
  if (totalAmount > 0) {
    weightBasis = "rab";
    for (let i = 0; i < n; i++) weight[i] = amount[i]! / totalAmount;
  } else if (totalDuration > 0) {
    weightBasis = "duration";
    for (let i = 0; i < n; i++) weight[i] = duration[i]! / totalDuration;
  } else {
    weightBasis = "equal";
    for (let i = 0; i < n; i++) weight[i] = 1 / n;
  }
  return {
    ok: true,
    timeline: {
      ids,
      index,
      calendar,
      weight,
      amount,
      duration,
      startDay,
      finishDay,
      startIndex,
      critical,
      start: schedule.start,
      finish: schedule.finish,
      starts,
      finishes,
      weightBasis,
      estimatedHolidayYears: schedule.estimatedHolidayYears,
    },
  };
}

/** The planned fraction (0–1) of activity i done by the end of `day`. */
function plannedFraction(t: Timeline, i: number, day: number): number {
  const d = t.duration[i]!;
  if (d === 0) return day >= t.startDay[i]! ? 1 : 0;
  if (day < t.startDay[i]!) return 0;
  if (day >= t.finishDay[i]!) return 1;
  const done = t.calendar.indexOnOrAfter(day + 1) - t.startIndex[i]!;
  return Math.min(d, Math.max(0, done)) / d;
}

function plannedTotals(t: Timeline, day: number): { percent: number; spend: number } {
  let percent = 0;
  let spend = 0;
  for (let i = 0; i < t.ids.length; i++) {
    const f = plannedFraction(t, i, day);
    if (f === 0) continue;
    percent += t.weight[i]! * f;
    spend += t.amount[i]! * f;
  }
  return { percent: percent * 100, spend };
}

/**
 * Planned percent and spend at each of `days` (ascending), in O(activities + working days +
 * days): each activity adds weight / duration on each of its working days (a difference array
 * over working-day numbers), a milestone its whole weight on its day.
 */
function plannedSeries(t: Timeline, days: readonly number[]): { percent: number[]; spend: number[] } {
  const n = t.ids.length;
  let end = 0;
  for (let i = 0; i < n; i++) if (t.duration[i]! > 0) end = Math.max(end, t.startIndex[i]! + t.duration[i]!);
  const rateW = new Float64Array(end + 1);
  const rateA = new Float64Array(end + 1);
  const milestones: { day: number; w: number; a: number }[] = [];
  for (let i = 0; i < n; i++) {
    const d = t.duration[i]!;
    if (d === 0) {
      milestones.push({ day: t.startDay[i]!, w: t.weight[i]!, a: t.amount[i]! });
      continue;
    }
    const s = t.startIndex[i]!;
    rateW[s]! += t.weight[i]! / d;
    rateW[s + d]! -= t.weight[i]! / d;
    rateA[s]! += t.amount[i]! / d;
    rateA[s + d]! -= t.amount[i]! / d;
  }
  milestones.sort((a, b) => a.day - b.day);
  // doneW[k] = planned share of the working days before working day k.
  const doneW = new Float64Array(end + 1);
  const doneA = new Float64Array(end + 1);
  let rw = 0, ra = 0, cw = 0, ca = 0;
  for (let k = 0; k < end; k++) {
    rw += rateW[k]!;
    ra += rateA[k]!;
    cw += rw;
    ca += ra;
    doneW[k + 1] = cw;
    doneA[k + 1] = ca;
  }
  const percent: number[] = [];
  const spend: number[] = [];
  let m = 0, mw = 0, ma = 0;
  for (const day of days) {
    for (; m < milestones.length && milestones[m]!.day <= day; m++) {
      mw += milestones[m]!.w;
      ma += milestones[m]!.a;
    }
    const k = Math.min(end, t.calendar.indexOnOrAfter(day + 1));
    percent.push((doneW[k]! + mw) * 100);
    spend.push(doneA[k]! + ma);
  }
  return { percent, spend };
}

function sundayOnOrAfter(day: number): number {
  return day + (7 - isoWeekdayOfEpochDay(day));
}

/** Reports sorted by date; the list order breaks ties, so the later entry for a date wins. */
function reportsInDateOrder(plan: Plan) {
  const reports = plan.realization?.reports ?? [];
  return reports
    .map((report, k) => ({ report, k, day: epochDayOf(report.date) }))
    .sort((a, b) => a.day - b.day || a.k - b.k);
}

export function computeProgress(plan: Plan, at: string, options: ProgressOptions = {}): ProgressResult {
  const built = buildTimeline(plan, options.holidayTable);
  if (!built.ok) return built;
  const t = built.timeline;
  const n = t.ids.length;
  const atDay = epochDayOf(at);
  if (Number.isNaN(atDay)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${at}`);

  const sorted = reportsInDateOrder(plan);
  const budgetActivity = new Map(plan.budget.map((b) => [b.id, b.activityId]));
  const spending = sorted
    .flatMap(({ report }) => report.spending.map((s) => ({ day: epochDayOf(s.date ?? report.date), amount: s.amount, budgetId: s.budgetId })))
    .sort((a, b) => a.day - b.day);

  // The latest report per activity at or before `at`; the curve's actual side sweeps the same order.
  const percent = new Float64Array(n);
  const actualStart: (string | undefined)[] = new Array(n);
  const actualFinish: (string | undefined)[] = new Array(n);
  const obstacles: ObstacleEntry[] = [];
  let reportCount = 0;
  let lastReportDate: string | undefined;
  for (const { report, day } of sorted) {
    if (day > atDay) break;
    reportCount++;
    lastReportDate = report.date;
    for (const a of report.activities) {
      const i = t.index.get(a.activityId);
      if (i === undefined) continue;
      percent[i] = a.percent;
      if (a.actualStart !== undefined) actualStart[i] = a.actualStart;
      if (a.actualFinish !== undefined) actualFinish[i] = a.actualFinish;
    }
    if (report.note || report.followUp) {
      obstacles.push({
        date: report.date,
        ...(report.note ? { note: report.note } : {}),
        ...(report.followUp ? { followUp: report.followUp } : {}),
        ...(report.reportedBy ? { reportedBy: report.reportedBy } : {}),
      });
    }
  }
  const spentByActivity = new Float64Array(n);
  const spentByLine = new Map<string, number>();
  let actualSpend = 0;
  for (const s of spending) {
    if (s.day > atDay) break;
    actualSpend += s.amount;
    spentByLine.set(s.budgetId, (spentByLine.get(s.budgetId) ?? 0) + s.amount);
    const i = t.index.get(budgetActivity.get(s.budgetId) ?? "");
    if (i !== undefined) spentByActivity[i]! += s.amount;
  }

  // Baselines: their own schedule and weights; the first one gives the slip per activity.
  const baselineTimelines: { label: string; t: Timeline }[] = [];
  for (const b of options.baselines ?? []) {
    const r = buildTimeline(b.plan, options.holidayTable);
    if (r.ok) baselineTimelines.push({ label: b.label, t: r.timeline });
  }
  const firstBaseline = baselineTimelines[0]?.t;

  let plannedSum = 0;
  let actualSum = 0;
  let plannedSpend = 0;
  let totalBudget = 0;
  const activities: ActivityProgress[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = plannedFraction(t, i, atDay);
    const w = t.weight[i]!;
    plannedSum += w * f;
    actualSum += (w * percent[i]!) / 100;
    plannedSpend += t.amount[i]! * f;
    totalBudget += t.amount[i]!;
    const planned = round2(f * 100);
    const actual = round2(percent[i]!);
    const deviation = round2(actual - planned);
    const a = plan.activities[i]!;
    const row: ActivityProgress = {
      id: a.id,
      name: a.name,
      weight: round2(w * 100),
      planned,
      actual,
      deviation,
      status: progressStatus(planned, deviation),
      behind: deviation < 0,
      onCriticalPath: t.critical[i] === 1,
      milestone: t.duration[i] === 0,
      plannedStart: t.starts[i]!,
      plannedFinish: t.finishes[i]!,
      budget: t.amount[i]!,
      spent: spentByActivity[i]!,
      baselineSlips: baselineTimelines.map(({ t: b }) => {
        const k = b.index.get(a.id);
        return k === undefined ? null : workingDaysFromTo(t.calendar, b.finishDay[k]!, t.finishDay[i]!);
      }),
    };
    if (actualStart[i] !== undefined) row.actualStart = actualStart[i];
    if (actualFinish[i] !== undefined) row.actualFinish = actualFinish[i];
    const j = firstBaseline?.index.get(a.id);
    if (firstBaseline && j !== undefined) {
      row.baselineStart = firstBaseline.starts[j]!;
      row.baselineFinish = firstBaseline.finishes[j]!;
      row.slipDays = workingDaysFromTo(t.calendar, firstBaseline.finishDay[j]!, t.finishDay[i]!);
    }
    activities[i] = row;
  }

  const planned = round2(plannedSum * 100);
  const actual = round2(actualSum * 100);
  const deviation = round2(actual - planned);

  const view: ProgressView = {
    at,
    start: t.start,
    finish: t.finish,
    planned,
    actual,
    deviation,
    status: progressStatus(planned, deviation),
    financial: {
      budget: totalBudget,
      planned: Math.round(plannedSpend),
      actual: actualSpend,
      plannedPercent: totalBudget > 0 ? round2((plannedSpend / totalBudget) * 100) : 0,
      actualPercent: totalBudget > 0 ? round2((actualSpend / totalBudget) * 100) : 0,
    },
    activities,
    curve: weeklyCurve(t, sorted, spending, atDay, baselineTimelines.map((b) => b.t)),
    accounts: accountSpending(plan, spentByLine),
    obstacles,
    reportCount,
    ...(lastReportDate !== undefined ? { lastReportDate } : {}),
    weightBasis: t.weightBasis,
    baselines: baselineTimelines.map(({ label, t: b }) => ({ label, planned: round2(plannedTotals(b, atDay).percent), start: b.start, finish: b.finish })),
    estimatedHolidayYears: t.estimatedHolidayYears,
  };
  return { ok: true, view };
}

/** Working days from `from` to `to` (negative when `to` is earlier), on the current calendar. */
function workingDaysFromTo(calendar: WorkingCalendar, from: number, to: number): number {
  return calendar.indexOnOrAfter(to) - calendar.indexOnOrAfter(from);
}

/** One point per week, each a Sunday, from the week of the start to the week of the finish. */
function weeklyCurve(
  t: Timeline,
  sorted: ReturnType<typeof reportsInDateOrder>,
  spending: readonly { day: number; amount: number }[],
  atDay: number,
  baselines: readonly Timeline[],
): CurvePoint[] {
  const n = t.ids.length;
  const first = sundayOnOrAfter(epochDayOf(t.start));
  let last = sundayOnOrAfter(epochDayOf(t.finish));
  for (const b of baselines) last = Math.max(last, sundayOnOrAfter(epochDayOf(b.finish)));
  const percent = new Float64Array(n);
  let actualSum = 0;
  let r = 0;
  let s = 0;
  let spent = 0;
  const days: number[] = [];
  for (let day = first; day <= last; day += 7) days.push(day);
  const plan = plannedSeries(t, days);
  const base = baselines.map((b) => plannedSeries(b, days).percent);
  const points: CurvePoint[] = [];
  for (let w = 0; w < days.length; w++) {
    const day = days[w]!;
    const known = day <= atDay;
    const until = Math.min(day, atDay);
    for (; r < sorted.length && sorted[r]!.day <= until; r++) {
      for (const a of sorted[r]!.report.activities) {
        const i = t.index.get(a.activityId);
        if (i === undefined) continue;
        actualSum += (t.weight[i]! * (a.percent - percent[i]!)) / 100;
        percent[i] = a.percent;
      }
    }
    for (; s < spending.length && spending[s]!.day <= until; s++) spent += spending[s]!.amount;
    points.push({
      date: isoOfEpochDay(day),
      planned: round2(plan.percent[w]!),
      actual: known ? round2(actualSum * 100) : null,
      plannedSpend: Math.round(plan.spend[w]!),
      actualSpend: known ? spent : null,
      baselines: base.map((b) => round2(b[w]!)),
    });
  }
  return points;
}

function accountSpending(plan: Plan, spentByLine: ReadonlyMap<string, number>): AccountSpending[] {
  const byAccount = new Map<string | null, AccountSpending>();
  for (const line of plan.budget) {
    const key = line.account?.trim() || null;
    const row = byAccount.get(key) ?? { account: key, budget: 0, spent: 0 };
    row.budget += lineAmount(line);
    row.spent += spentByLine.get(line.id) ?? 0;
    byAccount.set(key, row);
  }
  return [...byAccount.values()].sort((a, b) => (a.account ?? "\uffff").localeCompare(b.account ?? "\uffff"));
}

/** The command line's `--json` shape (docs/plan-format.md, "Realisasi"). */
export function progressJson(view: ProgressView) {
  return {
    at: view.at,
    planned: view.planned,
    actual: view.actual,
    deviation: view.deviation,
    status: view.status,
    financial: { planned: view.financial.planned, actual: view.financial.actual },
    activities: view.activities.map((a) => ({ id: a.id, weight: a.weight, planned: a.planned, actual: a.actual, deviation: a.deviation })),
    curve: view.curve.map((c) => ({ date: c.date, planned: c.planned, actual: c.actual })),
  };
}
