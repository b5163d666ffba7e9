import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DIFF_FIELD_LABELS, DIFF_STAGES, formatChangeValue, formatDiffPath, planDiff, type PlanChange } from "./diff.js";
import { planSchema, type Plan } from "./schema.js";
import { formatPath, validatePlanText } from "./validate.js";

const DIR = new URL("../../../examples/", import.meta.url);
const EXAMPLES: [string, Plan][] = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => {
    const r = validatePlanText(readFileSync(new URL(f, DIR), "utf8"));
    if (!r.ok) throw new Error(`${f} is not a valid plan`);
    return [f, r.plan];
  });
const [, ANC] = EXAMPLES.find(([f]) => f.startsWith("puskesmas"))!;
const clone = <T>(v: T): T => structuredClone(v);

describe("planDiff", () => {
  it("finds nothing between a plan and its copy", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
    for (const [, plan] of EXAMPLES) expect(planDiff(plan, clone(plan))).toEqual([]);
  });

  it("reports a field change at the leaf, with a readable label, stage and both values", () => {
    for (const [, example] of EXAMPLES) {
      const plan = clone(example);
      plan.activities[2]!.name = "Sosialisasi";
      const after = clone(plan);
      const activity = after.activities[2]!;
      activity.durationDays += 3;
      const changes = planDiff(plan, after);
      expect(changes).toEqual([
        {
          path: `activities[id=${activity.id}].durationDays`,
          kind: "changed",
          label: {
            id: `Kegiatan ${activity.id} «${activity.name}»: durasi (hari kerja)`,
            en: `Activity ${activity.id} «${activity.name}»: duration (working days)`,
          },
          stage: "jadwal",
          before: activity.durationDays - 3,
          after: activity.durationDays,
        },
      ]);
    }
  });

  it("labels a long name shortened and fields outside lists by their section", () => {
    const after = clone(ANC);
    after.activities[0]!.name = "Sosialisasi ".repeat(20);
    after.activities[0]!.output = "baru";
    after.organization.address = "Jl. Baru 1";
    after.decree.signatory.nip = "198001012005011001";
    const byPath = new Map(planDiff(ANC, after).map((c) => [c.path, c]));
    const id = ANC.activities[0]!.id;
    const output = byPath.get(`activities[id=${id}].output`)!;
    expect(output.label.id).toMatch(new RegExp(`^Kegiatan ${id} «(Sosialisasi ){5,}Sosialisasi…»: keluaran$`));
    expect(output.label.id.length).toBeLessThan(100);
    expect(byPath.get("organization.address")).toMatchObject({ label: { id: "Instansi: alamat", en: "Organisation: address" }, stage: "sasaran", after: "Jl. Baru 1" });
    expect(byPath.get("decree.signatory.nip")).toMatchObject({
      label: { id: "Surat Keputusan Tim: NIP penanda tangan", en: "Team decree (SK): signatory's NIP" },
      stage: "dokumen",
    });
  });

  it("reports an activity inserted at the top as ONE added item, not every item changed", () => {
    const inserted = { id: "k-new", name: "Sosialisasi", durationDays: 2, dependsOn: [] };
    const after = clone(ANC);
    after.activities.unshift(inserted);
    expect(planDiff(ANC, after)).toEqual([
      {
        path: "activities[id=k-new]",
        kind: "added",
        label: { id: "Kegiatan k-new «Sosialisasi» ditambahkan", en: "Activity k-new «Sosialisasi» added" },
        stage: "kegiatan",
        after: inserted,
      },
    ]);
  });

  it("reports a removed budget line as ONE change carrying the whole line", () => {
    const after = clone(ANC);
    const [removed] = after.budget.splice(1, 1);
    const changes = planDiff(ANC, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toEqual({
      path: `budget[id=${removed!.id}]`,
      kind: "removed",
      label: { id: `Baris anggaran ${removed!.id} «${removed!.item}» dihapus`, en: `Budget line ${removed!.id} «${removed!.item}» removed` },
      stage: "sumber-daya",
      before: removed,
    });
  });

  it("matches predecessors by activityId and reports budget amounts at the field", () => {
    const after = clone(ANC);
    const a = after.activities.find((x) => x.dependsOn.length > 0)!;
    const kept = a.dependsOn[0]!;
    const other = after.activities.find((x) => x.id !== a.id && !a.dependsOn.some((d) => d.activityId === x.id))!;
    kept.lagDays += 2;
    a.dependsOn.unshift({ activityId: other.id, type: "SS", lagDays: 0 });
    const line = after.budget[0]!;
    line.unitPrice += 50_000;
    line.taxPercent = 11;

    const changes = planDiff(ANC, after);
    const byPath = new Map(changes.map((c) => [c.path, c]));
    expect(changes).toHaveLength(4);
    expect(byPath.get(`activities[id=${a.id}].dependsOn[activityId=${kept.activityId}].lagDays`)).toMatchObject({
      kind: "changed",
      before: kept.lagDays - 2,
      after: kept.lagDays,
      stage: "jadwal",
    });
    const keptName = after.activities.find((x) => x.id === kept.activityId)!.name;
    expect(byPath.get(`activities[id=${a.id}].dependsOn[activityId=${kept.activityId}].lagDays`)!.label.id).toBe(
      `Kegiatan ${a.id} «${a.name}», pendahulu ${kept.activityId} «${keptName}»: jeda (hari)`,
    );
    expect(byPath.get(`activities[id=${a.id}].dependsOn[activityId=${other.id}]`)).toMatchObject({
      kind: "added",
      after: { activityId: other.id, type: "SS", lagDays: 0 },
      label: { id: `Kegiatan ${a.id} «${a.name}»: pendahulu ${other.id} «${other.name}» ditambahkan` },
    });
    expect(byPath.get(`budget[id=${line.id}].unitPrice`)).toMatchObject({
      kind: "changed",
      before: line.unitPrice - 50_000,
      after: line.unitPrice,
      label: { id: `Baris anggaran ${line.id} «${line.item}»: harga satuan`, en: `Budget line ${line.id} «${line.item}»: unit price` },
    });
    expect(byPath.get(`budget[id=${line.id}].taxPercent`)).toMatchObject({
      kind: ANC.budget[0]!.taxPercent === undefined ? "added" : "changed",
      after: 11,
    });
  });

  it("matches assignments by activity and resource, holidays by date", () => {
    const after = clone(ANC);
    after.assignments.reverse();
    const asg = after.assignments[0]!;
    asg.quantity += 1;
    after.calendar.holidays.push({ date: "2027-08-18", name: "Cuti daerah" });
    const changes = planDiff(ANC, after);
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      ["calendar.holidays[date=2027-08-18]", "added"],
      [`assignments[activityId=${asg.activityId},resourceId=${asg.resourceId}].quantity`, "changed"],
    ]);
    expect(changes[0]!.label.id).toBe("Libur tambahan 2027-08-18 «Cuti daerah» ditambahkan");
    expect(changes[1]!.label.en).toMatch(new RegExp(`^Assignment ${asg.activityId} «.+» × ${asg.resourceId} «.+»: quantity per day$`));
  });

  it("reports a reorder of an id list once, at the list, and ignores reordered predecessors", () => {
    const after = clone(ANC);
    [after.activities[1], after.activities[2]] = [after.activities[2]!, after.activities[1]!];
    const withTwo = after.activities.find((x) => x.dependsOn.length >= 2);
    withTwo?.dependsOn.reverse();
    const changes = planDiff(ANC, after);
    expect(changes).toEqual([
      {
        path: "activities",
        kind: "changed",
        label: { id: "Kegiatan pelayanan: urutan diubah", en: "Service activities: order changed" },
        stage: "kegiatan",
        before: ANC.activities.map((a) => a.id),
        after: after.activities.map((a) => a.id),
      },
    ]);
  });

  it("compares lists without ids as values at the list's path", () => {
    const after = clone(ANC);
    after.direction.missions.push("Misi baru");
    after.decree.considerations[0] = "bahwa diubah";
    const changes = planDiff(ANC, after);
    expect(changes.map((c) => c.path)).toEqual(["direction.missions", "decree.considerations"]);
    expect(changes[0]).toMatchObject({ kind: "changed", before: ANC.direction.missions, after: after.direction.missions, label: { id: "Arah kegiatan: misi" } });
    expect(changes[1]).toMatchObject({ stage: "dokumen", label: { id: "Surat Keputusan Tim: menimbang" } });
  });

  it("falls back to a whole-list change when ids repeat (an invalid plan), hiding nothing", () => {
    const before = clone(ANC);
    before.team.push(clone(before.team[0]!));
    const after = clone(before);
    after.team[0]!.position = "Kepala";
    expect(planDiff(before, after)).toEqual([
      expect.objectContaining({ path: "team", kind: "changed", stage: "tim", before: before.team, after: after.team }),
    ]);
  });

  it("reports an optional field appearing as added and disappearing as removed", () => {
    const after = clone(ANC);
    const a = after.activities.find((x) => x.progress === undefined)!;
    const org = after.organization;
    const email = ANC.organization.email ?? "puskesmas@example.go.id";
    const before = clone(ANC);
    before.organization.email = email;
    a.progress = { percent: 40, actualStart: "2027-01-04" };
    delete org.email;
    const changes = planDiff(before, after);
    expect(changes).toEqual([
      { path: "organization.email", kind: "removed", label: { id: "Instansi: surel", en: "Organisation: email" }, stage: "sasaran", before: email },
      {
        path: `activities[id=${a.id}].progress`,
        kind: "added",
        label: { id: `Kegiatan ${a.id} «${a.name}»: kemajuan`, en: `Activity ${a.id} «${a.name}»: progress` },
        stage: "kegiatan",
        after: { percent: 40, actualStart: "2027-01-04" },
      },
    ]);
  });

  it("orders changes by stage, then by path with numbers compared as numbers", () => {
    const base = clone(ANC);
    base.activities = ["k2", "k10", "k1"].map((id) => ({ id, name: id, durationDays: 1, dependsOn: [] }));
    const after = clone(base);
    for (const a of after.activities) a.durationDays = 5;
    for (const a of after.activities) a.output = "x";
    after.decree.place = "Karangsari Baru";
    after.title = "Judul baru";
    const changes = planDiff(base, after);
    expect(changes.map((c) => `${c.stage} ${c.path}`)).toEqual([
      "sasaran title",
      "kegiatan activities[id=k1].output",
      "kegiatan activities[id=k2].output",
      "kegiatan activities[id=k10].output",
      "jadwal activities[id=k1].durationDays",
      "jadwal activities[id=k2].durationDays",
      "jadwal activities[id=k10].durationDays",
      "dokumen decree.place",
    ]);
    // Same result whatever order the items are in.
    const shuffled = clone(after);
    shuffled.activities.reverse();
    base.activities.reverse();
    expect(planDiff(base, shuffled).map((c) => c.path)).toEqual(changes.map((c) => c.path));
  });

  it("has a label for every field of the schema", () => {
    const missing: string[] = [];
    const walk = (schema: z.ZodType, path: string[], required: boolean) => {
      if (schema instanceof z.ZodOptional) return walk(schema.unwrap() as z.ZodType, path, false);
      const key = path.join(".");
      if (schema instanceof z.ZodObject) {
        // A required object (organization, decree …) is never added or removed by itself.
        if (!required && !DIFF_FIELD_LABELS[key]) missing.push(key);
        for (const [k, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) walk(s, [...path, k], true);
        return;
      }
      if (!DIFF_FIELD_LABELS[key]) missing.push(key);
      if (schema instanceof z.ZodArray && schema.element instanceof z.ZodObject) {
        for (const [k, s] of Object.entries(schema.element.shape as Record<string, z.ZodType>)) walk(s, [...path, k], true);
      }
    };
    walk(planSchema, [], true);
    expect(missing).toEqual([]);
  });
});

