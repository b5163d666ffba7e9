// Plan + schedule → Microsoft Project XML (MSPDI), for MS Project, ProjectLibre and
// GanttProject. Elements follow the order of Microsoft's MSPDI schema (MS Project checks it).
// The calendar carries the work week and every non-working day the plan observes — its own
// holidays and, when switched on, Indonesia's national holidays over the years spanned — so
// that MS Project recomputes the same dates; our importer (read.ts) reads it back the same.
import type { Activity, Plan } from "../../domain/plan/schema.js";
import { buildWorkingCalendar, schedulePlan, type Schedule, type ScheduledActivity } from "../../domain/schedule/index.js";

const MINUTES_PER_DAY = 480;
/** Tenths of a minute in one working day: MSPDI's unit for LinkLag and slack. */
const LAG_UNITS_PER_DAY = MINUTES_PER_DAY * 10;
/** MS Project refuses task names longer than this. */
const MAX_TASK_NAME = 255;
const LINK_CODES = { FF: 0, FS: 1, SF: 2, SS: 3 } as const;
const WORKING_TIMES =
  "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>" +
  "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>";

export function planToMspdi(plan: Plan, schedule: Schedule): string {
  const out: string[] = [];
  const el = (name: string, value: string | number) => `<${name}>${typeof value === "number" ? String(value) : escapeXml(value)}</${name}>`;
  const scheduled = new Map(schedule.activities.map((s) => [s.id, s]));

  const startYear = Number(plan.start.slice(0, 4));
  const finishYear = Math.max(startYear, Number(schedule.finish.slice(0, 4)));
  const calendar = buildWorkingCalendar(plan, startYear, finishYear);
  const projectDays = calendar.workingDaysBetween(plan.start, schedule.finish);

  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
  out.push('<Project xmlns="http://schemas.microsoft.com/project">');
  out.push(
    el("SaveVersion", 14),
    el("Name", plan.title),
    el("Title", plan.title),
    el("Company", plan.organization.name),
    el("ScheduleFromStart", 1),
    el("StartDate", `${plan.start}T08:00:00`),
    el("FinishDate", `${schedule.finish}T17:00:00`),
    el("FYStartDate", 1),
    el("CriticalSlackLimit", 0),
    el("CurrencyDigits", 0),
    el("CurrencySymbol", "Rp"),
    el("CurrencyCode", "IDR"),
    el("CurrencySymbolPosition", 0),
    el("CalendarUID", 1),
    el("DefaultStartTime", "08:00:00"),
    el("DefaultFinishTime", "17:00:00"),
    el("MinutesPerDay", MINUTES_PER_DAY),
    el("MinutesPerWeek", MINUTES_PER_DAY * plan.calendar.workWeek.length),
    el("DaysPerMonth", 20),
    el("DefaultTaskType", 1),
    el("DurationFormat", 7),
    el("WorkFormat", 2),
    el("HonorConstraints", 0),
    el("NewTasksEffortDriven", 0),
    el("NewTasksEstimated", 0),
    el("WeekStartDay", 1),
    el("NewTasksAreManual", 0),
  );

  // Calendar: the work week, then each non-working day and each extra working day.
  // One exception per date (MS Project refuses overlapping ones): a national holiday and the
  // plan's own on the same day share it, and a working-day exception wins, as in the scheduler.
  const byDate = new Map<string, { names: string[]; working: boolean }>();
  const addException = (date: string, name: string, working: boolean) => {
    const e = byDate.get(date);
    if (!e || e.working !== working) byDate.set(date, { names: [name], working });
    else if (!e.names.includes(name)) e.names.push(name);
  };
  const isWorkWeekDay = (date: string) => plan.calendar.workWeek.includes(isoWeekday(date));
  for (const h of calendar.holidays(`${startYear}-01-01`, `${finishYear}-12-31`)) if (h.observed && isWorkWeekDay(h.date)) addException(h.date, h.name, false);
  for (const h of plan.calendar.holidays) if (isWorkWeekDay(h.date)) addException(h.date, h.name, false);
  for (const w of plan.calendar.workingDays) addException(w.date, w.name, true);
  const exceptions = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, e]) => ({ date, name: e.names.filter((n) => n !== "").join("; "), working: e.working }));

  out.push("<Calendars><Calendar>", el("UID", 1), el("Name", "Kalender Rencana"), el("IsBaseCalendar", 1), el("IsBaselineCalendar", 0), el("BaseCalendarUID", -1));
  out.push("<WeekDays>");
  for (let dayType = 1; dayType <= 7; dayType++) {
    const iso = dayType === 1 ? 7 : dayType - 1;
    const working = plan.calendar.workWeek.includes(iso);
    out.push(`<WeekDay>${el("DayType", dayType)}${el("DayWorking", working ? 1 : 0)}${working ? WORKING_TIMES : ""}</WeekDay>`);
  }
  // The pre-2007 form of exceptions, which older readers (and MPXJ-based tools) understand.
  for (const ex of exceptions) {
    out.push(
      `<WeekDay>${el("DayType", 0)}${el("DayWorking", ex.working ? 1 : 0)}<TimePeriod>${el("FromDate", `${ex.date}T00:00:00`)}${el("ToDate", `${ex.date}T23:59:00`)}</TimePeriod>${ex.working ? WORKING_TIMES : ""}</WeekDay>`,
    );
  }
  out.push("</WeekDays>");
  if (exceptions.length > 0) {
    out.push("<Exceptions>");
    for (const ex of exceptions) {
      out.push(
        `<Exception>${el("EnteredByOccurrences", 1)}<TimePeriod>${el("FromDate", `${ex.date}T00:00:00`)}${el("ToDate", `${ex.date}T23:59:00`)}</TimePeriod>` +
          `${el("Occurrences", 1)}${el("Name", ex.name || (ex.working ? "Hari kerja" : "Libur"))}${el("Type", 1)}${el("DayWorking", ex.working ? 1 : 0)}${ex.working ? WORKING_TIMES : ""}</Exception>`,
      );
    }
    out.push("</Exceptions>");
  }
  out.push("</Calendar></Calendars>");

  out.push("<Tasks>");
  // UID 0: the project summary task, as MS Project writes it.
  out.push(
    [
      "<Task>",
      el("UID", 0),
      el("ID", 0),
      el("Name", truncate(plan.title)),
      el("Active", 1),
      el("Manual", 0),
      el("Type", 1),
      el("IsNull", 0),
      el("WBS", 0),
      el("OutlineNumber", 0),
      el("OutlineLevel", 0),
      el("Start", `${plan.start}T08:00:00`),
      el("Finish", `${schedule.finish}T17:00:00`),
      el("Duration", hours(projectDays)),
      el("DurationFormat", 7),
      el("Milestone", 0),
      el("Summary", 1),
      el("ConstraintType", 0),
      el("CalendarUID", -1),
      "</Task>",
    ].join(""),
  );
  const tasks = withLinkHelpers(plan.activities, scheduled);
  const taskUid = new Map(tasks.map((t, i) => [t.activity.id, i + 1]));
  tasks.forEach((t, i) => out.push(taskXml(t, i + 1, taskUid, el)));
  out.push("</Tasks>");

  // People and facilities as work resources (MaxUnits = how many are available) with their
  // daily quantities as assignment units; the tasks are fixed-duration, so MS Project derives
  // work from them without moving any date. Material and budget have no MS Project equivalent
  // that keeps dates unchanged, and are left out.
  const workResources = plan.resources.filter((r) => r.kind === "people" || r.kind === "facility");
  if (workResources.length > 0) {
    const resourceUid = new Map(workResources.map((r, i) => [r.id, i + 1]));
    out.push("<Resources>");
    workResources.forEach((r, i) =>
      out.push(`<Resource>${el("UID", i + 1)}${el("ID", i + 1)}${el("Name", truncate(r.name))}${el("Type", 1)}${el("IsNull", 0)}${el("Group", r.unit)}${el("MaxUnits", r.available)}</Resource>`),
    );
    out.push("</Resources>");
    // MS Project allows one assignment per task and resource: add up repeated ones.
    const merged = new Map<string, { taskUid: number; resourceUid: number; units: number }>();
    for (const a of plan.assignments) {
      const t = taskUid.get(a.activityId), r = resourceUid.get(a.resourceId);
      if (t === undefined || r === undefined) continue;
      const m = merged.get(`${t}:${r}`) ?? { taskUid: t, resourceUid: r, units: 0 };
      m.units += a.quantity;
      merged.set(`${t}:${r}`, m);
    }
    const assignments = [...merged.values()];
    if (assignments.length > 0) {
      out.push("<Assignments>");
      assignments.forEach((a, i) =>
        out.push(`<Assignment>${el("UID", i + 1)}${el("TaskUID", a.taskUid)}${el("ResourceUID", a.resourceUid)}${el("Units", a.units)}</Assignment>`),
      );
      out.push("</Assignments>");
    }
  }
  out.push("</Project>");
  return out.join("\n") + "\n";
}

