// The bare baseline for bench/api: Fastify 5 with nothing but what the measured route needs.
// GET routes send the same bytes our server answered (read from it at start-up, passed in a
// file); the PATCH route does the same durable write with raw better-sqlite3 (WAL,
// synchronous=FULL): applies the ops to its copy of the plan, then in one transaction rewrites
// the document and stores the ops as a revision row. Prints its address as one JSON line.
// Usage (by bench/api/run.ts): node --import tsx bench/api/bare.ts BODIES.json DBFILE
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import Fastify from "fastify";
import { applyJsonPatch, type JsonPatchOp } from "../../src/domain/plan/patch.js";

type Bodies = { get: Record<string, string>; list: string; plans: Record<string, unknown> };
const bodies = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Bodies;
const sqlite = new Database(process.argv[3]!);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.exec("create table if not exists docs (id text primary key, version integer not null, body text not null); create table if not exists revs (id text, version integer, ops text not null, primary key (id, version))");
const plans = new Map<string, { plan: unknown; version: number }>();
const upsert = sqlite.prepare("insert into docs (id, version, body) values (?, 1, ?) on conflict (id) do update set version = 1, body = excluded.body");
for (const [size, plan] of Object.entries(bodies.plans)) {
  upsert.run(size, JSON.stringify(plan));
  plans.set(size, { plan, version: 1 });
}
const update = sqlite.prepare("update docs set body = ?, version = ? where id = ? and version = ?");
const insertRev = sqlite.prepare("insert into revs (id, version, ops) values (?, ?, ?)");
const write = sqlite.transaction((id: string, body: string, version: number, ops: string) => {
  if (update.run(body, version + 1, id, version).changes !== 1) throw new Error("conflict");
  insertRev.run(id, version + 1, ops);
});

const app = Fastify({ logger: false });
app.addContentTypeParser("application/json-patch+json", { parseAs: "string" }, (_r, body, done) => done(null, JSON.parse(String(body))));
app.get("/plans/:size", async (request, reply) => reply.type("application/json").send(bodies.get[(request.params as { size: string }).size]));
app.get("/plans", async (_request, reply) => reply.type("application/json").send(bodies.list));
app.patch("/plans/:size", async (request, reply) => {
  const { size } = request.params as { size: string };
  const state = plans.get(size)!;
  const ops = request.body as JsonPatchOp[];
  const patched = applyJsonPatch(state.plan, ops);
  if (!patched.ok) return reply.code(400).send({ error: patched.error.code });
  write(size, JSON.stringify(patched.value), state.version, JSON.stringify(ops));
  state.plan = patched.value;
  state.version++;
  return { version: state.version, ops };
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(JSON.stringify({ baseUrl: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` }));
