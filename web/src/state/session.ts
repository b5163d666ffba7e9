// One open plan: the server's version (base), the user's local copy, the edits not yet saved,
// autosave with JSON Patch + If-Match, rebase on 409, conflicts that keep both values, undo.
import { useSyncExternalStore } from "react";
import type { Plan } from "../../../src/domain/plan/schema.js";
import { applyJsonPatch, type JsonPatchOp } from "../../../src/domain/plan/patch.js";
import { validatePlan, validatePlanChange } from "../../../src/domain/plan/validate.js";
import type { Bilingual, PlanError } from "../../../src/domain/messages.js";
import { ApiError, type ApiClient, type FieldError, type PlanEnvelope } from "../api/client.js";
import { applyEdit, deepEqual, displayPath, getAt, inverseEdit, rebase, resolvePath, type Conflict, type Edit, type Op, type Path } from "./edits.js";
import type { PatchEvent } from "../api/live.js";

export type SaveStatus = "saved" | "pending" | "saving" | "invalid" | "error";

/**
 * A value the user typed that its field refuses (a negative count, "4 orang x 20 hari", a name
 * left empty, a text over its limit). It never reaches the plan, so every other edit keeps
 * saving; it stays on the screen with its reason, and in localStorage until it is fixed, so a
 * reload does not lose it.
 */
export type Draft = { path: Path; text: string; label: string; message: Bilingual };

/** The key of a field in the drafts map: its id-addressed path. */
export function draftKey(path: Path): string {
  return JSON.stringify(path);
}

function draftStorageKey(planId: string): string {
  return `rencana.drafts.${planId}`;
}

function loadDrafts(planId: string, plan: Plan): ReadonlyMap<string, Draft> {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(draftStorageKey(planId));
    if (!raw) return new Map();
    const list = JSON.parse(raw) as Draft[];
    // A draft for an item that no longer exists (deleted meanwhile) is dropped.
    return new Map(list.filter((d) => Array.isArray(d.path) && resolvePath(plan, d.path)).map((d) => [draftKey(d.path), d]));
  } catch {
    return new Map();
  }
}

export type SessionState = {
  base: PlanEnvelope;
  local: Plan;
  pending: Edit[];
  conflicts: Conflict[];
  status: SaveStatus;
  errorMessage?: string;
  fieldErrors: FieldError[];
  invalid: PlanError[];
  canUndo: boolean;
  /** Someone else's later edit replaced a value this user had saved: told once, with one-click restore. */
  notices: OverwriteNotice[];
  drafts: ReadonlyMap<string, Draft>;
};

export type OverwriteNotice = { key: string; path: Path; displayPath: string; mine: unknown; theirs: unknown; by: string };

/** How long one's own saved values are remembered to tell when someone else overwrites them. */
const OWN_VALUES_MS = 5 * 60_000;

const SAVE_DELAY_MS = 600;
const UNDO_LIMIT = 100;
const COALESCE_MS = 1200;

type UndoEntry = { edit: Edit; at: number; key?: string };

function setKey(edit: Edit): string | undefined {
  const only = edit.ops.length === 1 ? edit.ops[0] : undefined;
  return only?.kind === "set" ? JSON.stringify(only.path) : undefined;
}

export class PlanSession {
  private state: SessionState;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Edit[] | undefined;
  private undoStack: UndoEntry[] = [];
  private disposed = false;
  /** False while the plan is under review (or approved and not yet reopened): edits are ignored. */
  private editable = true;
  /** True while the live event stream is connected: the same field changed by two keeps the later value, no dialog. */
  private live = false;
  /** Remote patches that arrived while a save was in flight: applied once it answers. */
  private remoteQueue: PatchEvent[] = [];
  /** Values this user saved recently, by item-id path. */
  private ownSaved: { path: Path; value: unknown; at: number }[] = [];
  private resyncing = false;

  constructor(private readonly api: ApiClient, envelope: PlanEnvelope) {
    this.state = { base: envelope, local: envelope.plan, pending: [], conflicts: [], status: "saved", fieldErrors: [], invalid: [], canUndo: false, notices: [], drafts: loadDrafts(envelope.id, envelope.plan) };
  }

  get planId(): string {
    return this.state.base.id;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getState = (): SessionState => this.state;

  private update(patch: Partial<SessionState>) {
    this.state = { ...this.state, ...patch, canUndo: this.undoStack.length > 0 };
    for (const fn of this.listeners) fn();
  }

  dispose() {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.validateTimer) clearTimeout(this.validateTimer);
  }