describe("formatDiffPath", () => {
  it("writes plain paths exactly like formatPath", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.nat(50)), { maxLength: 6 }), (segs) => {
        expect(formatDiffPath(segs)).toBe(formatPath(segs));
      }),
    );
  });

  it("writes matched items as [key=value], quoting unusual values", () => {
    expect(formatDiffPath(["activities", { match: [["id", "k3"]] }, "dependsOn", { match: [["activityId", "k1"]] }, "lagDays"])).toBe(
      "activities[id=k3].dependsOn[activityId=k1].lagDays",
    );
    expect(formatDiffPath(["team", { match: [["id", "a]b c"]] }, "name"])).toBe('team[id="a]b c"].name');
  });
});

describe("formatChangeValue", () => {
  it("writes numbers, dates, text, lists and items for people", () => {
    expect(formatChangeValue(1_250_000, "id")).toBe("1.250.000");
    expect(formatChangeValue(1_250_000, "en")).toBe("1,250,000");
    expect(formatChangeValue(0.25, "id")).toBe("0,25");
    expect(formatChangeValue(-3, "id")).toBe("-3");
    expect(formatChangeValue("2027-01-06", "id")).toBe("6 Januari 2027");
    expect(formatChangeValue("2027-01-06", "en")).toBe("6 January 2027");
    expect(formatChangeValue("2027-02-30", "id")).toBe('"2027-02-30"');
    expect(formatChangeValue("Puskesmas", "en")).toBe('"Puskesmas"');
    expect(formatChangeValue("x".repeat(500), "id").length).toBeLessThan(130);
    expect(formatChangeValue(true, "id")).toBe("ya");
    expect(formatChangeValue(undefined, "en")).toBe("(empty)");
    expect(formatChangeValue([], "id")).toBe("(daftar kosong)");
    expect(formatChangeValue([1, 2, 3, 4, 5, 6, 7, 8, 9], "id")).toBe("1; 2; 3; 4; 5; 6; 7 (+2 lagi)");
    expect(formatChangeValue({ id: "k3", name: "Sosialisasi", durationDays: 2 }, "id")).toBe("k3 «Sosialisasi»");
    expect(formatChangeValue({ activityId: "k1", type: "FS", lagDays: 1000 }, "id")).toBe('activity id: "k1", type: "FS", lag days: 1.000');
    expect(formatChangeValue([{ id: "b1", item: "Honor" }, { id: "b2" }], "en")).toBe("b1 «Honor»; b2");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties. The path a change should carry is computed here independently of diff.ts: the test
// knows which lists are matched by which key and which are compared as values.

const KEYS: Record<string, string[]> = {
  targetGroups: ["id"],
  "analysis.factors": ["id"],
  "analysis.assumptions": ["id"],
  "analysis.strategies": ["id"],
  "direction.goals": ["id"],
  "direction.targets": ["id"],
  "direction.programs": ["id"],
  activities: ["id"],
  "activities.dependsOn": ["activityId"],
  resources: ["id"],
  assignments: ["activityId", "resourceId"],
  budget: ["id"],
  mobilization: ["id"],
  team: ["id"],
  stakeholders: ["id"],
  communication: ["id"],
  "calendar.holidays": ["date"],
  "calendar.workingDays": ["date"],
  "serviceStandard.procedure": ["id"],
  "serviceStandard.process.forum.participants": ["id"],
  "serviceStandard.process.forum.inputs": ["id"],
};

type Leaf = { path: (string | number)[]; value: unknown };

function leaves(v: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
}

/** The expected diff path of a leaf, or undefined when the leaf is a matching key (not a field). */
function expectedPath(plan: unknown, path: readonly (string | number)[]): string | undefined {
  let out = "";
  const schema: string[] = [];
  let cur: unknown = plan;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === "number") {
      const keys = KEYS[schema.join(".")];
      if (!keys) return out; // a list compared as a value: the change is at the list
      const item = (cur as Record<string, unknown>[])[seg]!;
      if (i === path.length - 2 && keys.includes(String(path[i + 1]))) return undefined;
      out += `[${keys.map((k) => `${k}=${String(item[k])}`).join(",")}]`;
      cur = item;
    } else {
      out += out ? `.${seg}` : seg;
      schema.push(seg);
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], f: (parent: Record<string | number, unknown>, key: string | number) => void): void {
  let cur = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  f(cur, path[path.length - 1]!);
}

function mutate(v: unknown, salt: number): unknown {
  if (typeof v === "number") return v + 1 + salt;
  if (typeof v === "boolean") return !v;
  return `${String(v)}~${salt}`;
}

describe("planDiff properties", () => {
  it("diff(a, a) is empty, for example plans and for arbitrary JSON objects", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (doc) => {
        expect(planDiff(doc as unknown as Plan, clone(doc) as unknown as Plan)).toEqual([]);
      }),
    );
    for (const [, plan] of EXAMPLES) expect(planDiff(plan, plan)).toEqual([]);
  });

  it("never throws on odd documents and reports each path at most once", () => {
    const id = fc.constantFrom("k1", "k2", "k10", "a b", "");
    const item = fc.record(
      { id, name: fc.string({ maxLength: 5 }), durationDays: fc.nat(5), dependsOn: fc.array(fc.record({ activityId: id, lagDays: fc.integer({ min: -2, max: 2 }) }), { maxLength: 3 }) },
      { requiredKeys: [] },
    );
    const list = fc.array(fc.oneof(item, fc.jsonValue()), { maxLength: 5 });
    const doc = fc.record(
      { activities: list, budget: list, title: fc.jsonValue(), calendar: fc.record({ holidays: list }), decree: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, doc, (x, y) => {
        const changes = planDiff(x as unknown as Plan, y as unknown as Plan);
        expect(new Set(changes.map((c) => c.path)).size).toBe(changes.length);
        for (const c of changes) {
          expect(DIFF_STAGES).toContain(c.stage);
          expect(c.label.id.length).toBeGreaterThan(0);
          formatChangeValue(c.before, "id");
          formatChangeValue(c.after, "en");
        }
        if (changes.length === 0) expect(JSON.stringify(x)).toBe(JSON.stringify(y));
      }),
      { numRuns: 300 },
    );
  });

  for (const [file, plan] of EXAMPLES) {
    const fields = leaves(plan).filter((l) => l.path[0] !== "format" && expectedPath(plan, l.path) !== undefined);

    it(`a single-field mutation of ${file} is exactly one change, at that field`, () => {
      expect(fields.length).toBeGreaterThan(300);
      fc.assert(
        fc.property(fc.nat(fields.length - 1), fc.nat(9), fc.boolean(), (index, salt, remove) => {
          const leaf = fields[index]!;
          const after = clone(plan);
          const inList = typeof leaf.path[leaf.path.length - 1] === "number";
          const deleting = remove && !inList;
          setAt(after, leaf.path, (parent, key) => {
            if (deleting) delete parent[key];
            else parent[key] = mutate(leaf.value, salt);
          });
          const changes: PlanChange[] = planDiff(plan, after);
          const path = expectedPath(plan, leaf.path)!;
          expect(changes).toHaveLength(1);
          const [change] = changes as [PlanChange];
          expect(change.path).toBe(path);
          expect(change.kind).toBe(deleting ? "removed" : "changed");
          expect(DIFF_STAGES).toContain(change.stage);
          expect(change.label.id).not.toMatch(/undefined|\[object/);
          expect(change.label.en).not.toMatch(/undefined|\[object/);
          if (path === formatPath(leaf.path) || path.endsWith(`.${String(leaf.path[leaf.path.length - 1])}`)) {
            expect(change.before).toEqual(leaf.value);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`every field of ${file} changed one at a time is labelled from the table`, () => {
      for (const leaf of fields) {
        const after = clone(plan);
        setAt(after, leaf.path, (parent, key) => (parent[key] = mutate(leaf.value, 0)));
        const [change] = planDiff(plan, after);
        // The field that changed: the leaf, or the value-compared list holding it.
        const schemaKey = expectedPath(plan, leaf.path)!.replace(/\[[^\]]*\]/g, "");
        const label = DIFF_FIELD_LABELS[schemaKey];
        expect(label, schemaKey).toBeDefined();
        expect(change!.label.id.toLowerCase()).toContain(label!.id.toLowerCase());
        expect(change!.label.en.toLowerCase()).toContain(label!.en.toLowerCase());
      }
    });
  }
});
