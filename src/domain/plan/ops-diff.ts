// The JSON Patch (RFC 6902) that turns one document into another, for the live event stream:
// a PUT, a restore or an approval says what it changed as ops, like a PATCH does. Unchanged
// branches are skipped by identity first (structurally shared documents diff in time
// proportional to the change), then by value. Lists of items with ids are matched by id, so
// inserting one activity is one `add`, not a rewrite of the list.
import type { JsonPatchOp } from "./patch.js";

type Json = unknown;

const own = (o: Record<string, Json>, key: string): Json => (Object.hasOwn(o, key) ? o[key] : undefined);

const escapeToken = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** An item's identity in a list: its id when it has one, otherwise its value. */
function sameItem(a: Json, b: Json): boolean {
  if (isObject(a) && isObject(b) && typeof a.id === "string" && typeof b.id === "string") return a.id === b.id;
  return equal(a, b);
}

function diffInto(before: Json, after: Json, path: string, out: JsonPatchOp[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) return diffList(before, after, path, out);
  if (isObject(before) && isObject(after)) {
    // Own keys only: a member named like an Object.prototype one ("valueOf") is data, not inherited.
    for (const key of Object.keys(before)) {
      if (before[key] === undefined) continue;
      if (own(after, key) === undefined) out.push({ op: "remove", path: `${path}/${escapeToken(key)}` });
    }
    for (const key of Object.keys(after)) {
      const value = after[key];
      if (value === undefined) continue;
      const at = `${path}/${escapeToken(key)}`;
      const old = own(before, key);
      if (old === undefined) out.push({ op: "add", path: at, value });
      else diffInto(old, value, at, out);
    }
    return;
  }
  if (!equal(before, after)) out.push({ op: "replace", path, value: after });
}

/** Common head and tail by identity; the middle is removed and re-added; matched items are diffed in place. */
function diffList(before: Json[], after: Json[], path: string, out: JsonPatchOp[]): void {
  let head = 0;
  while (head < before.length && head < after.length && sameItem(before[head], after[head])) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && sameItem(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  for (let i = 0; i < head; i++) diffInto(before[i], after[i], `${path}/${i}`, out);
  // Removals from the highest index down, so the indices of the ops stay valid in order.
  for (let i = before.length - tail - 1; i >= head; i--) out.push({ op: "remove", path: `${path}/${i}` });
  for (let i = head; i < after.length - tail; i++) out.push({ op: "add", path: `${path}/${i}`, value: after[i] });
  for (let k = 0; k < tail; k++) {
    const i = after.length - tail + k;
    diffInto(before[before.length - tail + k], after[i], `${path}/${i}`, out);
  }
}

/** The ops that turn `before` into `after` (applied in order with `applyJsonPatch`). */
export function jsonPatchDiff(before: Json, after: Json): JsonPatchOp[] {
  const out: JsonPatchOp[] = [];
  if (before !== after && (Array.isArray(before) !== Array.isArray(after) || isObject(before) !== isObject(after))) return [{ op: "replace", path: "", value: after }];
  diffInto(before, after, "", out);
  return out;
}
