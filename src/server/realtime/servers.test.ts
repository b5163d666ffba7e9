// Two real `rencana serve` processes on one PostgreSQL database: a client subscribed to
// server A sees what is written through server B (LISTEN/NOTIFY), including a write too large
// for a NOTIFY payload (fetched from the revisions), presence and comments; a client that
// moves to the other server with Last-Event-ID misses nothing.
import { afterAll, describe, expect, it } from "vitest";
import { applyJsonPatch, type JsonPatchOp } from "../../domain/plan/patch.js";
import { testDatabases } from "../../test-support/databases.js";
import { examplePlans } from "../../test-support/fixtures.js";
import { signInOverHttp, startServer, type ServerProcess, stopServers } from "../../test-support/server-process.js";
import { openSse, type SseEvent, type SseStream } from "../../test-support/sse.js";
import { NOTIFY_PAYLOAD_LIMIT } from "./transport.js";

const postgres = testDatabases().find((t) => t.dialect === "postgres")!;
type PatchData = { version: number; ops: JsonPatchOp[]; author: { name: string } | null };
const patchOf = (v: number) => (e: SseEvent) => e.event === "patch" && (e.data as PatchData).version === v;

/** The session cookie of a sign-in over HTTP (the SSE reader sends it itself). */
async function cookieOf(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith("rl_session="))!.split(";")[0]!;
}

describe.skipIf(!postgres.available)("live events across two server processes on one PostgreSQL", () => {
  const servers: ServerProcess[] = [];
  const streams: SseStream[] = [];
  afterAll(async () => {
    for (const s of streams) s.close();
    await stopServers(servers);
  });

  it("a client subscribed to server A sees writes, presence and comments made through server B", async () => {
    const url = await postgres.url();
    const a = await startServer(["--demo", "--db", url]);
    servers.push(a);
    const b = await startServer(["--db", url]);
    servers.push(b);
    const password = /kata sandi (\S+) \(sign in/.exec(a.output())![1]!;
    const editorOnB = await signInOverHttp(b.baseUrl, "penyusun@demo.go.id", password);
    const readerCookie = await cookieOf(a.baseUrl, "pembaca@demo.go.id", password);

    const list = (await (await editorOnB("GET", "/api/plans")).json()) as { items: { id: string; version: number }[] };
    const plan = list.items[0]!;
    const start = (await (await editorOnB("GET", `/api/plans/${plan.id}`)).json()) as { version: number; plan: Record<string, unknown> };

    const onA = await openSse(`${a.baseUrl}/api/plans/${plan.id}/events`, { cookie: readerCookie });
    streams.push(onA);
    expect(onA.status).toBe(200);
    await onA.next((e) => e.event === "presence");

    // A small PATCH through B: its ops ride in the NOTIFY.
    const v1 = start.version;
    const small = await editorOnB("PATCH", `/api/plans/${plan.id}`, [{ op: "replace", path: "/title", value: "Judul dari server B" }], { "if-match": String(v1) });
    expect(small.status).toBe(200);
    const first = (await onA.next(patchOf(v1 + 1), 10_000)).data as PatchData;
    expect(first.ops).toEqual([{ op: "replace", path: "/title", value: "Judul dari server B" }]);
    expect(first.author?.name).toBe("Penyusun Demo");

    // A PUT whose difference is larger than a NOTIFY payload: A fetches version N from the revisions.
    const other = examplePlans().map(([, p]) => p as Record<string, unknown>).find((p) => p.title !== start.plan.title)!;
    const big = { ...other, title: "Rencana lain lewat B" };
    const put = await editorOnB("PUT", `/api/plans/${plan.id}`, big, { "if-match": String(v1 + 1) });
    expect(put.status, await put.clone().text()).toBe(200);
    const second = (await onA.next(patchOf(v1 + 2), 10_000)).data as PatchData;
    expect(JSON.stringify(second.ops).length).toBeGreaterThan(NOTIFY_PAYLOAD_LIMIT);
    let doc: unknown = start.plan;
    for (const p of [first, second]) {
      const r = applyJsonPatch(doc, p.ops);
      if (!r.ok) throw new Error(r.error.message.en);
      doc = r.value;
    }
    const now = (await (await editorOnB("GET", `/api/plans/${plan.id}`)).json()) as { version: number; plan: unknown };
    expect(doc).toEqual(now.plan);

    // Presence and a comment through B.
    expect((await editorOnB("POST", `/api/plans/${plan.id}/presence`, { stage: "kegiatan" })).status).toBe(200);
    await onA.next((e) => e.event === "presence" && JSON.stringify(e.data).includes("Penyusun Demo"), 10_000);
    expect((await editorOnB("POST", `/api/plans/${plan.id}/comments`, { body: "Komentar lewat B" })).status).toBe(201);
    expect((await onA.next((e) => e.event === "comment", 10_000)).data).toMatchObject({ change: "created", comment: { body: "Komentar lewat B" } });

    // The client leaves A; two writes happen; it reconnects to B with Last-Event-ID and gets both.
    onA.close();
    for (const v of [v1 + 2, v1 + 3]) {
      expect((await editorOnB("PATCH", `/api/plans/${plan.id}`, [{ op: "replace", path: "/title", value: `Judul ${v}` }], { "if-match": String(v) })).status).toBe(200);
    }
    const onB = await openSse(`${b.baseUrl}/api/plans/${plan.id}/events`, { cookie: readerCookie, "last-event-id": String(v1 + 2) });
    streams.push(onB);
    await onB.next(patchOf(v1 + 4), 10_000);
    expect(onB.events.filter((e) => e.event === "patch").map((e) => e.id)).toEqual([String(v1 + 3), String(v1 + 4)]);
  }, 120_000);
});