type ExportTask = {
  activity: Activity;
  scheduled: (Pick<ScheduledActivity, "start" | "finish"> & Partial<ScheduledActivity>) | undefined;
  /** For milestones: 17:00 after a finish, 08:00 at a start or when nothing drives it. */
  milestoneTime: "08:00:00" | "17:00:00";
  note?: string;
};

/**
 * MS Project allows one link between two tasks; a plan may hold several (the SS + FF
 * "ladder"). Every further link goes through a milestone pinned to the predecessor's finish
 * (FS/FF) or start (SS/SF), which gives the successor exactly the same constraint.
 */
function withLinkHelpers(activities: readonly Activity[], scheduled: Map<string, ScheduledActivity>): ExportTask[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const usedIds = new Set(activities.map((a) => a.id));
  const helpers: ExportTask[] = [];
  const tasks: ExportTask[] = activities.map((a) => {
    const linked = new Set<string>();
    const dependsOn = a.dependsOn.map((d) => {
      if (!linked.has(d.activityId)) {
        linked.add(d.activityId);
        return d;
      }
      const pred = byId.get(d.activityId);
      const fromFinish = d.type === "FS" || d.type === "FF";
      let id = `penghubung-${helpers.length + 1}`;
      while (usedIds.has(id)) id = `${id}-`;
      usedIds.add(id);
      const ps = scheduled.get(d.activityId);
      helpers.push({
        activity: {
          id,
          name: `Penghubung: ${pred?.name ?? d.activityId} → ${a.name}`,
          durationDays: 0,
          dependsOn: [{ activityId: d.activityId, type: fromFinish ? "FS" : "SS", lagDays: 0 }],
        },
        scheduled: ps && { start: fromFinish ? ps.finish : ps.start, finish: fromFinish ? ps.finish : ps.start },
        milestoneTime: fromFinish ? "17:00:00" : "08:00:00",
        note: "Tonggak penghubung: MS Project hanya mengizinkan satu tautan antara dua tugas, jadi tautan berikutnya lewat tonggak ini.",
      });
      return { activityId: id, type: d.type, lagDays: d.lagDays };
    });
    return { activity: { ...a, dependsOn }, scheduled: scheduled.get(a.id), milestoneTime: a.dependsOn.length > 0 ? "17:00:00" : "08:00:00" };
  });
  return [...tasks, ...helpers];
}