  /** The workspace decides from the plan's workflow and abilities; the disabled inputs are the visible side. */
  setEditable(editable: boolean) {
    this.editable = editable;
  }

  /**
   * The plan as the server has it now (after a workflow action or a restore); edits not yet
   * saved are re-applied on top, as after someone else's save.
   */
  replaceBase(envelope: PlanEnvelope) {
    if (envelope.id !== this.state.base.id) return;
    this.rebaseOnto(envelope, []);
    if (this.state.pending.length) this.schedule(0);
  }

  setLive(live: boolean) {
    this.live = live;
  }

  /**
   * Someone else's accepted write, from the live stream: applied to the base at once and the
   * pending edits rebased over it (as after a refused save). A gap in the versions, or ops that
   * do not apply, reload the plan instead.
   */
  applyRemote(event: PatchEvent) {
    if (this.disposed) return;
    if (this.inFlight) {
      this.remoteQueue.push(event);
      return;
    }
    const base = this.state.base;
    if (event.version <= base.version) return; // our own save, or already had
    if (event.version !== base.version + 1) return void this.resync();
    const r = applyJsonPatch(base.plan, event.ops as JsonPatchOp[]);
    if (!r.ok) return void this.resync();
    const plan = r.value as Plan;
    this.rebaseOnto({ ...base, version: event.version, plan }, this.overwritten(base.plan, plan, event.author?.name ?? ""));
  }

  /** The plan as the server has it now (after a `reset`, a gap, or ops that did not apply). */
  async resync(): Promise<void> {
    if (this.resyncing || this.disposed) return;
    this.resyncing = true;
    try {
      const current = await this.api.getPlan(this.state.base.id);
      if (current.version > this.state.base.version) this.replaceBase(current);
    } catch {
      /* the next event or save tries again */
    } finally {
      this.resyncing = false;
    }
  }

  restoreNotice(key: string) {
    const notice = this.state.notices.find((n) => n.key === key);
    this.update({ notices: this.state.notices.filter((n) => n.key !== key) });
    if (notice) this.set(notice.path, notice.mine);
  }

  dismissNotice(key: string) {
    this.update({ notices: this.state.notices.filter((n) => n.key !== key) });
  }

  /**
   * Re-applies the pending edits on a newer base. While live, the same field changed by both
   * keeps ours — it is saved after theirs, so it is the later value, and they are told; what
   * cannot be merged that way (an item deleted or changed under a deletion) still asks.
   */
  private rebaseOnto(envelope: PlanEnvelope, notices: OverwriteNotice[]) {
    const r = rebase(envelope.plan, this.state.pending, this.state.local);
    let doc = r.doc;
    const pending = r.pending;
    const conflicts: Conflict[] = [];
    for (const c of r.conflicts) {
      if (this.live && c.kind === "both-changed" && c.keepMine.ops.every((o) => o.kind === "set")) {
        doc = applyEdit(doc, c.keepMine).doc;
        pending.push(c.keepMine);
      } else conflicts.push(c);
    }
    const status: SaveStatus = pending.length ? "pending" : this.state.status === "invalid" ? "invalid" : "saved";
    this.update({ base: envelope, local: doc, pending, conflicts: [...this.state.conflicts, ...conflicts], notices: [...this.state.notices, ...notices].slice(-5), status });
    if (pending.length) this.schedule();
  }

  /** Our recently saved values that `after` replaced (they were still there in `before`). */
  private overwritten(before: Plan, after: Plan, by: string): OverwriteNotice[] {
    const now = Date.now();
    this.ownSaved = this.ownSaved.filter((o) => now - o.at < OWN_VALUES_MS);
    const out: OverwriteNotice[] = [];
    for (const own of [...this.ownSaved]) {
      const was = resolvePath(before, own.path);
      const is = resolvePath(after, own.path);
      if (!was || !is || !deepEqual(getAt(before, was), own.value)) continue;
      const theirs = getAt(after, is);
      if (deepEqual(theirs, own.value)) continue;
      this.ownSaved = this.ownSaved.filter((o) => o !== own);
      out.push({ key: `n${now.toString(36)}-${out.length}`, path: own.path, displayPath: displayPath(is), mine: own.value, theirs, by });
    }
    return out;
  }

