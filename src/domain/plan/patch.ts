// JSON Patch (RFC 6902) over JSON Pointers (RFC 6901), as a pure function: the web app
// autosaves by sending small patches. Every error names the operation's index and its path.
// The work one patch may cause is bounded (PATCH_LIMITS): a few `copy` ops that each double a
// list would otherwise grow a 1 KB patch into gigabytes.
import { z } from "zod";
import type { Bilingual } from "../messages.js";

const pointer = z.string().max(2000);
export const jsonPatchOpSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("add"), path: pointer, value: z.unknown() }),
  z.strictObject({ op: z.literal("remove"), path: pointer }),
  z.strictObject({ op: z.literal("replace"), path: pointer, value: z.unknown() }),
  z.strictObject({ op: z.literal("move"), from: pointer, path: pointer }),
  z.strictObject({ op: z.literal("copy"), from: pointer, path: pointer }),
  z.strictObject({ op: z.literal("test"), path: pointer, value: z.unknown() }),
]);
/** Bounds on one patch; callers may lower `maxDocumentChars` (the server uses its plan body limit). */
export const PATCH_LIMITS = {
  /** Operations in one patch (the web app sends a handful per autosave). */
  maxOps: 1_000,
  /** Size of the document while patching, as JSON characters (estimated from below, never above the real size by more than removals). */
  maxDocumentChars: 8 * 1024 * 1024,
  /** Nesting depth of any value an operation carries (a plan is 5 deep). */
  maxValueDepth: 32,
  /**
   * What `copy` ops of one patch may copy in all, as JSON characters: data the client did not
   * send and so did not pay for in upload. Duplicating an activity is a few hundred characters.
   */
  maxCopiedChars: 256 * 1024,
} as const;
export type PatchLimits = { maxOps: number; maxDocumentChars: number; maxValueDepth: number; maxCopiedChars: number };

export const jsonPatchSchema = z.array(jsonPatchOpSchema).max(PATCH_LIMITS.maxOps);
export type JsonPatchOp = z.infer<typeof jsonPatchOpSchema>;

export const PATCH_ERROR_CODES = [
  "patch.pointer_invalid",
  "patch.path_missing",
  "patch.index_invalid",
  "patch.test_failed",
  "patch.move_into_self",
  "patch.value_missing",
  "patch.too_many_ops",
  "patch.too_large",
  "patch.too_deep",
] as const;
export type PatchErrorCode = (typeof PATCH_ERROR_CODES)[number];

export type PatchError = {
  /** Index of the failing operation in the patch. */
  index: number;
  /** Which field of the operation is at fault: `[2].path` or `[2].from`. */
  path: string;
  code: PatchErrorCode;
  message: Bilingual;
};

export type PatchResult = { ok: true; value: unknown } | { ok: false; error: PatchError };

class PatchFailure extends Error {
  constructor(
    readonly field: "path" | "from",
    readonly code: PatchErrorCode,
    readonly detail: Bilingual,
  ) {
    super(detail.en);
  }
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

export function parsePointer(p: string, field: "path" | "from" = "path"): string[] {
  if (p === "") return [];
  if (!p.startsWith("/")) {
    throw new PatchFailure(field, "patch.pointer_invalid", { id: `penunjuk "${p}" harus diawali "/"`, en: `pointer "${p}" must start with "/"` });
  }
  return p
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function arrayIndex(arr: unknown[], token: string, field: "path" | "from", forAdd: boolean): number {
  if (forAdd && token === "-") return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) {
    throw new PatchFailure(field, "patch.index_invalid", { id: `"${token}" bukan indeks daftar`, en: `"${token}" is not an array index` });
  }
  const i = Number(token);
  const max = forAdd ? arr.length : arr.length - 1;
  if (i > max) {
    throw new PatchFailure(field, "patch.index_invalid", {
      id: `indeks ${i} di luar daftar (panjang ${arr.length})`,
      en: `index ${i} is out of range (length ${arr.length})`,
    });
  }
  return i;
}

function missing(field: "path" | "from", at: string): PatchFailure {
  return new PatchFailure(field, "patch.path_missing", { id: `tidak ada nilai di "${at}"`, en: `no value at "${at}"` });
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** Read-only walk to the parent container of a pointer and the last token; the root has no parent. */
function resolveParent(doc: unknown, tokens: string[], field: "path" | "from", raw: string): { parent: Container; key: string } {
  let cur: unknown = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i] as string;
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, field, false)];
    else if (isContainer(cur) && hasOwn(cur, t)) cur = (cur as Record<string, unknown>)[t];
    else throw missing(field, raw);
  }
  if (!isContainer(cur)) throw missing(field, raw);
  return { parent: cur, key: tokens[tokens.length - 1] as string };
}

function getAt(doc: unknown, raw: string, field: "path" | "from"): unknown {
  const tokens = parsePointer(raw, field);
  if (tokens.length === 0) return doc;
  const { parent, key } = resolveParent(doc, tokens, field, raw);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, field, false)];
  if (!hasOwn(parent, key)) throw missing(field, raw);
  return parent[key];
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  // defineProperty, not assignment: a key like "__proto__" must become data, never a prototype.
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/**
 * Copy-on-write over the input: a container is copied (shallowly) the first time an operation
 * writes into it or below it, and the copies are remembered, so every later write in the same
 * patch mutates them in place. Everything the patch does not touch stays the very same object
 * as in the input — the validator and the change summary rely on that identity.
 */
