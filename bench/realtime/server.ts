// The server side of the realtime benchmark, in a process of its own: a fresh database (SQLite
// file, or the PostgreSQL URL given), one organisation, a penyusun and a pembaca, the demo plan,
// and the app listening. Prints one JSON line: where it listens and who signs in.
// Usage (by bench/realtime/run.ts): npx tsx bench/realtime/server.ts [DATABASE_URL]
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../src/server/app.js";
import { hashPassword } from "../../src/server/auth/passwords.js";
import { validatePlan } from "../../src/domain/plan/validate.js";
import { openDatabase } from "../../src/store/database.js";
import { peopleRepo } from "../../src/store/people-repo.js";
import { plansRepo } from "../../src/store/plans-repo.js";

const url = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), "bench-realtime-")), "bench.db");
const database = openDatabase(url);
await database.migrate();
const people = peopleRepo(database.db);
const password = "bench-realtime-123";
const passwordHash = await hashPassword(password);
const org = await people.createOrganization("Dinas Uji Beban");
const editor = await people.createUser({ organizationId: org.id, email: "penyusun@bench.go.id", name: "Penyusun Beban", roles: ["penyusun"], passwordHash });
const reader = await people.createUser({ organizationId: org.id, email: "pembaca@bench.go.id", name: "Pembaca Beban", roles: ["pembaca"], passwordHash });
const example = JSON.parse(readFileSync(fileURLToPath(new URL("../../examples/puskesmas-anc-terpadu.json", import.meta.url)), "utf8")) as unknown;
const checked = validatePlan(example);
if (!checked.ok) throw new Error("the example plan is not valid");
const repo = plansRepo(database.db);
const plan = await repo.create(checked.plan, { organizationId: org.id, createdBy: editor.id });
await repo.setTeam(plan.id, [
  { userId: editor.id, role: "penyusun", position: 0 },
  { userId: reader.id, role: "pembaca", position: 0 },
]);
// 50 subscribers are one user here: the per-user stream limit is raised for the benchmark only.
const app = await buildApp({ db: database, webRoot: false, realtime: { maxStreamsPerUser: 1000 }, auth: { signinRequestsPerMinute: 10_000 } });
const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(JSON.stringify({ baseUrl, planId: plan.id, editor: editor.email, reader: reader.email, password, dialect: database.dialect }));
const stop = () => void app.close().then(() => database.close()).then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
