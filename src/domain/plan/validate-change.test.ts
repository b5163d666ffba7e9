// validatePlanChange and planDiff's shortcut for shared parts against their oracles, the full validatePlan: random JSON Patches over valid
// plans (ids and references swapped, items copied, moved and removed, values broken) must get
// the same verdict and, when refused, the same errors.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planDiff } from "./diff.js";
import { applyJsonPatch, type JsonPatchOp } from "./patch.js";
import type { Plan } from "./schema.js";
import { validatePlan, validatePlanChange } from "./validate.js";

function example(name: string): Plan {
  const r = validatePlan(JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8")));
  if (!r.ok) throw new Error(`${name} invalid`);
  return r.plan;
}

/** Every JSON Pointer in a document, and every id and subtree in it (the values ops draw from). */
function inventory(doc: unknown) {
  const pointers: string[] = [];
  const ids = new Set<string>();
  const subtrees: unknown[] = [];
  const walk = (v: unknown, p: string) => {
    pointers.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
    else if (typeof v === "object" && v !== null) {
      subtrees.push(v);
      for (const [k, x] of Object.entries(v)) {
        if (/id$|Id$/.test(k) && typeof x === "string") ids.add(x);
        walk(x, `${p}/${k}`);
      }
    }
  };
  walk(doc, "");
  return { pointers: pointers.filter((p) => p !== ""), ids: [...ids], subtrees };
}

function opsFor(plan: Plan): fc.Arbitrary<JsonPatchOp[]> {
  const { pointers, ids, subtrees } = inventory(plan);
  const pointer = fc.constantFrom(...pointers);
  const target = fc.oneof(pointer, pointer.map((p) => `${p}/-`), pointer.map((p) => `${p}/extra`));
  const value = fc.oneof(
    fc.constantFrom(...ids, "zz-new", "", 0, -1, 3, 2.5, 1e300, null, true, [], {}, [1, 1, 2], "2027-02-30", "2027-03-01"),
    fc.constantFrom(...subtrees).map((s) => structuredClone(s)),
    fc.constantFrom(...subtrees).map((s) => ({ ...structuredClone(s as object), id: "zz-new" })),
  );
  const op: fc.Arbitrary<JsonPatchOp> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("replace" as const), path: pointer, value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("remove" as const), path: pointer }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("add" as const), path: target, value }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("copy" as const), from: pointer, path: target }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("move" as const), from: pointer, path: target }) },
  );
  return fc.array(op, { minLength: 1, maxLength: 3 });
}

describe("validatePlanChange (the full validatePlan is its oracle)", () => {
  for (const name of ["adminduk-keliling-lansia.json", "puskesmas-anc-terpadu.json"]) {
    it(`gives validatePlan's verdict and errors for random patches of ${name}`, () => {
      const plan = example(name);
      let accepted = 0;
      fc.assert(
        fc.property(opsFor(plan), (ops) => {
          const patched = applyJsonPatch(plan, ops);
          if (!patched.ok) return;
          const full = validatePlan(patched.value);
          const change = validatePlanChange(plan, patched.value);
          expect(change.ok, JSON.stringify(ops)).toBe(full.ok);
          if (!full.ok) {
            expect(change.errors).toEqual(full.errors);
            return;
          }
          accepted++;
          // planDiff skips what the edit shares with the plan; a copy shares nothing, so it walks everything.
          expect(planDiff(plan, full.plan)).toEqual(planDiff(plan, structuredClone(patched.value) as Plan));
        }),
        { numRuns: 800 },
      );
      // The generator must reach both verdicts, or the comparison says little.
      expect(accepted).toBeGreaterThan(20);
    });
  }

  it("checks a chain of accepted edits, each against the one before", () => {
    let plan = example("puskesmas-anc-terpadu.json");
    fc.assert(
      fc.property(fc.integer(), () => {
        const step = fc.sample(opsFor(plan), 1)[0]!;
        const patched = applyJsonPatch(plan, step);
        if (!patched.ok) return;
        const change = validatePlanChange(plan, patched.value);
        expect(change.ok).toBe(validatePlan(patched.value).ok);
        if (change.ok) plan = change.plan;
      }),
      { numRuns: 500 },
    );
  });
});
