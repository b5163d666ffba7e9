import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePlan, validatePlanChange, validatePlanText } from "./validate.js";
import { PLAN_FORMAT_V1, PLAN_TEXT_LIMITS, TEXT_LIMITS, textLimitAt, type Plan } from "./schema.js";

function smallPlan(): Plan {
  return {
    format: PLAN_FORMAT_V1,
    title: "Uji",
    fiscalYear: 2027,
    organization: { name: "Dinas Uji", unit: "Seksi Uji" },
    service: { name: "Layanan", pattern: "fungsional" },
    targetGroups: [{ id: "g1", name: "Lansia", size: 10 }],
    analysis: {
      factors: [{ id: "f1", kind: "strength", text: "Petugas siap", weight: 1, rating: 4 }],
      assumptions: [],
      strategies: [{ id: "s1", kind: "SO", text: "Jemput bola", factorIds: ["f1"] }],
    },
    direction: {
      vision: "V",
      missions: [],
      goals: [{ id: "go1", text: "G" }],
      targets: [{ id: "t1", goalId: "go1", text: "T", indicator: "I", targetValue: "100%" }],
      policies: [],
      programs: [{ id: "p1", name: "P" }],
    },
    start: "2027-01-04",
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] },
    activities: [
      { id: "k1", name: "A", durationDays: 2, dependsOn: [], ownerId: "m1", targetId: "t1", programId: "p1", strategyIds: ["s1"] },
      { id: "k2", name: "B", durationDays: 1, dependsOn: [{ activityId: "k1", type: "FS", lagDays: 0 }] },
    ],
    resources: [{ id: "r1", kind: "people", name: "Petugas", unit: "orang", available: 2 }],
    assignments: [{ activityId: "k1", resourceId: "r1", quantity: 1 }],
    budget: [{ id: "b1", activityId: "k1", item: "ATK", volume: 2, unit: "paket", unitPrice: 50000 }],
    resourceStrategy: {},
    mobilization: [],
    team: [{ id: "m1", name: "Budi", position: "Kepala Seksi", role: "ketua", duties: ["memimpin"] }],
    stakeholders: [{ id: "sh1", name: "Camat", kind: "external", power: 4, interest: 4 }],
    communication: [{ id: "c1", stakeholderId: "sh1", objective: "o", message: "m", channel: "rapat", frequency: "bulanan", ownerId: "m1", principles: ["terbuka"] }],
    decree: {
      issuerTitle: "KEPALA DINAS UJI",
      place: "Uji",
      signatory: { name: "Kepala", position: "Kepala Dinas Uji" },
      considerations: [],
      legalBases: [],
      dictums: [],
      copiesTo: [],
    },
  };
}

