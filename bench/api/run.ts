// API throughput against a bare baseline (issue 14), process to process, interleaved in one run.
// Ours: `rencana serve` on a fresh SQLite database (LOG_LEVEL=warn), one signed-in penyusun, plans
// of 100 and 10,000 activities (bench/schedule's generator). Bare: bench/api/bare.ts — Fastify 5
// sending the same bodies ours answered, and the same durable write with raw better-sqlite3.
// autocannon (no Accept-Encoding, so neither side compresses): GET of a plan and the plan list
// with 10 connections; PATCH of one field with 1 connection (each PATCH names the version the
// previous one answered). Rounds alternate which server goes first. Targets: ours ≥ 0.5× bare
// for GET, list and PATCH at 100 and 10,000 activities; our PATCH at 10k ≤ 3× our PATCH at 100.
// Usage: npx tsx bench/api/run.ts [--seconds 3] [--rounds 2]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { hashPassword } from "../../src/server/auth/passwords.js";
import { openDatabase } from "../../src/store/database.js";
import { peopleRepo } from "../../src/store/people-repo.js";
import { generatePlan } from "../schedule/generate.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg("--seconds", "3"));
const ROUNDS = Number(arg("--rounds", "2"));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rencana-bench-api-"));
const load0 = loadavg();

// Our database: one organisation, one penyusun, created as `rencana user create` would.
const dbFile = join(dir, "ours.db");
const database = openDatabase(dbFile);
await database.migrate();
const people = peopleRepo(database.db);
const org = await people.createOrganization("Dinas Bench");
const password = "kata-sandi-bench-123";
const user = await people.createUser({ organizationId: org.id, email: "bench@uji.go.id", name: "Penyusun Bench", roles: ["penyusun"], passwordHash: await hashPassword(password) });
await database.close();
void user;

function startChild(args: string[], env: Record<string, string>, pattern: RegExp): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = pattern.exec(line);
      if (m) resolve({ child, baseUrl: m[1]!.replace("localhost", "127.0.0.1") });
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}`)));
  });
}

const ours = await startChild(["src/cli/main.ts", "serve", "--port", "0", "--db", dbFile], { LOG_LEVEL: "warn", DATABASE_URL: "" }, /berjalan di (http:\/\/localhost:\d+)/);
const signin = await fetch(`${ours.baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "bench@uji.go.id", password }) });
const { csrfToken } = (await signin.json()) as { csrfToken: string };
const cookie = signin.headers.getSetCookie().find((c) => c.startsWith("rl_session="))!.split(";")[0]!;
const auth = { cookie, "x-csrf-token": csrfToken };

const SIZES = [100, 10_000] as const;
const ids: Record<string, string> = {};
const plans: Record<string, unknown> = {};
const getBodies: Record<string, string> = {};
for (const size of SIZES) {
  const plan = generatePlan({ activities: size });
  const res = await fetch(`${ours.baseUrl}/api/plans`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(plan) });
  if (res.status !== 201) throw new Error(`create ${size}: ${res.status} ${await res.text()}`);
  ids[size] = ((await res.json()) as { id: string }).id;
  plans[size] = plan;
  getBodies[size] = await (await fetch(`${ours.baseUrl}/api/plans/${ids[size]}`, { headers: auth })).text();
}
const listBody = await (await fetch(`${ours.baseUrl}/api/plans`, { headers: auth })).text();
const bodiesFile = join(dir, "bodies.json");
writeFileSync(bodiesFile, JSON.stringify({ get: getBodies, list: listBody, plans }));
const bare = await startChild(["bench/api/bare.ts", bodiesFile, join(dir, "bare.db")], {}, /"baseUrl":"(http:[^"]+)"/);

type Result = { rps: number; latency: number; p99: number; non2xx: number; errors: number };

