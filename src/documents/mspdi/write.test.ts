import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Activity, Plan } from "../../domain/plan/schema.js";
import { validatePlan, validatePlanText } from "../../domain/plan/validate.js";
import { schedulePlan, type Schedule } from "../../domain/schedule/index.js";
import { mspdiToPlan } from "./read.js";
import { skeletonPlan } from "./skeleton.js";
import { repoRoot } from "./testdata.js";
import { renderDocument } from "../index.js";
import { planToMspdi, renderMspdi } from "./write.js";

function schedule(plan: Plan): Schedule {
  const r = schedulePlan(plan);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.schedule;
}

/** plan → schedule → XML → import → schedule; dates compared by position (ids become t<UID>). */
function roundTrip(plan: Plan) {
  const before = schedule(plan);
  const xml = planToMspdi(plan, before);
  expect(XMLValidator.validate(xml)).toBe(true);
  const imported = mspdiToPlan(xml);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const after = schedule(imported.plan);
  const dates = (s: Schedule, ids: string[]) =>
    ids.map((id) => {
      const a = s.activities.find((x) => x.id === id);
      return { start: a?.start, finish: a?.finish };
    });
  return {
    xml,
    imported,
    before: dates(before, plan.activities.map((a) => a.id)),
    after: dates(after, plan.activities.map((_, i) => `t${i + 1}`)),
    finish: [before.finish, after.finish],
  };
}

const examplesDir = path.join(repoRoot, "examples");
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith(".json")) : [];

