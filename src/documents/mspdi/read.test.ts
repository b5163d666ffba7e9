import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../domain/plan/validate.js";
import { mspdiToPlan, type MspdiImportResult } from "./read.js";
import { mspdiTestdataDir } from "./testdata.js";

const goldenDir = mspdiTestdataDir();
const golden = (name: string) => readFileSync(path.join(goldenDir, name), "utf8");

function ok(r: MspdiImportResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r;
}
const activity = (r: ReturnType<typeof ok>, id: string) => {
  const a = r.plan.activities.find((x) => x.id === id);
  if (!a) throw new Error(`no activity ${id}`);
  return a;
};
const notesEn = (r: ReturnType<typeof ok>) => r.notes.map((n) => n.en).join("\n");

// A minimal MSPDI document; each test adds only what it is about.
type TaskSpec = { uid: number; name?: string; level?: number; duration?: string; extra?: string; links?: string };
function mspdi(opts: { tasks: TaskSpec[]; calendars?: string; header?: string }): string {
  const tasks = opts.tasks
    .map(
      (t, i) => `<Task><UID>${t.uid}</UID><ID>${i + 1}</ID><Name>${t.name ?? `Task ${t.uid}`}</Name><OutlineLevel>${t.level ?? 1}</OutlineLevel>` +
        `<Duration>${t.duration ?? "PT8H0M0S"}</Duration>${t.extra ?? ""}${t.links ?? ""}</Task>`,
    )
    .join("");
  const weekDays = [1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>${d === 1 || d === 7 ? 0 : 1}</DayWorking></WeekDay>`).join("");
  const calendars = opts.calendars ?? `<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${weekDays}</WeekDays></Calendar>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>test.xml</Name>${opts.header ?? ""}<StartDate>2027-01-04T08:00:00</StartDate>
<CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><Calendars>${calendars}</Calendars>
<Tasks><Task><UID>0</UID><ID>0</ID><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>${tasks}</Tasks></Project>`;
}
const link = (pred: number, type: number, lag = 0, format = 7) =>
  `<PredecessorLink><PredecessorUID>${pred}</PredecessorUID><Type>${type}</Type><LinkLag>${lag}</LinkLag><LagFormat>${format}</LagFormat></PredecessorLink>`;

describe("mspdiToPlan on MS Project files", () => {
  it("reads the four link types and their lags (relations-msp2007)", () => {
    const r = ok(mspdiToPlan(golden("relations-msp2007.xml")));
    expect(r.plan.start).toBe("2006-09-21");
    expect(r.plan.fiscalYear).toBe(2006);
    expect(r.plan.calendar).toEqual({ workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [], workingDays: [] });
    expect(r.plan.activities.map((a) => a.id)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(activity(r, "t3").dependsOn).toEqual([{ activityId: "t2", type: "SS", lagDays: 1 }]);
    expect(activity(r, "t4").dependsOn).toEqual([{ activityId: "t3", type: "FF", lagDays: 0 }]);
    expect(activity(r, "t5").dependsOn).toEqual([{ activityId: "t4", type: "SF", lagDays: 0 }]);
    expect(validatePlan(r.plan).ok).toBe(true);
  });

  it("converts week lags and the 2003 single-line serialisation identically", () => {
    const a = ok(mspdiToPlan(golden("tasklinks-msp2007.xml")));
    const b = ok(mspdiToPlan(golden("tasklinks-msp2003.xml")));
    expect(b.plan.activities).toEqual(a.plan.activities);
    expect(activity(a, "t8").dependsOn).toEqual([{ activityId: "t7", type: "FS", lagDays: 5 }]);
    expect(activity(a, "t10").dependsOn).toEqual([{ activityId: "t9", type: "FS", lagDays: 10 }]);
    expect(activity(a, "t12").dependsOn).toEqual([{ activityId: "t11", type: "SF", lagDays: 2 }]);
  });

  it("flattens summaries, keeps the lead, the milestone and SNET constraints (sample-msp2002)", () => {
    const r = ok(mspdiToPlan(golden("sample-msp2002.xml")));
    const ids = r.plan.activities.map((a) => a.id);
    expect(ids).not.toContain("t1");
    expect(ids).not.toContain("t6");
    expect(ids).not.toContain("t19");
    expect(ids).not.toContain("t0");
    expect(activity(r, "t3").durationDays).toBe(0);
    expect(activity(r, "t14").dependsOn).toEqual([{ activityId: "t13", type: "FS", lagDays: -1 }]);
    expect(activity(r, "t7").notBefore).toBe("2003-02-01");
    expect(activity(r, "t20").notBefore).toBe("2003-01-08");
    // SNET 2003-01-06 lies before the project start: nothing to keep.
    expect(activity(r, "t21").notBefore).toBeUndefined();
    expect(notesEn(r)).toMatch(/3 summary task\(s\) flattened/);
    // Work resources and their units come along; the placeholder resource 0 and "no resource" (-65535) do not.
    expect(r.plan.resources).toEqual([
      { id: "r1", kind: "people", name: "First Resource", unit: "orang", available: 1 },
      { id: "r2", kind: "people", name: "Second Resource", unit: "orang", available: 1 },
    ]);
    expect(r.plan.assignments).toEqual([
      { activityId: "t2", resourceId: "r1", quantity: 0.5 },
      { activityId: "t2", resourceId: "r2", quantity: 0.75 },
    ]);
    expect(notesEn(r)).toMatch(/2 work resource\(s\) and 2 assignment\(s\) converted/);
  });

  it("notes the ignored task calendar and the manual tasks", () => {
    expect(notesEn(ok(mspdiToPlan(golden("sample1-msp2010plus.xml"))))).toMatch(/task calendars ignored.*UID 8/);
    expect(notesEn(ok(mspdiToPlan(golden("tasklinks-msp2019-manual.xml"))))).toMatch(/manually scheduled/);
  });

  it("reads the task calendar's holidays when that calendar is the project calendar (both exception forms)", () => {
    const xml = golden("sample1-msp2010plus.xml").replace(/<CalendarUID>1<\/CalendarUID>/, "<CalendarUID>9</CalendarUID>");
    const r = ok(mspdiToPlan(xml));
    expect(r.plan.calendar.holidays).toEqual([
      { date: "2023-08-07", name: "Holiday" },
      { date: "2023-08-08", name: "Holiday" },
      { date: "2023-08-09", name: "Holiday" },
    ]);
    const legacyOnly = xml.replace(/<Exceptions>[\s\S]*?<\/Exceptions>/g, "");
    expect(ok(mspdiToPlan(legacyOnly)).plan.calendar.holidays.map((h) => h.date)).toEqual(["2023-08-07", "2023-08-08", "2023-08-09"]);
  });
});

describe("mspdiToPlan conversions", () => {
  it("turns durations into working days and notes fractions", () => {
    const r = ok(
      mspdiToPlan(
        mspdi({
          tasks: [
            { uid: 1, duration: "PT40H0M0S" },
            { uid: 2, duration: "PT12H0M0S" },
            { uid: 3, duration: "PT2H0M0S" },
            { uid: 4, duration: "PT0H0M0S" },
            { uid: 5, duration: "PT16H0M0S", extra: "<Milestone>1</Milestone>" },
          ],
        }),
      ),
    );
    expect(r.plan.activities.map((a) => a.durationDays)).toEqual([5, 2, 1, 0, 0]);
    expect(notesEn(r)).toMatch(/fractional-day durations rounded:.*UID 2.*1\.5 d → 2/);
    expect(notesEn(r)).toMatch(/UID 3.*0\.25 d → 1/);
    expect(notesEn(r)).toMatch(/milestones with a duration.*UID 5/);
  });

  it("honours MinutesPerDay", () => {
    const xml = mspdi({ tasks: [{ uid: 1, duration: "PT21H0M0S" }, { uid: 2, duration: "PT7H0M0S", links: link(1, 1, 4200) }] }).replace(
      "<MinutesPerDay>480</MinutesPerDay>",
      "<MinutesPerDay>420</MinutesPerDay>",
    );
    const r = ok(mspdiToPlan(xml));
    expect(r.plan.activities.map((a) => a.durationDays)).toEqual([3, 1]);
    expect(activity(r, "t2").dependsOn[0]?.lagDays).toBe(1);
  });

  it("re-attaches links to and from summary tasks onto their subtasks", () => {
    const r = ok(
      mspdiToPlan(
        mspdi({
          tasks: [
            { uid: 1, name: "Phase A", level: 1 },
            { uid: 2, level: 2 },
            { uid: 3, level: 2 },
            { uid: 4, name: "Phase B", level: 1, links: link(1, 1, 4800) },
            { uid: 5, level: 2 },
            { uid: 6, level: 2, links: link(2, 3) },
            { uid: 7, level: 1, links: link(4, 1) },
          ],
        }),
      ),
    );
    expect(r.plan.activities.map((a) => a.id)).toEqual(["t2", "t3", "t5", "t6", "t7"]);
    expect(activity(r, "t5").dependsOn).toEqual([
      { activityId: "t2", type: "FS", lagDays: 1 },
      { activityId: "t3", type: "FS", lagDays: 1 },
    ]);
    expect(activity(r, "t6").dependsOn).toEqual([
      { activityId: "t2", type: "FS", lagDays: 1 },
      { activityId: "t3", type: "FS", lagDays: 1 },
      { activityId: "t2", type: "SS", lagDays: 0 },
    ]);
    expect(activity(r, "t7").dependsOn).toEqual([
      { activityId: "t5", type: "FS", lagDays: 0 },
      { activityId: "t6", type: "FS", lagDays: 0 },
    ]);
    expect(notesEn(r)).toMatch(/summary-task links moved to each of its subtasks/);
  });

  it("drops links to missing tasks and links inside a summary's own outline, with a note", () => {
    const r = ok(
      mspdiToPlan(
        mspdi({
          tasks: [
            { uid: 1, level: 1 },
            { uid: 2, level: 2, links: link(1, 1) },
            { uid: 3, level: 1, links: link(99, 1) + link(2, 1) },
          ],
        }),
      ),
    );
    expect(activity(r, "t2").dependsOn).toEqual([]);
    expect(activity(r, "t3").dependsOn).toEqual([{ activityId: "t2", type: "FS", lagDays: 0 }]);
    expect(notesEn(r)).toMatch(/missing or ignored tasks.*UID 99/);
    expect(notesEn(r)).toMatch(/summary task and its own subtasks/);
  });

  it("keeps SNET constraints at day granularity and notes the other constraint types", () => {
    const r = ok(
      mspdiToPlan(
        mspdi({
          tasks: [
            { uid: 1, extra: "<ConstraintType>4</ConstraintType><ConstraintDate>2027-02-06T08:00:00</ConstraintDate>" },
            { uid: 2, extra: "<ConstraintType>4</ConstraintType><ConstraintDate>2027-02-08T17:00:00</ConstraintDate>" },
            { uid: 3, extra: "<ConstraintType>7</ConstraintType><ConstraintDate>2027-02-08T17:00:00</ConstraintDate>" },
            { uid: 4, extra: "<ConstraintType>1</ConstraintType>" },
          ],
        }),
      ),
    );
    expect(activity(r, "t1").notBefore).toBe("2027-02-06");
    expect(activity(r, "t2").notBefore).toBe("2027-02-09");
    expect(activity(r, "t3").notBefore).toBeUndefined();
    expect(notesEn(r)).toMatch(/"Finish No Later Than" constraints are not supported.*UID 3/);
    expect(notesEn(r)).toMatch(/"As Late As Possible".*UID 4/);
  });

  it("reads work week, holidays and working exceptions, the derived calendar winning", () => {
    const week = (working: number[]) =>
      [1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>${working.includes(d) ? 1 : 0}</DayWorking></WeekDay>`).join("");
    const ex = (from: string, to: string, working: 0 | 1, name: string, type = 1) =>
      `<Exception><TimePeriod><FromDate>${from}T00:00:00</FromDate><ToDate>${to}T23:59:00</ToDate></TimePeriod><Name>${name}</Name><Type>${type}</Type><DayWorking>${working}</DayWorking></Exception>`;
    const calendars =
      `<Calendar><UID>3</UID><Name>Base</Name><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${week([2, 3, 4, 5, 6, 7])}</WeekDays>` +
      `<Exceptions>${ex("2027-03-29", "2027-03-29", 0, "Nyepi")}</Exceptions></Calendar>` +
      `<Calendar><UID>1</UID><Name>Kantor</Name><BaseCalendarUID>3</BaseCalendarUID><WeekDays><WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>` +
      `<Exceptions>${ex("2027-01-01", "2027-01-03", 0, "Tahun Baru &amp; cuti")}${ex("2027-01-09", "2027-01-09", 1, "Sabtu kerja")}</Exceptions></Calendar>`;
    const r = ok(mspdiToPlan(mspdi({ tasks: [{ uid: 1 }], calendars })));
    expect(r.plan.calendar.workWeek).toEqual([1, 2, 3, 4, 5]);
    // 2027-01-02/03 fall on a weekend anyway; only the Friday is a holiday.
    expect(r.plan.calendar.holidays).toEqual([
      { date: "2027-01-01", name: "Tahun Baru & cuti" },
      { date: "2027-03-29", name: "Nyepi" },
    ]);
    expect(r.plan.calendar.workingDays).toEqual([{ date: "2027-01-09", name: "Sabtu kerja" }]);
  });

  it("expands daily, yearly and monthly recurring exceptions and notes the others", () => {
    const ex = (from: string, to: string, name: string, type: number, period = 1) =>
      `<Exception><TimePeriod><FromDate>${from}T00:00:00</FromDate><ToDate>${to}T23:59:00</ToDate></TimePeriod><Name>${name}</Name><Type>${type}</Type><Period>${period}</Period><DayWorking>0</DayWorking></Exception>`;
    const weekDays = [1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking></WeekDay>`).join("");
    const calendars =
      `<Calendar><UID>1</UID><Name>Semua hari</Name><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${weekDays}</WeekDays><Exceptions>` +
      ex("2027-12-25", "2029-12-25", "Natal", 2) +
      ex("2027-01-31", "2027-05-31", "Akhir bulan", 4, 2) +
      ex("2027-02-01", "2027-02-07", "Selang sehari", 1, 3) +
      ex("2027-08-17", "2027-08-17", "Mingguan", 6) +
      ex("2027-09-01", "2027-09-30", "Tiap semiliar hari", 1, 999_999_999) +
      `</Exceptions></Calendar>`;
    const r = ok(mspdiToPlan(mspdi({ tasks: [{ uid: 1 }], calendars })));
    expect(r.plan.calendar.holidays.map((h) => `${h.date} ${h.name}`)).toEqual([
      "2027-01-31 Akhir bulan",
      "2027-02-01 Selang sehari",
      "2027-02-04 Selang sehari",
      "2027-02-07 Selang sehari",
      // every second month from January: March has a 31st, May too
      "2027-03-31 Akhir bulan",
      "2027-05-31 Akhir bulan",
      "2027-12-25 Natal",
      "2028-12-25 Natal",
      "2029-12-25 Natal",
    ]);
    expect(notesEn(r)).toMatch(/weekly or positional recurring calendar exceptions were not converted: Mingguan/);
    expect(notesEn(r)).toMatch(/without a valid date range or interval ignored: Tiap semiliar hari/);
  });

  it("converts work resources, notes material ones and assignments on summaries", () => {
    const resources =
      "<Resources><Resource><UID>0</UID></Resource><Resource><UID>4</UID><Name>Operator</Name><Type>1</Type><MaxUnits>2.5</MaxUnits></Resource>" +
      "<Resource><UID>5</UID><Name>Blangko KTP</Name><Type>0</Type></Resource></Resources>";
    const assignment = (task: number, res: number, units: string) => `<Assignment><TaskUID>${task}</TaskUID><ResourceUID>${res}</ResourceUID><Units>${units}</Units></Assignment>`;
    const assignments = `<Assignments>${assignment(1, 4, "1")}${assignment(2, 4, "0.5")}${assignment(2, 4, "0.25")}${assignment(2, 5, "3")}${assignment(3, -65535, "1")}</Assignments>`;
    const xml = mspdi({ tasks: [{ uid: 1, level: 1 }, { uid: 2, level: 2 }, { uid: 3, level: 1 }] }).replace("</Tasks>", `</Tasks>${resources}${assignments}`);
    const r = ok(mspdiToPlan(xml));
    expect(r.plan.resources).toEqual([{ id: "r4", kind: "people", name: "Operator", unit: "orang", available: 2.5 }]);
    expect(r.plan.assignments).toEqual([{ activityId: "t2", resourceId: "r4", quantity: 0.75 }]);
    expect(notesEn(r)).toMatch(/material\/cost resources were not converted.*"Blangko KTP"/);
    expect(notesEn(r)).toMatch(/assignments on summary or ignored tasks were not converted: UID 1 ← r4/);
  });

  it("takes the title from <Title>, else from <Name>", () => {
    expect(ok(mspdiToPlan(mspdi({ tasks: [], header: "<Title>Layanan Keliling</Title>" }))).plan.title).toBe("Layanan Keliling");
    expect(ok(mspdiToPlan(mspdi({ tasks: [] }))).plan.title).toBe("test");
  });

  it("keeps hostile text literal", () => {
    const r = ok(mspdiToPlan(mspdi({ tasks: [{ uid: 1, name: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ; \\" }] })));
    expect(r.plan.activities[0]?.name).toBe('<script>alert("x")</script> & ; \\');
  });
});

describe("mspdiToPlan on bad input", () => {
  const errorOf = (r: MspdiImportResult) => {
    if (r.ok) throw new Error("expected an error");
    return r.errors[0];
  };

  it("refuses a DOCTYPE (entity expansion) outright", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project><Name>&lol2;</Name></Project>`;
    expect(errorOf(mspdiToPlan(bomb))?.message.en).toMatch(/DOCTYPE/);
  });

  it("names the line of malformed XML", () => {
    const e = errorOf(mspdiToPlan("<Project>\n<Tasks><Task></Tasks></Project>"));
    expect(e?.code).toBe("mspdi.xml");
    expect(e?.message.en).toMatch(/line 2/);
    expect(e?.message.id).toMatch(/baris 2/);
  });

  it("says which elements a truncated file leaves open", () => {
    const e = errorOf(mspdiToPlan("<Project><Tasks><Task><UID>1</UID>"));
    expect(e?.message.en).toBe("invalid XML: elements left open (the file may be truncated): <Project>, <Tasks>, <Task>");
  });

  it("refuses XML that is not a project", () => {
    expect(errorOf(mspdiToPlan("<html><body/></html>"))?.code).toBe("mspdi.notProject");
    expect(errorOf(mspdiToPlan(""))?.code).toBeDefined();
  });

  it("refuses too many tasks", () => {
    const xml = mspdi({ tasks: [1, 2, 3].map((uid) => ({ uid })) });
    expect(errorOf(mspdiToPlan(xml, { maxTasks: 2 }))?.code).toBe("mspdi.tooLarge");
  });

  it("copes with a 20 000-level outline without recursion", () => {
    const tasks: TaskSpec[] = Array.from({ length: 20_000 }, (_, i) => ({ uid: i + 1, level: i + 1 }));
    tasks.push({ uid: 20_001, level: 1, links: link(1, 1) });
    const r = ok(mspdiToPlan(mspdi({ tasks })));
    expect(r.plan.activities.map((a) => a.id)).toEqual(["t20000", "t20001"]);
    expect(r.plan.activities[1]?.dependsOn).toEqual([{ activityId: "t20000", type: "FS", lagDays: 0 }]);
  });

  it("refuses a file whose summary links would explode into too many links", () => {
    const group = (first: number) => [{ uid: first, level: 1 }, ...Array.from({ length: 30 }, (_, i) => ({ uid: first + 1 + i, level: 2 }))];
    const tasks = [...group(1), ...group(100).map((t, i) => (i === 0 ? { ...t, links: link(1, 1) } : t))];
    expect(ok(mspdiToPlan(mspdi({ tasks }))).plan.activities.find((a) => a.id === "t101")?.dependsOn).toHaveLength(30);
    expect(errorOf(mspdiToPlan(mspdi({ tasks }), { maxDependencies: 899 }))?.code).toBe("mspdi.tooLarge");
  });

  it("never throws on random text, and whatever it accepts is a valid plan", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = mspdiToPlan(s);
        if (r.ok) expect(validatePlan(r.plan).ok).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on truncated or mutated golden files", () => {
    const source = golden("sample-msp2002.xml");
    fc.assert(
      fc.property(fc.nat({ max: source.length }), fc.nat({ max: source.length }), fc.string({ maxLength: 20 }), (cut, at, insert) => {
        for (const xml of [source.slice(0, cut), source.slice(0, at) + insert + source.slice(at)]) {
          const r = mspdiToPlan(xml);
          if (r.ok) expect(validatePlan(r.plan).ok).toBe(true);
          else expect(r.errors[0]?.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("survives hostile values inside well-formed tasks", () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("-1", "1e309", "NaN", "99999999999999", "PT-8H", "P1Y", "__proto__", "2027-02-30T08:00:00"));
    const field = fc.constantFrom(
      "UID", "Duration", "OutlineLevel", "ConstraintType", "ConstraintDate", "Milestone", "PredecessorUID", "LinkLag", "LagFormat", "Type",
      "DayType", "DayWorking", "FromDate", "ToDate", "MinutesPerDay", "CalendarUID", "BaseCalendarUID", "DurationFormat", "StartDate", "Summary",
    );
    fc.assert(
      fc.property(fc.constantFrom("relations-msp2007.xml", "sample1-msp2010plus.xml"), fc.array(fc.tuple(field, value, fc.nat(20)), { maxLength: 8 }), (file, edits) => {
        let xml = golden(file);
        for (const [f, v, nth] of edits) {
          const escaped = v.replace(/&/g, "&amp;").replace(/</g, "&lt;");
          let seen = 0;
          xml = xml.replace(new RegExp(`<${f}>[^<]*</${f}>`, "g"), (m) => (seen++ === nth ? `<${f}>${escaped}</${f}>` : m));
        }
        const r = mspdiToPlan(xml);
        if (r.ok) expect(validatePlan(r.plan).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("mspdiToPlan titles", () => {
  it("falls back to a default title when the file's title is blank", () => {
    const xml = `<Project xmlns="http://schemas.microsoft.com/project"><Title>   </Title><Name> </Name><StartDate>2027-01-04T08:00:00</StartDate><Tasks></Tasks></Project>`;
    const r = mspdiToPlan(xml);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan.title).toBe("Impor Microsoft Project");
  });
});