  private rememberSaved(edits: readonly Edit[]) {
    const at = Date.now();
    for (const edit of edits)
      for (const op of edit.ops) {
        if (op.kind !== "set") continue;
        const key = JSON.stringify(op.path);
        this.ownSaved = this.ownSaved.filter((o) => JSON.stringify(o.path) !== key);
        this.ownSaved.push({ path: op.path, value: op.value, at });
      }
    if (this.ownSaved.length > 200) this.ownSaved = this.ownSaved.slice(-200);
  }

  private drainRemote() {
    const queued = this.remoteQueue;
    this.remoteQueue = [];
    for (const event of queued) this.applyRemote(event);
  }

  /** Keeps (or, with undefined, forgets) the refused text of one field; see `Draft`. */
  setDraft(path: Path, draft: Omit<Draft, "path"> | undefined) {
    const key = draftKey(path);
    const cur = this.state.drafts.get(key);
    if (!draft && !cur) return;
    if (draft && cur && cur.text === draft.text && cur.message.id === draft.message.id) return;
    const drafts = new Map(this.state.drafts);
    if (draft) drafts.set(key, { path, ...draft });
    else drafts.delete(key);
    this.update({ drafts });
    try {
      if (drafts.size) localStorage.setItem(draftStorageKey(this.planId), JSON.stringify([...drafts.values()]));
      else localStorage.removeItem(draftStorageKey(this.planId));
    } catch {
      /* storage full or private mode: the draft lasts for this page */
    }
  }

  getDraft = (path: Path): Draft | undefined => this.state.drafts.get(draftKey(path));

  /** Applies an edit to the local copy at once and schedules the save. */
  apply(edit: Edit, opts: { undoable?: boolean } = {}) {
    if (edit.ops.length === 0 || !this.editable) return;
    const { doc } = applyEdit(this.state.local, edit);
    if (doc === this.state.local) return;
    if (opts.undoable !== false) {
      const key = setKey(edit);
      const top = this.undoStack[this.undoStack.length - 1];
      const now = Date.now();
      if (key && top && top.key === key && now - top.at < COALESCE_MS) {
        // Typing in one field is one undo step: keep the value from before the first keystroke.
        const first = top.edit.ops[0] as Extract<Op, { kind: "set" }>;
        const last = edit.ops[0] as Extract<Op, { kind: "set" }>;
        top.edit = { ops: [{ ...last, old: first.old }] };
        top.at = now;
      } else {
        this.undoStack.push({ edit, at: now, key });
        if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
      }
    }
    this.changeLocal(doc, [...this.state.pending, edit]);
  }

  /** Sets one value; `path` addresses list items by id where they have one. */
  set(path: Path, value: unknown) {
    const concrete = resolvePath(this.state.local, path);
    if (!concrete) return;
    const old = getAt(this.state.local, concrete);
    if (deepEqual(old, value)) return;
    this.apply({ ops: [{ kind: "set", path, value, old }] });
  }

  insert(listPath: Path, value: unknown) {
    this.apply({ ops: [{ kind: "insert", path: listPath, value }] });
  }

  remove(itemPath: Path) {
    const concrete = resolvePath(this.state.local, itemPath);
    if (!concrete) return;
    this.apply({ ops: [{ kind: "delete", path: itemPath, old: getAt(this.state.local, concrete), index: concrete[concrete.length - 1] as number }] });
  }

  undo() {
    if (!this.editable) return;
    const entry = this.undoStack.pop();
    if (!entry) {
      this.update({});
      return;
    }
    // Undo takes back only one's own edit: a value someone else has changed since stays theirs.
    const inverse = inverseEdit(entry.edit, this.state.local);
    const stillMine = rebase(this.state.local, [inverse], this.state.local).pending.flatMap((e) => e.ops);
    this.apply({ ops: stillMine }, { undoable: false });
  }

  resolveConflict(key: string, keepMine: boolean) {
    const conflict = this.state.conflicts.find((c) => c.key === key);
    if (!conflict) return;
    this.update({ conflicts: this.state.conflicts.filter((c) => c.key !== key) });
    if (keepMine) this.apply(conflict.keepMine);
  }

  private changeLocal(doc: Plan, pending: Edit[]) {
    this.update({ local: doc, pending, status: this.state.invalid.length ? "invalid" : pending.length ? "pending" : this.state.status === "saving" ? "saving" : "saved" });
    this.validateSoon();
    this.schedule();
  }

  private validateTimer: ReturnType<typeof setTimeout> | undefined;

