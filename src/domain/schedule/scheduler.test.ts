import { describe, expect, it } from "vitest";
import { schedulePlan, type Schedule, type ScheduleInput } from "./scheduler.js";
import { act, plan } from "./test-helpers.js";

function scheduled(input: ScheduleInput): Schedule {
  const r = schedulePlan(input);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.schedule;
}
const byId = (s: Schedule, id: string) => s.activities.find((a) => a.id === id)!;
const row = (s: Schedule, id: string) => {
  const a = byId(s, id);
  return [a.start, a.finish, a.lateStart, a.totalFloat];
};

describe("MS Project golden tables, rebuilt by hand", () => {
  it("relations-msp2007.xml: T1 FS T2 SS+1d T3 FF T4 SF T5", () => {
    const s = scheduled(
      plan("2006-09-21", [act("T1", 1), act("T2", 1, [["T1", "FS", 0]]), act("T3", 1, [["T2", "SS", 1]]), act("T4", 1, [["T3", "FF", 0]]), act("T5", 1, [["T4", "SF", 0]])]),
    );
    expect(row(s, "T1")).toEqual(["2006-09-21", "2006-09-21", "2006-09-21", 0]);
    expect(row(s, "T2")).toEqual(["2006-09-22", "2006-09-22", "2006-09-22", 0]);
    expect(row(s, "T3")).toEqual(["2006-09-25", "2006-09-25", "2006-09-25", 0]);
    expect(row(s, "T4")).toEqual(["2006-09-25", "2006-09-25", "2006-09-25", 0]);
    // MS Project stores T5's finish as 2006-09-25 08:00, i.e. the end of Friday 09-22.
    expect(row(s, "T5")).toEqual(["2006-09-22", "2006-09-22", "2006-09-25", 1]);
    expect(byId(s, "T5").freeFloat).toBe(1);
    expect(s.criticalPath).toEqual(["T1", "T2", "T3", "T4"]);
    expect(s.finish).toBe("2006-09-25");
  });

  it("tasklinks-msp2007.xml: eight pairs of one-day tasks (FS+0/1/2/5/10, SF+2, SS+2, FF+2)", () => {
    const pairs: [string, "FS" | "SS" | "FF" | "SF", number][] = [
      ["1", "FS", 0], ["3", "FS", 1], ["5", "FS", 2], ["7", "FS", 5], ["9", "FS", 10], ["11", "SF", 2], ["13", "SS", 2], ["15", "FF", 2],
    ];
    const activities = pairs.flatMap(([a, type, lag]) => [act(a, 1), act(String(Number(a) + 1), 1, [[a, type, lag]])]);
    const s = scheduled(plan("2014-10-17", activities));
    // UID: [Start, LateStart, TotalSlack, FreeSlack] as stored by MS Project 2007
    const expected: Record<string, [string, string, number, number]> = {
      1: ["2014-10-17", "2014-10-31", 10, 0], 2: ["2014-10-20", "2014-11-03", 10, 10],
      3: ["2014-10-17", "2014-10-30", 9, 0], 4: ["2014-10-21", "2014-11-03", 9, 9],
      5: ["2014-10-17", "2014-10-29", 8, 0], 6: ["2014-10-22", "2014-11-03", 8, 8],
      7: ["2014-10-17", "2014-10-24", 5, 0], 8: ["2014-10-27", "2014-11-03", 5, 5],
      9: ["2014-10-17", "2014-10-17", 0, 0], 10: ["2014-11-03", "2014-11-03", 0, 0],
      11: ["2014-10-17", "2014-10-31", 10, 0], 12: ["2014-10-20", "2014-11-03", 10, 10],
      13: ["2014-10-17", "2014-10-30", 9, 0], 14: ["2014-10-21", "2014-11-03", 9, 9],
      15: ["2014-10-17", "2014-10-30", 9, 0], 16: ["2014-10-21", "2014-11-03", 9, 9],
    };
    for (const [id, [start, lateStart, tf, ff]] of Object.entries(expected)) {
      const a = byId(s, id);
      expect([id, a.start, a.finish, a.lateStart, a.lateFinish, a.totalFloat, a.freeFloat]).toEqual([id, start, start, lateStart, lateStart, tf, ff]);
    }
    expect(s.criticalPath).toEqual(["9", "10"]);
    expect(s.finish).toBe("2014-11-03");
  });

  it("sample-msp2002.xml link pairs: FS, FS+1d, FS−1d lead, SS, FF, SF with start-no-earlier-than", () => {
    const s = scheduled(
      plan("2003-01-07", [
        act("1a", 1), act("1b", 1, [["1a", "FS", 0]]),
        act("2a", 1), act("2b", 1, [["2a", "FS", 1]]),
        act("3a", 1), act("3b", 1, [["3a", "FS", -1]]),
        act("4a", 1), act("4b", 1, [["4a", "SS", 0]]),
        act("5a", 1), act("5b", 1, [["5a", "FF", 0]]),
        act("6a", 1, [], "2003-01-08"), act("6b", 1, [["6a", "SF", 0]], "2003-01-06"),
        act("m", 0),
      ]),
    );
    const starts = Object.fromEntries(s.activities.map((a) => [a.id, [a.start, a.finish]]));
    expect(starts).toEqual({
      "1a": ["2003-01-07", "2003-01-07"], "1b": ["2003-01-08", "2003-01-08"],
      "2a": ["2003-01-07", "2003-01-07"], "2b": ["2003-01-09", "2003-01-09"],
      "3a": ["2003-01-07", "2003-01-07"], "3b": ["2003-01-07", "2003-01-07"],
      "4a": ["2003-01-07", "2003-01-07"], "4b": ["2003-01-07", "2003-01-07"],
      "5a": ["2003-01-07", "2003-01-07"], "5b": ["2003-01-07", "2003-01-07"],
      "6a": ["2003-01-08", "2003-01-08"], "6b": ["2003-01-07", "2003-01-07"],
      m: ["2003-01-07", "2003-01-07"], // "Third task (milestone)" sits at the project start
    });
  });

  it("sample1-msp2010plus.xml project-calendar chain: 3d, FS+1d 4d, FS 10d, FS milestone", () => {
    const s = scheduled(
      plan("2023-07-28", [act("t1", 3), act("t2", 4, [["t1", "FS", 1]]), act("t3", 10, [["t2", "FS", 0]]), act("m1", 0, [["t3", "FS", 0]]), act("t4", 3), act("t5", 4, [["t4", "FS", 0]])]),
    );
    expect(row(s, "t1")).toEqual(["2023-07-28", "2023-08-01", "2023-07-28", 0]);
    expect(row(s, "t2")).toEqual(["2023-08-03", "2023-08-08", "2023-08-03", 0]);
    expect(row(s, "t3")).toEqual(["2023-08-09", "2023-08-22", "2023-08-09", 0]);
    expect(row(s, "m1")).toEqual(["2023-08-22", "2023-08-22", "2023-08-22", 0]);
    // (MS Project's Task 6 uses its own calendar and is left out, so t5 here has no successor.)
    expect(row(s, "t5")).toEqual(["2023-08-02", "2023-08-07", "2023-08-17", 11]);
  });
});

