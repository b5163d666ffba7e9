// The organisation's people and settings, managed by its administrators: users (with roles,
// unit and password), units, and the settings the documents use. Every change is written with
// its audit entry in one transaction; ids of another organisation answer 404 like missing ones.
import { checkNip, nipInput } from "../../domain/decree/officials.js";
import type { FastifyPluginAsync } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Bilingual } from "../../domain/messages.js";
import { organizationSettingsSchema, readOrganizationSettings, type OrganizationSettings } from "../../domain/organization/settings.js";
import { recordAudit } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import { peopleRepo, ROLES, type Organization, type Unit, type User, type UserChange } from "../../store/people-repo.js";
import { writeTransaction } from "../../store/plans-repo.js";
import type { DatabaseSchema } from "../../store/schema.js";
import { requireAuth } from "../auth/context.js";
import { hashPassword, passwordProblem } from "../auth/passwords.js";
import { policies } from "../auth/policy.js";
import { presentUser } from "../auth/sessions.js";
import { apiError, type ApiErrorItem } from "../errors.js";
import { parseInput, requiredVersion } from "../plans/routes.js";

const id = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(200);
// Loose on purpose: the address is checked by the mail it receives, not by a pattern.
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "alamat surel tidak sah, mis. nama@dinas.go.id / not an e-mail address, e.g. name@agency.go.id");
/** A PNS NIP checked by its structure (18 digits, birth date, appointment, sex digit; spaces allowed), stored as digits; "" clears it. */
const nip = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === "" || checkNip(v).ok, { message: "nip.invalid" })
  .transform(nipInput);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
// Length is checked after parsing, with its own message (zod's would say "must not be empty").
const password = z.string().max(1000);

const newUserBody = z.strictObject({
  email,
  name,
  nip: nip.nullable().optional(),
  unitId: id.nullable().optional(),
  roles,
  password,
});

