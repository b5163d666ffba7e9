// Edits to a plan, kept as operations addressed by item id rather than by array index, so that
// a user's pending edits can be re-applied on top of a plan someone else changed meanwhile
// (rebase) and turned into RFC 6902 JSON Patch ops for the server at the moment of sending.
import type { PatchOp } from "../api/client.js";

/** A path segment: an object key, an array index, or the item of an id'd list with that id. */
export type Seg = string | number | { id: string };
export type Path = readonly Seg[];

export type Op =
  /** Sets a value; `value: undefined` removes an optional field. `old` is what the user saw. */
  | { kind: "set"; path: Path; value: unknown; old: unknown }
  /** Inserts into the list at `path` (at `index`, or at the end). */
  | { kind: "insert"; path: Path; value: unknown; index?: number }
  /** Deletes the list item at `path`; `old` is the item the user saw, `index` its position then. */
  | { kind: "delete"; path: Path; old: unknown; index: number };

export type Edit = { ops: Op[] };

export type Conflict = {
  key: string;
  kind: "both-changed" | "deleted-by-them" | "changed-by-them";
  /** Dotted path for display and focusing, e.g. `targetGroups[1].name`. */
  displayPath: string;
  mine: unknown;
  theirs: unknown;
  /** The edit that keeps the user's version when chosen. */
  keepMine: Edit;
};

type Json = unknown;

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ao = a as Record<string, Json>, bo = b as Record<string, Json>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined), bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** Turns id segments into array indices; undefined when an id (or any step) no longer exists. */
export function resolvePath(doc: Json, path: Path): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let cur: Json = doc;
  for (const seg of path) {
    if (typeof seg === "object") {
      if (!Array.isArray(cur)) return undefined;
      const i = cur.findIndex((item) => typeof item === "object" && item !== null && (item as { id?: unknown }).id === seg.id);
      if (i < 0) return undefined;
      out.push(i);
      cur = cur[i];
    } else {
      if (cur === null || typeof cur !== "object") return undefined;
      out.push(seg);
      cur = (cur as Record<string | number, Json>)[seg];
    }
  }
  return out;
}

export function getAt(doc: Json, concrete: readonly (string | number)[]): Json {
  let cur: Json = doc;
  for (const seg of concrete) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, Json>)[seg];
  }
  return cur;
}