class Draft {
  private readonly own = new WeakSet<object>();
  constructor(public root: unknown) {}

  private writable(c: Container): Container {
    if (this.own.has(c)) return c;
    // Spread defines own data properties (a "__proto__" key stays data).
    const copy: Container = Array.isArray(c) ? c.slice() : { ...c };
    this.own.add(copy);
    return copy;
  }

  /** The parent container, made writable along the whole path, and the last token. */
  parentFor(tokens: string[], field: "path" | "from", raw: string): { parent: Container; key: string } {
    if (!isContainer(this.root)) throw missing(field, raw);
    let cur = this.writable(this.root);
    this.root = cur;
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i] as string;
      let next: unknown;
      let at: string | number;
      if (Array.isArray(cur)) {
        at = arrayIndex(cur, t, field, false);
        next = cur[at];
      } else if (hasOwn(cur, t)) {
        at = t;
        next = cur[t];
      } else throw missing(field, raw);
      if (!isContainer(next)) throw missing(field, raw);
      const copy = this.writable(next);
      if (copy !== next) {
        if (Array.isArray(cur)) cur[at as number] = copy;
        else setOwn(cur, at as string, copy);
      }
      cur = copy;
    }
    return { parent: cur, key: tokens[tokens.length - 1] as string };
  }

  add(raw: string, value: unknown): void {
    const tokens = parsePointer(raw);
    if (tokens.length === 0) {
      this.root = value;
      return;
    }
    // Check the path exists before copying anything along it.
    resolveParent(this.root, tokens, "path", raw);
    const { parent, key } = this.parentFor(tokens, "path", raw);
    if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, "path", true), 0, value);
    else setOwn(parent, key, value);
  }

  remove(raw: string, field: "path" | "from"): unknown {
    const tokens = parsePointer(raw, field);
    if (tokens.length === 0) {
      const removed = this.root;
      this.root = undefined;
      return removed;
    }
    const probe = resolveParent(this.root, tokens, field, raw);
    if (Array.isArray(probe.parent)) arrayIndex(probe.parent, probe.key, field, false);
    else if (!hasOwn(probe.parent, probe.key)) throw missing(field, raw);
    const { parent, key } = this.parentFor(tokens, field, raw);
    if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, key, field, false), 1)[0];
    const removed = parent[key];
    delete parent[key];
    return removed;
  }

  replace(raw: string, value: unknown): void {
    const tokens = parsePointer(raw);
    if (tokens.length === 0) {
      this.root = value;
      return;
    }
    const probe = resolveParent(this.root, tokens, "path", raw);
    if (Array.isArray(probe.parent)) arrayIndex(probe.parent, probe.key, "path", false);
    else if (!hasOwn(probe.parent, probe.key)) throw missing("path", raw);
    const { parent, key } = this.parentFor(tokens, "path", raw);
    if (Array.isArray(parent)) parent[arrayIndex(parent, key, "path", false)] = value;
    else setOwn(parent, key, value);
  }
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isContainer(a) && isContainer(b) && !Array.isArray(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

function applyOne(draft: Draft, op: JsonPatchOp): void {
  switch (op.op) {
    case "add":
      return draft.add(op.path, structuredClone(op.value));
    case "remove":
      draft.remove(op.path, "path");
      return;
    case "replace":
      return draft.replace(op.path, structuredClone(op.value));
    case "move": {
      if (op.from === op.path) {
        getAt(draft.root, op.from, "from");
        return;
      }
      if (op.path.startsWith(op.from + "/")) {
        throw new PatchFailure("path", "patch.move_into_self", {
          id: `tidak dapat memindahkan "${op.from}" ke dalam dirinya sendiri`,
          en: `cannot move "${op.from}" into itself`,
        });
      }
      const removed = draft.remove(op.from, "from");
      return draft.add(op.path, removed);
    }
    case "copy":
      return draft.add(op.path, structuredClone(getAt(draft.root, op.from, "from")));
    case "test": {
      const actual = getAt(draft.root, op.path, "path");
      if (!jsonEqual(actual, op.value)) {
        throw new PatchFailure("path", "patch.test_failed", { id: `nilai di "${op.path}" tidak sama dengan yang diuji`, en: `the value at "${op.path}" differs from the tested value` });
      }
      return;
    }
  }
}

/**
 * The size of `value` as JSON text, counted up to `budget`: returns a number above `budget` as
 * soon as it is exceeded, so sizing a huge value costs no more than the budget. Iterative, so
 * depth cannot overflow the stack. Strings count their length (escapes are not counted).
 */
export function jsonSizeWithin(value: unknown, budget: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") size += v.length + 2;
    else if (typeof v === "number") size += String(v).length;
    else if (v === null || v === true) size += 4;
    else if (v === false) size += 5;
    else if (Array.isArray(v)) {
      size += 2 + Math.max(0, v.length - 1);
      if (size > budget) return size;
      for (const x of v) stack.push(x);
    } else if (typeof v === "object") {
      const keys = Object.keys(v as object);
      size += 2 + Math.max(0, keys.length - 1);
      if (size > budget) return size;
      for (const k of keys) {
        size += k.length + 3;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
    if (size > budget) return size;
  }
  return size;
}

/** Whether `value` nests deeper than `max` (containers count one level each). Iterative. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== "object" || v === null) continue;
    if (depth + 1 > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

function limitError(index: number, code: "patch.too_many_ops" | "patch.too_large" | "patch.too_deep", message: Bilingual, field = ""): PatchResult {
  return { ok: false, error: { index, path: index >= 0 ? `[${index}]${field}` : "", code, message } };
}

/**
 * Applies the operations in order; the first failing one stops the patch. The input is never
 * changed: the result shares every part the operations did not touch (structural sharing), so
 * a one-field edit of a large plan copies one path, not the plan.
 */
export function applyJsonPatch(doc: unknown, ops: readonly JsonPatchOp[], limits: Partial<PatchLimits> = {}): PatchResult {
  const { maxOps, maxDocumentChars, maxValueDepth, maxCopiedChars } = { ...PATCH_LIMITS, ...limits };
  if (ops.length > maxOps) {
    return limitError(-1, "patch.too_many_ops", { id: `patch berisi ${ops.length} operasi; paling banyak ${maxOps}`, en: `the patch holds ${ops.length} operations; at most ${maxOps}` });
  }
  // Without a size limit (replaying stored revisions) the document is not walked at all.
  const sized = Number.isFinite(maxDocumentChars);
  let size = sized ? jsonSizeWithin(doc, maxDocumentChars) : 0;
  let copied = 0;
  const tooLarge = (index: number, op: JsonPatchOp) =>
    limitError(index, "patch.too_large", {
      id: `operasi #${index} (${op.op} ${op.path}): dokumen menjadi terlalu besar (lebih dari ${maxDocumentChars} karakter)`,
      en: `operation #${index} (${op.op} ${op.path}): the document grows too large (more than ${maxDocumentChars} characters)`,
    });
  if (size > maxDocumentChars) return tooLarge(-1, ops[0] ?? { op: "test", path: "", value: null });
  const draft = new Draft(doc);
  for (let index = 0; index < ops.length; index++) {
    const op = ops[index] as JsonPatchOp;
    if ((op.op === "add" || op.op === "replace" || op.op === "test") && op.value === undefined) {
      return { ok: false, error: { index, path: `[${index}].value`, code: "patch.value_missing", message: { id: `operasi #${index} (${op.op} ${op.path}): "value" wajib diisi`, en: `operation #${index} (${op.op} ${op.path}): "value" is required` } } };
    }
    if ("value" in op && Number.isFinite(maxValueDepth) && nestsDeeperThan(op.value, maxValueDepth)) {
      return limitError(index, "patch.too_deep", {
        id: `operasi #${index} (${op.op} ${op.path}): nilai bersarang lebih dalam dari ${maxValueDepth} tingkat`,
        en: `operation #${index} (${op.op} ${op.path}): the value nests deeper than ${maxValueDepth} levels`,
      }, ".value");
    }
    // Growth is what costs: count what add/replace/copy put in (removals are not subtracted, so
    // the estimate never falls below the real size by more than what was removed).
    try {
      if (sized && (op.op === "add" || op.op === "replace")) size += jsonSizeWithin(op.value, maxDocumentChars - size + 1);
      else if (sized && op.op === "copy") {
        const n = jsonSizeWithin(getAt(draft.root, op.from, "from"), Math.min(maxDocumentChars - size, maxCopiedChars - copied) + 1);
        size += n;
        copied += n;
        if (copied > maxCopiedChars) {
          return limitError(index, "patch.too_large", {
            id: `operasi #${index} (copy ${op.from}): patch menyalin lebih dari ${maxCopiedChars} karakter`,
            en: `operation #${index} (copy ${op.from}): the patch copies more than ${maxCopiedChars} characters`,
          });
        }
      }
      if (size > maxDocumentChars) return tooLarge(index, op);
      applyOne(draft, op);
    } catch (e) {
      // A value too deep for the engine's stack (structuredClone, comparison) is a bad input, not a crash.
      if (e instanceof RangeError) {
        return limitError(index, "patch.too_deep", { id: `operasi #${index} (${op.op} ${op.path}): nilai terlalu dalam atau terlalu besar`, en: `operation #${index} (${op.op} ${op.path}): the value is too deep or too large` });
      }
      if (!(e instanceof PatchFailure)) throw e;
      const where = e.field === "from" && "from" in op ? op.from : op.path;
      return {
        ok: false,
        error: {
          index,
          path: `[${index}].${e.field}`,
          code: e.code,
          message: { id: `operasi #${index} (${op.op} ${where}): ${e.detail.id}`, en: `operation #${index} (${op.op} ${where}): ${e.detail.en}` },
        },
      };
    }
  }
  return { ok: true, value: draft.root };
}
