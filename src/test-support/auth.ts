// Signed-in test clients: an organisation, users with chosen roles, and `inject` that carries
// the session cookie and the CSRF token like the web app does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { hashPassword } from "../server/auth/passwords.js";
import type { Database } from "../store/database.js";
import { peopleRepo, type Organization, type Role, type User } from "../store/people-repo.js";

export const TEST_PASSWORD = "kata-sandi-uji-123";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** One argon2id hash reused for every test user: hashing is deliberately slow. */
let sharedHash: Promise<string> | undefined;
const testHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

export async function createOrganization(database: Database, name = `Organisasi uji ${unique()}`): Promise<Organization> {
  return peopleRepo(database.db).createOrganization(name);
}

export async function createUser(database: Database, organizationId: string, roles: readonly Role[], name?: string): Promise<User> {
  const id = unique();
  return peopleRepo(database.db).createUser({ organizationId, email: `pengguna-${id}@uji.go.id`, name: name ?? `Pengguna ${roles.join("+")} ${id}`, roles, passwordHash: await testHash() });
}

export type TestClient = {
  user: User;
  csrfToken: string;
  cookie: string;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const res = await app.inject({ method: "POST", url: "/api/session", payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = [res.headers["set-cookie"]].flat().find((c): c is string => typeof c === "string" && c.startsWith("rl_session="));
  if (!setCookie) throw new Error("sign-in set no session cookie");
  const cookie = setCookie.split(";")[0] ?? "";
  const body = res.json<{ csrfToken: string; user: User }>();
  const send = (options: InjectOptions) => app.inject({ ...options, headers: { cookie, "x-csrf-token": body.csrfToken, ...(options.headers ?? {}) } });
  return {
    user: body.user,
    csrfToken: body.csrfToken,
    cookie,
    inject: async (options) => send(await withCurrentVersion(send, options)),
  };
}

/**
 * Like the web app, a change of a versioned record (user, unit, settings, team) names the version
 * it was made on: when a test gives no If-Match, the record is read first (as this caller) and its
 * current version sent. A test of the If-Match rules passes its own header ("" for none).
 */
async function withCurrentVersion(send: (o: InjectOptions) => Promise<LightMyRequestResponse>, options: InjectOptions): Promise<InjectOptions> {
  const headers = (options.headers ?? {}) as Record<string, unknown>;
  if ("if-match" in headers || (options.method !== "PATCH" && options.method !== "PUT")) return options;
  const url = String(options.url ?? "").split("?")[0] ?? "";
  let read: (() => Promise<number | undefined>) | undefined;
  const item = (list: string, id: string) => async () => {
    const r = await send({ method: "GET", url: list });
    return r.statusCode === 200 ? (r.json() as { items: { id: string; version: number }[] }).items.find((x) => x.id === id)?.version : undefined;
  };
  const user = /^\/api\/users\/([^/]+)$/.exec(url);
  const unit = /^\/api\/units\/([^/]+)$/.exec(url);
  const team = /^\/api\/plans\/([^/]+)\/team$/.exec(url);
  if (user && options.method === "PATCH") read = item("/api/users", decodeURIComponent(user[1]!));
  else if (unit && options.method === "PATCH") read = item("/api/units", decodeURIComponent(unit[1]!));
  else if (url === "/api/organization/settings" || team) {
    read = async () => {
      const r = await send({ method: "GET", url: team ? `/api/plans/${team[1]}/team` : "/api/organization" });
      return r.statusCode === 200 ? (r.json() as { version: number }).version : undefined;
    };
  }
  const version = read ? await read() : undefined;
  return version === undefined ? options : { ...options, headers: { ...headers, "if-match": `"${version}"` } };
}

/** A fresh organisation and a signed-in user in it (by default admin + penyusun: may do everything a plan's author does). */
export async function signedInClient(app: FastifyInstance, database: Database, roles: readonly Role[] = ["admin", "penyusun"]): Promise<TestClient & { organization: Organization }> {
  const organization = await createOrganization(database);
  const user = await createUser(database, organization.id, roles);
  return { ...(await signIn(app, user.email)), organization };
}

/** The If-Match header naming the current version of a user, unit, organisation (its settings) or plan team, read from the database. */
export async function ifMatch(database: Database, kind: "user" | "unit" | "organization" | "team", id: string): Promise<{ "if-match": string }> {
  const db = database.db;
  const row =
    kind === "user"
      ? await db.selectFrom("users").select("version").where("id", "=", id).executeTakeFirst()
      : kind === "unit"
        ? await db.selectFrom("units").select("version").where("id", "=", id).executeTakeFirst()
        : kind === "organization"
          ? await db.selectFrom("organizations").select("version").where("id", "=", id).executeTakeFirst()
          : await db.selectFrom("plans").select("team_version as version").where("id", "=", id).executeTakeFirst();
  return { "if-match": `"${row ? Number(row.version) : 1}"` };
}
