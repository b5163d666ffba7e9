// Opens a fresh, migrated database for one test file (SQLite file or PostgreSQL database).
import { openDatabase, type Database } from "../store/database.js";
import type { TestDatabase } from "./databases.js";

export async function openMigrated(target: TestDatabase): Promise<{ database: Database; url: string }> {
  const url = await target.url();
  const database = openDatabase(url);
  await database.migrate();
  return { database, url };
}
