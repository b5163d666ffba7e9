// One open plan: the server's version (base), the user's local copy, the edits not yet saved,
// autosave with JSON Patch + If-Match, rebase on 409, conflicts that keep both values, undo.
import { useSyncExternalStore } from "react";
import type { Plan } from "../../../src/domain/plan/schema.js";
import { applyJsonPatch } from "../../../src/domain/plan/patch.js";
import { validatePlan, validatePlanChange } from "../../../src/domain/plan/validate.js";
import type { PlanError } from "../../../src/domain/messages.js";
import { ApiError, type ApiClient, type FieldError, type PlanEnvelope } from "../api/client.js";
import { applyEdit, deepEqual, getAt, inverseEdit, rebase, resolvePath, type Conflict, type Edit, type Op, type Path } from "./edits.js";

export type SaveStatus = "saved" | "pending" | "saving" | "invalid" | "error";

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
};

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

  constructor(private readonly api: ApiClient, envelope: PlanEnvelope) {
    this.state = { base: envelope, local: envelope.plan, pending: [], conflicts: [], status: "saved", fieldErrors: [], invalid: [], canUndo: false };
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
    const r = rebase(envelope.plan, this.state.pending, this.state.local);
    this.update({ base: envelope, local: r.doc, pending: r.pending, conflicts: [...this.state.conflicts, ...r.conflicts], status: r.pending.length ? "pending" : this.state.status === "error" ? "saved" : this.state.status });
    if (r.pending.length) this.schedule(0);
  }

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
    this.apply(inverseEdit(entry.edit, this.state.local), { undoable: false });
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
    if (this.state.invalid.length > 0) return;
    const sending = this.state.pending;
    let doc: Plan = this.state.base.plan;
    const ops = [];
    for (const edit of sending) {
      const r = applyEdit(doc, edit);
      doc = r.doc;
      ops.push(...r.patch);
    }
    if (ops.length === 0) {
      this.update({ pending: [], status: "saved" });
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
      const rest = this.state.pending.slice(sending.length);
      const r = rebase(savedEnvelope.plan, rest, this.state.local);
      this.update({ base: savedEnvelope, local: r.doc, pending: r.pending, conflicts: [...this.state.conflicts, ...r.conflicts], status: r.pending.length ? "pending" : "saved" });
      if (r.pending.length) this.schedule(0);
    } catch (e) {
      this.inFlight = undefined;
      if (e instanceof ApiError && e.status === 409) {
        const current = e.current ?? (await this.api.getPlan(this.state.base.id).catch(() => undefined));
        if (current) {
          // Someone else saved first: re-apply our edits on top of theirs; what cannot apply becomes a conflict.
          const r = rebase(current.plan, this.state.pending, this.state.local);
          this.update({ base: current, local: r.doc, pending: r.pending, conflicts: [...this.state.conflicts, ...r.conflicts], status: r.pending.length ? "pending" : "saved" });
          if (r.pending.length) this.schedule(0);
          return;
        }
      }
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
