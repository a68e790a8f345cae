import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

/** Column types as the store sees them. jsonb columns carry JSON values. */
type Json = unknown;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type ConversationState = 'bot' | 'queued' | 'with_agent' | 'closed';
/** A handoff waits (`pending`), is held by an agent (`assigned`), or is over (`resolved`, whatever its outcome). */
export type HandoffStatus = 'pending' | 'assigned' | 'resolved';

export interface TenantsTable {
  id: string;
  name: string;
  settings: ColumnType<Json, string | undefined, string>;
  created_at: CreatedAt;
}

export interface ContactsTable {
  id: string;
  tenant_id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  /** Blind indexes of phone and e-mail (store/crypto.ts, migration 011): lookups without the value in clear. */
  phone_index: ColumnType<string | null, string | null | undefined, string | null>;
  email_index: ColumnType<string | null, string | null | undefined, string | null>;
  flags: ColumnType<Json, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContactIdentitiesTable {
  tenant_id: string;
  channel: string;
  /** For a phone channel with encryption on, the blind index of the id (store/conversations.ts identityColumns). */
  channel_user_id: string;
  /** The id sealed (migration 011), when channel_user_id holds its blind index. */
  channel_user_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  contact_id: string;
  created_at: CreatedAt;
}

/** A phone number or e-mail a resident typed: unverified until a one-time code links it (migration 009). */
export interface ContactClaimsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  kind: 'phone' | 'email';
  /** E.164 for a phone, lower case for an e-mail (sealed at rest, store/crypto.ts). */
  value: string;
  /** Its blind index (migration 011). */
  value_index: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  verified_at: Date | null;
  code_requested_at: Date | null;
  code_sent_at: Date | null;
  code_expires_at: Date | null;
  code_salt: string | null;
  code_hash: string | null;
  code_attempts: ColumnType<number, number | undefined, number>;
  code_used_at: Date | null;
}

export interface ConversationsTable {
  id: string;
  tenant_id: string;
  contact_id: string | null;
  channel: string;
  /** As contact_identities.channel_user_id: a phone channel's id is a blind index, sealed beside it. */
  channel_user_id: string;
  channel_user_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  state: ColumnType<ConversationState, ConversationState | undefined, ConversationState>;
  token_hash: string | null;
  dialogue: ColumnType<Json, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_message_at: Date | null;
  closed_at: Date | null;
}

export interface MessagesTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string;
  channel: string;
  direction: 'in' | 'out';
  author: 'resident' | 'bot' | 'agent' | 'system';
  provider_message_id: string | null;
  text: string;
  parts: ColumnType<Json | null, string | null | undefined, string | null>;
  recognition: ColumnType<Json | null, string | null | undefined, string | null>;
  status: ColumnType<string, string | undefined, string>;
  reply_to: string | null;
  processed_at: Date | null;
  created_at: CreatedAt;
}

export interface CasesTable {
  id: string;
  tenant_id: string;
  reference: string;
  service_id: string;
  status: string;
  summary: string;
  details: ColumnType<Json, string, string>;
  location: ColumnType<Json | null, string | null, string | null>;
  uprn: string | null;
  usrn: string | null;
  lat: number | null;
  lng: number | null;
  team: string | null;
  target_date: ColumnType<string | null, string | null, string | null>;
  contact_id: string | null;
  conversation_id: string | null;
  /** How many events the case has had (migration 015: its log's per-case order, store/case-events.ts). */
  event_seq: ColumnType<number, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CaseStatusHistoryTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  status: string;
  note: string | null;
  actor: string;
  created_at: CreatedAt;
}

export interface AgentsTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  roles: ColumnType<Json, string | undefined, string>;
  skills: ColumnType<Json, string | undefined, string>;
  capacity: ColumnType<number, number | undefined, number>;
  password_hash: string | null;
  totp_secret: string | null;
  created_at: CreatedAt;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  totp_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  recovery_codes: ColumnType<Json, string | undefined, string>;
  sessions_revoked_at: Date | null;
  status: ColumnType<'available' | 'busy' | 'away', 'available' | 'busy' | 'away' | undefined, 'available' | 'busy' | 'away'>;
  last_seen_at: Date | null;
  disabled_at: Date | null;
}

export interface AgentSessionsTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  csrf_token: string;
  stage: 'password' | 'totp_enrol' | 'full';
  created_at: CreatedAt;
  last_used_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface CannedResponsesTable {
  id: string;
  tenant_id: string;
  title: string;
  body: string;
  created_at: CreatedAt;
}