function taskXml(task: ExportTask, uid: number, uidOf: Map<string, number>, el: (name: string, value: string | number) => string): string {
  const { activity: a, scheduled: s, milestoneTime } = task;
  const milestone = a.durationDays === 0;
  const start = s ? `${milestone ? s.finish : s.start}T${milestone ? milestoneTime : "08:00:00"}` : undefined;
  const finish = s ? `${s.finish}T${milestone ? milestoneTime : "17:00:00"}` : undefined;
  const notes = [a.name.length > MAX_TASK_NAME ? a.name : undefined, a.output ? `Keluaran: ${a.output}` : undefined, task.note].filter((x): x is string => x !== undefined);
  const parts = [
    el("UID", uid),
    el("ID", uid),
    el("Name", truncate(a.name)),
    el("Active", 1),
    el("Manual", 0),
    el("Type", 1),
    el("IsNull", 0),
    el("WBS", uid),
    el("OutlineNumber", uid),
    el("OutlineLevel", 1),
    start ? el("Start", start) : "",
    finish ? el("Finish", finish) : "",
    el("Duration", hours(a.durationDays)),
    el("DurationFormat", 7),
    el("EffortDriven", 0),
    el("Milestone", milestone ? 1 : 0),
    el("Summary", 0),
    s?.critical !== undefined ? el("Critical", s.critical ? 1 : 0) : "",
    s ? el("EarlyStart", `${milestone ? s.finish : s.start}T08:00:00`) : "",
    s ? el("EarlyFinish", `${s.finish}T17:00:00`) : "",
    s?.lateStart && s.lateFinish ? el("LateStart", `${milestone ? s.lateFinish : s.lateStart}T08:00:00`) : "",
    s?.lateFinish ? el("LateFinish", `${s.lateFinish}T17:00:00`) : "",
    s?.freeFloat !== undefined ? el("FreeSlack", s.freeFloat * LAG_UNITS_PER_DAY) : "",
    s?.totalFloat !== undefined ? el("TotalSlack", s.totalFloat * LAG_UNITS_PER_DAY) : "",
    el("PercentComplete", Math.round(a.progress?.percent ?? 0)),
    el("ConstraintType", a.notBefore ? 4 : 0),
    el("CalendarUID", -1),
    a.notBefore ? el("ConstraintDate", `${a.notBefore}T08:00:00`) : "",
    notes.length > 0 ? el("Notes", notes.join("\n")) : "",
    ...a.dependsOn.map((d) => {
      const pred = uidOf.get(d.activityId);
      if (pred === undefined) return "";
      return `<PredecessorLink>${el("PredecessorUID", pred)}${el("Type", LINK_CODES[d.type])}${el("CrossProject", 0)}${el("LinkLag", d.lagDays * LAG_UNITS_PER_DAY)}${el("LagFormat", 7)}</PredecessorLink>`;
    }),
  ];
  return `<Task>${parts.join("")}</Task>`;
}

function hours(days: number): string {
  return `PT${days * (MINUTES_PER_DAY / 60)}H0M0S`;
}

function truncate(name: string): string {
  return [...name].slice(0, MAX_TASK_NAME).join("");
}

function isoWeekday(date: string): number {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Text content for XML 1.0: markup escaped, characters XML cannot hold replaced. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // A bare CR would be normalised away by any XML reader.
    .replace(/\r/g, "&#13;");
}

/** Render-registry entry point: schedules the plan, then writes the XML. */
export async function renderMspdi(plan: Plan): Promise<Uint8Array> {
  const result = schedulePlan(plan);
  if (!result.ok) throw new Error(`${result.error.message.id} / ${result.error.message.en}`);
  return new TextEncoder().encode(planToMspdi(plan, result.schedule));
}
