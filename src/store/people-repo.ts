// Organisations, units, users and sessions: the only place that reads and
// writes those rows. Passwords arrive here already hashed; nothing here returns a hash
// except `credentialsByEmail`, which only the sign-in route uses.
import type { Kysely, Selectable, Updateable } from "kysely";
import { newPlanId } from "./plans-repo.js";
import type { DatabaseSchema, OrganizationsTable, UnitsTable, UsersTable } from "./schema.js";

export const ROLES = ["admin", "penyusun", "pemeriksa", "penandatangan", "pembaca"] as const;
export type Role = (typeof ROLES)[number];

export type Organization = { id: string; name: string; settings: unknown; createdAt: string; /** Of the settings (If-Match). */ version: number };
export type Unit = { id: string; organizationId: string; name: string; code: string | null; parentId: string | null; version: number };
export type User = {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  nip: string | null;
  unitId: string | null;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type Session = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

export const newId = newPlanId;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function parseRoles(text: string): Role[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? ROLES.filter((r) => value.includes(r)) : [];
  } catch {
    return [];
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    nip: row.nip,
    unitId: row.unit_id,
    roles: parseRoles(row.roles),
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

const USER_COLUMNS = ["id", "organization_id", "email", "name", "nip", "unit_id", "roles", "disabled", "created_at", "updated_at", "version"] as const;

export type NewUser = {
  organizationId: string;
  email: string;
  name: string;
  nip?: string | null;
  unitId?: string | null;
  roles: readonly Role[];
  passwordHash: string;
};

export type UserChange = Partial<{ name: string; nip: string | null; unitId: string | null; roles: readonly Role[]; disabled: boolean; passwordHash: string }>;

export type PeopleRepo = ReturnType<typeof peopleRepo>;

function toOrganization(r: Selectable<OrganizationsTable>): Organization {
  return { id: r.id, name: r.name, settings: parseJson(r.settings), createdAt: r.created_at, version: Number(r.version) };
}

function toUnit(r: Selectable<UnitsTable>): Unit {
  return { id: r.id, organizationId: r.organization_id, name: r.name, code: r.code, parentId: r.parent_id, version: Number(r.version) };
}

export function peopleRepo(db: Kysely<DatabaseSchema>) {
  const now = () => new Date().toISOString();
  return {
    async createOrganization(name: string, settings: unknown = {}): Promise<Organization> {
      const org = { id: newId(), name, settings, createdAt: now(), version: 1 };
      await db.insertInto("organizations").values({ id: org.id, name, settings: JSON.stringify(settings), created_at: org.createdAt }).execute();
      return org;
    },
    async getOrganization(id: string): Promise<Organization | undefined> {
      const r = await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    async listOrganizations(): Promise<Organization[]> {
      const rows = await db.selectFrom("organizations").selectAll().orderBy("created_at").orderBy("id").execute();
      return rows.map(toOrganization);
    },
    async findOrganizationByName(name: string): Promise<Organization | undefined> {
      const r = await db.selectFrom("organizations").selectAll().where("name", "=", name).orderBy("created_at").executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    /** Replaces the settings and increments their version; with `expectedVersion`, only if it is still that one (false: it was not). */
    async updateOrganizationSettings(id: string, settings: unknown, expectedVersion?: number): Promise<boolean> {
      let q = db.updateTable("organizations").set((eb) => ({ settings: JSON.stringify(settings), version: eb("version", "+", 1) })).where("id", "=", id);
      if (expectedVersion !== undefined) q = q.where("version", "=", expectedVersion);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async listUnits(organizationId: string): Promise<Unit[]> {
      const rows = await db.selectFrom("units").selectAll().where("organization_id", "=", organizationId).orderBy("name").execute();
      return rows.map(toUnit);
    },
    async createUnit(organizationId: string, unit: { name: string; code?: string | null; parentId?: string | null }): Promise<Unit> {
      const id = newId();
      await db
        .insertInto("units")
        .values({ id, organization_id: organizationId, name: unit.name, code: unit.code ?? null, parent_id: unit.parentId ?? null, created_at: now() })
        .execute();
      return { id, organizationId, name: unit.name, code: unit.code ?? null, parentId: unit.parentId ?? null, version: 1 };
    },
    /** Changes the unit and increments its version; with `expectedVersion`, only if it is still that one (else undefined, like a missing unit). */
    async updateUnit(organizationId: string, id: string, change: { name?: string; code?: string | null; parentId?: string | null }, expectedVersion?: number): Promise<Unit | undefined> {
      const set: { name?: string; code?: string | null; parent_id?: string | null } = {};
      if (change.name !== undefined) set.name = change.name;
      if (change.code !== undefined) set.code = change.code;
      if (change.parentId !== undefined) set.parent_id = change.parentId;
      let q = db.updateTable("units").set((eb) => ({ ...set, version: eb("version", "+", 1) })).where("id", "=", id).where("organization_id", "=", organizationId);
      if (expectedVersion !== undefined) q = q.where("version", "=", expectedVersion);
      if (Number((await q.executeTakeFirst()).numUpdatedRows) !== 1) return undefined;
      return this.getUnit(organizationId, id);
    },
    async getUnit(organizationId: string, id: string): Promise<Unit | undefined> {
      const r = await db.selectFrom("units").selectAll().where("id", "=", id).where("organization_id", "=", organizationId).executeTakeFirst();
      return r ? toUnit(r) : undefined;
    },

    async createUser(user: NewUser): Promise<User> {
      const at = now();
      const id = newId();
      await db
        .insertInto("users")
        .values({
          id,
          organization_id: user.organizationId,
          email: normalizeEmail(user.email),
          name: user.name,
          nip: user.nip ?? null,
          unit_id: user.unitId ?? null,
          roles: JSON.stringify([...new Set(user.roles)]),
          password_hash: user.passwordHash,
          disabled: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const created = await this.getUser(id);
      if (!created) throw new Error("user vanished after insert");
      return created;
    },
    async getUser(id: string): Promise<User | undefined> {
      const r = await db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
      return r ? toUser({ ...r, password_hash: "" }) : undefined;
    },
    async getUserByEmail(email: string): Promise<User | undefined> {
      const r = await db.selectFrom("users").select(USER_COLUMNS).where("email", "=", normalizeEmail(email)).executeTakeFirst();
      return r ? toUser({ ...r, password_hash: "" }) : undefined;
    },
    /** The user and the password hash, for the sign-in check only. */
    async credentialsByEmail(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const r = await db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
      return r ? { user: toUser(r), passwordHash: r.password_hash } : undefined;
    },
    async listUsers(organizationId: string): Promise<User[]> {
      const rows = await db.selectFrom("users").select(USER_COLUMNS).where("organization_id", "=", organizationId).orderBy("name").orderBy("id").execute();
      return rows.map((r) => toUser({ ...r, password_hash: "" }));
    },
    async usersByIds(ids: readonly string[]): Promise<User[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("users").select(USER_COLUMNS).where("id", "in", [...new Set(ids)]).execute();
      return rows.map((r) => toUser({ ...r, password_hash: "" }));
    },
    async countUsers(): Promise<number> {
      const r = await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Changes the user and increments their version; with `expectedVersion`, only if it is still that one (else undefined, like a missing user). */
    async updateUser(organizationId: string, id: string, change: UserChange, expectedVersion?: number): Promise<User | undefined> {
      const set: Updateable<UsersTable> = { updated_at: now() };
      if (change.name !== undefined) set.name = change.name;
      if (change.nip !== undefined) set.nip = change.nip;
      if (change.unitId !== undefined) set.unit_id = change.unitId;
      if (change.roles !== undefined) set.roles = JSON.stringify([...new Set(change.roles)]);
      if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
      if (change.passwordHash !== undefined) set.password_hash = change.passwordHash;
      let q = db.updateTable("users").set((eb) => ({ ...set, version: eb("version", "+", 1) })).where("id", "=", id).where("organization_id", "=", organizationId);
      if (expectedVersion !== undefined) q = q.where("version", "=", expectedVersion);
      if (Number((await q.executeTakeFirst()).numUpdatedRows) !== 1) return undefined;
      const user = await this.getUser(id);
      return user && user.organizationId === organizationId ? user : undefined;
    },

    async createSession(s: Session & { ip?: string | null; userAgent?: string | null }): Promise<void> {
      await db
        .insertInto("sessions")
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          ip: s.ip ?? null,
          user_agent: s.userAgent ?? null,
        })
        .execute();
    },
    async getSession(id: string): Promise<Session | undefined> {
      const r = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? { id: r.id, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at } : undefined;
    },
    /** The session and its user in one query (every request with a session cookie asks this). */
    async getSessionWithUser(id: string): Promise<{ session: Session; user: User | undefined } | undefined> {
      const r = await db
        .selectFrom("sessions as s")
        .leftJoin("users as u", "u.id", "s.user_id")
        .select(["s.id as s_id", "s.user_id as s_user_id", "s.csrf_token", "s.created_at as s_created_at", "s.last_seen_at", "s.expires_at"])
        .select(["u.id", "u.organization_id", "u.email", "u.name", "u.nip", "u.unit_id", "u.roles", "u.disabled", "u.created_at", "u.updated_at", "u.version"])
        .where("s.id", "=", id)
        .executeTakeFirst();
      if (!r) return undefined;
      const session = { id: r.s_id, userId: r.s_user_id, csrfToken: r.csrf_token, createdAt: r.s_created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
      if (r.id === null) return { session, user: undefined };
      const user = toUser({
        id: r.id,
        organization_id: r.organization_id!,
        email: r.email!,
        name: r.name!,
        nip: r.nip,
        unit_id: r.unit_id,
        roles: r.roles!,
        disabled: r.disabled!,
        created_at: r.created_at!,
        updated_at: r.updated_at!,
        version: r.version!,
        password_hash: "",
      });
      return { session, user };
    },
    async touchSession(id: string, at: string): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
    },
    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },
    async deleteSessionsOfUser(userId: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Every session of the user but `keepId` (an admin changing their own password stays signed in here). */
    async deleteOtherSessionsOfUser(userId: string, keepId: string): Promise<number> {
      const r = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", keepId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** The user's sessions with where they were opened, newest activity first. */
    async listSessionsOfUser(userId: string): Promise<(Session & { ip: string | null; userAgent: string | null })[]> {
      const rows = await db.selectFrom("sessions").selectAll().where("user_id", "=", userId).orderBy("last_seen_at", "desc").orderBy("id").execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, ip: r.ip, userAgent: r.user_agent }));
    },
    async countSessionsOfUser(userId: string): Promise<number> {
      const r = await db.selectFrom("sessions").select((eb) => eb.fn.countAll().as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
