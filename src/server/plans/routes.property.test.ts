// Property tests: random JSON, random bytes, mutated valid plans and random patches sent to
// every write route never give a 500, a rejected request stores nothing (rows counted before
// and after), and a mutated plan is accepted exactly when validatePlan accepts it.
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDiff } from "../../domain/plan/diff.js";
import { validatePlan } from "../../domain/plan/validate.js";
import type { Database } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { testDatabases } from "../../test-support/databases.js";
import { examplePlans, minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";

type Json = unknown;
type PathSeg = string | number;

function allPaths(doc: Json, prefix: PathSeg[] = []): PathSeg[][] {
  const out: PathSeg[][] = [prefix];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (doc && typeof doc === "object") for (const [k, v] of Object.entries(doc)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** Sets, deletes, or adds a stray key at one path of a deep copy of `doc`. */
function mutate(doc: Json, path: PathSeg[], kind: number, value: Json): Json {
  const copy = structuredClone(doc);
  if (path.length === 0) return kind === 0 ? value : copy;
  let parent = copy as Record<PathSeg, Json>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<PathSeg, Json>;
  const last = path[path.length - 1] as PathSeg;
  if (kind === 0) parent[last] = value;
  else if (kind === 1) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (kind === 2 && parent[last] && typeof parent[last] === "object" && !Array.isArray(parent[last])) {
    (parent[last] as Record<string, Json>).strayField = value;
  } else {
    parent[last] = ([-1, 0.5, 1e21, "", null, "2027-02-30", true, [], {}] as Json[])[Math.abs(Number(JSON.stringify(value)?.length ?? 0)) % 9];
  }
  return copy;
}

const bases: Json[] = [minimalPlan(), ...examplePlans().map(([, d]) => d)];
const mutatedPlan = fc
  .tuple(fc.nat({ max: bases.length - 1 }), fc.nat(), fc.nat({ max: 3 }), fc.jsonValue({ maxDepth: 2 }))
  .map(([b, p, kind, value]) => {
    const base = bases[b];
    const paths = allPaths(base);
    return mutate(base, paths[p % paths.length] as PathSeg[], kind, value);
  });

const pointer = fc.array(fc.oneof(fc.constantFrom("activities", "0", "1", "title", "team", "-", "durationDays", "budget", "decree"), fc.string({ maxLength: 4 })), { maxLength: 4 }).map((t) => (t.length ? "/" + t.join("/") : ""));
const patchOp = fc.oneof(
  fc.record({ op: fc.constantFrom("add", "replace", "test"), path: pointer, value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant("remove"), path: pointer }),
  fc.record({ op: fc.constantFrom("move", "copy"), from: pointer, path: pointer }),
  fc.jsonValue({ maxDepth: 2 }),
);

const RUNS = 40;

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`write routes under random input on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: TestClient;
    let planId: string;
    const counts = () => plansRepo(database.db).count();
    const currentVersion = async () => (await plansRepo(database.db).get(planId))!.version;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      api = await signedInClient(app, database);
      planId = (await api.inject({ method: "POST", url: "/api/plans", payload: minimalPlan() })).json().id;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function send(method: "POST" | "PUT" | "PATCH", url: string, payload: string, contentType = "application/json") {
      const before = await counts();
      const version = await currentVersion();
      const r = await api.inject({ method, url, headers: { "content-type": contentType, "if-match": `"${version}"` }, payload });
      expect(r.statusCode, r.body).toBeLessThan(500);
      if (r.statusCode >= 400) {
        expect(await counts()).toEqual(before);
        expect(r.json().error.code).toEqual(expect.any(String));
      }
      return r;
    }

    it("random JSON to every write route: no 500, nothing stored when rejected", async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, 3, 4), async (value, route) => {
          const body = JSON.stringify(value) ?? "null";
          const r = [
            () => send("POST", "/api/plans", body),
            () => send("PUT", `/api/plans/${planId}`, body),
            () => send("PATCH", `/api/plans/${planId}`, body, "application/json-patch+json"),
            () => send("POST", "/api/import", body),
            () => send("POST", `/api/plans/${planId}/archive?lang=en`, body),
          ][route]!;
          const res = await r();
          // An empty (or all-`test`) patch is a legitimate no-op write; any other route must reject.
          if (route === 2) expect([200, 400]).toContain(res.statusCode);
          else if (route !== 4) expect(res.statusCode).toBe(400);
        }),
        { numRuns: RUNS },
      );
    });

    it("random bytes as JSON and XML bodies: no 500, nothing stored", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), fc.constantFrom("application/json", "application/xml", "text/plain"), async (text, type) => {
          await send("POST", "/api/import", text, type);
          await send("POST", "/api/plans", text, type);
        }),
        { numRuns: RUNS },
      );
    });

    it("mutated valid plans to POST, PUT and import: accepted exactly when valid, nothing stored when rejected", async () => {
      await fc.assert(
        fc.asyncProperty(mutatedPlan, fc.constantFrom("POST", "PUT", "IMPORT"), async (doc, route) => {
          const body = JSON.stringify(doc) ?? "null";
          const before = await counts();
          const stored = (await plansRepo(database.db).get(planId))!.plan;
          const res =
            route === "PUT" ? await send("PUT", `/api/plans/${planId}`, body) : await send("POST", route === "POST" ? "/api/plans" : "/api/import", body);
          const valid = validatePlan(JSON.parse(body)).ok;
          expect(res.statusCode, res.body.slice(0, 300)).toBe(valid ? (route === "PUT" ? 200 : 201) : 400);
          if (valid) {
            const after = await counts();
            // A PUT of the plan as it is stores nothing; anything else one revision.
            const unchanged = route === "PUT" && planDiff(stored, JSON.parse(body)).length === 0;
            expect(after.revisions).toBe(before.revisions + (unchanged ? 0 : 1));
            expect(res.json().plan).toEqual(JSON.parse(body));
          }
        }),
        { numRuns: RUNS * 2 },
      );
    });

    it("random JSON Patches: no 500, a rejected patch stores nothing, an accepted one yields a valid plan", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(patchOp, { maxLength: 4 }), async (ops) => {
          const res = await send("PATCH", `/api/plans/${planId}`, JSON.stringify(ops), "application/json-patch+json");
          if (res.statusCode === 200) {
            // The answer carries the ops as applied, not the plan; the stored plan is valid.
            expect(res.json().ops).toEqual(ops);
            expect(res.json().plan).toBeUndefined();
            expect(validatePlan((await plansRepo(database.db).get(planId))!.plan).ok).toBe(true);
          } else expect(res.statusCode).toBe(400);
        }),
        { numRuns: RUNS * 2 },
      );
    });
  });
}
