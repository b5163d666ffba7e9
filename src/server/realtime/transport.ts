// How live events travel between server processes. On SQLite there is one process: messages
// go straight to this process's hub. On PostgreSQL every process LISTENs on one channel and
// NOTIFYs after each accepted write, so a subscriber on server A hears of a write made through
// server B. A NOTIFY payload is limited (8000 bytes): a larger message is sent without its
// bulk, and each receiver fetches what it needs from the database ("fetch version N").
import { sql, type Kysely } from "kysely";
import type pg from "pg";
import type { JsonPatchOp } from "../../domain/plan/patch.js";
import type { DatabaseSchema } from "../../store/schema.js";

export type Person = { id: string; name: string };

/** What one server tells every server (itself included). */
export type BusMessage =
  /** A new version: `ops` absent means "fetch version N" from the stored revisions. */
  | { t: "patch"; planId: string; version: number; ops?: JsonPatchOp[]; author: Person | null }
  /** The workflow or the team changed: clients reload the plan's envelope. */
  | { t: "workflow"; planId: string; data: Record<string, unknown> }
  /** A comment was written or resolved; `comment` absent when it did not fit (clients reload the list). */
  | { t: "comment"; planId: string; commentId: string; change: "created" | "resolved"; comment?: Record<string, unknown> }
  | { t: "presence"; planId: string; user: Person; stage: string | null; itemRef: string | null; leave?: boolean }
  /** Who may read changed (team, roles, account): re-check the streams of this plan or user now. */
  | { t: "access"; planId?: string; userId?: string };

export type Transport = {
  send(message: BusMessage): void;
  /** Resolves once messages from other servers are being received. */
  listen(): Promise<void>;
  close(): Promise<void>;
};

export type Receiver = {
  deliver(message: BusMessage): void;
  /** Messages may have been missed (the LISTEN connection was lost and is back): catch up from the database. */
  resync(): void;
};

/** One process: delivered in this process, asynchronously like a real bus. */
export function localTransport(receiver: Receiver): Transport {
  return {
    send: (message) => queueMicrotask(() => receiver.deliver(message)),
    listen: async () => undefined,
    close: async () => undefined,
  };
}

export const NOTIFY_CHANNEL = "rencana_events";
/** PostgreSQL refuses a payload of 8000 bytes or more; leave room for the envelope. */
export const NOTIFY_PAYLOAD_LIMIT = 7800;

/** The message as it fits in one NOTIFY: bulky parts dropped when it is too large. */
export function fitPayload(origin: string, message: BusMessage, limit = NOTIFY_PAYLOAD_LIMIT): string {
  const full = JSON.stringify({ o: origin, m: message });
  if (Buffer.byteLength(full, "utf8") < limit) return full;
  if (message.t === "patch") {
    const { ops: _ops, ...rest } = message;
    return JSON.stringify({ o: origin, m: rest });
  }
  if (message.t === "comment") {
    const { comment: _comment, ...rest } = message;
    return JSON.stringify({ o: origin, m: rest });
  }
  // Presence and access messages are small by construction (names and ids are bounded).
  return full;
}

export type PgTransportOptions = {
  db: Kysely<DatabaseSchema>;
  openListener: () => pg.Client;
  origin: string;
  log?: (message: string, error?: unknown) => void;
  payloadLimit?: number;
};

/**
 * LISTEN on a dedicated connection (lazily, when this server first has a subscriber), NOTIFY
 * through the pool. Own messages are delivered at once and skipped when they come back.
 */
export function pgTransport(receiver: Receiver, options: PgTransportOptions): Transport {
  let client: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function onNotification(n: pg.Notification) {
    if (n.channel !== NOTIFY_CHANNEL || !n.payload) return;
    try {
      const parsed = JSON.parse(n.payload) as { o?: string; m?: BusMessage };
      if (parsed.o === options.origin || !parsed.m) return;
      receiver.deliver(parsed.m);
    } catch (e) {
      options.log?.("live event with an unreadable payload ignored", e);
    }
  }

  async function connect(): Promise<void> {
    const c = options.openListener();
    c.on("notification", onNotification);
    c.on("error", (e) => {
      options.log?.("live events: the LISTEN connection failed; reconnecting", e);
      reconnectSoon(c);
    });
    c.on("end", () => reconnectSoon(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (e) {
      c.removeAllListeners();
      c.on("error", () => undefined);
      void c.end().catch(() => undefined);
      throw e;
    }
    client = c;
  }

  /** The LISTEN connection is gone: retry every second, then catch up on what was missed meanwhile. */
  function reconnectSoon(failed: pg.Client) {
    if (closed || failed !== client) return;
    client = undefined;
    failed.removeAllListeners();
    failed.on("error", () => undefined);
    void failed.end().catch(() => undefined);
    const attempt = () => {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (closed) return;
        listening = connect().then(
          () => receiver.resync(),
          (e: unknown) => {
            options.log?.("live events: reconnecting LISTEN failed; retrying", e);
            attempt();
          },
        );
      }, 1000);
    };
    attempt();
  }

  return {
    send(message) {
      queueMicrotask(() => receiver.deliver(message));
      const payload = fitPayload(options.origin, message, options.payloadLimit);
      sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`.execute(options.db).catch((e: unknown) => options.log?.("live events: NOTIFY failed", e));
    },
    listen() {
      listening ??= connect().catch((e: unknown) => {
        listening = undefined;
        throw e;
      });
      return listening;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners();
        c.on("error", () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