  /** Validation of the whole plan runs just after the keystroke, not inside it, so typing stays fast on large plans. */
  private validateSoon() {
    if (this.validateTimer) return;
    this.validateTimer = setTimeout(() => {
      this.validateTimer = undefined;
      this.validateNow();
    }, 50);
  }

  /** The last local copy known to be valid: the next check looks only at what differs from it. */
  private lastValid: Plan | undefined;

  private validateNow() {
    const local = this.state.local;
    const v = this.lastValid ? validatePlanChange(this.lastValid, local) : validatePlan(local);
    if (v.ok) this.lastValid = local;
    const invalid = v.ok ? [] : v.errors;
    if (invalid.length === 0 && this.state.invalid.length === 0) return;
    const status: SaveStatus = invalid.length ? "invalid" : this.state.pending.length ? "pending" : this.state.status;
    this.update({ invalid, status });
  }

  private schedule(delay = SAVE_DELAY_MS) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Sends the pending edits now (also called by the autosave timer). */
  async flush(): Promise<void> {
    if (this.disposed || this.inFlight || this.state.pending.length === 0) return;
    this.validateNow();
    const pendingNow = this.state.pending;
    let doc: Plan = this.state.base.plan;
    const ops = [];
    // The edits that keep the plan valid are sent; one that breaks it (a rule only the whole
    // plan can check) is held back, stays on the screen and is retried with the next save.
    const sending: Edit[] = [];
    const held: Edit[] = [];
    const checkEach = this.state.invalid.length > 0;
    for (const edit of pendingNow) {
      const r = applyEdit(doc, edit);
      if (r.doc === doc) continue; // nothing left to change (e.g. its item was deleted)
      if (checkEach && !validatePlan(r.doc).ok) {
        held.push(edit);
        continue;
      }
      doc = r.doc;
      sending.push(edit);
      ops.push(...r.patch);
    }
    if (ops.length === 0) {
      if (held.length === 0) this.update({ pending: [], status: "saved" });
      return;
    }
    this.inFlight = sending;
    this.update({ status: "saving", errorMessage: undefined, fieldErrors: [] });
    try {
      const sentBase = this.state.base;
      const { ops: applied, changed: _changed, ...saved } = await this.api.patchPlan(sentBase.id, sentBase.version, ops);
      void _changed;
      this.inFlight = undefined;
      // The server stored our base with these ops applied: do the same to our copy (sharing what they do not touch).
      const next = applyJsonPatch(sentBase.plan, applied);
      if (!next.ok) throw new Error(next.error.message.en);
      const savedEnvelope: PlanEnvelope = { ...saved, plan: next.value as Plan };
      this.rememberSaved(sending);
      // Held-back edits (they would make the plan invalid) stay pending, before any made meanwhile.
      const rest = [...held, ...this.state.pending.slice(pendingNow.length)];
      const r = rebase(savedEnvelope.plan, rest, this.state.local);
      const stillInvalid = held.length > 0 && this.state.invalid.length > 0;
      this.update({ base: savedEnvelope, local: r.doc, pending: r.pending, conflicts: [...this.state.conflicts, ...r.conflicts], status: stillInvalid ? "invalid" : r.pending.length ? "pending" : "saved" });
      if (r.pending.length > held.length) this.schedule(0);
      this.drainRemote();
    } catch (e) {
      this.inFlight = undefined;
      if (e instanceof ApiError && e.status === 409) {
        const current = e.current ?? (await this.api.getPlan(this.state.base.id).catch(() => undefined));
        if (current) {
          // Someone else saved first: re-apply our edits on top of theirs; what cannot apply becomes a conflict.
          this.rebaseOnto(current, []);
          if (this.state.pending.length) this.schedule(0);
          this.drainRemote();
          return;
        }
      }
      this.drainRemote();
      const message = e instanceof Error ? e.message : String(e);
      this.update({ status: "error", errorMessage: message, fieldErrors: e instanceof ApiError ? e.fieldErrors : [] });
      // Network trouble heals by itself; a rejected document waits for the user's next edit; an
      // ended session retries once the same user has signed in again over the page.
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) this.schedule(3000);
      else if (e.status === 401 && typeof window !== "undefined") window.addEventListener(SESSION_RESUMED, () => this.schedule(0), { once: true });
    }
  }
}

/** Dispatched on window when the user whose session ended signs in again over the same page. */
export const SESSION_RESUMED = "rencana:session-resumed";

export function useSession(session: PlanSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
