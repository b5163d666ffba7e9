import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyJsonPatch, jsonPatchSchema, jsonSizeWithin, PATCH_LIMITS, type JsonPatchOp } from "./patch.js";

const ok = (doc: unknown, ops: JsonPatchOp[]) => {
  const r = applyJsonPatch(doc, ops);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe("applyJsonPatch (RFC 6902 appendix A)", () => {
  it("adds an object member, an array element, a nested member and appends with -", () => {
    expect(ok({ foo: "bar" }, [{ op: "add", path: "/baz", value: "qux" }])).toEqual({ foo: "bar", baz: "qux" });
    expect(ok({ foo: ["bar", "baz"] }, [{ op: "add", path: "/foo/1", value: "qux" }])).toEqual({ foo: ["bar", "qux", "baz"] });
    expect(ok({ foo: [1] }, [{ op: "add", path: "/foo/-", value: 2 }])).toEqual({ foo: [1, 2] });
    expect(ok({ foo: "bar" }, [{ op: "add", path: "/child", value: { grandchild: {} } }])).toEqual({ foo: "bar", child: { grandchild: {} } });
    expect(ok({ foo: ["bar"] }, [{ op: "add", path: "/foo/-", value: ["abc", "def"] }])).toEqual({ foo: ["bar", ["abc", "def"]] });
  });

  it("removes, replaces, moves and copies", () => {
    expect(ok({ baz: "qux", foo: "bar" }, [{ op: "remove", path: "/baz" }])).toEqual({ foo: "bar" });
    expect(ok({ foo: ["bar", "qux", "baz"] }, [{ op: "remove", path: "/foo/1" }])).toEqual({ foo: ["bar", "baz"] });
    expect(ok({ baz: "qux", foo: "bar" }, [{ op: "replace", path: "/baz", value: "boo" }])).toEqual({ baz: "boo", foo: "bar" });
    expect(ok({ foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } }, [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }])).toEqual({
      foo: { bar: "baz" },
      qux: { corge: "grault", thud: "fred" },
    });
    expect(ok({ foo: ["all", "grass", "cows", "eat"] }, [{ op: "move", from: "/foo/1", path: "/foo/3" }])).toEqual({ foo: ["all", "cows", "eat", "grass"] });
    expect(ok({ a: { b: 1 } }, [{ op: "copy", from: "/a", path: "/c" }])).toEqual({ a: { b: 1 }, c: { b: 1 } });
    expect(ok({ "a/b": 1, "m~n": 2 }, [{ op: "replace", path: "/a~1b", value: 3 }, { op: "remove", path: "/m~0n" }])).toEqual({ "a/b": 3 });
    expect(ok({ a: 1 }, [{ op: "replace", path: "", value: [1] }])).toEqual([1]);
  });

  it("tests values (deep, order-independent for objects)", () => {
    expect(ok({ baz: "qux", foo: ["a", 2, "c"] }, [{ op: "test", path: "/baz", value: "qux" }, { op: "test", path: "/foo/1", value: 2 }])).toEqual({ baz: "qux", foo: ["a", 2, "c"] });
    expect(ok({ a: { x: 1, y: [1] } }, [{ op: "test", path: "/a", value: { y: [1], x: 1 } }])).toEqual({ a: { x: 1, y: [1] } });
    const r = applyJsonPatch({ baz: "qux" }, [{ op: "test", path: "/baz", value: "bar" }]);
    expect(r.ok || r.error).toMatchObject({ index: 0, code: "patch.test_failed", path: "[0].path" });
  });

  it("names the op index and path in each error, and leaves the input untouched", () => {
    const doc = { foo: "bar", list: [1, 2] };
    const cases: [JsonPatchOp[], string, string][] = [
      [[{ op: "add", path: "/ok", value: 1 }, { op: "add", path: "/baz/bat", value: "qux" }], "patch.path_missing", "[1].path"],
      [[{ op: "remove", path: "/nope" }], "patch.path_missing", "[0].path"],
      [[{ op: "replace", path: "/list/2", value: 1 }], "patch.index_invalid", "[0].path"],
      [[{ op: "add", path: "/list/01", value: 1 }], "patch.index_invalid", "[0].path"],
      [[{ op: "add", path: "list", value: 1 }], "patch.pointer_invalid", "[0].path"],
      [[{ op: "move", from: "/missing", path: "/x" }], "patch.path_missing", "[0].from"],
      [[{ op: "move", from: "/list", path: "/list/0" }], "patch.move_into_self", "[0].path"],
      [[{ op: "replace", path: "/foo" } as JsonPatchOp], "patch.value_missing", "[0].value"],
    ];
    for (const [ops, code, path] of cases) {
      const r = applyJsonPatch(doc, ops);
      expect(r.ok, JSON.stringify(ops)).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ code, path });
        expect(r.error.message.id).toContain(`operasi #${r.error.index}`);
        expect(r.error.message.en).toContain(`operation #${r.error.index}`);
      }
    }
    expect(doc).toEqual({ foo: "bar", list: [1, 2] });
  });

  it("never lets __proto__ reach a prototype", () => {
    const r = ok({}, [{ op: "add", path: "/__proto__", value: { polluted: true } }]) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });

  it("validates operation shape strictly", () => {
    expect(jsonPatchSchema.safeParse([{ op: "replace", path: "/a", value: 1 }]).success).toBe(true);
    expect(jsonPatchSchema.safeParse([{ op: "merge", path: "/a" }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "move", path: "/a" }]).success).toBe(false);
    expect(jsonPatchSchema.safeParse([{ op: "remove", path: "/a", extra: 1 }]).success).toBe(false);
  });

  it("never throws on random documents and random operations", () => {
    const tokenArb = fc.oneof(fc.constantFrom("0", "1", "-", "a", "b", "__proto__", "~0", "~1"), fc.string({ maxLength: 3 }));
    const ptrArb = fc.array(tokenArb, { maxLength: 3 }).map((t) => (t.length ? "/" + t.join("/") : ""));
    const opArb: fc.Arbitrary<JsonPatchOp> = fc.oneof(
      fc.record({ op: fc.constant("add" as const), path: ptrArb, value: fc.jsonValue() }),
      fc.record({ op: fc.constant("remove" as const), path: ptrArb }),
      fc.record({ op: fc.constant("replace" as const), path: ptrArb, value: fc.jsonValue() }),
      fc.record({ op: fc.constant("move" as const), from: ptrArb, path: ptrArb }),
      fc.record({ op: fc.constant("copy" as const), from: ptrArb, path: ptrArb }),
      fc.record({ op: fc.constant("test" as const), path: ptrArb, value: fc.jsonValue() }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(opArb, { maxLength: 5 }), (doc, ops) => {
        const before = JSON.stringify(doc);
        const r = applyJsonPatch(doc, ops);
        expect(JSON.stringify(doc)).toBe(before);
        if (!r.ok) expect(r.error.index).toBeLessThan(ops.length);
      }),
      { numRuns: 500 },
    );
  });

  it("shares what the ops do not touch and never writes into the input (frozen), like a copy-then-mutate reference", () => {
    const tokenArb = fc.constantFrom("0", "1", "-", "a", "b", "c");
    const ptrArb = fc.array(tokenArb, { minLength: 1, maxLength: 3 }).map((t) => "/" + t.join("/"));
    const opArb: fc.Arbitrary<JsonPatchOp> = fc.oneof(
      fc.record({ op: fc.constant("add" as const), path: ptrArb, value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ op: fc.constant("remove" as const), path: ptrArb }),
      fc.record({ op: fc.constant("replace" as const), path: ptrArb, value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ op: fc.constant("move" as const), from: ptrArb, path: ptrArb }),
      fc.record({ op: fc.constant("copy" as const), from: ptrArb, path: ptrArb }),
    );
    const leafArb = fc.oneof(fc.integer(), fc.string({ maxLength: 2 }));
    const docArb = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leafArb, fc.array(tie("node"), { maxLength: 3 }), fc.record({ a: tie("node"), b: tie("node") }, { requiredKeys: [] })),
    })).node.map((n) => ({ a: n, b: [structuredClone(n), 1], c: { a: [1, 2], b: "x" } }));
    const deepFreeze = (v: unknown): unknown => {
      if (typeof v === "object" && v !== null) {
        Object.values(v).forEach(deepFreeze);
        Object.freeze(v);
      }
      return v;
    };
    fc.assert(
      fc.property(docArb, fc.array(opArb, { maxLength: 4 }), (doc, ops) => {
        const expected = referencePatch(structuredClone(doc), ops);
        const frozen = deepFreeze(structuredClone(doc)) as Record<string, unknown>;
        const r = applyJsonPatch(frozen, ops); // throws in strict mode if it writes into the input
        expect(r.ok).toBe(expected.ok);
        if (!r.ok || !expected.ok) return;
        expect(r.value).toEqual(expected.value);
        // Every top-level member no op path starts in is the same object as before.
        const touched = new Set(ops.flatMap((o) => ["path" in o ? o.path : "", "from" in o ? o.from : ""]).map((p) => p.split("/")[1]));
        const out = r.value as Record<string, unknown>;
        for (const k of ["a", "b", "c"]) if (!touched.has(k) && typeof frozen[k] === "object") expect(out[k]).toBe(frozen[k]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("applyJsonPatch bounds the work of one patch", () => {
  it("refuses 24 copy ops that each double a list (D1) quickly, at the op that crosses the limit", () => {
    const doc = { items: [[..."abcdefghij"].map((c) => c.repeat(10))] };
    const ops: JsonPatchOp[] = Array.from({ length: 24 }, () => ({ op: "copy", from: "/items", path: "/items/-" }));
    const started = Date.now();
    const r = applyJsonPatch(doc, ops, { maxDocumentChars: 1_000_000, maxCopiedChars: 10_000_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("patch.too_large");
    // 100 characters doubled n times crosses 1,000,000 around the 14th copy, never at the first.
    expect(r.error.index).toBeGreaterThan(5);
    expect(r.error.index).toBeLessThan(24);
    expect(r.error.message.en).toMatch(/too large/);
  });

  it("bounds what one patch may copy in all, well below the document limit", () => {
    const ops: JsonPatchOp[] = Array.from({ length: 24 }, () => ({ op: "copy", from: "/items", path: "/items/-" }));
    const r = applyJsonPatch({ items: ["x".repeat(100)] }, ops);
    expect(!r.ok && [r.error.code, r.error.message.en]).toEqual(["patch.too_large", expect.stringMatching(/copies more than 262144 characters/)]);
  });

  it("accepts the same copies while they stay under the limit", () => {
    const ops: JsonPatchOp[] = Array.from({ length: 5 }, () => ({ op: "copy", from: "/items", path: "/items/-" }));
    const r = applyJsonPatch({ items: [1] }, ops, { maxDocumentChars: 1_000 });
    expect(r.ok && (r.value as { items: unknown[] }).items.length).toBe(6);
  });

  it("refuses a value nested 5,000 deep (D7) as patch.too_deep, without a RangeError", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const r = applyJsonPatch({ a: 1 }, [{ op: "add", path: "/b", value: deep }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.path]).toEqual(["patch.too_deep", "[0].value"]);
    let ok: unknown = 1;
    for (let i = 0; i < 10; i++) ok = { x: ok };
    expect(applyJsonPatch({ a: 1 }, [{ op: "add", path: "/b", value: ok }]).ok).toBe(true);
  });

  it("refuses more operations than the limit, and the schema says the same", () => {
    const ops: JsonPatchOp[] = Array.from({ length: PATCH_LIMITS.maxOps + 1 }, () => ({ op: "test", path: "/a", value: 1 }));
    const r = applyJsonPatch({ a: 1 }, ops);
    expect(!r.ok && r.error.code).toBe("patch.too_many_ops");
    expect(jsonPatchSchema.safeParse(ops).success).toBe(false);
    expect(jsonPatchSchema.safeParse(ops.slice(1)).success).toBe(true);
  });

  it("refuses a starting document already over the limit", () => {
    const r = applyJsonPatch({ a: "x".repeat(200) }, [{ op: "test", path: "/a", value: 1 }], { maxDocumentChars: 100 });
    expect(!r.ok && r.error.code).toBe("patch.too_large");
  });

  it("sizes JSON from below and stops counting past the budget", () => {
    const v = { a: [1, "xy", null, true], b: { c: "" } };
    expect(jsonSizeWithin(v, 1_000)).toBeLessThanOrEqual(JSON.stringify(v).length);
    expect(jsonSizeWithin(v, 1_000)).toBeGreaterThan(JSON.stringify(v).length / 2);
    const big = Array.from({ length: 100_000 }, () => ["abc", "def"]);
    expect(jsonSizeWithin(big, 10)).toBeGreaterThan(10);
    expect(jsonSizeWithin(big, 1e9)).toBe(JSON.stringify(big).length);
  });
});

/** The plain algorithm, for comparison: mutate a full copy (RFC 6902 §4, no error details). */
function referencePatch(doc: unknown, ops: JsonPatchOp[]): { ok: true; value: unknown } | { ok: false } {
  const tokens = (p: string) => p.slice(1).split("/");
  const parentOf = (root: unknown, t: string[]): [Record<string, unknown> | unknown[], string] | undefined => {
    let cur = root;
    for (const k of t.slice(0, -1)) {
      if (Array.isArray(cur)) {
        if (!/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= cur.length) return undefined;
        cur = cur[Number(k)];
      } else if (typeof cur === "object" && cur !== null && Object.prototype.hasOwnProperty.call(cur, k)) cur = (cur as Record<string, unknown>)[k];
      else return undefined;
    }
    return typeof cur === "object" && cur !== null ? [cur as Record<string, unknown>, t[t.length - 1]!] : undefined;
  };
  const idx = (arr: unknown[], k: string, forAdd: boolean) => {
    if (forAdd && k === "-") return arr.length;
    if (!/^(0|[1-9][0-9]*)$/.test(k)) return -1;
    const i = Number(k);
    return i <= (forAdd ? arr.length : arr.length - 1) ? i : -1;
  };
  const get = (root: unknown, p: string): { v: unknown } | undefined => {
    const r = parentOf(root, tokens(p));
    if (!r) return undefined;
    const [c, k] = r;
    if (Array.isArray(c)) return idx(c, k, false) < 0 ? undefined : { v: c[idx(c, k, false)] };
    return Object.prototype.hasOwnProperty.call(c, k) ? { v: c[k] } : undefined;
  };
  const add = (root: unknown, p: string, v: unknown): boolean => {
    const r = parentOf(root, tokens(p));
    if (!r) return false;
    const [c, k] = r;
    if (Array.isArray(c)) {
      const i = idx(c, k, true);
      if (i < 0) return false;
      c.splice(i, 0, v);
    } else c[k] = v;
    return true;
  };
  const remove = (root: unknown, p: string): { v: unknown } | undefined => {
    const r = parentOf(root, tokens(p));
    if (!r) return undefined;
    const [c, k] = r;
    if (Array.isArray(c)) {
      const i = idx(c, k, false);
      return i < 0 ? undefined : { v: c.splice(i, 1)[0] };
    }
    if (!Object.prototype.hasOwnProperty.call(c, k)) return undefined;
    const v = c[k];
    delete c[k];
    return { v };
  };
  for (const op of ops) {
    if (op.op === "add" && !add(doc, op.path, structuredClone(op.value))) return { ok: false };
    if (op.op === "remove" && !remove(doc, op.path)) return { ok: false };
    if (op.op === "replace") {
      if (!get(doc, op.path)) return { ok: false };
      remove(doc, op.path);
      const r = parentOf(doc, tokens(op.path))!;
      if (Array.isArray(r[0])) r[0].splice(Number(r[1]), 0, structuredClone(op.value));
      else r[0][r[1]] = structuredClone(op.value);
    }
    if (op.op === "move") {
      if (op.from === op.path) {
        if (!get(doc, op.from)) return { ok: false };
        continue;
      }
      if (op.path.startsWith(op.from + "/")) return { ok: false };
      const v = remove(doc, op.from);
      if (!v || !add(doc, op.path, v.v)) return { ok: false };
    }
    if (op.op === "copy") {
      const v = get(doc, op.from);
      if (!v || !add(doc, op.path, structuredClone(v.v))) return { ok: false };
    }
  }
  return { ok: true, value: doc };
}
