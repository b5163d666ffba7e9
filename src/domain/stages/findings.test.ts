import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decreeModel, fundingDictum } from "../decree/model.js";
import { computeFindings, mergeFindings, STAGES, type Finding } from "../findings.js";
import type { Plan } from "../plan/schema.js";
import { validatePlan } from "../plan/validate.js";
import { lineAmount } from "./budget.js";
import { stageOutputs } from "./index.js";
import { clone, tinyPlan } from "./test-plans.js";

function loadExample(name: string): Plan {
  const r = validatePlan(JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8")));
  if (!r.ok) throw new Error(`${name} is not valid: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const ADMINDUK = loadExample("adminduk-keliling-lansia.json");
const PUSKESMAS = loadExample("puskesmas-anc-terpadu.json");

/** Drops every reference a mutation left dangling, so the mutated plan is valid again. */
function repair(p: Plan): Plan {
  const has = <T extends { id: string }>(xs: T[]) => {
    const set = new Set(xs.map((x) => x.id));
    return (id: string | undefined) => id !== undefined && set.has(id);
  };
  const factor = has(p.analysis.factors);
  p.analysis.strategies.forEach((s) => (s.factorIds = s.factorIds.filter(factor)));
  const goal = has(p.direction.goals);
  p.direction.targets = p.direction.targets.filter((t) => goal(t.goalId));
  const [strategy, target, program, member, activity] = [has(p.analysis.strategies), has(p.direction.targets), has(p.direction.programs), has(p.team), has(p.activities)];
  for (const a of p.activities) {
    if (a.targetId !== undefined && !target(a.targetId)) delete a.targetId;
    if (a.programId !== undefined && !program(a.programId)) delete a.programId;
    if (a.ownerId !== undefined && !member(a.ownerId)) delete a.ownerId;
    if (a.strategyIds) a.strategyIds = a.strategyIds.filter(strategy);
    a.dependsOn = a.dependsOn.filter((d) => activity(d.activityId) && d.activityId !== a.id);
  }
  const resource = has(p.resources);
  p.assignments = p.assignments.filter((x) => activity(x.activityId) && resource(x.resourceId));
  p.budget = p.budget.filter((b) => activity(b.activityId));
  const stakeholder = has(p.stakeholders);
  p.communication = p.communication.filter((c) => stakeholder(c.stakeholderId));
  for (const c of p.communication) if (c.ownerId !== undefined && !member(c.ownerId)) delete c.ownerId;
  return p;
}

/** The example changed by `mutate`, repaired and checked to be a valid plan. */
function mutated(mutate: (p: Plan) => void, base: Plan = ADMINDUK): Plan {
  const p = clone(base);
  mutate(p);
  repair(p);
  const r = validatePlan(p);
  if (!r.ok) throw new Error(`mutation made an invalid plan: ${JSON.stringify(r.errors)}`);
  return r.plan;
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const byCode = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);
const indexOf = (p: Plan, id: string) => p.activities.findIndex((a) => a.id === id);

describe("findings of the examples", () => {
  it.each([
    ["adminduk", ADMINDUK],
    ["puskesmas", PUSKESMAS],
  ] as const)("%s: no error, only a few genuine notes", (_, plan) => {
    const fs = computeFindings(plan);
    expect(fs.filter((f) => f.severity === "error")).toEqual([]);
    expect(fs.filter((f) => f.severity === "warning")).toEqual([]);
    expect(fs.length).toBeLessThanOrEqual(6);
  });
});

describe("an empty draft", () => {
  const fs = computeFindings(tinyPlan());
  it("lists what every stage still lacks", () => {
    expect(codes(fs)).toEqual(
      expect.arrayContaining([
        "targetGroups.empty",
        "analysis.factors.empty",
        "analysis.assumptions.empty",
        "analysis.strategies.empty",
        "direction.vision.empty",
        "direction.goals.empty",
        "activities.empty",
        "resources.empty",
        "budget.empty",
        "team.empty",
        "stakeholders.empty",
        "decree.issuer.missing",
        "decree.place.missing",
        "decree.signatory.nameMissing",
        "decree.signatory.position.missing",
        "decree.considerations.missing",
        "decree.legalBases.missing",
      ]),
    );
  });
  it("does not ask for milestones or team details when there is nothing yet", () => {
    expect(codes(fs)).not.toContain("activities.milestones.none");
    expect(codes(fs)).not.toContain("team.pengarah.missing");
    expect(codes(fs)).not.toContain("target.activities.none");
  });
  it("gives every finding a known stage, a stable code and both languages", () => {
    for (const f of fs) {
      expect(STAGES).toContain(f.stage);
      expect(f.code).toMatch(/^[a-z][A-Za-z]*(\.[a-zA-Z]+)+$/);
      expect(f.message.id.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
      expect(f.message.id).not.toBe(f.message.en);
    }
  });
});

type Case = [code: string, mutate: (p: Plan) => void, expected: Partial<Finding>];

const CASES: Case[] = [
  ["organization.name.empty", (p) => (p.organization.name = " "), { severity: "error", stage: "organisasi", path: "organization.name" }],
  ["organization.unit.empty", (p) => (p.organization.unit = ""), { severity: "warning" }],
  ["service.name.empty", (p) => (p.service.name = ""), { severity: "error" }],
  ["targetGroups.empty", (p) => (p.targetGroups = []), { severity: "error", stage: "sasaran" }],
  ["targetGroup.size.zero", (p) => (p.targetGroups[1]!.size = 0), { ref: "tg-disabilitas", path: "targetGroups[1].size" }],
  ["analysis.threats.empty", (p) => (p.analysis.factors = p.analysis.factors.filter((f) => f.kind !== "threat")), { severity: "warning", stage: "analisis" }],
  ["analysis.weights.internal.sum", (p) => (p.analysis.factors[0]!.weight = 0.25), { severity: "warning" }],
  ["analysis.weights.external.sum", (p) => p.analysis.factors.filter((f) => f.kind === "threat").forEach((f) => (f.weight = 0)), { severity: "warning" }],
  ["analysis.factor.weight.missing", (p) => delete p.analysis.factors[4]!.weight, { ref: "w1", path: "analysis.factors[4].weight" }],
  ["analysis.factor.rating.missing", (p) => delete p.analysis.factors[8]!.rating, { ref: "o1" }],
  ["analysis.strategies.empty", (p) => (p.analysis.strategies = []), { severity: "warning" }],
  ["analysis.strategy.factors.empty", (p) => (p.analysis.strategies[2]!.factorIds = []), { ref: "wo1" }],
  ["analysis.strategy.kind.mismatch", (p) => p.analysis.strategies[0]!.factorIds.push("t1"), { ref: "so1", severity: "info" }],
  ["direction.vision.empty", (p) => (p.direction.vision = ""), { severity: "error", stage: "kegiatan" }],
  ["goal.targets.none", (p) => p.direction.goals.push({ id: "g3", text: "Tujuan tanpa sasaran" }), { ref: "g3", path: "direction.goals[2]" }],
  ["target.indicator.empty", (p) => (p.direction.targets[1]!.indicator = ""), { ref: "sr2", severity: "error" }],
  ["target.targetValue.empty", (p) => (p.direction.targets[0]!.targetValue = " "), { ref: "sr1", severity: "error" }],
  ["activities.empty", (p) => (p.activities = []), { severity: "error" }],
  ["activity.owner.missing", (p) => delete p.activities[indexOf(p, "k03")]!.ownerId, { ref: "k03", path: "activities[3].ownerId", severity: "error" }],
  ["activity.output.missing", (p) => delete p.activities[indexOf(p, "k05")]!.output, { ref: "k05", severity: "warning" }],
  ["activity.target.missing", (p) => delete p.activities[indexOf(p, "k06")]!.targetId, { ref: "k06" }],
  ["target.activities.none", (p) => p.activities.forEach((a) => a.targetId === "sr4" && (a.targetId = "sr3")), { ref: "sr4", path: "direction.targets[3]" }],
  ["activities.milestones.none", (p) => p.activities.forEach((a) => a.durationDays === 0 && (a.durationDays = 1)), { stage: "jadwal", severity: "warning" }],
  ["plan.start.outsideFiscalYear", (p) => (p.start = "2026-12-28"), { stage: "jadwal" }],
  ["resources.kind.missing", (p) => (p.resources = p.resources.filter((r) => r.kind !== "material")), { ref: "material", stage: "sumber-daya" }],
  ["assignment.quantity.exceedsAvailable", (p) => (p.assignments[5]!.quantity = 7), { ref: "r-operator", path: "assignments[5].quantity", severity: "warning" }],
  ["resource.material.shortfall", (p) => (p.resources.find((r) => r.id === "r-blangko")!.available = 3000), { ref: "r-blangko" }],
  ["budget.empty", (p) => (p.budget = []), { severity: "error" }],
  ["budget.line.price.zero", (p) => (p.budget[0]!.unitPrice = 0), { ref: "b01", path: "budget[0].unitPrice" }],
  ["budget.line.account.missing", (p) => delete p.budget[2]!.account, { ref: "b03", severity: "warning" }],
  ["budget.line.account.format", (p) => (p.budget[2]!.account = "5.1.2.4"), { ref: "b03", severity: "info" }],
  ["budget.line.source.missing", (p) => delete p.budget[2]!.source, { ref: "b03", severity: "info" }],
  ["budget.total.tooLarge", (p) => {
    // Each line exact (6e15 Rupiah), their sum beyond Number.MAX_SAFE_INTEGER.
    for (const line of p.budget.slice(0, 2)) Object.assign(line, { volume: 1e9, unitPrice: 6_000_000, taxPercent: 0 });
  }, { severity: "error" }],
  ["team.empty", (p) => (p.team = []), { severity: "error", stage: "tim" }],
  ["team.pengarah.missing", (p) => (p.team = p.team.filter((m) => m.role !== "pengarah")), { severity: "error" }],
  ["team.ketua.missing", (p) => (p.team = p.team.filter((m) => m.role !== "ketua")), { severity: "error" }],
  ["team.member.duties.missing", (p) => (p.team[4]!.duties = [" "]), { ref: "tm-a1", path: "team[4].duties" }],
  ["team.member.nip.missing", (p) => delete p.team[5]!.nip, { ref: "tm-a2", severity: "warning" }],
  ["stakeholder.promoter.communication.missing", (p) => (p.communication = p.communication.filter((c) => c.stakeholderId !== "sh-dinsos")), { ref: "sh-dinsos", stage: "pemangku-kepentingan" }],
  ["communication.principles.incomplete", (p) => (p.communication[0]!.principles = ["terbuka"]), { ref: "c1", severity: "info" }],
  ["decree.issuer.missing", (p) => (p.decree.issuerTitle = ""), { severity: "error", stage: "keputusan" }],
  ["decree.place.missing", (p) => (p.decree.place = ""), { severity: "error" }],
  ["decree.signatory.nameMissing", (p) => (p.decree.signatory.name = ""), { severity: "error" }],
  ["decree.considerations.missing", (p) => (p.decree.considerations = []), { severity: "error" }],
  ["decree.legalBases.missing", (p) => (p.decree.legalBases = []), { severity: "error" }],
  ["decree.consideration.notBahwa", (p) => (p.decree.considerations[0] = "Menimbang perlu pelayanan keliling;"), { path: "decree.considerations[0]" }],
  ["decree.considerations.conclusionAdded", (p) => p.decree.considerations.pop(), { path: "decree.considerations[1]", severity: "info" }],
  ["decree.dictum.funding.added", (p) => (p.decree.dictums = []), { severity: "info" }],
  ["decree.dictum.funding.missing", (p) => ((p.decree.dictums = []), (p.budget = [])), { severity: "info" }],
  ["decree.signatory.onBehalfOfMissing", (p) => (p.decree.signatory.capacity = "an"), { severity: "error" }],
  ["decree.signatory.position.missing", (p) => (p.decree.signatory.position = ""), { severity: "error" }],
  ["decree.consideration.semicolon", (p) => (p.decree.considerations[0] = "bahwa perlu pelayanan keliling."), { severity: "info", path: "decree.considerations[0]" }],
  ["decree.copiesTo.empty", (p) => (p.decree.copiesTo = []), { severity: "info" }],
  ["plan.title.empty", (p) => (p.title = " "), { severity: "error" }],
  ["organization.government.missing", (p) => delete p.organization.government, { severity: "info" }],
  ["organization.address.missing", (p) => delete p.organization.address, { severity: "info" }],
  ["service.description.missing", (p) => delete p.service.description, { severity: "info" }],
  ["targetGroup.needs.missing", (p) => delete p.targetGroups[2]!.needs, { ref: "tg-odgj", severity: "info" }],
  ["analysis.assumptions.empty", (p) => (p.analysis.assumptions = []), { severity: "warning" }],
  ["analysis.weights.internal.missing", (p) => p.analysis.factors.forEach((f) => f.kind === "strength" || f.kind === "weakness" ? (delete f.weight, delete f.rating) : undefined), { severity: "warning" }],
  ["activity.strategy.missing", (p) => delete p.activities[indexOf(p, "k06")]!.strategyIds, { ref: "k06", severity: "info" }],
  ["strategy.activities.none", (p) => p.activities.forEach((a) => (a.strategyIds = a.strategyIds?.filter((id) => id !== "st2"))), { ref: "st2", severity: "info" }],
  ["activities.horizon.none", (p) => p.activities.forEach((a) => delete a.horizon), { severity: "info" }],
  ["assignments.empty", (p) => (p.assignments = []), { severity: "warning" }],
  ["resource.unassigned", (p) => (p.assignments = p.assignments.filter((a) => a.resourceId !== "r-printer")), { ref: "r-printer", severity: "info" }],
  ["budget.line.volume.zero", (p) => (p.budget[1]!.volume = 0), { ref: "b02" }],
  ["resourceStrategy.empty", (p) => (p.resourceStrategy = {}), { severity: "info" }],
  ["mobilization.nextStep.missing", (p) => delete p.mobilization[3]!.nextStep, { ref: "mb4", stage: "mobilisasi" }],
  ["team.ketua.multiple", (p) => (p.team[5]!.role = "ketua"), { severity: "warning" }],
  ["team.penanggungJawab.missing", (p) => (p.team[1]!.role = "anggota"), { severity: "info" }],
  ["team.member.rank.missing", (p) => delete p.team[6]!.rank, { ref: "tm-a3" }],
  ["team.member.position.missing", (p) => (p.team[6]!.position = ""), { ref: "tm-a3" }],
  ["teamProcedures.missing", (p) => delete p.teamProcedures, { severity: "info" }],
  ["stakeholders.empty", (p) => (p.stakeholders = []), { severity: "warning" }],
  ["communication.owner.missing", (p) => delete p.communication[1]!.ownerId, { ref: "c2", severity: "info" }],
  ["communication.channel.empty", (p) => (p.communication[1]!.channel = ""), { ref: "c2", severity: "warning" }],
];

describe("findings and the decree agree", () => {
  // Where the decree adds a part itself, no finding may call it missing (a reviewer would
  // otherwise see a complaint about something the printed decree has).
  it("names the concluding consideration the decree adds, never as missing", () => {
    const p = mutated((x) => x.decree.considerations.pop());
    const printed = decreeModel(p).considerations.at(-1)!.text;
    expect(printed).toMatch(/^bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan/);
    const fs = computeFindings(p).filter((f) => f.path.startsWith("decree.considerations"));
    expect(fs.filter((f) => /missing/i.test(f.code) || f.severity !== "info")).toEqual([]);
    expect(fs.find((f) => f.code === "decree.considerations.conclusionAdded")?.message.id).toContain(printed);
  });
  it("names the funding dictum the decree adds for a budgeted plan, and says it is missing only when nothing is printed", () => {
    const p = mutated((x) => (x.decree.dictums = []));
    expect(decreeModel(p).dictums.map((d) => d.text)).toContain(fundingDictum(p));
    expect(byCode(computeFindings(p), "decree.dictum.funding.missing")).toEqual([]);
    expect(byCode(computeFindings(p), "decree.dictum.funding.added")[0]?.message.en).toContain(fundingDictum(p));
    const unbudgeted = mutated((x) => ((x.decree.dictums = []), (x.budget = [])));
    expect(decreeModel(unbudgeted).dictums.some((d) => /dibebankan/.test(d.text))).toBe(false);
    expect(byCode(computeFindings(unbudgeted), "decree.dictum.funding.missing")).toHaveLength(1);
  });
});

describe("each finding on a mutated example", () => {
  it.each(CASES)("%s", (code, mutate, expected) => {
    // Same code and item: the example may hold the code elsewhere (c4 has 5 principles).
    const same = (f: Finding) => expected.ref === undefined || f.ref === expected.ref;
    expect(byCode(computeFindings(ADMINDUK), code).filter(same)).toEqual([]);
    const found = byCode(computeFindings(mutated(mutate)), code).filter(same);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ code, ...expected });
  });
  it("names the item in the message", () => {
    const f = byCode(computeFindings(mutated((p) => delete p.activities[3]!.ownerId)), "activity.owner.missing")[0]!;
    expect(f.message.id).toContain("Koordinasi dengan Dinas Sosial");
    expect(f.message.en).toContain("(k03)");
  });
});

describe("a NIP stored before the schema checked it", () => {
  it("is an error finding naming the member and the rule (the plan may not go forward)", () => {
    const p = clone(ADMINDUK);
    p.team[5]!.nip = "19940311 2020"; // the schema refuses this now; stored plans may still hold it
    const f = byCode(computeFindings(p), "team.member.nip.invalid");
    expect(f).toMatchObject([{ ref: "tm-a2", severity: "error", path: "team[5].nip" }]);
    expect(f[0]!.message.id).toMatch(/18 angka, bukan 12/);
  });
});

describe("who may not sign the decree", () => {
  const ketua = ADMINDUK.team.find((m) => m.role === "ketua")!;
  const signers = (mutate: (p: Plan) => void) => byCode(computeFindings(mutated(mutate)), "decree.signatory.teamMember");

  it("the ketua signing (same NIP) is an error naming the member", () => {
    const fs = signers((p) => (p.decree.signatory = { name: ketua.name, nip: ketua.nip!, position: ketua.position }));
    expect(fs).toMatchObject([{ severity: "error", ref: "tm-ketua", path: "decree.signatory.name" }]);
  });
  it("recognises the same person by name when there is no NIP, ignoring titles and case", () => {
    const fs = signers((p) => (p.decree.signatory = { name: "AGUS PRIYANTO", position: "Kepala Seksi" }));
    expect(fs.map((f) => f.ref)).toEqual(["tm-ketua"]);
  });
  it("the NIP decides when both have one", () => {
    expect(signers((p) => (p.decree.signatory = { name: "Agus P.", nip: "19830412 200212 1 003", position: "x" })).map((f) => f.ref)).toEqual(["tm-ketua"]);
    expect(signers((p) => (p.decree.signatory = { name: ketua.name, nip: "196001011985031001", position: "x" }))).toEqual([]);
  });
  it("the pengarah may sign (as in the example), and so may someone outside the team", () => {
    expect(byCode(computeFindings(ADMINDUK), "decree.signatory.teamMember")).toEqual([]);
    expect(signers((p) => (p.decree.signatory = { name: "Ir. Hartono", nip: "196001011985031001", position: "Sekretaris Daerah", capacity: "an", onBehalfOf: "BUPATI" }))).toEqual([]);
  });
});

describe("mergeFindings", () => {
  const f = (severity: Finding["severity"], code = "x.y", ref?: string): Finding => ({
    stage: "keputusan",
    code,
    severity,
    path: "decree.considerations",
    message: { id: severity, en: severity },
    ...(ref ? { ref } : {}),
  });
  it("keeps one of each (code, path, ref) with the stricter severity", () => {
    const merged = mergeFindings([f("warning"), f("error"), f("info"), f("warning", "x.z"), f("warning", "x.y", "r1")]);
    expect(merged.map((m) => [m.code, m.severity, m.ref ?? null, m.message.id])).toEqual([
      ["x.y", "error", null, "warning"],
      ["x.z", "warning", null, "warning"],
      ["x.y", "warning", "r1", "warning"],
    ]);
  });
  it("never reports the same thing twice", () => {
    const fs = computeFindings(tinyPlan());
    const keys = fs.map((x) => `${x.code}|${x.path}|${x.ref ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

// ---- property: outputs and findings never throw on a valid plan ----------------------------

type ListPath = (p: Plan) => unknown[];
const LISTS: ListPath[] = [
  (p) => p.targetGroups,
  (p) => p.analysis.factors,
  (p) => p.analysis.assumptions,
  (p) => p.analysis.strategies,
  (p) => p.direction.goals,
  (p) => p.direction.targets,
  (p) => p.direction.programs,
  (p) => p.direction.missions,
  (p) => p.activities,
  (p) => p.resources,
  (p) => p.assignments,
  (p) => p.budget,
  (p) => p.mobilization,
  (p) => p.team,
  (p) => p.stakeholders,
  (p) => p.communication,
  (p) => p.decree.considerations,
  (p) => p.decree.legalBases,
  (p) => p.decree.dictums,
];

const mutationArb = fc.oneof(
  fc.record({ op: fc.constant("remove" as const), list: fc.nat(LISTS.length - 1), index: fc.nat(40) }),
  fc.record({ op: fc.constant("clear" as const), list: fc.nat(LISTS.length - 1) }),
  fc.record({ op: fc.constant("shuffle" as const), list: fc.nat(LISTS.length - 1), seed: fc.nat() }),
  fc.record({ op: fc.constant("zeroWeights" as const), kind: fc.constantFrom("strength", "weakness", "opportunity", "threat") }),
  fc.record({ op: fc.constant("dropScores" as const), index: fc.nat(20) }),
  fc.record({ op: fc.constant("blank" as const), field: fc.constantFrom("vision", "issuerTitle", "place", "signatory", "unit", "firstConsideration") }),
  fc.record({ op: fc.constant("numbers" as const), index: fc.nat(40), value: fc.constantFrom(0, 0.5, 1, 3, 1e9) }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function apply(p: Plan, m: Mutation): void {
  switch (m.op) {
    case "remove": {
      const list = LISTS[m.list]!(p);
      if (list.length > 0) list.splice(m.index % list.length, 1);
      return;
    }
    case "clear":
      LISTS[m.list]!(p).length = 0;
      return;
    case "shuffle": {
      const list = LISTS[m.list]!(p);
      let s = m.seed;
      for (let i = list.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [list[i], list[j]] = [list[j], list[i]];
      }
      return;
    }
    case "zeroWeights":
      p.analysis.factors.forEach((f) => f.kind === m.kind && (f.weight = 0));
      return;
    case "dropScores": {
      const f = p.analysis.factors[m.index % Math.max(1, p.analysis.factors.length)];
      if (f) {
        delete f.weight;
        delete f.rating;
      }
      return;
    }
    case "blank":
      if (m.field === "vision") p.direction.vision = "";
      else if (m.field === "issuerTitle") p.decree.issuerTitle = "";
      else if (m.field === "place") p.decree.place = " ";
      else if (m.field === "signatory") p.decree.signatory = { name: "", position: "" };
      else if (m.field === "unit") p.organization.unit = "";
      else if (p.decree.considerations.length > 0) p.decree.considerations[0] = "";
      return;
    case "numbers": {
      const line = p.budget[m.index % Math.max(1, p.budget.length)];
      if (line) line.volume = m.value;
      const group = p.targetGroups[m.index % Math.max(1, p.targetGroups.length)];
      if (group) group.size = Math.round(m.value);
      const a = p.activities[m.index % Math.max(1, p.activities.length)];
      if (a) a.durationDays = Math.round(m.value) % 200;
      return;
    }
  }
}

describe("property: stage outputs and findings on mutated examples", () => {
  it("never throw, stay JSON-able, and keep the budget totals consistent", () => {
    fc.assert(
      fc.property(fc.constantFrom(ADMINDUK, PUSKESMAS), fc.array(mutationArb, { maxLength: 12 }), (base, mutations) => {
        const p = clone(base);
        for (const m of mutations) apply(p, m);
        repair(p);
        const r = validatePlan(p);
        expect(r.errors).toEqual([]);
        if (!r.ok) return;
        const outputs = stageOutputs(r.plan);
        const findings = computeFindings(r.plan);
        expect(JSON.parse(JSON.stringify(outputs))).toEqual(outputs);
        expect(outputs.budget.grandTotal).toBe(r.plan.budget.reduce((s, b) => s + lineAmount(b), 0));
        expect(outputs.budget.perAccount.reduce((s, g) => s + g.amount, 0)).toBe(outputs.budget.grandTotal);
        expect(outputs.targetGroups.peopleCount).toBe(r.plan.targetGroups.reduce((s, g) => s + g.size, 0));
        for (const f of findings) {
          expect(STAGES).toContain(f.stage);
          expect(f.message.id && f.message.en).toBeTruthy();
        }
      }),
      { numRuns: 200 },
    );
  });
});
