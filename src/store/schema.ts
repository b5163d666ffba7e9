// Row types of the tables, as Kysely sees them. Only the portable column subset is used
// (text ids, ISO text timestamps, integers), so one code path serves SQLite and PostgreSQL.
export type PlansTable = {
  id: string;
  title: string;
  /** The title lower-cased in JS, so a case-insensitive search behaves the same on both databases (SQLite's lower() is ASCII-only). */
  title_search: string;
  fiscal_year: number;
  organization_name: string;
  unit: string;
  status: string;
  version: number;
  /** The plan document (format v1) as JSON text. */
  document: string;
  created_at: string;
  updated_at: string;
};

export type PlanRevisionsTable = {
  plan_id: string;
  version: number;
  title: string;
  document: string;
  created_at: string;
};

export type DatabaseSchema = {
  plans: PlansTable;
  plan_revisions: PlanRevisionsTable;
};