/** Copy-on-write update along the path (unchanged branches are shared, which keeps React renders cheap). */
function updateAt(doc: Json, concrete: readonly (string | number)[], fn: (old: Json) => Json): Json {
  if (concrete.length === 0) return fn(doc);
  const [head, ...rest] = concrete as [string | number, ...(string | number)[]];
  if (Array.isArray(doc)) {
    const copy = doc.slice();
    copy[head as number] = updateAt(doc[head as number], rest, fn);
    return copy;
  }
  const obj = (doc ?? {}) as Record<string, Json>;
  const next = updateAt(obj[head], rest, fn);
  const copy = { ...obj };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

export function displayPath(concrete: readonly (string | number)[]): string {
  let out = "";
  for (const seg of concrete) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

function pointer(concrete: readonly (string | number)[]): string {
  return concrete.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Applies one op without checks (the op was made from this very document). */
function applyOp(doc: Json, op: Op): { doc: Json; patch: PatchOp[] } {
  const concrete = resolvePath(doc, op.path);
  if (!concrete) return { doc, patch: [] };
  if (op.kind === "set") {
    const current = getAt(doc, concrete);
    if (deepEqual(current, op.value)) return { doc, patch: [] };
    const patch: PatchOp =
      op.value === undefined
        ? { op: "remove", path: pointer(concrete) }
        : current === undefined
          ? { op: "add", path: pointer(concrete), value: op.value }
          : { op: "replace", path: pointer(concrete), value: op.value };
    return { doc: updateAt(doc, concrete, () => op.value), patch: [patch] };
  }
  if (op.kind === "insert") {
    const list = getAt(doc, concrete);
    if (!Array.isArray(list)) return { doc, patch: [] };
    const index = op.index === undefined ? list.length : Math.min(Math.max(op.index, 0), list.length);
    const next = updateAt(doc, concrete, (l) => {
      const copy = (l as Json[]).slice();
      copy.splice(index, 0, op.value);
      return copy;
    });
    const at = index === list.length ? "-" : String(index);
    return { doc: next, patch: [{ op: "add", path: `${pointer(concrete)}/${at}`, value: op.value }] };
  }
  const parent = concrete.slice(0, -1);
  const index = concrete[concrete.length - 1] as number;
  const next = updateAt(doc, parent, (l) => (l as Json[]).filter((_, i) => i !== index));
  return { doc: next, patch: [{ op: "remove", path: pointer(concrete) }] };
}

/** Applies an edit made on `doc` itself: the new document and the JSON Patch that does the same. */
export function applyEdit<T>(doc: T, edit: Edit): { doc: T; patch: PatchOp[] } {
  let cur: Json = doc;
  const patch: PatchOp[] = [];
  for (const op of edit.ops) {
    const r = applyOp(cur, op);
    cur = r.doc;
    patch.push(...r.patch);
  }
  return { doc: cur as T, patch };
}

/** The path of the id'd item that contains the op's target (for restoring a deleted item). */
function itemPrefix(path: Path): Path | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "object") return path.slice(0, i + 1);
  return undefined;
}

/**
 * Re-applies pending edits on a newer base. An op applies when the value it changes is still
 * the one the user saw (or already equals the user's); otherwise it becomes a conflict that
 * keeps both values. `previousLocal` is the user's document before the rebase, used to restore
 * an item someone else deleted.
 */
export function rebase<T>(base: T, pending: readonly Edit[], previousLocal: T): { doc: T; pending: Edit[]; conflicts: Conflict[] } {
  let cur: Json = base;
  const kept: Edit[] = [];
  const conflicts: Conflict[] = [];
  let n = 0;
  for (const edit of pending) {
    const okOps: Op[] = [];
    for (const op of edit.ops) {
      const key = `c${Date.now().toString(36)}-${n++}`;
      const concrete = resolvePath(cur, op.path);
      if (op.kind === "set") {
        if (!concrete) {
          // The item was deleted by someone else: offer to restore it as the user has it.
          const prefix = itemPrefix(op.path);
          const localConcrete = prefix ? resolvePath(previousLocal, prefix) : undefined;
          const item = localConcrete ? getAt(previousLocal, localConcrete) : undefined;
          if (prefix && localConcrete && item !== undefined) {
            conflicts.push({
              key, kind: "deleted-by-them", displayPath: displayPath(localConcrete), mine: item, theirs: undefined,
              keepMine: { ops: [{ kind: "insert", path: prefix.slice(0, -1), value: item, index: localConcrete[localConcrete.length - 1] as number }] },
            });
          }
          continue;
        }
        const current = getAt(cur, concrete);
        if (deepEqual(current, op.old) || deepEqual(current, op.value)) {
          okOps.push(op);
        } else {
          conflicts.push({
            key, kind: "both-changed", displayPath: displayPath(concrete), mine: op.value, theirs: current,
            keepMine: { ops: [{ kind: "set", path: op.path, value: op.value, old: current }] },
          });
        }
      } else if (op.kind === "insert") {
        const list = concrete ? getAt(cur, concrete) : undefined;
        const id = typeof op.value === "object" && op.value !== null ? (op.value as { id?: unknown }).id : undefined;
        if (!Array.isArray(list)) continue;
        if (typeof id === "string" && list.some((x) => typeof x === "object" && x !== null && (x as { id?: unknown }).id === id)) {
          conflicts.push({
            key, kind: "both-changed", displayPath: `${displayPath(concrete!)}[${id}]`, mine: op.value,
            theirs: list.find((x) => (x as { id?: unknown }).id === id),
            keepMine: { ops: [{ kind: "insert", path: op.path, value: { ...(op.value as object), id: `${id}-${Date.now().toString(36)}` } }] },
          });
          continue;
        }
        okOps.push(op);
      } else {
        if (!concrete) continue; // already deleted by them
        const current = getAt(cur, concrete);
        if (deepEqual(current, op.old)) okOps.push(op);
        else
          conflicts.push({
            key, kind: "changed-by-them", displayPath: displayPath(concrete), mine: undefined, theirs: current,
            keepMine: { ops: [{ ...op, old: current }] },
          });
      }
      if (okOps[okOps.length - 1] === op) cur = applyOp(cur, op).doc;
    }
    if (okOps.length > 0) kept.push({ ops: okOps });
  }
  return { doc: cur as T, pending: kept, conflicts };
}

/** The edit that undoes `edit`, given the document right after it was applied. */
export function inverseEdit(edit: Edit, after: Json): Edit {
  const ops: Op[] = [];
  for (const op of [...edit.ops].reverse()) {
    if (op.kind === "set") ops.push({ kind: "set", path: op.path, value: op.old, old: op.value });
    else if (op.kind === "delete") ops.push({ kind: "insert", path: op.path.slice(0, -1), value: op.old, index: op.index });
    else {
      const id = typeof op.value === "object" && op.value !== null ? (op.value as { id?: unknown }).id : undefined;
      const listConcrete = resolvePath(after, op.path);
      const list = listConcrete ? getAt(after, listConcrete) : undefined;
      if (!Array.isArray(list)) continue;
      const index = typeof id === "string" ? list.findIndex((x) => (x as { id?: unknown })?.id === id) : op.index ?? list.length - 1;
      if (index < 0) continue;
      const itemPath: Path = typeof id === "string" ? [...op.path, { id }] : [...op.path, index];
      ops.push({ kind: "delete", path: itemPath, old: list[index], index });
    }
  }
  return { ops };
}