async function measure(url: string, method: "GET" | "PATCH", headers: Record<string, string>, connections: number): Promise<Result> {
  let n = 0;
  // One connection for PATCH, so the version the last answer named is the one to send. (Kept
  // here, not in autocannon's context, which starts afresh at each pass over the request list.)
  let version = method === "PATCH" ? await currentVersion(url) : 0;
  const r = await autocannon({
    url,
    connections,
    duration: SECONDS,
    requests: [
      method === "GET"
        ? { method, headers }
        : {
            method,
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              headers: { ...headers, "content-type": "application/json-patch+json", "if-match": `"${version}"` },
              body: JSON.stringify([{ op: "replace", path: "/activities/5/durationDays", value: 1 + (n++ % 9) }]),
            }),
            onResponse: (status: number, body: string) => {
              if (status === 200) version = (JSON.parse(body) as { version: number }).version;
            },
          },
    ],
  } as autocannon.Options);
  return { rps: r.requests.average, latency: r.latency.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** Ours needs the plan's current version for If-Match; the bare route ignores it. */
async function currentVersion(url: string): Promise<number> {
  if (!url.startsWith(ours.baseUrl)) return 1;
  const res = await fetch(url, { headers: auth });
  return ((await res.json()) as { version: number }).version;
}

const cases = [
  ...SIZES.map((size) => ({ name: `GET plan ${size}`, method: "GET" as const, connections: 10, ours: `${ours.baseUrl}/api/plans/${ids[size]}`, bare: `${bare.baseUrl}/plans/${size}` })),
  { name: "GET list", method: "GET" as const, connections: 10, ours: `${ours.baseUrl}/api/plans`, bare: `${bare.baseUrl}/plans` },
  ...SIZES.map((size) => ({ name: `PATCH ${size}`, method: "PATCH" as const, connections: 1, ours: `${ours.baseUrl}/api/plans/${ids[size]}`, bare: `${bare.baseUrl}/plans/${size}` })),
];
const results = new Map<string, { ours: Result[]; bare: Result[] }>(cases.map((c) => [c.name, { ours: [], bare: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    const order = round % 2 === 0 ? (["ours", "bare"] as const) : (["bare", "ours"] as const);
    for (const side of order) {
      const r = await measure(c[side], c.method, side === "ours" ? auth : {}, c.connections);
      results.get(c.name)![side].push(r);
      console.error(`round ${round + 1} ${c.name} ${side}: ${r.rps.toFixed(1)} req/s, mean ${r.latency.toFixed(1)} ms, p99 ${r.p99} ms${r.non2xx || r.errors ? `, non-2xx ${r.non2xx}, errors ${r.errors}` : ""}`);
    }
  }
}
const load1 = loadavg();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
console.log(`bench/api: ${ROUNDS} rounds × ${SECONDS} s per case and side, interleaved; load average at start ${load0.map((x) => x.toFixed(2)).join(" ")}, at end ${load1.map((x) => x.toFixed(2)).join(" ")}`);
console.log("| case | ours req/s | bare req/s | ours ÷ bare | ours mean latency | bare mean latency | target |");
console.log("|---|---|---|---|---|---|---|");
for (const c of cases) {
  const r = results.get(c.name)!;
  const o = median(r.ours.map((x) => x.rps));
  const b = median(r.bare.map((x) => x.rps));
  const ratio = o / b;
  console.log(`| ${c.name} | ${o.toFixed(1)} | ${b.toFixed(1)} | ${ratio.toFixed(2)}× | ${median(r.ours.map((x) => x.latency)).toFixed(1)} ms | ${median(r.bare.map((x) => x.latency)).toFixed(1)} ms | ≥ 0.5×: ${ratio >= 0.5 ? "met" : `NOT met (${(ratio / 0.5).toFixed(2)} of the target)`} |`);
}
const p100 = median(results.get("PATCH 100")!.ours.map((x) => x.latency));
const p10k = median(results.get("PATCH 10000")!.ours.map((x) => x.latency));
console.log(`our PATCH at 10,000 activities ÷ at 100: ${(p10k / p100).toFixed(2)}× (${p10k.toFixed(1)} ms ÷ ${p100.toFixed(1)} ms) — target ≤ 3×: ${p10k / p100 <= 3 ? "met" : "NOT met"}`);
ours.child.kill("SIGTERM");
bare.child.kill("SIGTERM");
