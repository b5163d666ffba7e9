// Guards the database schema against destructive change: migrations are append-only (a
// shipped migration is never edited or removed) and every table and column recorded in
// schema-snapshot.json still exists with the same type and nullability on both dialects.
// After adding a migration, record it with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/store/schema-guard
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testDatabases } from "../test-support/databases.js";
import { openMigrated } from "../test-support/open-store.js";
import { MIGRATION_NAME, migrations } from "./migrations/index.js";
import type { Database } from "./database.js";

const SNAPSHOT_FILE = fileURLToPath(new URL("./schema-snapshot.json", import.meta.url));
const updating = process.env.UPDATE_SCHEMA_SNAPSHOT === "1";

const columnSchema = z.strictObject({ type: z.string(), nullable: z.boolean() });
const tablesSchema = z.record(z.string(), z.record(z.string(), columnSchema));
const snapshotSchema = z.strictObject({
  migrations: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
  sqlite: tablesSchema,
  postgres: tablesSchema,
});
type Snapshot = z.infer<typeof snapshotSchema>;
type Tables = z.infer<typeof tablesSchema>;

function migrationFileHash(name: string): string {
  const text = readFileSync(fileURLToPath(new URL(`./migrations/${name}.ts`, import.meta.url)), "utf8");
  return createHash("sha256").update(text).digest("hex");
}

function readSnapshot(): Snapshot {
  if (!existsSync(SNAPSHOT_FILE)) return { migrations: [], sqlite: {}, postgres: {} };
  return snapshotSchema.parse(JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")));
}

async function introspect(database: Database): Promise<Tables> {
  const tables = await database.db.introspection.getTables();
  const out: Tables = {};
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    out[t.name] = Object.fromEntries(
      [...t.columns].sort((a, b) => a.name.localeCompare(b.name)).map((c) => [c.name, { type: c.dataType.toLowerCase(), nullable: c.isNullable }]),
    );
  }
  return out;
}

/** What the snapshot has that the live schema lost or changed: each one a destructive change. */
export function destructiveChanges(recorded: Tables, live: Tables): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(recorded)) {
    const liveColumns = live[table];
    if (!liveColumns) {
      problems.push(`table ${table} was dropped or renamed`);
      continue;
    }
    for (const [column, def] of Object.entries(columns)) {
      const now = liveColumns[column];
      if (!now) problems.push(`column ${table}.${column} was dropped or renamed`);
      else if (now.type !== def.type) problems.push(`column ${table}.${column} changed type ${def.type} → ${now.type}`);
      else if (now.nullable && !def.nullable) problems.push(`column ${table}.${column} became nullable`);
      else if (!now.nullable && def.nullable) problems.push(`column ${table}.${column} became NOT NULL (breaks old writers)`);
    }
  }
  return problems;
}

function additions(recorded: Tables, live: Tables): string[] {
  const out: string[] = [];
  for (const [table, columns] of Object.entries(live)) {
    for (const column of Object.keys(columns)) if (!recorded[table]?.[column]) out.push(`${table}.${column}`);
  }
  return out;
}

const snapshot = readSnapshot();
const next: Snapshot = structuredClone(snapshot);

describe("migrations", () => {
  it("are timestamp-named, in order, and unique", () => {
    const names = migrations.map((m) => m.name);
    for (const n of names) expect(n, n).toMatch(MIGRATION_NAME);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it("are append-only: every recorded migration is still there, unedited, in its place", () => {
    const current = migrations.map((m) => ({ name: m.name, sha256: migrationFileHash(m.name) }));
    snapshot.migrations.forEach((recorded, i) => {
      expect(current[i]?.name, `migration #${i} was removed or reordered`).toBe(recorded.name);
      expect(current[i]?.sha256, `migration ${recorded.name} was edited after it shipped: add a new migration instead`).toBe(recorded.sha256);
    });
    if (updating) next.migrations = current;
    else expect(current.length, "a new migration is not yet recorded: run with UPDATE_SCHEMA_SNAPSHOT=1").toBe(snapshot.migrations.length);
  });

  it("detects a destructive change (the guard itself can fail)", () => {
    const recorded: Tables = { t: { a: { type: "text", nullable: false }, b: { type: "integer", nullable: false } } };
    expect(destructiveChanges(recorded, { t: { a: { type: "text", nullable: false }, b: { type: "integer", nullable: false }, c: { type: "text", nullable: true } } })).toEqual([]);
    expect(destructiveChanges(recorded, { t: { a: { type: "text", nullable: false } } })).toEqual(["column t.b was dropped or renamed"]);
    expect(destructiveChanges(recorded, { t: { a: { type: "integer", nullable: false }, b: { type: "integer", nullable: false } } })).toHaveLength(1);
    expect(destructiveChanges(recorded, {})).toEqual(["table t was dropped or renamed"]);
  });
});

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`schema on ${target.dialect}`, () => {
    let database: Database | undefined;
    afterAll(async () => {
      await database?.close();
      if (updating) writeFileSync(SNAPSHOT_FILE, JSON.stringify(next, null, 2) + "\n");
    });

    it("keeps every recorded table and column (no destructive change)", async () => {
      database = (await openMigrated(target)).database;
      const live = await introspect(database);
      const recorded = snapshot[target.dialect];
      expect(destructiveChanges(recorded, live)).toEqual([]);
      if (updating) next[target.dialect] = live;
      else expect(additions(recorded, live), "new columns are not yet recorded: run with UPDATE_SCHEMA_SNAPSHOT=1").toEqual([]);
    });

    it("migrating twice is a no-op", async () => {
      expect(await database?.migrate()).toEqual([]);
    });
  });
}
