// `rencana serve --demo`: an organisation with one user per role (same demo password) and the
// example plans in it, each with the same team, so every step of review and approval can be
// tried by signing in as the next person.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { formatError } from "../domain/messages.js";
import { validatePlanText } from "../domain/plan/validate.js";
import { hashPassword } from "../server/auth/passwords.js";
import type { Database } from "../store/database.js";
import { peopleRepo, type Organization, type Role, type User } from "../store/people-repo.js";
import { plansRepo, type Actor, type PlanMember, type PlansRepo } from "../store/plans-repo.js";
import type { CliIo } from "./io.js";

// Same depth from src/cli and dist/cli.
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

export const DEMO_ORGANIZATION = "Dinas Kependudukan dan Pencatatan Sipil (Demo)";
export const DEMO_PASSWORD = "rencana-demo-2026";

export type DemoKey = "admin" | "penyusun" | "pemeriksa1" | "pemeriksa2" | "penandatangan" | "pembaca";

export const DEMO_USERS: readonly { key: DemoKey; email: string; name: string; roles: readonly Role[] }[] = [
  { key: "admin", email: "admin@demo.go.id", name: "Admin Demo", roles: ["admin", "penyusun"] },
  { key: "penyusun", email: "penyusun@demo.go.id", name: "Penyusun Demo", roles: ["penyusun"] },
  { key: "pemeriksa1", email: "pemeriksa1@demo.go.id", name: "Pemeriksa Satu Demo", roles: ["pemeriksa"] },
  { key: "pemeriksa2", email: "pemeriksa2@demo.go.id", name: "Pemeriksa Dua Demo", roles: ["pemeriksa"] },
  { key: "penandatangan", email: "penandatangan@demo.go.id", name: "Penandatangan Demo", roles: ["penandatangan"] },
  { key: "pembaca", email: "pembaca@demo.go.id", name: "Pembaca Demo", roles: ["pembaca"] },
];

/** The team every demo plan gets: the drafter, two reviewers in order, the signatory, a reader. */
export function demoTeam(users: Partial<Record<DemoKey, User>>): PlanMember[] {
  const member = (key: DemoKey, role: PlanMember["role"], position: number): PlanMember[] => {
    const u = users[key];
    return u ? [{ userId: u.id, role, position }] : [];
  };
  return [
    ...member("penyusun", "penyusun", 0),
    ...member("pemeriksa1", "pemeriksa", 1),
    ...member("pemeriksa2", "pemeriksa", 2),
    ...member("penandatangan", "penandatangan", 0),
    ...member("pembaca", "pembaca", 0),
  ];
}

export type DemoOwner = { organizationId: string; createdBy: string | null; team: readonly PlanMember[] };

async function planCount(repo: PlansRepo, organizationId: string): Promise<number> {
  const [live, archived] = await Promise.all([repo.list({ organizationId, limit: 0 }), repo.list({ organizationId, status: "archived", limit: 0 })]);
  return live.total + archived.total;
}

/** Imports every examples/*.json plan into the organisation when it holds no plan at all. */
export async function loadDemoPlans(repo: PlansRepo, io: CliIo, owner: DemoOwner, dir = EXAMPLES_DIR): Promise<number> {
  if ((await planCount(repo, owner.organizationId)) > 0) return 0;
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return 0;
  }
  const actor: Actor = { userId: owner.createdBy, organizationId: owner.organizationId };
  let loaded = 0;
  for (const f of files) {
    const r = validatePlanText(await readFile(join(dir, f), "utf8"));
    if (!r.ok) {
      io.err(`rencana serve --demo: ${f} dilewati (skipped): ${r.errors.slice(0, 3).map((e) => formatError(e)).join("; ")}\n`);
      continue;
    }
    const created = await repo.create(r.plan, { organizationId: owner.organizationId, createdBy: owner.createdBy, actor, action: "plan.import" });
    if (owner.team.length > 0) await repo.setTeam(created.id, owner.team, actor);
    loaded++;
  }
  return loaded;
}

export type DemoSetUp = { organization: Organization; users: Partial<Record<DemoKey, User>>; loaded: number };

/**
 * Sets up the demo once, however many servers start with --demo at the same moment (D15): on
 * PostgreSQL the whole setup runs under one advisory lock, so the second server waits and then
 * finds everything made.
 */
export async function setUpDemo(database: Database, io: CliIo, dir = EXAMPLES_DIR): Promise<DemoSetUp> {
  if (database.dialect !== "postgres") return setUpDemoOnce(database, io, dir);
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtextextended('rencana:demo-setup', 0))`.execute(conn);
    try {
      return await setUpDemoOnce(database, io, dir);
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended('rencana:demo-setup', 0))`.execute(conn);
    }
  });
}

/** Creates what is missing of the demo (organisation, users, plans); leaves what exists alone. */
async function setUpDemoOnce(database: Database, io: CliIo, dir: string): Promise<DemoSetUp> {
  const people = peopleRepo(database.db);
  const organization = (await people.findOrganizationByName(DEMO_ORGANIZATION)) ?? (await people.createOrganization(DEMO_ORGANIZATION));
  const users: Partial<Record<DemoKey, User>> = {};
  let passwordHash: string | undefined;
  for (const demo of DEMO_USERS) {
    const existing = await people.getUserByEmail(demo.email);
    if (existing && existing.organizationId !== organization.id) {
      io.err(`rencana serve --demo: ${demo.email} sudah dipakai organisasi lain; dilewati (already used by another organisation; skipped)\n`);
      continue;
    }
    // One hash for all: argon2id is slow on purpose, and they share the password.
    users[demo.key] = existing ?? (await people.createUser({ organizationId: organization.id, email: demo.email, name: demo.name, roles: demo.roles, passwordHash: (passwordHash ??= await hashPassword(DEMO_PASSWORD)) }));
  }
  const loaded = await loadDemoPlans(plansRepo(database.db), io, { organizationId: organization.id, createdBy: users.penyusun?.id ?? null, team: demoTeam(users) }, dir);
  return { organization, users, loaded };
}

/** What `serve --demo` prints: who to sign in as, and the password. */
export function demoSignInText(demo: DemoSetUp): string {
  const rows = DEMO_USERS.filter((d) => demo.users[d.key]).map((d) => `  ${d.email.padEnd(26)} ${d.roles.join(", ")}`);
  return [
    `Demo: organisasi (organisation) «${demo.organization.name}»${demo.loaded > 0 ? `, ${demo.loaded} rencana contoh dimuat (example plans loaded)` : ""}`,
    `Masuk dengan salah satu surel ini, kata sandi ${DEMO_PASSWORD} (sign in with one of these e-mails, password ${DEMO_PASSWORD}):`,
    ...rows,
    "",
  ].join("\n");
}
