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
  return {
    user: body.user,
    csrfToken: body.csrfToken,
    cookie,
    inject: (options) => app.inject({ ...options, headers: { cookie, "x-csrf-token": body.csrfToken, ...(options.headers ?? {}) } }),
  };
}

/** A fresh organisation and a signed-in user in it (by default admin + penyusun: may do everything a plan's author does). */
export async function signedInClient(app: FastifyInstance, database: Database, roles: readonly Role[] = ["admin", "penyusun"]): Promise<TestClient & { organization: Organization }> {
  const organization = await createOrganization(database);
  const user = await createUser(database, organization.id, roles);
  return { ...(await signIn(app, user.email)), organization };
}
