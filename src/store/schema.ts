// Row types of the tables, as Kysely sees them. Only the portable column subset is used
// (text ids, ISO text timestamps, integers), so one code path serves SQLite and PostgreSQL.
import type { Generated } from "kysely";

export type PlansTable = {
  id: string;
  title: string;
  /** The title lower-cased in JS, so a case-insensitive search behaves the same on both databases (SQLite's lower() is ASCII-only). */
  title_search: string;
  fiscal_year: number;
  organization_name: string;
  unit: string;
  /** Workflow status: draft, submitted, approved, returned, archived. */
  status: string;
  version: number;
  /** The plan document (format v1) as JSON text. */
  document: string;
  created_at: string;
  updated_at: string;
  organization_id: string | null;
  created_by: string | null;
  /** Incremented at every submission: the events of one review round share it. */
  review_cycle: Generated<number>;
  /** While submitted: 1…n for the n reviewers in order, n + 1 for the signatory. */
  review_step: number | null;
  /** The version frozen at the last approval. */
  baseline_version: number | null;
  /** How many times the plan was reopened after approval (revisi ke-). */
  amendment: Generated<number>;
  /** The team's version: incremented by every change of plan_members (If-Match on PUT …/team). */
  team_version: Generated<number>;
};

export type PlanRevisionsTable = {
  plan_id: string;
  version: number;
  title: string;
  /** "patch": `document` is the JSON Patch from the version before; "snapshot": the deflated document is in `snapshot`; "full": `document` is the whole document (rows from before revisions were patches). */
  kind: Generated<string>;
  /** By `kind`: the patch's JSON, "" for a snapshot, or the whole document. */
  document: string;
  snapshot: Uint8Array | null;
  created_at: string;
  author_id: string | null;
};

export type OrganizationsTable = { id: string; name: string; settings: string; created_at: string; /** Of the settings: incremented by every change (If-Match). */ version: Generated<number> };

export type UnitsTable = { id: string; organization_id: string; name: string; code: string | null; parent_id: string | null; created_at: string; version: Generated<number> };

