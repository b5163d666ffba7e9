import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePlans } from "../../test-support/fixtures.js";
import { jsonPatchDiff } from "./ops-diff.js";
import { applyJsonPatch } from "./patch.js";

const applied = (doc: unknown, ops: ReturnType<typeof jsonPatchDiff>) => {
  const r = applyJsonPatch(doc, ops);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe("jsonPatchDiff", () => {
  it("turns any JSON value into any other when applied", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (a, b) => {
        // Compared as JSON, the form the ops travel in (it has no -0).
        const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
        expect(json(applied(a, jsonPatchDiff(a, b)))).toEqual(json(b));
      }),
      { numRuns: 1000 },
    );
  });

  it("inserting, removing and editing id'd items of a plan are small ops addressed by index", () => {
    const plan = examplePlans()[0]![1] as { activities: { id: string; name: string }[] };
    const [first, second, ...rest] = plan.activities;
    const after = { ...plan, activities: [first!, { ...second!, name: "Diubah" }, { id: "baru", name: "Kegiatan baru" }, ...rest.slice(1)] };
    const ops = jsonPatchDiff(plan, after);
    expect(ops).toEqual([
      { op: "replace", path: "/activities/1/name", value: "Diubah" },
      { op: "remove", path: "/activities/2" },
      { op: "add", path: "/activities/2", value: { id: "baru", name: "Kegiatan baru" } },
    ]);
    expect(applied(plan, ops)).toEqual(after);
    expect(jsonPatchDiff(plan, plan)).toEqual([]);
  });
});