describe("link types, lags and leads", () => {
  // Start Monday 2026-06-01 without national holidays; A is 3 days (Mon–Wed).
  const base = (d: number, links: Parameters<typeof act>[2]) => scheduled(plan("2026-06-01", [act("A", 3), act("B", d, links)]));
  it.each([
    ["FS", 0, "2026-06-04", "2026-06-05"],
    ["FS", 2, "2026-06-08", "2026-06-09"], // lag over the weekend
    ["FS", -1, "2026-06-03", "2026-06-04"], // one-day lead
    ["FS", -10, "2026-06-01", "2026-06-02"], // a lead never goes before the plan start
    ["SS", 0, "2026-06-01", "2026-06-02"],
    ["SS", 4, "2026-06-05", "2026-06-08"],
    ["FF", 0, "2026-06-02", "2026-06-03"],
    ["FF", 3, "2026-06-05", "2026-06-08"],
    ["FF", -2, "2026-06-01", "2026-06-02"],
    ["SF", 0, "2026-06-01", "2026-06-02"], // finish ≥ A's start: the plan start wins
    ["SF", 5, "2026-06-04", "2026-06-05"],
  ] as const)("%s%+d into a 2-day task", (type, lag, start, finish) => {
    const s = base(2, [["A", type, lag]]);
    expect([byId(s, "B").start, byId(s, "B").finish]).toEqual([start, finish]);
  });

  it("the latest of several predecessors drives", () => {
    const s = scheduled(plan("2026-06-01", [act("A", 3), act("B", 1), act("C", 2, [["A", "SS", 1], ["B", "FS", 4]])]));
    expect(byId(s, "C").start).toBe("2026-06-08");
    expect(byId(s, "A").totalFloat).toBe(4); // A may start Fri: SS+1 still lets C start Mon, and A ends Tue with C
    expect(byId(s, "B").totalFloat).toBe(0);
  });
});

