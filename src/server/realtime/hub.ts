// The live event hub of one server process: Server-Sent Event streams per plan, fed by every
// accepted write. Writes are published after they commit (the plans repository tells of each
// versioned write; workflow, comment and team routes publish their own), travel through the
// transport (in process on SQLite, LISTEN/NOTIFY on PostgreSQL), and are sent to each stream
// in version order. A stream that misses versions (a reconnect with Last-Event-ID, a NOTIFY
// that arrived out of order or too large to carry its ops) catches up from the stored
// revisions, or gets `reset` when too far behind.
import type { ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { jsonPatchDiff } from "../../domain/plan/ops-diff.js";
import type { JsonPatchOp } from "../../domain/plan/patch.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { CommittedWrite, PlansRepo } from "../../store/plans-repo.js";
import type { AuthContext } from "../auth/context.js";
import { loadPlanAccess, mayOnPlan } from "../auth/policy.js";
import { localTransport, type BusMessage, type Person, type Receiver, type Transport } from "./transport.js";

export type RealtimeOptions = {
  /** Between heartbeats (an SSE comment line, so proxies keep the stream open), and access re-checks. */
  heartbeatMs?: number;
  /** Open streams per user on this server (a browser tab holds one per open plan). */
  maxStreamsPerUser?: number;
  /** Open streams on this server. */
  maxStreams?: number;
  /** A presence entry without a new heartbeat is dropped after this long. */
  presenceTtlMs?: number;
  /** A stream further behind than this many versions gets `reset` instead of every missed patch. */
  catchUpLimit?: number;
};

const DEFAULTS = { heartbeatMs: 20_000, maxStreamsPerUser: 8, maxStreams: 2000, presenceTtlMs: 15_000, catchUpLimit: 200 } satisfies Required<RealtimeOptions>;
/** A client that reads slower than this much buffered output is cut off (it reconnects and catches up). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const RECENT_PATCHES = 64;
const NAME_CACHE_MS = 60_000;

export type PatchEvent = { version: number; ops: JsonPatchOp[]; author: Person | null };
export type PresenceUser = { id: string; name: string; stage: string | null; itemRef?: string };

type Subscriber = {
  planId: string;
  userId: string;
  sessionId: string;
  res: ServerResponse;
  /** The last version this stream has been sent. */
  sent: number;
  catchingUp: boolean;
  closed: boolean;
};

type Channel = {
  planId: string;
  /** The latest version delivered to the channel's streams, in order. */
  version: number;
  subs: Set<Subscriber>;
  /** Streams being opened: the channel stays while one is on its way in. */
  opening: number;
  recent: Map<number, PatchEvent>;
  queue: Promise<void>;
};

type PresenceEntry = { user: Person; stage: string | null; itemRef: string | null; expiresAt: number };

export type HubDeps = {
  repo: PlansRepo;
  people: PeopleRepo;
  options?: RealtimeOptions;
  /** Session idle timeout and clock, as the session hook uses them. */
  idleTimeoutMs: number;
  now: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Builds the transport for this hub (default: in process). */
  transport?: (receiver: Receiver, origin: string) => Transport;
};

export type StreamLimit = "user" | "server";

const byName = (a: PresenceUser, b: PresenceUser) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

