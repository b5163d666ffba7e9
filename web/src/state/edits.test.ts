import { describe, expect, it } from "vitest";
import { applyEdit, inverseEdit, rebase, type Edit } from "./edits.js";

type Doc = { title: string; groups: { id: string; name: string; size: number }[]; tags: string[] };
const base: Doc = { title: "A", groups: [{ id: "g1", name: "Lansia", size: 10 }, { id: "g2", name: "Difabel", size: 5 }], tags: ["x"] };

describe("edits", () => {
  it("applies by id and emits JSON Patch with indices", () => {
    const edit: Edit = { ops: [{ kind: "set", path: ["groups", { id: "g2" }, "size"], value: 7, old: 5 }] };
    const r = applyEdit(base, edit);
    expect(r.doc.groups[1]?.size).toBe(7);
    expect(r.patch).toEqual([{ op: "replace", path: "/groups/1/size", value: 7 }]);
    expect(base.groups[1]?.size).toBe(5);
  });

  it("inserts, deletes and undoes", () => {
    const ins: Edit = { ops: [{ kind: "insert", path: ["groups"], value: { id: "g3", name: "Anak", size: 1 } }] };
    const a = applyEdit(base, ins);
    expect(a.patch).toEqual([{ op: "add", path: "/groups/-", value: { id: "g3", name: "Anak", size: 1 } }]);
    const undo = applyEdit(a.doc, inverseEdit(ins, a.doc));
    expect(undo.doc).toEqual(base);
    const del: Edit = { ops: [{ kind: "delete", path: ["groups", { id: "g1" }], old: base.groups[0], index: 0 }] };
    const d = applyEdit(base, del);
    expect(d.doc.groups.map((g) => g.id)).toEqual(["g2"]);
    expect(applyEdit(d.doc, inverseEdit(del, d.doc)).doc).toEqual(base);
  });

  it("rebases onto a plan where items moved", () => {
    const theirs: Doc = { ...base, groups: [{ id: "g0", name: "Baru", size: 1 }, ...base.groups] };
    const mine: Edit = { ops: [{ kind: "set", path: ["groups", { id: "g2" }, "name"], value: "Disabilitas", old: "Difabel" }] };
    const local = applyEdit(base, mine).doc;
    const r = rebase(theirs, [mine], local);
    expect(r.conflicts).toEqual([]);
    expect(r.doc.groups[2]?.name).toBe("Disabilitas");
    expect(applyEdit(theirs, r.pending[0]!).patch).toEqual([{ op: "replace", path: "/groups/2/name", value: "Disabilitas" }]);
  });

  it("keeps both values when the same field changed on both sides", () => {
    const theirs: Doc = { ...base, title: "B" };
    const mine: Edit = { ops: [{ kind: "set", path: ["title"], value: "C", old: "A" }] };
    const r = rebase(theirs, [mine], applyEdit(base, mine).doc);
    expect(r.doc.title).toBe("B");
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ kind: "both-changed", mine: "C", theirs: "B", displayPath: "title" });
    expect(applyEdit(r.doc, r.conflicts[0]!.keepMine).doc.title).toBe("C");
  });

  it("offers to restore an item deleted by someone else with the user's edit in it", () => {
    const theirs: Doc = { ...base, groups: [base.groups[0]!] };
    const mine: Edit = { ops: [{ kind: "set", path: ["groups", { id: "g2" }, "size"], value: 9, old: 5 }] };
    const local = applyEdit(base, mine).doc;
    const r = rebase(theirs, [mine], local);
    expect(r.conflicts[0]?.kind).toBe("deleted-by-them");
    const restored = applyEdit(r.doc, r.conflicts[0]!.keepMine).doc;
    expect(restored.groups).toEqual([base.groups[0], { id: "g2", name: "Difabel", size: 9 }]);
  });

  it("does not silently delete an item someone else changed", () => {
    const theirs: Doc = { ...base, groups: [base.groups[0]!, { id: "g2", name: "Difabel", size: 50 }] };
    const mine: Edit = { ops: [{ kind: "delete", path: ["groups", { id: "g2" }], old: base.groups[1], index: 1 }] };
    const r = rebase(theirs, [mine], applyEdit(base, mine).doc);
    expect(r.doc.groups).toHaveLength(2);
    expect(r.conflicts[0]?.kind).toBe("changed-by-them");
  });
});