export type UsersTable = {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  nip: string | null;
  unit_id: string | null;
  roles: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  /** Incremented by every change (If-Match). */
  version: Generated<number>;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

/** Superseded by signin_attempts (kept for the schema guard; nothing writes it). */
export type SigninFailuresTable = { email: string; at: string; ip: string | null };

/** One row per sign-in attempt, written before the password is checked. */
export type SigninAttemptsTable = { id: Generated<number>; email: string; ip: string; at: string; outcome: "pending" | "failed" | "ok" };

/** A shared rate-limit counter: requests in the window that ends at `reset_at` (ms since the epoch). */
export type RateLimitCountersTable = { key: string; count: number; reset_at: number | string };

export type PlanMembersTable = { plan_id: string; user_id: string; role: string; position: number };

export type WorkflowEventsTable = {
  id: Generated<number>;
  plan_id: string;
  cycle: number;
  step: number | null;
  user_id: string;
  action: string;
  version: number;
  comment: string | null;
  at: string;
};

export type CommentsTable = {
  id: string;
  plan_id: string;
  author_id: string;
  stage: string | null;
  item_ref: string | null;
  body: string;
  version: number;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
};

export type AuditLogTable = {
  id: Generated<number>;
  organization_id: string | null;
  plan_id: string | null;
  user_id: string | null;
  action: string;
  version: number | null;
  detail: string;
  at: string;
};

/** The decree number counter ("urut") runs per organisation, per signing office and per calendar year (tahun takwim). */
export type DecreeCountersTable = { organization_id: string; signatory: string; year: number; last_number: number };

/** The register's counter: per organisation, series (classification code or "") and calendar year. */
export type DecreeRegisterCountersTable = { organization_id: string; series: string; year: number; last_number: number };

/** The buku agenda keputusan: every number issued (with its decree) or voided (nomor batal), never reused. */
export type DecreeRegisterTable = {
  id: Generated<number>;
  organization_id: string;
  series: string;
  year: number;
  counter: number;
  number: string;
  plan_id: string | null;
  plan_version: number | null;
  title: string;
  signatory: string;
  issued_on: string;
  /** "issued" | "void" */
  status: string;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  created_by: string | null;
  created_at: string;
};

/** An approved decree's verification (issue 10): the public page shows these columns, never the plan. */
export type DecreeVerificationsTable = {
  /** ≥ 100 bits from crypto.randomBytes, base32: unguessable. */
  code: string;
  organization_id: string;
  plan_id: string;
  plan_version: number;
  /** "sk" */
  kind: string;
  number: string;
  issued_on: string;
  title: string;
  signatory: string;
  /** SHA-256 (hex) of the approved file; null until the archive copy is written. */
  sha256: string | null;
  /** The approved PDF (archive copy), base64. */
  file: string | null;
  /** 1 when the archive copy carries the organisation's PAdES signature. */
  signed: Generated<number>;
  created_at: string;
  archived_at: string | null;
};

/** The organisation's PKCS#12 signing certificate, sealed (AES-256-GCM); only subject/issuer/validity are ever shown. */
export type OrganizationSigningCertificatesTable = {
  organization_id: string;
  sealed_p12: string;
  sealed_passphrase: string;
  subject: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  uploaded_by: string | null;
  uploaded_at: string;
};

/** A year of the organisation's working calendar: decreed (its SKB entered) or still an estimate. */
export type OrganizationHolidayYearsTable = { organization_id: string; year: number; decreed: number; source: string; updated_by: string | null; updated_at: string };

/** One day off in the organisation's calendar: libur-nasional, cuti-bersama or libur-daerah. */
export type OrganizationHolidaysTable = { id: Generated<number>; organization_id: string; year: number; date: string; name: string; type: string; source: string };
/** A published service page: the public part of an adopted standard, as published (never the plan). */
export type ServicePagesTable = { slug: string; organization_id: string; plan_id: string; content: string; plan_version: number; published_by: string | null; published_at: string };

/** A complaint, suggestion or input filed on a public page; `code` is the citizen's tracking code. */
export type ServiceComplaintsTable = {
  id: string;
  organization_id: string;
  plan_id: string;
  code: string;
  /** "pengaduan" | "saran" | "masukan" */
  kind: string;
  body: string;
  name: string | null;
  contact: string | null;
  /** "diterima" | "diproses" | "dijawab" */
  status: string;
  answer: string | null;
  received_at: string;
  /** The day (Jakarta) by which it must be answered: the standard's working days from receipt. */
  due_on: string;
  updated_at: string;
  answered_at: string | null;
  answered_by: string | null;
};

/** One SKM questionnaire: nine answers 1..4 as "a,b,…" in the order of UNSUR, the optional profile and a suggestion. */
export type SkmResponsesTable = {
  id: string;
  organization_id: string;
  plan_id: string;
  submitted_at: string;
  /** The day in Jakarta, for periods. */
  submitted_on: string;
  answers: string;
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
};

/** Secrets every server shares (the key that signs the public forms), made once per database. */
export type ServerSecretsTable = { name: string; value: string; created_at: string };

export type DatabaseSchema = {
  plans: PlansTable;
  plan_revisions: PlanRevisionsTable;
  organizations: OrganizationsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  signin_failures: SigninFailuresTable;
  signin_attempts: SigninAttemptsTable;
  rate_limit_counters: RateLimitCountersTable;
  plan_members: PlanMembersTable;
  workflow_events: WorkflowEventsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  decree_counters: DecreeCountersTable;
  decree_register_counters: DecreeRegisterCountersTable;
  decree_register: DecreeRegisterTable;
  decree_verifications: DecreeVerificationsTable;
  organization_signing_certificates: OrganizationSigningCertificatesTable;
  organization_holiday_years: OrganizationHolidayYearsTable;
  organization_holidays: OrganizationHolidaysTable;
  service_pages: ServicePagesTable;
  service_complaints: ServiceComplaintsTable;
  skm_responses: SkmResponsesTable;
  server_secrets: ServerSecretsTable;
};
