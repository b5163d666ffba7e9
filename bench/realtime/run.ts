// Realtime benchmark: 50 subscribers on one plan (SSE streams in this process), the server in
// a process of its own (bench/realtime/server.ts). One editor sends PATCHes one after another;
// for each PATCH, the time until its `patch` event has arrived in the LAST of the subscribers
// (so every subscriber has it), counted from the PATCH's 200 arriving here ("accepted"; an event
// that came first counts 0) and, stricter, from sending the PATCH. Target: p95 accepted → every
// subscriber ≤ 200 ms.
// Usage: npx tsx bench/realtime/run.ts [--subscribers 50] [--patches 200] [--db postgres://…]
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { openSse, type SseStream } from "../../src/test-support/sse.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SUBSCRIBERS = Number(arg("--subscribers", "50"));
const PATCHES = Number(arg("--patches", "200"));
const DB = arg("--db", "");
const load0 = loadavg();

const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./server.ts", import.meta.url)), ...(DB ? [DB] : [])], { stdio: ["ignore", "pipe", "inherit"] });
const info = await new Promise<{ baseUrl: string; planId: string; editor: string; reader: string; password: string; dialect: string }>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
  server.once("exit", (code) => reject(new Error(`server exited ${code}`)));
});

async function signIn(email: string) {
  const res = await fetch(`${info.baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: info.password }) });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().find((c) => c.startsWith("rl_session="))!.split(";")[0]!, csrfToken };
}

const editor = await signIn(info.editor);
const reader = await signIn(info.reader);
const streams: SseStream[] = [];
for (let i = 0; i < SUBSCRIBERS; i++) {
  const s = await openSse(`${info.baseUrl}/api/plans/${info.planId}/events`, { cookie: reader.cookie });
  if (s.status !== 200) throw new Error(`subscriber ${i}: ${s.status}`);
  streams.push(s);
}
await Promise.all(streams.map((s) => s.next((e) => e.event === "presence")));

let version = ((await (await fetch(`${info.baseUrl}/api/plans/${info.planId}`, { headers: { cookie: editor.cookie } })).json()) as { version: number }).version;
const fromSend: number[] = [];
const fromAccept: number[] = [];
const serverMs: number[] = [];
for (let i = 0; i < PATCHES; i++) {
  const marks = streams.map((s) => s.events.length);
  const sent = performance.now();
  const res = await fetch(`${info.baseUrl}/api/plans/${info.planId}`, {
    method: "PATCH",
    headers: { cookie: editor.cookie, "x-csrf-token": editor.csrfToken, "content-type": "application/json-patch+json", "if-match": String(version) },
    body: JSON.stringify([{ op: "replace", path: "/activities/0/name", value: `Kegiatan versi ${version + 1}` }]),
  });
  const accepted = performance.now();
  if (res.status !== 200) throw new Error(`PATCH ${i}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  version++;
  const want = version;
  const arrivals = await Promise.all(streams.map((s, k) => s.next((e) => e.event === "patch" && (e.data as { version: number }).version === want, 10_000, marks[k]).then((e) => e.at)));
  const last = Math.max(...arrivals);
  fromSend.push(last - sent);
  fromAccept.push(Math.max(0, last - accepted));
  serverMs.push(accepted - sent);
}
const load1 = loadavg();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const f = (x: number) => x.toFixed(1);
console.log(`realtime: ${SUBSCRIBERS} subscribers, ${PATCHES} PATCHes one after another, ${info.dialect}`);
console.log(`PATCH round trip (send → 200):             p50 ${f(pct(serverMs, 50))} ms, p95 ${f(pct(serverMs, 95))} ms`);
console.log(`send → event in every subscriber:          p50 ${f(pct(fromSend, 50))} ms, p95 ${f(pct(fromSend, 95))} ms, max ${f(Math.max(...fromSend))} ms`);
console.log(`accepted (200 received) → every subscriber: p50 ${f(pct(fromAccept, 50))} ms, p95 ${f(pct(fromAccept, 95))} ms`);
console.log(`target p95 (accepted → every subscriber) ≤ 200 ms: ${pct(fromAccept, 95) <= 200 ? "met" : "NOT met"}`);
console.log(`load average: start ${load0.map((x) => x.toFixed(2)).join(" ")}, end ${load1.map((x) => x.toFixed(2)).join(" ")}`);
for (const s of streams) s.close();
server.kill("SIGTERM");