export interface RotaEntriesTable {
  id: string;
  tenant_id: string;
  skill: string;
  name: string;
  channel: 'sms' | 'email';
  destination: string;
  starts_at: Date;
  ends_at: Date;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReferralsTable {
  id: string;
  tenant_id: string;
  handoff_id: string | null;
  conversation_id: string | null;
  rota_entry_id: string | null;
  channel: string;
  destination: string;
  summary: string;
  status: ColumnType<string, string | undefined, string>;
  provider_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  ack_token_hash: string;
  created_at: CreatedAt;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  /** The chain's first referral, for an escalation step (migration 003). */
  escalation_of: ColumnType<string | null, string | null | undefined, string | null>;
  step: ColumnType<number, number | undefined, number>;
  target_kind: ColumnType<'rota' | 'fallback', 'rota' | 'fallback' | undefined, 'rota' | 'fallback'>;
  target_name: ColumnType<string | null, string | null | undefined, string | null>;
  fallback_index: ColumnType<number | null, number | null | undefined, number | null>;
  /** Skills tried in order (the queue's, the service's area, safety); JSON array. */
  skills: ColumnType<string[], string | undefined, string>;
  /** Reference, location, contact for the message; JSON. */
  details: ColumnType<{ reference?: string | null; location?: string | null; contact?: string | null }, string | undefined, string>;
  due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  escalated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  acknowledged_by: ColumnType<string | null, string | null | undefined, string | null>;
  resident_alerted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  resident_unreachable_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** On the chain's first row: how an unacknowledged chain ended. */
  chain_end: ColumnType<'exhausted' | 'handoff_taken' | null, 'exhausted' | 'handoff_taken' | null | undefined, 'exhausted' | 'handoff_taken' | null>;
}

export interface HandoffsTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  reason: string;
  priority: 'urgent' | 'high' | 'normal';
  queue: string;
  summary: string;
  context: ColumnType<Json, string, string>;
  agent_id: string | null;
  created_at: CreatedAt;
  accepted_at: Date | null;
  closed_at: Date | null;
  offered_to: string | null;
  offered_at: Date | null;
  first_reply_at: Date | null;
  abandoned_at: Date | null;
  outcome: string | null;
  note: string | null;
  transferred_at: Date | null;
  /** Kept by store/handoffs.ts alongside agent_id/accepted_at/closed_at (migration 008). */
  status: ColumnType<HandoffStatus, HandoffStatus | undefined, HandoffStatus>;
}

/** One change of a conversation's state (conversations/lifecycle.ts), oldest first by id (migration 008). */
export interface ConversationEventsTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string;
  from_state: ConversationState;
  to_state: ConversationState;
  cause: string;
  actor_type: 'resident' | 'agent' | 'system';
  actor_id: string | null;
  handoff_id: string | null;
  /** The resident-facing notice stored with the change, if any. */
  notice_message_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ArticlesTable {
  tenant_id: string;
  id: string;
  service_id: string;
  title: string;
  url: string;
  summary: string;
  body: string;
  keywords: ColumnType<Json, string, string>;
  questions: ColumnType<Json, string, string>;
  updated_at: Timestamp;
}

export interface FeedbackTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string | null;
  article_id: string;
  useful: boolean;
  query: string | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  id: Generated<string>;
  tenant_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: ColumnType<Json | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** That a resident's data was erased, without anything identifying them (migration 010, store/subject-access.ts). */
export interface SubjectErasuresTable {
  id: string;
  tenant_id: string;
  erased_at: ColumnType<Date, Date | string | undefined, never>;
  erased_by: string;
  erased_by_name: string;
  reason: string;
  counts: ColumnType<Json, string, never>;
  kept_case_references: ColumnType<Json, string, never>;
}

export interface Database {
  tenants: TenantsTable;
  contacts: ContactsTable;
  contact_identities: ContactIdentitiesTable;
  contact_claims: ContactClaimsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  cases: CasesTable;
  case_status_history: CaseStatusHistoryTable;
  agents: AgentsTable;
  handoffs: HandoffsTable;
  articles: ArticlesTable;
  feedback: FeedbackTable;
  audit_events: AuditEventsTable;
  agent_sessions: AgentSessionsTable;
  canned_responses: CannedResponsesTable;
  rota_entries: RotaEntriesTable;
  referrals: ReferralsTable;
  conversation_events: ConversationEventsTable;
  subject_erasures: SubjectErasuresTable;
}

/** Either the database or an open transaction: data-access functions accept both. */
export type Db = Kysely<Database> | Transaction<Database>;

export type MessageRow = Selectable<MessagesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type CaseRow = Selectable<CasesTable>;
export type HandoffRow = Selectable<HandoffsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type AgentRow = Selectable<AgentsTable>;
export type AgentSessionRow = Selectable<AgentSessionsTable>;
export type RotaEntryRow = Selectable<RotaEntriesTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type NewMessage = Insertable<MessagesTable>;
export type ConversationEventRow = Selectable<ConversationEventsTable>;
