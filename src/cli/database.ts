// How a command reaches the database: --db, else DATABASE_URL, else ./data/rencana.db.
import { openDatabase, resolveDatabaseUrl, type Database, type OpenOptions } from "../store/database.js";
import type { CliIo } from "./io.js";

export async function withDatabase<T>(
  dbOption: string | undefined,
  io: CliIo,
  fn: (database: Database) => Promise<T>,
  options: OpenOptions & { migrate?: boolean } = {},
): Promise<T> {
  const database = openDatabase(resolveDatabaseUrl(dbOption, io.env), options);
  try {
    if (options.migrate) await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}
