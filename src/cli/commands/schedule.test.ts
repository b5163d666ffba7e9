import { describe, expect, it } from "vitest";
import { emptyPlan } from "../../domain/plan/empty.js";
import type { Plan } from "../../domain/plan/schema.js";
import type { CliIo } from "../io.js";
import { run } from "../main.js";

function planWith(activities: Plan["activities"]): Plan {
  return { ...emptyPlan({ title: "Uji jadwal", fiscalYear: 2026, organizationName: "Dinas Uji", start: "2026-03-16" }), activities };
}

const A = (id: string, durationDays: number, dependsOn: Plan["activities"][number]["dependsOn"] = []) => ({ id, name: `Kegiatan ${id}`, durationDays, dependsOn });

async function cli(args: string[], files: Record<string, string>) {
  let out = "";
  let err = "";
  const io: CliIo = {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    readFile: async (p) => {
      const content = files[p];
      if (content === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return Buffer.from(content);
    },
    writeFile: async () => {},
    env: {},
    readLine: async () => undefined,
  };
  const code = await run(args, io);
  return { code, out, err };
}

describe("rencana schedule", () => {
  const plan = planWith([A("a", 3), A("m", 0, [{ activityId: "a", type: "FS", lagDays: 0 }]), A("b", 2, [{ activityId: "m", type: "FS", lagDays: 0 }]), A("c", 1)]);

  it("--json prints the documented shape", async () => {
    const r = await cli(["schedule", "plan.json", "--json"], { "plan.json": JSON.stringify(plan) });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["finish", "criticalPath", "activities", "estimatedHolidayYears", "unknownHolidays"]);
    // 16 Mar 2026: Mon, Tue, then Nyepi/Idulfitri holidays and cuti bersama until 24 Mar.
    expect(doc.finish).toBe("2026-03-27");
    expect(doc.criticalPath).toEqual(["a", "m", "b"]);
    expect(doc.activities[0]).toEqual({ id: "a", start: "2026-03-16", finish: "2026-03-25", lateStart: "2026-03-16", lateFinish: "2026-03-25", totalFloat: 0, freeFloat: 0, critical: true });
    expect(doc.activities[1]).toMatchObject({ id: "m", start: "2026-03-25", finish: "2026-03-25" });
    expect(doc.activities[3]).toMatchObject({ id: "c", start: "2026-03-16", totalFloat: 4, critical: false });
    for (const a of doc.activities) expect(Object.keys(a)).toEqual(["id", "start", "finish", "lateStart", "lateFinish", "totalFloat", "freeFloat", "critical"]);
  });

  it("prints a readable table without --json", async () => {
    const r = await cli(["schedule", "plan.json", "--lang", "en"], { "plan.json": JSON.stringify(plan) });
    expect(r.code).toBe(0);
    expect(r.out).toContain("Critical path: a → m → b");
    expect(r.out).toMatch(/^m\s+Kegiatan m\s+milestone\s+2026-03-25\s+2026-03-25/m);
    expect(r.out).toContain("finish 2026-03-27");
  });

  it("exits 1 with the validation errors for an invalid plan", async () => {
    const bad = planWith([A("a", -1)]);
    const r = await cli(["schedule", "bad.json"], { "bad.json": JSON.stringify(bad) });
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("activities[0].durationDays");
    const dangling = planWith([A("b", 1, [{ activityId: "zz", type: "FS", lagDays: 0 }])]);
    const r2 = await cli(["schedule", "d.json", "--json"], { "d.json": JSON.stringify(dangling) });
    expect(r2.code).toBe(1);
    expect(r2.out).toBe("");
    expect(r2.err).toContain("activities[0].dependsOn[0].activityId");
  });

  it("exits 1 naming the activities of a cycle", async () => {
    const cyclic = planWith([A("a", 1, [{ activityId: "b", type: "FS", lagDays: 0 }]), A("b", 1, [{ activityId: "a", type: "SS", lagDays: 0 }])]);
    const r = await cli(["schedule", "c.json", "--json", "--lang", "en"], { "c.json": JSON.stringify(cyclic) });
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/dependency cycle between activities: (a → b → a|b → a → b)/);
  });

  it("exits 1 when the file is missing or not JSON", async () => {
    expect((await cli(["schedule", "nope.json"], {})).code).toBe(1);
    const r = await cli(["schedule", "x.json"], { "x.json": "{" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("JSON");
  });
});