const userChangeBody = z.strictObject({
  name: name.optional(),
  nip: nip.nullable().optional(),
  unitId: id.nullable().optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

const unitCode = z.string().trim().max(50);
const newUnitBody = z.strictObject({ name, code: unitCode.nullable().optional(), parentId: id.nullable().optional() });
const unitChangeBody = z.strictObject({ name: name.optional(), code: unitCode.nullable().optional(), parentId: id.nullable().optional() });

const userParams = z.strictObject({ userId: id });
const unitParams = z.strictObject({ unitId: id });

const invalid = (path: string, code: string, message: Bilingual) => apiError("request.invalid", { errors: [{ path, code, message }] });

function checkPassword(value: string): void {
  const problem = passwordProblem(value);
  if (problem) throw invalid("password", problem.code, problem.message);
}

const duplicate = (path: string, value: string) =>
  apiError("conflict.duplicate", {
    errors: [{ path, code: "value.duplicate", message: { id: `"${value}" sudah dipakai`, en: `"${value}" is already in use` } }],
  });

/** A unique index refused the row (SQLite or PostgreSQL). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/** An empty NIP or unit code means "none". */
const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v === "" ? null : v);

const presentUnit = (u: Unit) => ({ id: u.id, name: u.name, code: u.code, parentId: u.parentId, version: u.version });

/** 409 for a stale If-Match: the record as it is now, so the app can show the other person's change. */
const recordConflict = (currentVersion: number, current: unknown) => apiError("record.conflict", { extra: { currentVersion, current } });

/** Top-level settings keys (and letterhead fields) whose value differs: what the audit entry names. */
function changedSettings(before: OrganizationSettings, after: OrganizationSettings): string[] {
  const changed: string[] = [];
  const fields = new Set([...Object.keys(before.letterhead), ...Object.keys(after.letterhead)]) as Set<keyof OrganizationSettings["letterhead"]>;
  for (const f of fields) if (before.letterhead[f] !== after.letterhead[f]) changed.push(`letterhead.${f}`);
  for (const k of ["decreeNumberTemplate", "unitCode", "amendmentDecree", "paper", "font"] as const) if (before[k] !== after[k]) changed.push(k);
  return changed;
}

export type PeopleRoutesOptions = { database: Database; now?: () => number };

/** /api/users, /api/units, /api/organization. */
export const peopleRoutes: FastifyPluginAsync<PeopleRoutesOptions> = async (app, { database, now = Date.now }) => {
  const people = peopleRepo(database.db);
  const at = () => new Date(now()).toISOString();
  const inTransaction = <T>(fn: (q: Kysely<DatabaseSchema>) => Promise<T>) => writeTransaction(database.db, fn);

  async function unitOfOrganization(organizationId: string, unitId: string, path: string): Promise<Unit> {
    const unit = (await people.listUnits(organizationId)).find((u) => u.id === unitId);
    if (!unit) throw invalid(path, "reference.missing", { id: `unit "${unitId}" tidak ada di organisasi ini`, en: `there is no unit "${unitId}" in this organisation` });
    return unit;
  }

  async function userOfOrganization(organizationId: string, userId: string): Promise<User> {
    const user = await people.getUser(userId);
    // Another organisation's user is indistinguishable from a missing one.
    if (!user || user.organizationId !== organizationId) throw apiError("not_found");
    return user;
  }

  app.get("/users", { config: { policy: policies.admin }, schema: { tags: ["people"], summary: "The organisation's users (admin)" } }, async (request) => {
    const auth = requireAuth(request.auth);
    return { items: (await people.listUsers(auth.organizationId)).map(presentUser) };
  });

  // An address taken anywhere gets the same answer, whichever organisation holds it (D10); the
  // attempts are rate-limited per administrator, so the answer cannot be used to sweep addresses.
  app.post(
    "/users",
    {
      config: { policy: policies.admin, rateLimit: { max: 60, timeWindow: 3_600_000, keyGenerator: (request) => `user-create|${request.auth?.user.id ?? request.ip}` } },
      schema: { tags: ["people"], summary: "Create a user in the organisation (admin; at most 60 attempts an hour per administrator)" },
    },
    async (request, reply) => {
    const auth = requireAuth(request.auth);
    const body = parseInput(newUserBody, request.body);
    checkPassword(body.password);
    if (await people.getUserByEmail(body.email)) throw duplicate("email", body.email);
    const unitId = blankToNull(body.unitId) ?? null;
    if (unitId !== null) await unitOfOrganization(auth.organizationId, unitId, "unitId");
    const passwordHash = await hashPassword(body.password);
    try {
      const user = await inTransaction(async (q) => {
        const created = await peopleRepo(q).createUser({ organizationId: auth.organizationId, email: body.email, name: body.name, nip: blankToNull(body.nip) ?? null, unitId, roles: body.roles, passwordHash });
        await recordAudit(q, {
          organizationId: auth.organizationId,
          userId: auth.user.id,
          action: "user.create",
          detail: { targetUserId: created.id, email: created.email, name: created.name, roles: created.roles, unitId: created.unitId },
          at: at(),
        });
        return created;
      });
      return reply.code(201).header("location", `/api/users/${user.id}`).send(presentUser(user));
    } catch (e) {
      // Two admins creating the same address at once: the unique index decides.
      if (isUniqueViolation(e)) throw duplicate("email", body.email);
      throw e;
    }
  },
  );

  app.patch(
    "/users/:userId",
    { config: { policy: policies.admin }, schema: { tags: ["people"], summary: "Change a user's name, NIP, unit, roles, password or disable them (admin; If-Match: the user's version); ends their sessions on disable or new password" } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const { userId } = parseInput(userParams, request.params);
      const target = await userOfOrganization(auth.organizationId, userId);
      const expected = requiredVersion(request);
      if (target.version !== expected) throw recordConflict(target.version, presentUser(target));
      const body = parseInput(userChangeBody, request.body);
      if (body.password !== undefined) checkPassword(body.password);
      // An organisation must never lock itself out: the admin making the change stays an enabled admin.
      const self = target.id === auth.user.id;
      const selfErrors: ApiErrorItem[] = [];
      if (self && body.roles !== undefined && !body.roles.includes("admin")) {
        selfErrors.push({ path: "roles", code: "user.self_lockout", message: { id: "Anda tidak dapat mencabut peran admin Anda sendiri; minta admin lain", en: "you cannot remove your own admin role; ask another administrator" } });
      }
      if (self && body.disabled === true) {
        selfErrors.push({ path: "disabled", code: "user.self_lockout", message: { id: "Anda tidak dapat menonaktifkan akun Anda sendiri", en: "you cannot disable your own account" } });
      }
      if (selfErrors.length > 0) throw apiError("request.invalid", { errors: selfErrors });
      const unitId = blankToNull(body.unitId);
      if (typeof unitId === "string") await unitOfOrganization(auth.organizationId, unitId, "unitId");

      const change: UserChange = {};
      if (body.name !== undefined) change.name = body.name;
      if (body.nip !== undefined) change.nip = blankToNull(body.nip) ?? null;
      if (unitId !== undefined) change.unitId = unitId;
      if (body.roles !== undefined) change.roles = body.roles;
      if (body.disabled !== undefined) change.disabled = body.disabled;
      if (body.password !== undefined) change.passwordHash = await hashPassword(body.password);
      if (Object.keys(change).length === 0) return reply.header("etag", `"${target.version}"`).send(presentUser(target));

      const endSessions = body.disabled === true || body.password !== undefined;
      const updatedUser = await inTransaction(async (q) => {
        const repo = peopleRepo(q);
        const updated = await repo.updateUser(auth.organizationId, target.id, change, expected);
        if (!updated) {
          // Someone else's change got in between the check above and this transaction.
          const current = await repo.getUser(target.id);
          throw current && current.organizationId === auth.organizationId ? recordConflict(current.version, presentUser(current)) : apiError("not_found");
        }
        // A new password or a disabled account must not leave a stolen session alive; an admin
        // changing their own password keeps only the session they are using.
        const sessionsEnded = !endSessions ? 0 : self ? await repo.deleteOtherSessionsOfUser(target.id, auth.session.id) : await repo.deleteSessionsOfUser(target.id);
        const { passwordHash: _hash, ...shown } = change;
        await recordAudit(q, {
          organizationId: auth.organizationId,
          userId: auth.user.id,
          action: "user.update",
          detail: { targetUserId: target.id, changed: Object.keys(shown).concat(body.password !== undefined ? ["password"] : []), ...shown, sessionsEnded },
          at: at(),
        });
        return updated;
      });
      // Roles or the account changed: the user's live streams are re-checked (and closed if they may no longer read).
      app.realtime.accessChanged({ userId: target.id });
      return reply.header("etag", `"${updatedUser.version}"`).send(presentUser(updatedUser));
    },
  );

  app.get("/units", { config: { policy: policies.signedIn }, schema: { tags: ["people"], summary: "The organisation's units" } }, async (request) => {
    const auth = requireAuth(request.auth);
    return { items: (await people.listUnits(auth.organizationId)).map(presentUnit) };
  });

  async function checkUnitCode(organizationId: string, code: string | null | undefined, except?: string): Promise<void> {
    if (!code) return;
    const taken = (await people.listUnits(organizationId)).some((u) => u.id !== except && u.code !== null && u.code.toLowerCase() === code.toLowerCase());
    if (taken) throw duplicate("code", code);
  }

  app.post("/units", { config: { policy: policies.admin }, schema: { tags: ["people"], summary: "Create a unit (admin)" } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    const body = parseInput(newUnitBody, request.body);
    const code = blankToNull(body.code) ?? null;
    const parentId = blankToNull(body.parentId) ?? null;
    await checkUnitCode(auth.organizationId, code);
    if (parentId !== null) await unitOfOrganization(auth.organizationId, parentId, "parentId");
    const unit = await inTransaction(async (q) => {
      const created = await peopleRepo(q).createUnit(auth.organizationId, { name: body.name, code, parentId });
      await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "unit.create", detail: { unitId: created.id, name: created.name, code, parentId }, at: at() });
      return created;
    }).catch((e: unknown) => {
      // Two admins adding the same code at once: the unique index refuses the second.
      throw isUniqueViolation(e) && code ? duplicate("code", code) : e;
    });
    return reply.code(201).send(presentUnit(unit));
  });

  app.patch("/units/:unitId", { config: { policy: policies.admin }, schema: { tags: ["people"], summary: "Rename a unit, change its code or parent (admin; If-Match: the unit's version)" } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    const { unitId } = parseInput(unitParams, request.params);
    const units = await people.listUnits(auth.organizationId);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw apiError("not_found");
    const expected = requiredVersion(request);
    if (unit.version !== expected) throw recordConflict(unit.version, presentUnit(unit));
    const body = parseInput(unitChangeBody, request.body);
    const code = blankToNull(body.code);
    const parentId = blankToNull(body.parentId);
    await checkUnitCode(auth.organizationId, code, unitId);
    if (typeof parentId === "string") {
      await unitOfOrganization(auth.organizationId, parentId, "parentId");
      // Walk up from the new parent: meeting this unit means the tree would become a loop.
      const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
      for (let cursor: string | null | undefined = parentId, steps = 0; cursor && steps <= units.length; cursor = parentOf.get(cursor), steps++) {
        if (cursor === unitId) throw invalid("parentId", "unit.cycle", { id: "unit tidak dapat menjadi bawahan dirinya sendiri", en: "a unit cannot be placed under itself" });
      }
    }
    const change = { ...(body.name !== undefined ? { name: body.name } : {}), ...(code !== undefined ? { code } : {}), ...(parentId !== undefined ? { parentId } : {}) };
    if (Object.keys(change).length === 0) return reply.header("etag", `"${unit.version}"`).send(presentUnit(unit));
    const updated = await inTransaction(async (q) => {
      const repo = peopleRepo(q);
      const u = await repo.updateUnit(auth.organizationId, unitId, change, expected);
      if (!u) {
        const current = await repo.getUnit(auth.organizationId, unitId);
        throw current ? recordConflict(current.version, presentUnit(current)) : apiError("not_found");
      }
      await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "unit.update", detail: { unitId, ...change }, at: at() });
      return u;
    }).catch((e: unknown) => {
      throw isUniqueViolation(e) && code ? duplicate("code", code) : e;
    });
    return reply.header("etag", `"${updated.version}"`).send(presentUnit(updated));
  });

  const presentOrganization = (org: Organization) => ({ id: org.id, name: org.name, settings: readOrganizationSettings(org.settings), version: org.version });

  app.get("/organization", { config: { policy: policies.signedIn }, schema: { tags: ["people"], summary: "The caller's organisation with its document settings and their version" } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    const org = await people.getOrganization(auth.organizationId);
    if (!org) throw apiError("not_found");
    return reply.header("etag", `"${org.version}"`).send(presentOrganization(org));
  });

  app.put(
    "/organization/settings",
    { config: { policy: policies.admin }, schema: { tags: ["people"], summary: "Replace the organisation's letterhead, decree number template, paper and font (admin; If-Match: the settings' version); answers the organisation as GET does" } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const expected = requiredVersion(request);
      const settings = parseInput(organizationSettingsSchema, request.body);
      const org = await inTransaction(async (q) => {
        const repo = peopleRepo(q);
        const current = await repo.getOrganization(auth.organizationId);
        if (!current) throw apiError("not_found");
        if (current.version !== expected) throw recordConflict(current.version, presentOrganization(current));
        const before = readOrganizationSettings(current.settings);
        const changed = changedSettings(before, settings);
        // A write that changes nothing stores nothing (and keeps the version).
        if (changed.length === 0 && JSON.stringify(before) === JSON.stringify(settings)) return current;
        if (!(await repo.updateOrganizationSettings(auth.organizationId, settings, expected))) {
          const now = await repo.getOrganization(auth.organizationId);
          throw recordConflict(now?.version ?? expected, now ? presentOrganization(now) : null);
        }
        await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "settings.update", detail: { changed }, at: at() });
        return { ...current, settings, version: current.version + 1 };
      });
      return reply.header("etag", `"${org.version}"`).send(presentOrganization(org));
    },
  );
};
