// The live connection of one open plan: the plan's event stream (patches applied to the
// session at once, presence, comments, workflow steps) and the presence heartbeat.
import { useEffect, useRef, useState } from "react";
import type { ApiClient } from "../api/client.js";
import { closedEventSchema, eventsUrl, patchEventSchema, presenceEventSchema, sendPresence, type PresenceUser } from "../api/live.js";
import type { PlanSession } from "./session.js";

/** Between presence heartbeats; the server drops an entry after 15 s without one. */
const PRESENCE_EVERY_MS = 5000;
/** Heartbeats stop after this long without input, so an idle session still times out. */
const ACTIVE_FOR_MS = 5 * 60_000;

export type LiveState = { users: PresenceUser[]; connected: boolean; lostAccess: boolean };

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, e: MessageEvent): T | undefined {
  try {
    const r = schema.safeParse(JSON.parse(String(e.data)));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects the session to the plan's live events while mounted. `where` is the stage and item
 * the user is on (sent as presence); `onComment` and `onWorkflow` reload those parts.
 */
export function useLive(api: ApiClient, session: PlanSession, where: { stage: string; itemRef: string | null }, onComment: () => void, onWorkflow: () => void): LiveState {
  const [state, setState] = useState<LiveState>({ users: [], connected: false, lostAccess: false });
  const handlers = useRef({ onComment, onWorkflow });
  handlers.current = { onComment, onWorkflow };
  const planId = session.planId;

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      source = new EventSource(eventsUrl(planId, session.getState().base.version));
      source.addEventListener("open", () => {
        session.setLive(true);
        setState((s) => ({ ...s, connected: true }));
        // Comments written while the stream was down: the list is reloaded on every (re)connect.
        handlers.current.onComment();
      });
      source.addEventListener("patch", (e) => {
        const event = parse(patchEventSchema, e);
        if (event) session.applyRemote(event);
      });
      source.addEventListener("reset", () => void session.resync());
      source.addEventListener("presence", (e) => {
        const p = parse(presenceEventSchema, e);
        if (p) setState((s) => ({ ...s, users: p.users }));
      });
      source.addEventListener("comment", () => handlers.current.onComment());
      source.addEventListener("workflow", (e) => {
        const data = JSON.parse(String(e.data)) as { action?: string; version?: number };
        // The state on open only matters when it differs from what the screen has.
        if (data.action === "state" && data.version === session.getState().base.version && data.version !== undefined) return;
        handlers.current.onWorkflow();
      });
      source.addEventListener("closed", (e) => {
        const c = parse(closedEventSchema, e);
        if (c?.reason === "access") {
          stopped = true;
          source?.close();
          session.setLive(false);
          setState({ users: [], connected: false, lostAccess: true });
        }
      });
      source.addEventListener("error", () => {
        session.setLive(false);
        setState((s) => ({ ...s, connected: false }));
        // A refused reconnect (e.g. a restarting server) closes the EventSource: try again later.
        if (source?.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(connect, 3000);
      });
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
      session.setLive(false);
    };
  }, [planId, session]);

  // Presence: at once when the stage or item changes, then every few seconds while the user is active.
  const lastInput = useRef(Date.now());
  useEffect(() => {
    const mark = () => void (lastInput.current = Date.now());
    for (const type of ["keydown", "pointerdown", "pointermove", "focusin"]) window.addEventListener(type, mark, { passive: true });
    return () => {
      for (const type of ["keydown", "pointerdown", "pointermove", "focusin"]) window.removeEventListener(type, mark);
    };
  }, []);
  useEffect(() => {
    if (state.lostAccess) return;
    const beat = () => {
      if (document.visibilityState === "hidden" || Date.now() - lastInput.current > ACTIVE_FOR_MS) return;
      sendPresence(api, planId, where.stage, where.itemRef).then(
        (p) => setState((s) => ({ ...s, users: p.users })),
        () => undefined,
      );
    };
    beat();
    const timer = setInterval(beat, PRESENCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [api, planId, where.stage, where.itemRef, state.lostAccess]);

  return state;
}

/** The id of the list item a `data-path` (e.g. `activities[3].name`) is inside, in `plan`. */
export function itemRefOfPath(plan: unknown, dataPath: string): string | null {
  let cur: unknown = plan;
  let found: string | null = null;
  for (const m of dataPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== "object") break;
    cur = m[1] !== undefined ? (cur as Record<string, unknown>)[m[1]] : (cur as unknown[])[Number(m[2])];
    if (m[2] !== undefined && cur && typeof cur === "object" && typeof (cur as { id?: unknown }).id === "string") found = (cur as { id: string }).id;
  }
  return found;
}