describe("milestones", () => {
  it("sits on the finish date of an FS/FF driver and on the start date of an SS/SF driver", () => {
    const s = scheduled(
      plan("2026-06-01", [
        act("A", 3), // Mon–Wed
        act("mFS", 0, [["A", "FS", 0]]),
        act("mFF", 0, [["A", "FF", 0]]),
        act("mFSlag", 0, [["A", "FS", 2]]),
        act("mSS", 0, [["A", "SS", 0]]),
        act("mSF", 0, [["A", "SF", 1]]),
        act("after", 1, [["mFS", "FS", 0]]),
        act("free", 0),
        act("nb", 0, [], "2026-06-06"), // Saturday: moves to Monday
      ]),
    );
    expect(byId(s, "mFS").start).toBe("2026-06-03");
    expect(byId(s, "mFS").finish).toBe("2026-06-03");
    expect(byId(s, "mFF").finish).toBe("2026-06-03");
    expect(byId(s, "mFSlag").finish).toBe("2026-06-05");
    expect(byId(s, "mSS").finish).toBe("2026-06-01");
    expect(byId(s, "mSF").finish).toBe("2026-06-02");
    expect(byId(s, "after").start).toBe("2026-06-04");
    expect(byId(s, "free").finish).toBe("2026-06-01");
    expect(byId(s, "nb").finish).toBe("2026-06-08");
    expect(byId(s, "mFS").milestone).toBe(true);
    expect(byId(s, "mFS").durationDays).toBe(0);
  });

  it("a milestone after a Friday task stays on Friday, its successor starts Monday", () => {
    const s = scheduled(plan("2026-06-05", [act("A", 1), act("M", 0, [["A", "FS", 0]]), act("B", 2, [["M", "FS", 0]]), act("M2", 0, [["M", "FS", 0]])]));
    expect(byId(s, "M").finish).toBe("2026-06-05");
    expect(byId(s, "M2").finish).toBe("2026-06-05");
    expect(byId(s, "B").start).toBe("2026-06-08");
    expect(s.criticalPath).toEqual(["A", "M", "M2", "B"].filter((id) => byId(s, id).critical));
    expect(byId(s, "M").critical).toBe(true);
  });

  it("a milestone chained after a start-of-plan milestone stays at the plan start", () => {
    const s = scheduled(plan("2026-06-01", [act("M1", 0), act("M2", 0, [["M1", "FS", 0]]), act("A", 2, [["M2", "FS", 0]])]));
    expect(byId(s, "M2").finish).toBe("2026-06-01");
    expect(byId(s, "A").start).toBe("2026-06-01");
  });

  it("a milestone with float shows its late date at the end of the latest day", () => {
    const s = scheduled(plan("2026-06-01", [act("A", 1), act("M", 0, [["A", "FS", 0]]), act("Long", 5)]));
    expect(byId(s, "M")).toMatchObject({ start: "2026-06-01", finish: "2026-06-01", lateStart: "2026-06-05", lateFinish: "2026-06-05", totalFloat: 4 });
  });
});