function frame(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class RealtimeHub implements Receiver {
  readonly origin = randomBytes(8).toString("hex");
  private readonly options: Required<RealtimeOptions>;
  private readonly channels = new Map<string, Channel>();
  private readonly presence = new Map<string, Map<string, PresenceEntry>>();
  private readonly perUser = new Map<string, number>();
  private readonly names = new Map<string, { name: string; at: number }>();
  private total = 0;
  private readonly transport: Transport;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private closing = false;

  constructor(private readonly deps: HubDeps) {
    this.options = { ...DEFAULTS, ...deps.options };
    this.transport = (deps.transport ?? ((r) => localTransport(r)))(this, this.origin);
    const heartbeat = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    const sweep = setInterval(() => this.sweepPresence(), Math.max(250, Math.min(2000, this.options.presenceTtlMs / 3)));
    heartbeat.unref();
    sweep.unref();
    this.timers.push(heartbeat, sweep);
  }

  // ---- publishing: called after a change committed ----

  /** The plans repository's hook: every accepted versioned write (PUT, PATCH, restore, approve, archive). */
  committed = (write: CommittedWrite): void => {
    const { before, after } = write;
    // The applied ops when the write was a patch; otherwise what changed, as ops.
    const ops = write.appliedOps ? [...write.appliedOps] : jsonPatchDiff(before.plan, after.plan);
    const workflowMoved =
      before.status !== after.status || before.workflow.reviewStep !== after.workflow.reviewStep || before.workflow.baselineVersion !== after.workflow.baselineVersion;
    void this.person(write.actor?.userId ?? null).then((author) => {
      this.transport.send({ t: "patch", planId: after.id, version: after.version, ops, author });
      if (workflowMoved) {
        this.transport.send({
          t: "workflow",
          planId: after.id,
          data: { action: "write", status: after.status, step: after.workflow.reviewStep, cycle: after.workflow.reviewCycle, version: after.version, by: author },
        });
      }
    });
  };

  /** A workflow step that keeps the version (submit, initial, return, withdraw) or a team change. */
  workflowChanged(planId: string, data: Record<string, unknown>): void {
    this.transport.send({ t: "workflow", planId, data });
  }

  commentChanged(planId: string, change: "created" | "resolved", comment: { id: string } & Record<string, unknown>): void {
    this.transport.send({ t: "comment", planId, commentId: comment.id, change, comment });
  }

  /** Re-check at once the streams of a plan (its team changed) or of a user (roles, account). */
  accessChanged(scope: { planId?: string; userId?: string }): void {
    this.transport.send({ t: "access", ...scope });
  }

  /** A presence heartbeat; answers who is on the plan now (as this server knows it). */
  heartbeatPresence(planId: string, user: Person, stage: string | null, itemRef: string | null): PresenceUser[] {
    this.transport.send({ t: "presence", planId, user, stage, itemRef });
    // The bus delivers asynchronously (to this server too): answer with the caller already in.
    const others = this.presenceOf(planId).filter((u) => u.id !== user.id);
    return [...others, { id: user.id, name: user.name, stage, ...(itemRef ? { itemRef } : {}) }].sort(byName);
  }

  // ---- receiving (Receiver) ----

  deliver(message: BusMessage): void {
    if (this.closing) return;
    switch (message.t) {
      case "patch":
        return this.deliverPatch(message);
      case "workflow":
        return this.broadcast(message.planId, frame("workflow", message.data));
      case "comment":
        return this.broadcast(message.planId, frame("comment", { change: message.change, commentId: message.commentId, ...(message.comment ? { comment: message.comment } : {}) }));
      case "presence":
        if (this.applyPresence(message)) this.broadcastPresence(message.planId);
        return;
      case "access":
        void this.recheck((s) => (message.planId === undefined || s.planId === message.planId) && (message.userId === undefined || s.userId === message.userId));
        return;
    }
  }

  /** The bus may have dropped messages: compare every channel with the database. */
  resync(): void {
    for (const channel of this.channels.values()) void this.catchUpChannel(channel);
  }

  // ---- streams ----

  /** Which limit opening one more stream for this user would break, if any. */
  limitFor(userId: string): StreamLimit | null {
    if (this.total >= this.options.maxStreams) return "server";
    if ((this.perUser.get(userId) ?? 0) >= this.options.maxStreamsPerUser) return "user";
    return null;
  }

  get streamCount(): number {
    return this.total;
  }

  /**
   * Starts a stream on an open response (headers already sent). `since` is the version the
   * client has (Last-Event-ID); missed versions are sent first. Undefined `since` means the current one.
   */
  async open(planId: string, auth: AuthContext, res: ServerResponse, since: number | "unknown" | undefined): Promise<void> {
    await this.transport.listen();
    const sub: Subscriber = { planId, userId: auth.user.id, sessionId: auth.session.id, res, sent: 0, catchingUp: false, closed: false };
    this.total++;
    this.perUser.set(sub.userId, (this.perUser.get(sub.userId) ?? 0) + 1);
    res.on("close", () => this.drop(sub));
    const channel = this.channel(planId);
    channel.opening++;
    await this.enqueue(channel, async () => {
      channel.opening--;
      if (sub.closed) return this.forgetIfIdle(channel);
      channel.subs.add(sub);
      const head = await this.deps.repo.head(planId);
      if (head) this.write(sub, frame("workflow", { action: "state", status: head.status, step: head.reviewStep, version: head.version }));
      this.write(sub, frame("presence", { users: this.presenceOf(planId) }));
      if (since === undefined) sub.sent = channel.version;
      else if (since === "unknown" || since > channel.version) this.reset(sub, channel.version);
      else {
        sub.sent = since;
        if (since < channel.version) void this.catchUpStream(channel, sub);
      }
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    for (const channel of this.channels.values()) for (const sub of channel.subs) this.end(sub, "shutdown");
    await this.transport.close();
  }

  private channel(planId: string): Channel {
    let channel = this.channels.get(planId);
    if (!channel) {
      const created: Channel = { planId, version: 0, subs: new Set(), opening: 0, recent: new Map(), queue: Promise.resolve() };
      channel = created;
      this.channels.set(planId, created);
      // The first thing in the queue: where the plan is now (the bus is already listening).
      void this.enqueue(created, async () => {
        created.version = (await this.deps.repo.head(planId))?.version ?? 0;
      });
    }
    return channel;
  }

  /** Runs `fn` after everything queued on the channel: deliveries stay in version order. */
  private enqueue(channel: Channel, fn: () => Promise<void>): Promise<void> {
    const run = channel.queue.then(fn).catch((e: unknown) => this.deps.log?.("live events: a channel step failed", e));
    channel.queue = run;
    return run;
  }

  private deliverPatch(message: Extract<BusMessage, { t: "patch" }>): void {
    const channel = this.channels.get(message.planId);
    if (!channel) return;
    if (message.ops) this.remember(channel, { version: message.version, ops: message.ops, author: message.author });
    void this.enqueue(channel, () => this.advance(channel, message.version));
  }

  /** Delivers every version after the channel's up to `target`, fetching any the bus did not carry. */
  private async advance(channel: Channel, target: number): Promise<void> {
    while (channel.version < target) {
      const next = channel.version + 1;
      const event = await this.patchEvent(channel, next);
      channel.version = next;
      for (const sub of channel.subs) {
        if (!event) this.reset(sub, next);
        else this.sendPatch(channel, sub, event);
      }
    }
  }

  private async catchUpChannel(channel: Channel): Promise<void> {
    const head = await this.deps.repo.head(channel.planId).catch(() => undefined);
    if (head && head.version > channel.version) await this.enqueue(channel, () => this.advance(channel, head.version));
  }

  private remember(channel: Channel, event: PatchEvent) {
    channel.recent.set(event.version, event);
    if (channel.recent.size > RECENT_PATCHES) {
      const oldest = channel.recent.keys().next().value;
      if (oldest !== undefined) channel.recent.delete(oldest);
    }
  }

  /** Version `v` as a patch event: from the bus, or from the stored revisions v−1 and v ("fetch version N"). */
  private async patchEvent(channel: Channel, v: number): Promise<PatchEvent | undefined> {
    const known = channel.recent.get(v);
    if (known) return known;
    if (v < 2) return undefined;
    // Most revisions are stored as the very patch that made them: no need to rebuild two versions.
    const stored = await this.deps.repo.revisionPatch(channel.planId, v);
    if (stored) {
      const event: PatchEvent = { version: v, ops: stored.ops, author: await this.person(stored.authorId) };
      this.remember(channel, event);
      return event;
    }
    const [before, after] = await Promise.all([this.deps.repo.getRevision(channel.planId, v - 1), this.deps.repo.getRevision(channel.planId, v)]);
    if (!before || !after) return undefined;
    const event: PatchEvent = { version: v, ops: jsonPatchDiff(before.plan, after.plan), author: await this.person(after.authorId) };
    this.remember(channel, event);
    return event;
  }

  private sendPatch(channel: Channel, sub: Subscriber, event: PatchEvent) {
    if (sub.closed || sub.catchingUp || event.version <= sub.sent) return;
    if (event.version === sub.sent + 1) {
      sub.sent = event.version;
      this.write(sub, frame("patch", event, event.version));
    } else void this.catchUpStream(channel, sub);
  }

  /** Sends the versions a stream missed, one by one, until it has the channel's latest. */
  private async catchUpStream(channel: Channel, sub: Subscriber): Promise<void> {
    if (sub.catchingUp) return;
    sub.catchingUp = true;
    try {
      while (!sub.closed && sub.sent < channel.version) {
        if (channel.version - sub.sent > this.options.catchUpLimit) {
          this.reset(sub, channel.version);
          break;
        }
        const event = await this.patchEvent(channel, sub.sent + 1);
        if (!event) {
          this.reset(sub, channel.version);
          break;
        }
        sub.sent = event.version;
        this.write(sub, frame("patch", event, event.version));
      }
    } catch (e) {
      this.deps.log?.("live events: catching a stream up failed", e);
      this.end(sub, "error");
    } finally {
      sub.catchingUp = false;
    }
  }

  /** Too far behind, or the client names a version this server does not have: reload the plan. */
  private reset(sub: Subscriber, version: number) {
    sub.sent = version;
    this.write(sub, frame("reset", { version }, version));
  }

  private broadcast(planId: string, chunk: string) {
    const channel = this.channels.get(planId);
    if (channel) for (const sub of channel.subs) this.write(sub, chunk);
  }

  private write(sub: Subscriber, chunk: string) {
    if (sub.closed) return;
    if (sub.res.writableLength > MAX_BUFFERED_BYTES) return this.end(sub, "slow");
    sub.res.write(chunk);
  }

  /** Ends a stream from the server side, saying why (`access` when the user may no longer read the plan). */
  private end(sub: Subscriber, reason: "access" | "shutdown" | "slow" | "error") {
    if (sub.closed) return;
    if (reason === "access" || reason === "shutdown") sub.res.write(frame("closed", { reason }));
    this.drop(sub);
    sub.res.end();
  }

  private forgetIfIdle(channel: Channel) {
    if (channel.subs.size === 0 && channel.opening === 0 && this.channels.get(channel.planId) === channel) this.channels.delete(channel.planId);
  }

  private drop(sub: Subscriber) {
    if (sub.closed) return;
    sub.closed = true;
    this.total--;
    const n = (this.perUser.get(sub.userId) ?? 1) - 1;
    if (n > 0) this.perUser.set(sub.userId, n);
    else this.perUser.delete(sub.userId);
    const channel = this.channels.get(sub.planId);
    if (!channel) return;
    channel.subs.delete(sub);
    this.forgetIfIdle(channel);
    // The user's last stream on this plan here: they left (other servers learn it too).
    const stillHere = channel.subs.size > 0 && [...channel.subs].some((s) => s.userId === sub.userId);
    const entry = this.presence.get(sub.planId)?.get(sub.userId);
    if (!stillHere && entry && !this.closing) this.transport.send({ t: "presence", planId: sub.planId, user: entry.user, stage: null, itemRef: null, leave: true });
  }

  // ---- access ----

  private async heartbeat(): Promise<void> {
    for (const channel of this.channels.values()) for (const sub of channel.subs) this.write(sub, ": ping\n\n");
    await this.recheck(() => true);
    this.resync();
  }

  /** Closes the matching streams whose user may no longer read the plan (session ended, account, role or team changed). */
  private async recheck(matches: (s: Subscriber) => boolean): Promise<void> {
    for (const channel of [...this.channels.values()]) {
      const subs = [...channel.subs].filter(matches);
      if (subs.length === 0) continue;
      try {
        const access = await loadPlanAccess(this.deps.repo, channel.planId);
        for (const sub of subs) if (!(await this.mayStillRead(sub, access))) this.end(sub, "access");
      } catch (e) {
        this.deps.log?.("live events: an access re-check failed", e);
      }
    }
  }

  private async mayStillRead(sub: Subscriber, access: Awaited<ReturnType<typeof loadPlanAccess>>): Promise<boolean> {
    if (!access) return false;
    const session = await this.deps.people.getSession(sub.sessionId);
    if (!session || session.userId !== sub.userId) return false;
    const now = this.deps.now();
    if (now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) > this.deps.idleTimeoutMs) return false;
    const user = await this.deps.people.getUser(sub.userId);
    if (!user || user.disabled) return false;
    return mayOnPlan("read", { user, session, organizationId: user.organizationId, roles: user.roles }, access);
  }

  // ---- presence ----

  /** Records a presence message; true when what others see changed. */
  private applyPresence(message: Extract<BusMessage, { t: "presence" }>): boolean {
    let plan = this.presence.get(message.planId);
    if (message.leave) {
      const had = plan?.delete(message.user.id) ?? false;
      if (plan && plan.size === 0) this.presence.delete(message.planId);
      return had;
    }
    if (!plan) this.presence.set(message.planId, (plan = new Map()));
    const before = plan.get(message.user.id);
    plan.set(message.user.id, { user: message.user, stage: message.stage, itemRef: message.itemRef, expiresAt: this.deps.now() + this.options.presenceTtlMs });
    return !before || before.stage !== message.stage || before.itemRef !== message.itemRef || before.user.name !== message.user.name;
  }

  private presenceOf(planId: string): PresenceUser[] {
    const now = this.deps.now();
    return [...(this.presence.get(planId)?.values() ?? [])]
      .filter((e) => e.expiresAt > now)
      .map((e) => ({ id: e.user.id, name: e.user.name, stage: e.stage, ...(e.itemRef ? { itemRef: e.itemRef } : {}) }))
      .sort(byName);
  }

  private broadcastPresence(planId: string) {
    this.broadcast(planId, frame("presence", { users: this.presenceOf(planId) }));
  }

  private sweepPresence() {
    const now = this.deps.now();
    for (const [planId, plan] of this.presence) {
      let dropped = false;
      for (const [userId, entry] of plan) {
        if (entry.expiresAt <= now) {
          plan.delete(userId);
          dropped = true;
        }
      }
      if (plan.size === 0) this.presence.delete(planId);
      if (dropped) this.broadcastPresence(planId);
    }
  }

  private async person(userId: string | null): Promise<Person | null> {
    if (!userId) return null;
    const cached = this.names.get(userId);
    const now = Date.now();
    if (cached && now - cached.at < NAME_CACHE_MS) return { id: userId, name: cached.name };
    const user = await this.deps.people.getUser(userId).catch(() => undefined);
    const name = user?.name ?? "";
    this.names.set(userId, { name, at: now });
    return { id: userId, name };
  }
}
