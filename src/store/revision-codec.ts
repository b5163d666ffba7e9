// How a revision is stored (issue 14): as its forward patch — the JSON Patch from the version
// before — with a full snapshot every SNAPSHOT_EVERY versions, compressed with zlib (deflate).
// Version 1 and every multiple of SNAPSHOT_EVERY are snapshots, and so is a revision whose patch
// would be larger than the compressed document (a PUT or a restore that rewrites most of it), so
// rebuilding any version reads at most one snapshot and fewer than SNAPSHOT_EVERY patches.
// Rows written before this change hold the whole document as text ("full").
import { deflateSync, inflateSync } from "node:zlib";
import { jsonPatchDiff } from "../domain/plan/ops-diff.js";
import { applyJsonPatch, type JsonPatchOp } from "../domain/plan/patch.js";
import type { Plan } from "../domain/plan/schema.js";

export const SNAPSHOT_EVERY = 32;

/** Patches below this many characters are stored without comparing them with a snapshot. */
const SMALL_PATCH = 16 * 1024;

export type RevisionKind = "full" | "patch" | "snapshot";

/** The stored columns of one revision: `document` is the patch's JSON for "patch", the whole document for "full", "" for "snapshot". */
export type EncodedRevision = { kind: RevisionKind; document: string; snapshot: Uint8Array | null };

export type StoredRevisionBody = { version: number; kind: string; document: string; snapshot: Uint8Array | null };

export function snapshotOf(plan: Plan): EncodedRevision {
  return { kind: "snapshot", document: "", snapshot: deflateSync(JSON.stringify(plan), { level: 6 }) };
}

/** Encodes version `version` (= `plan`), whose predecessor is `previous` (none for version 1). */
export function encodeRevision(version: number, previous: Plan | undefined, plan: Plan): EncodedRevision {
  if (!previous || version % SNAPSHOT_EVERY === 0) return snapshotOf(plan);
  const patch = JSON.stringify(jsonPatchDiff(previous, plan));
  if (patch.length < SMALL_PATCH) return { kind: "patch", document: patch, snapshot: null };
  const snapshot = snapshotOf(plan);
  return snapshot.snapshot!.length < patch.length ? snapshot : { kind: "patch", document: patch, snapshot: null };
}

/** Replays without the request limits: the stored patches were accepted once already. */
const REPLAY = { maxOps: Infinity, maxDocumentChars: Infinity, maxValueDepth: Infinity, maxCopiedChars: Infinity };

function asBytes(b: Uint8Array | string): Uint8Array {
  // PostgreSQL's bytea and SQLite's blob both come back as a Buffer; a hex string would be a driver surprise.
  if (typeof b === "string") throw new Error("revision snapshot read back as text");
  return b;
}

/**
 * The document of the last of `rows` (in version order): the first must be a snapshot or a full
 * document, the rest are replayed onto it in one pass (structural sharing, so a chain of small
 * patches costs what they change).
 */
export function decodeRevision(rows: readonly StoredRevisionBody[]): Plan {
  const [base, ...rest] = rows;
  if (!base) throw new Error("no revision to decode");
  let plan: unknown;
  if (base.kind === "snapshot") plan = JSON.parse(inflateSync(asBytes(base.snapshot!)).toString("utf8"));
  else if (base.kind === "full") plan = JSON.parse(base.document);
  else throw new Error(`revision ${base.version} is a patch with no snapshot before it`);
  const ops: JsonPatchOp[] = [];
  for (const r of rest) {
    if (r.kind === "patch") for (const op of JSON.parse(r.document) as JsonPatchOp[]) ops.push(op);
    else {
      // A later snapshot or full row restarts the chain (the query normally starts at the last one).
      return decodeRevision(rows.slice(rows.indexOf(r)));
    }
  }
  if (ops.length === 0) return plan as Plan;
  const replayed = applyJsonPatch(plan, ops, REPLAY);
  if (!replayed.ok) throw new Error(`revision ${rows.at(-1)?.version} does not replay: ${replayed.error.message.en}`);
  return replayed.value as Plan;
}
