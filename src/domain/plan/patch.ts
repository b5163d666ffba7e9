// JSON Patch (RFC 6902) over JSON Pointers (RFC 6901), as a pure function: the web app
// autosaves by sending small patches. Every error names the operation's index and its path.
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
export const jsonPatchSchema = z.array(jsonPatchOpSchema).max(10_000);
export type JsonPatchOp = z.infer<typeof jsonPatchOpSchema>;

export const PATCH_ERROR_CODES = ["patch.pointer_invalid", "patch.path_missing", "patch.index_invalid", "patch.test_failed", "patch.move_into_self", "patch.value_missing"] as const;
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

/** The parent container of a pointer and the last token; the root has no parent. */
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

function addAt(doc: unknown, raw: string, value: unknown): unknown {
  const tokens = parsePointer(raw);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, "path", raw);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, "path", true), 0, value);
  else setOwn(parent, key, value);
  return doc;
}

function removeAt(doc: unknown, raw: string, field: "path" | "from"): { doc: unknown; removed: unknown } {
  const tokens = parsePointer(raw, field);
  if (tokens.length === 0) return { doc: undefined, removed: doc };
  const { parent, key } = resolveParent(doc, tokens, field, raw);
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, key, field, false);
    return { doc, removed: parent.splice(i, 1)[0] };
  }
  if (!hasOwn(parent, key)) throw missing(field, raw);
  const removed = parent[key];
  delete parent[key];
  return { doc, removed };
}

function replaceAt(doc: unknown, raw: string, value: unknown): unknown {
  const tokens = parsePointer(raw);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, "path", raw);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, "path", false)] = value;
  else if (hasOwn(parent, key)) setOwn(parent, key, value);
  else throw missing("path", raw);
  return doc;
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

function applyOne(doc: unknown, op: JsonPatchOp): unknown {
  switch (op.op) {
    case "add":
      return addAt(doc, op.path, structuredClone(op.value));
    case "remove":
      return removeAt(doc, op.path, "path").doc;
    case "replace":
      return replaceAt(doc, op.path, structuredClone(op.value));
    case "move": {
      if (op.from === op.path) {
        getAt(doc, op.from, "from");
        return doc;
      }
      if (op.path.startsWith(op.from + "/")) {
        throw new PatchFailure("path", "patch.move_into_self", {
          id: `tidak dapat memindahkan "${op.from}" ke dalam dirinya sendiri`,
          en: `cannot move "${op.from}" into itself`,
        });
      }
      const { doc: without, removed } = removeAt(doc, op.from, "from");
      return addAt(without, op.path, removed);
    }
    case "copy":
      return addAt(doc, op.path, structuredClone(getAt(doc, op.from, "from")));
    case "test": {
      const actual = getAt(doc, op.path, "path");
      if (!jsonEqual(actual, op.value)) {
        throw new PatchFailure("path", "patch.test_failed", { id: `nilai di "${op.path}" tidak sama dengan yang diuji`, en: `the value at "${op.path}" differs from the tested value` });
      }
      return doc;
    }
  }
}

/** Applies the operations in order to a copy of `doc`; the first failing one stops the patch. */
export function applyJsonPatch(doc: unknown, ops: readonly JsonPatchOp[]): PatchResult {
  let cur: unknown = structuredClone(doc);
  for (let index = 0; index < ops.length; index++) {
    const op = ops[index] as JsonPatchOp;
    if ((op.op === "add" || op.op === "replace" || op.op === "test") && op.value === undefined) {
      return { ok: false, error: { index, path: `[${index}].value`, code: "patch.value_missing", message: { id: `operasi #${index} (${op.op} ${op.path}): "value" wajib diisi`, en: `operation #${index} (${op.op} ${op.path}): "value" is required` } } };
    }
    try {
      cur = applyOne(cur, op);
    } catch (e) {
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
  return { ok: true, value: cur };
}