describe("calendar", () => {
  it("skips Indonesian national holidays and cuti bersama", () => {
    // 2026-03-17 (Tue) then 18–24 Mar are Nyepi, Idulfitri and their cuti bersama.
    const s = scheduled(plan("2026-03-16", [act("A", 3), act("B", 1, [["A", "FS", 0]])], { nationalHolidays: true }));
    expect(byId(s, "A").finish).toBe("2026-03-25");
    expect(byId(s, "B").start).toBe("2026-03-26");
    expect(s.estimatedHolidayYears).toEqual([]);
  });

  it("plan start on a holiday moves to the next working day", () => {
    const s = scheduled(plan("2026-01-01", [act("A", 1)], { nationalHolidays: true }));
    expect(s.start).toBe("2026-01-02");
    expect(byId(s, "A").start).toBe("2026-01-02");
  });

  it("weekend working days and plan holidays", () => {
    const s = scheduled(
      plan("2026-06-05", [act("A", 3)], {
        workingDays: [{ date: "2026-06-06", name: "Sabtu pelayanan" }],
        holidays: [{ date: "2026-06-08", name: "Hari jadi" }],
      }),
    );
    expect([byId(s, "A").start, byId(s, "A").finish]).toEqual(["2026-06-05", "2026-06-09"]); // Fri, Sat, (Mon off), Tue
  });

  it("six-day work week", () => {
    const s = scheduled(plan("2026-06-05", [act("A", 3)], { workWeek: [1, 2, 3, 4, 5, 6] }));
    expect(byId(s, "A").finish).toBe("2026-06-08");
  });

  it("flags years whose holidays are estimates", () => {
    const s = scheduled(plan("2026-12-01", [act("A", 300)], { nationalHolidays: true }));
    expect(s.finish.startsWith("2028")).toBe(true);
    expect(s.estimatedHolidayYears).toEqual([2027, 2028]);
    const off = scheduled(plan("2026-12-01", [act("A", 300)]));
    expect(off.estimatedHolidayYears).toEqual([]);
  });
});

describe("constraints", () => {
  it("notBefore delays, and moves off a non-working day", () => {
    const s = scheduled(plan("2026-06-01", [act("A", 2, [], "2026-06-03"), act("B", 1, [], "2026-06-07"), act("C", 1, [], "2026-05-01")]));
    expect(byId(s, "A").start).toBe("2026-06-03");
    expect(byId(s, "B").start).toBe("2026-06-08");
    expect(byId(s, "C").start).toBe("2026-06-01");
  });

  it("a predecessor later than notBefore wins", () => {
    const s = scheduled(plan("2026-06-01", [act("A", 5), act("B", 1, [["A", "FS", 0]], "2026-06-02")]));
    expect(byId(s, "B").start).toBe("2026-06-08");
  });
});

describe("errors and shape", () => {
  it("a cycle is an error naming its activities in order", () => {
    const r = schedulePlan(plan("2026-06-01", [act("X", 1), act("A", 1, [["C", "FS", 0], ["X", "FS", 0]]), act("B", 1, [["A", "SS", 0]]), act("C", 1, [["B", "FF", 0]]), act("D", 1, [["C", "FS", 0]])]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("schedule.cycle");
    expect([...r.error.cycle].sort()).toEqual(["A", "B", "C"]);
    const i = r.error.cycle.indexOf("A");
    expect([...r.error.cycle.slice(i), ...r.error.cycle.slice(0, i)]).toEqual(["A", "B", "C"]);
    expect(r.error.message.id).toContain([...r.error.cycle, r.error.cycle[0]].join(" → "));
    expect(r.error.message.en).toContain("cycle");
  });

  it("an activity depending on itself is a cycle", () => {
    const r = schedulePlan(plan("2026-06-01", [act("A", 1, [["A", "FS", 0]])]));
    expect(r.ok ? [] : r.error.cycle).toEqual(["A"]);
  });

  it("keeps the plan's order and handles an empty plan", () => {
    const s = scheduled(plan("2026-06-01", [act("Z", 1, [["Y", "FS", 0]]), act("Y", 1)]));
    expect(s.activities.map((a) => a.id)).toEqual(["Z", "Y"]);
    expect(byId(s, "Z").start).toBe("2026-06-02");
    const empty = scheduled(plan("2026-06-06", []));
    expect([empty.start, empty.finish, empty.criticalPath]).toEqual(["2026-06-08", "2026-06-08", []]);
  });
});