describe("validatePlan", () => {
  it("accepts a conforming plan and returns it unchanged", () => {
    const plan = smallPlan();
    const r = validatePlan(structuredClone(plan));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.plan).toEqual(plan);
  });

  it("names both ends of a dangling reference", () => {
    const plan = smallPlan();
    plan.activities[1]!.dependsOn[0]!.activityId = "k99";
    const r = validatePlan(plan);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        path: "activities[1].dependsOn[0].activityId",
        code: "reference.missing",
        message: { id: '"k99" tidak ditemukan di activities', en: '"k99" not found in activities' },
      },
    ]);
  });

  it("reports every broken reference, not just the first", () => {
    const plan = smallPlan();
    plan.assignments[0]!.resourceId = "nope";
    plan.budget[0]!.activityId = "nope";
    plan.communication[0]!.stakeholderId = "nope";
    plan.analysis.strategies[0]!.factorIds = ["x"];
    plan.direction.targets[0]!.goalId = "x";
    plan.activities[0]!.ownerId = "x";
    const r = validatePlan(plan);
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      [
        "activities[0].ownerId",
        "analysis.strategies[0].factorIds[0]",
        "assignments[0].resourceId",
        "budget[0].activityId",
        "communication[0].stakeholderId",
        "direction.targets[0].goalId",
      ].sort(),
    );
    expect(r.errors.every((e) => e.code === "reference.missing")).toBe(true);
  });

  it("rejects duplicate ids within a list, naming the first use", () => {
    const plan = smallPlan();
    plan.activities[1]!.id = "k1";
    plan.activities[1]!.dependsOn = [];
    const r = validatePlan(plan);
    expect(r.errors).toContainEqual(expect.objectContaining({ path: "activities[1].id", code: "id.duplicate" }));
    expect(r.errors[0]!.message.id).toContain("activities[0]");
  });

  it("allows the same id in different lists", () => {
    const plan = smallPlan();
    plan.resources[0]!.id = "k1";
    plan.assignments[0]!.resourceId = "k1";
    expect(validatePlan(plan).ok).toBe(true);
  });

  it.each([
    ["analysis.factors[0].weight", (p: Plan) => (p.analysis.factors[0]!.weight = 1.5), "number.max"],
    ["analysis.factors[0].rating", (p: Plan) => (p.analysis.factors[0]!.rating = 0), "number.min"],
    ["stakeholders[0].power", (p: Plan) => (p.stakeholders[0]!.power = 6), "number.max"],
    ["stakeholders[0].interest", (p: Plan) => (p.stakeholders[0]!.interest = 0), "number.min"],
    ["budget[0].unitPrice", (p: Plan) => (p.budget[0]!.unitPrice = 10.5), "number.integer"],
    ["budget[0].volume", (p: Plan) => (p.budget[0]!.volume = -1), "number.min"],
    ["targetGroups[0].size", (p: Plan) => (p.targetGroups[0]!.size = -3), "number.min"],
    ["activities[0].durationDays", (p: Plan) => (p.activities[0]!.durationDays = 1.5), "number.integer"],
    ["start", (p: Plan) => (p.start = "2027-02-30"), "date.invalid"],
    ["title", (p: Plan) => (p.title = ""), "string.empty"],
    ["service.pattern", (p: Plan) => ((p.service as { pattern: string }).pattern = "online"), "value.enum"],
    ["calendar.workWeek", (p: Plan) => (p.calendar.workWeek = []), "array.tooShort"],
    ["calendar.workWeek[1]", (p: Plan) => (p.calendar.workWeek = [1, 1]), "value.duplicate"],
  ])("rejects a bad %s with code", (path, mutate, code) => {
    const plan = smallPlan();
    mutate(plan);
    const r = validatePlan(plan);
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual(expect.objectContaining({ path, code }));
    for (const e of r.errors) {
      expect(e.message.id.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it("names a missing field and an unknown one", () => {
    const plan = smallPlan() as Record<string, unknown>;
    delete plan.title;
    plan.titel = "typo";
    const r = validatePlan(plan);
    expect(r.errors).toContainEqual(expect.objectContaining({ path: "title", code: "field.required" }));
    expect(r.errors).toContainEqual(expect.objectContaining({ path: "titel", code: "field.unknown" }));
  });

  it("reports an unknown format version and malformed JSON clearly", () => {
    expect(validatePlan({ ...smallPlan(), format: "rencana-layanan/plan@9" }).errors[0]).toMatchObject({ path: "format", code: "format.unsupported" });
    expect(validatePlanText("{not json").errors[0]).toMatchObject({ path: "", code: "json.invalid" });
    expect(validatePlan(null).errors[0]).toMatchObject({ code: "type.invalid" });
    expect(validatePlan([]).errors[0]).toMatchObject({ code: "type.invalid" });
  });

  it("rejects an activity that depends on itself", () => {
    const plan = smallPlan();
    plan.activities[0]!.dependsOn = [{ activityId: "k1", type: "SS", lagDays: 0 }];
    expect(validatePlan(plan).errors[0]).toMatchObject({ path: "activities[0].dependsOn[0].activityId", code: "value.invalid" });
  });
});

describe("validatePlan money limits", () => {
  it("rejects a budget line whose amount cannot be an exact integer", () => {
    const plan = structuredClone(validExample());
    plan.budget[0]!.volume = 1_000_000_000;
    plan.budget[0]!.unitPrice = 9_000_000_000_000;
    const r = validatePlan(plan);
    expect(r.errors).toContainEqual(expect.objectContaining({ path: "budget[0].unitPrice", code: "number.max" }));
  });
  it("rejects an absurd volume", () => {
    const plan = structuredClone(validExample());
    plan.budget[0]!.volume = 1e12;
    expect(validatePlan(plan).errors).toContainEqual(expect.objectContaining({ path: "budget[0].volume", code: "number.max" }));
  });
});

function validExample(): Plan {
  const r = validatePlan(JSON.parse(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8")));
  if (!r.ok) throw new Error("example invalid");
  return r.plan;
}

describe("validatePlan text length limits", () => {
  it("has a limit for every text field of format v1, from the schema itself", () => {
    // Every string leaf of a filled-in plan must have a limit (a new field without one fails here).
    const plan = JSON.parse(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8")) as Plan;
    const leaves = new Set<string>();
    const walk = (v: unknown, path: string[]): void => {
      if (typeof v === "string") leaves.add(path.join("."));
      else if (Array.isArray(v)) v.forEach((x) => walk(x, path));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(plan, []);
    const dates = new Set(["start", "format", "activities.notBefore", "activities.progress.actualStart", "activities.progress.actualFinish", "calendar.holidays.date", "calendar.workingDays.date", "mobilization.dueDate", "decree.date"]);
    const unlimited = [...leaves].filter((p) => !dates.has(p) && PLAN_TEXT_LIMITS[p] === undefined && !/\.(kind|pattern|type|role|stage|mechanism|horizon|capacity|attitude|paper|principles|level|issuerLevel)$/.test(p) && !/^serviceStandard\..*(completionTime|duration)\.unit$/.test(p) /* enums */);
    expect(unlimited).toEqual([]);
    expect(PLAN_TEXT_LIMITS["title"]).toBe(TEXT_LIMITS.name);
    expect(textLimitAt("activities[3].name")).toBe(TEXT_LIMITS.name);
    expect(textLimitAt(["direction", "missions", 0])).toBe(TEXT_LIMITS.text);
    expect(textLimitAt("teamProcedures")).toBe(TEXT_LIMITS.long);
    expect(textLimitAt("team.nip")).toBe(TEXT_LIMITS.short);
    expect(textLimitAt("fiscalYear")).toBeUndefined();
  });

  it("accepts a text exactly at its limit and refuses one character more, naming the field by its label", () => {
    const at = smallPlan();
    at.activities[0]!.name = "a".repeat(TEXT_LIMITS.name);
    at.direction.missions = ["m".repeat(TEXT_LIMITS.text)];
    at.teamProcedures = "p".repeat(TEXT_LIMITS.long);
    expect(validatePlan(at).ok).toBe(true);

    const over = smallPlan();
    over.activities[0]!.name = "a".repeat(TEXT_LIMITS.name + 1);
    over.direction.missions = ["ok", "m".repeat(TEXT_LIMITS.text + 1)];
    over.team[0]!.nip = "1".repeat(TEXT_LIMITS.short + 1);
    const r = validatePlan(over);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ["direction.missions[1]", "string.tooLong"],
      ["activities[0].name", "string.tooLong"],
      ["team[0].nip", "string.tooLong"],
    ]);
    const name = r.errors.find((e) => e.path === "activities[0].name")!;
    expect(name.message.id).toBe(`nama kegiatan terlalu panjang (${TEXT_LIMITS.name + 1} karakter, paling banyak ${TEXT_LIMITS.name} karakter)`);
    expect(name.message.en).toBe(`activity name is too long (${TEXT_LIMITS.name + 1} characters, at most ${TEXT_LIMITS.name} characters)`);
    expect(r.errors[0]!.message.id).toMatch(/^misi terlalu panjang/);
  });

  it("keeps the example plans within the limits", () => {
    for (const f of ["adminduk-keliling-lansia.json", "puskesmas-anc-terpadu.json"]) {
      const r = validatePlanText(readFileSync(new URL(`../../../examples/${f}`, import.meta.url), "utf8"));
      expect(r.errors).toEqual([]);
    }
  });
});

describe("validatePlan forbidden characters", () => {
  it("refuses control and bidi-override characters, naming the field and the character", () => {
    const plan = smallPlan();
    plan.title = "Uji \u202Egnp.exe";
    plan.activities[0]!.name = "A\u0007B";
    plan.organization.address = "Jl. Uji\u2066x\u2069";
    const r = validatePlan(plan);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors.filter((e) => e.code === "text.forbiddenCharacter");
    expect(errors.map((e) => e.path).sort()).toEqual(["activities[0].name", "organization.address", "title"]);
    const title = errors.find((e) => e.path === "title")!;
    expect(title.message.id).toMatch(/^judul rencana memuat karakter kendali atau pengubah arah tulisan U\+202E \(RIGHT-TO-LEFT OVERRIDE\) \(karakter ke-5\)/);
    expect(title.message.en).toMatch(/contains the control or text-direction character U\+202E/);
    expect(errors.find((e) => e.path === "activities[0].name")?.message.en).toMatch(/U\+0007 \(character 2\)/);
  });

  it("refuses them in a change too (validatePlanChange)", () => {
    const before = validatePlan(smallPlan());
    if (!before.ok) throw new Error("small plan invalid");
    const after = { ...before.plan, activities: [{ ...before.plan.activities[0]!, name: "A\u202EB" }, ...before.plan.activities.slice(1)] };
    const r = validatePlanChange(before.plan, after);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => `${e.code} ${e.path}`)).toEqual(["text.forbiddenCharacter activities[0].name"]);
    expect(validatePlanChange(before.plan, { ...before.plan, title: "Judul baru 😀" }).ok).toBe(true);
  });

  it("accepts tabs, line breaks, emoji, Arabic and Hebrew text and markup as typed", () => {
    const plan = smallPlan();
    plan.title = "Uji\t😀👍🏽 مرحبا שלום </w:t> & <b>";
    plan.teamProcedures = "Baris satu\r\nBaris dua\n";
    const r = validatePlan(plan);
    expect(r.ok).toBe(true);
    expect(r.ok && r.plan.title).toBe(plan.title);
  });
});