describe("planToMspdi round trip", () => {
  it.each(examples)("examples/%s schedules the same after export and import", (file) => {
    const parsed = validatePlanText(readFileSync(path.join(examplesDir, file), "utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = roundTrip(parsed.plan);
    expect(r.after).toEqual(r.before);
    expect(r.finish[1]).toBe(r.finish[0]);
    expect(r.imported.plan.activities.map((a) => a.durationDays)).toEqual(parsed.plan.activities.map((a) => a.durationDays));
    // People come back with their availability and daily quantities (ids become r<UID>/t<UID>).
    const people = parsed.plan.resources.filter((x) => x.kind === "people" || x.kind === "facility");
    expect(r.imported.plan.resources.map((x) => [x.name, x.available])).toEqual(people.map((x) => [x.name, x.available]));
    const taskIndex = new Map(parsed.plan.activities.map((a, i) => [a.id, `t${i + 1}`]));
    const resourceIndex = new Map(people.map((x, i) => [x.id, `r${i + 1}`]));
    const summed = new Map<string, number>();
    for (const a of parsed.plan.assignments) {
      if (!resourceIndex.has(a.resourceId)) continue;
      const key = `${taskIndex.get(a.activityId)} ${resourceIndex.get(a.resourceId)}`;
      summed.set(key, (summed.get(key) ?? 0) + a.quantity);
    }
    const expected = [...summed].map(([key, q]) => `${key} ${q}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(r.imported.plan.assignments.map((a) => `${a.activityId} ${a.resourceId} ${a.quantity}`).sort()).toEqual(expected);
  });

  it("holds for generated plans: link types, lags, leads, constraints, work weeks, holidays", () => {
    const day = fc.integer({ min: 0, max: 120 });
    const iso = (base: string, n: number) => {
      const d = new Date(`${base}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    const planArb = fc
      .record({
        start: fc.constantFrom("2025-12-29", "2026-03-16", "2026-12-21", "2027-06-01"),
        workWeek: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        national: fc.boolean(),
        holidays: fc.array(day, { maxLength: 8 }),
        workingDays: fc.array(day, { maxLength: 4 }),
        activities: fc.array(
          fc.record({
            duration: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })),
            links: fc.array(fc.record({ back: fc.integer({ min: 1, max: 2 }), type: fc.constantFrom("FS", "SS", "FF", "SF" as const), lag: fc.integer({ min: -3, max: 5 }) }), { maxLength: 3 }),
            notBefore: fc.option(day, { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
      })
      .map(({ start, workWeek, national, holidays, workingDays, activities }): Plan => {
        const acts: Activity[] = activities.map((a, i) => {
          // Several links to one predecessor are allowed (the SS + FF ladder): the writer
          // must route them through helper milestones.
          const deps = a.links.filter((l) => i - l.back >= 0).map((l) => ({ activityId: `a${i - l.back}`, type: l.type, lagDays: l.lag }));
          return {
            id: `a${i}`,
            name: `Kegiatan ${i} <&> "x"`,
            durationDays: a.duration,
            dependsOn: deps,
            ...(a.notBefore !== undefined ? { notBefore: iso(start, a.notBefore) } : {}),
          };
        });
        return skeletonPlan({
          title: "Rencana uji",
          fiscalYear: Number(start.slice(0, 4)),
          start,
          calendar: {
            workWeek: [...workWeek].sort(),
            nationalHolidays: national,
            holidays: [...new Set(holidays)].map((n) => ({ date: iso(start, n), name: `Libur ${n}` })),
            workingDays: [...new Set(workingDays)].map((n) => ({ date: iso(start, n * 3), name: `Kerja ${n}` })),
          },
          activities: acts,
        });
      });
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(validatePlan(plan).ok).toBe(true);
        const r = roundTrip(plan);
        expect(r.after).toEqual(r.before);
        expect(r.finish[1]).toBe(r.finish[0]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("planToMspdi content", () => {
  const plan = skeletonPlan({
    title: "Layanan <Keliling> & \"Lansia\"",
    fiscalYear: 2027,
    start: "2027-01-04",
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [{ date: "2027-01-06", name: "Libur daerah" }], workingDays: [{ date: "2027-01-09", name: "Sabtu kerja" }] },
    activities: [
      { id: "prep", name: "Persiapan", durationDays: 3, dependsOn: [] },
      { id: "run", name: "x".repeat(300), output: "Laporan\nakhir", durationDays: 2, dependsOn: [{ activityId: "prep", type: "SS", lagDays: -1 }], notBefore: "2027-01-05" },
      { id: "done", name: "Selesai", durationDays: 0, dependsOn: [{ activityId: "run", type: "FF", lagDays: 2 }] },
    ],
  });
  const s = schedule(plan);
  const xml = planToMspdi(plan, s);

  it("is well-formed MSPDI with the project header and calendar", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<Project xmlns="http:\/\/schemas.microsoft.com\/project">/);
    expect(xml).toContain("<Title>Layanan &lt;Keliling&gt; &amp; &quot;Lansia&quot;</Title>");
    expect(xml).toContain("<StartDate>2027-01-04T08:00:00</StartDate>");
    expect(xml).toContain(`<FinishDate>${s.finish}T17:00:00</FinishDate>`);
    expect(xml).toMatch(/<Exception><EnteredByOccurrences>1<\/EnteredByOccurrences><TimePeriod><FromDate>2027-01-06T00:00:00<\/FromDate>.*?<Name>Libur daerah<\/Name><Type>1<\/Type><DayWorking>0<\/DayWorking>/);
    expect(xml).toMatch(/<FromDate>2027-01-09T00:00:00<\/FromDate>.*?<Name>Sabtu kerja<\/Name><Type>1<\/Type><DayWorking>1<\/DayWorking><WorkingTimes>/);
    // National holidays of 2027 come along as exceptions (1 January is a Friday).
    expect(xml).toMatch(/<FromDate>2027-01-01T00:00:00<\/FromDate><ToDate>2027-01-01T23:59:00<\/ToDate><\/TimePeriod><Occurrences>1<\/Occurrences><Name>[^<]+<\/Name><Type>1<\/Type><DayWorking>0/);
    expect(xml).toContain("<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>");
  });

  it("writes tasks with times, durations, links, lags and constraints", () => {
    const task = (uid: number) => new RegExp(`<Task><UID>${uid}</UID>[\\s\\S]*?</Task>`).exec(xml)?.[0] ?? "";
    const prep = s.activities.find((a) => a.id === "prep")!;
    expect(task(1)).toContain(`<Start>${prep.start}T08:00:00</Start><Finish>${prep.finish}T17:00:00</Finish><Duration>PT24H0M0S</Duration>`);
    expect(task(2)).toContain(`<Name>${"x".repeat(255)}</Name>`);
    expect(task(2)).toContain("<Notes>" + "x".repeat(300) + "\nKeluaran: Laporan\nakhir</Notes>");
    expect(task(2)).toContain("<ConstraintType>4</ConstraintType><CalendarUID>-1</CalendarUID><ConstraintDate>2027-01-05T08:00:00</ConstraintDate>");
    expect(task(2)).toContain("<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type><CrossProject>0</CrossProject><LinkLag>-4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>");
    expect(task(3)).toContain("<Milestone>1</Milestone>");
    expect(task(3)).toMatch(/<Start>\d{4}-\d\d-\d\dT17:00:00<\/Start>/);
    expect(task(3)).toContain("<Type>0</Type><CrossProject>0</CrossProject><LinkLag>9600</LinkLag>");
    expect(task(0)).toContain("<Summary>1</Summary>");
  });

  it("routes a second link between the same two tasks through a helper milestone", () => {
    const ladder = {
      ...plan,
      activities: [
        { id: "a", name: "Survei", durationDays: 5, dependsOn: [] },
        {
          id: "b",
          name: "Input data",
          durationDays: 4,
          dependsOn: [
            { activityId: "a", type: "SS" as const, lagDays: 2 },
            { activityId: "a", type: "FF" as const, lagDays: 3 },
          ],
        },
      ],
    };
    const out = planToMspdi(ladder, schedule(ladder));
    const task = (uid: number) => new RegExp(`<Task><UID>${uid}</UID>[\\s\\S]*?</Task>`).exec(out)?.[0] ?? "";
    expect(task(2).match(/<PredecessorLink>/g)).toHaveLength(2);
    expect(task(2)).toContain("<PredecessorUID>1</PredecessorUID><Type>3</Type><CrossProject>0</CrossProject><LinkLag>9600</LinkLag>");
    expect(task(2)).toContain("<PredecessorUID>3</PredecessorUID><Type>0</Type><CrossProject>0</CrossProject><LinkLag>14400</LinkLag>");
    expect(task(3)).toContain("<Name>Penghubung: Survei → Input data</Name>");
    expect(task(3)).toContain("<Milestone>1</Milestone>");
    expect(task(3)).toContain("<PredecessorUID>1</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>0</LinkLag>");
    const r = roundTrip(ladder);
    expect(r.after).toEqual(r.before);
  });

  it("writes one exception per date, merging names, a working day winning", () => {
    const p = {
      ...plan,
      calendar: {
        ...plan.calendar,
        holidays: [
          { date: "2027-01-01", name: "Libur kantor" },
          { date: "2027-01-06", name: "Libur daerah" },
          { date: "2027-01-06", name: "Libur daerah" },
          { date: "2027-01-07", name: "Rapat" },
        ],
        workingDays: [{ date: "2027-01-07", name: "Kerja bakti" }],
      },
    };
    const out = planToMspdi(p, schedule(p));
    const dates = [...out.matchAll(/<Exception>.*?<FromDate>(\d{4}-\d\d-\d\d)T/g)].map((m) => m[1]);
    expect(new Set(dates).size).toBe(dates.length);
    expect(out).toMatch(/<FromDate>2027-01-01T00:00:00<\/FromDate>.*?<Name>[^<]+; Libur kantor<\/Name>/);
    expect(out).toMatch(/<FromDate>2027-01-07T00:00:00<\/FromDate>.*?<Name>Kerja bakti<\/Name><Type>1<\/Type><DayWorking>1<\/DayWorking>/);
    const back = mspdiToPlan(out);
    if (!back.ok) throw new Error("import failed");
    expect(back.plan.calendar.holidays.map((h) => h.date)).toContain("2027-01-06");
    expect(back.plan.calendar.holidays.map((h) => h.date)).not.toContain("2027-01-07");
  });

  it("keeps hostile text literal and the file valid", () => {
    const hostile = "<Task>]]>&amp;\u0001\u0007 ' \" \r\n end";
    const p = { ...plan, title: hostile, activities: plan.activities.map((a) => ({ ...a, name: hostile })) };
    const out = planToMspdi(p, schedule(p));
    expect(XMLValidator.validate(out)).toBe(true);
    const back = mspdiToPlan(out);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.plan.title).toBe("<Task>]]>&amp;   ' \" \r\n end".trim());
    expect(back.plan.activities[0]?.name).toBe("<Task>]]>&amp;   ' \" \r\n end".trim());
  });

  it("renders through the registry entry point", async () => {
    expect(new TextDecoder().decode(await renderMspdi(plan))).toBe(xml);
  });

  it("is registered as the mspdi document (and the calendar as calendar.ics)", async () => {
    const doc = await renderDocument("mspdi", "xml", plan);
    expect(doc.contentType).toBe("application/xml; charset=utf-8");
    expect(doc.fileName).toMatch(/^jadwal-msproject-layanan-keliling-lansia\.xml$/);
    expect(new TextDecoder().decode(doc.bytes)).toBe(xml);
    const ics = await renderDocument("calendar", "ics", plan);
    expect(ics.contentType).toBe("text/calendar; charset=utf-8");
    expect(new TextDecoder().decode(ics.bytes)).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });
});
