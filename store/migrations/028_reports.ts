import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Reports (issue 16, item 3): fact tables the supervisors' reports read, one row per contact,
 * handoff, duty referral chain and case, copied from the live tables by store/reports.ts
 * `refreshReportFacts` (before each report and before each retention purge). No foreign keys: a
 * fact outlives its conversation, so a year's reports stay whole after the purge. Nothing personal
 * is kept: ids, channel, service, queue, the agent's id, times and counts (no text, no contact).
 *
 * Contacts and handoffs carry their local day and hour (the council's time zone when written), and
 * are summed per local day and hour into rollups, once over all and once per service, channel,
 * queue and agent (and reason, for handoffs): a report without filters reads a year from the
 * rollups (thousands of rows, not a million); with a filter it reads the facts through the
 * filter's index. `conversations_updated` lets the refresh find what changed since its last run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists report_contacts (
      conversation_id text primary key,
      tenant_id text not null,
      started_at timestamptz not null,
      day date not null,
      hour smallint not null,
      channel text not null,
      service text not null default '',
      queue text not null default '',
      agent_id text not null default '',
      turns integer not null default 0,
      misunderstood integer not null default 0,
      handed_off boolean not null default false,
      contained boolean not null default false,
      menu_abandoned boolean not null default false,
      refreshed_at timestamptz not null default now()
    );
    create index if not exists report_contacts_period on report_contacts (tenant_id, day);
    create index if not exists report_contacts_service on report_contacts (tenant_id, service, day);
    create index if not exists report_contacts_channel on report_contacts (tenant_id, channel, day);
    create index if not exists report_contacts_queue on report_contacts (tenant_id, queue, day) where queue <> '';
    create index if not exists report_contacts_agent on report_contacts (tenant_id, agent_id, day) where agent_id <> '';
    create table if not exists report_handoffs (
      handoff_id text primary key,
      tenant_id text not null,
      conversation_id text not null,
      created_at timestamptz not null,
      day date not null,
      hour smallint not null,
      channel text not null,
      service text not null default '',
      queue text not null,
      reason text not null,
      priority text not null,
      agent_id text not null default '',
      wait_seconds real,
      handling_seconds real,
      abandoned boolean not null default false,
      refreshed_at timestamptz not null default now()
    );
    create index if not exists report_handoffs_period on report_handoffs (tenant_id, day);
    create index if not exists report_handoffs_service on report_handoffs (tenant_id, service, day);
    create index if not exists report_handoffs_channel on report_handoffs (tenant_id, channel, day);
    create index if not exists report_handoffs_queue on report_handoffs (tenant_id, queue, day);
    create index if not exists report_handoffs_agent on report_handoffs (tenant_id, agent_id, day) where agent_id <> '';
    create table if not exists report_contact_rollup (
      tenant_id text not null,
      dim text not null,
      day date not null,
      hour smallint not null,
      value text not null,
      contacts integer not null,
      voice integer not null,
      contained integer not null,
      handed_off integer not null,
      menu integer not null,
      turns integer not null,
      misunderstood integer not null,
      primary key (tenant_id, dim, day, hour, value)
    );
    create table if not exists report_handoff_rollup (
      tenant_id text not null,
      dim text not null,
      day date not null,
      hour smallint not null,
      value text not null,
      handoffs integer not null,
      answered integer not null,
      w20 integer not null,
      w30 integer not null,
      w60 integer not null,
      abandoned integer not null,
      wait_sum double precision not null,
      handling_sum double precision not null,
      handling_n integer not null,
      primary key (tenant_id, dim, day, hour, value)
    );
    create table if not exists report_referrals (
      referral_id text primary key,
      tenant_id text not null,
      created_at timestamptz not null,
      service text not null default '',
      sent boolean not null default false,
      acknowledged boolean not null default false,
      pass_on_seconds real,
      steps integer not null default 1,
      refreshed_at timestamptz not null default now()
    );
    create index if not exists report_referrals_period on report_referrals (tenant_id, created_at);
    create table if not exists report_cases (
      case_id text primary key,
      tenant_id text not null,
      created_at timestamptz not null,
      service text not null,
      channel text not null default '',
      resolved_at timestamptz,
      refreshed_at timestamptz not null default now()
    );
    create index if not exists report_cases_period on report_cases (tenant_id, created_at);
    create index if not exists report_cases_resolved on report_cases (tenant_id, resolved_at) where resolved_at is not null;
    create table if not exists report_refresh (
      tenant_id text primary key,
      refreshed_to timestamptz not null,
      time_zone text not null default 'Europe/London'
    );
    create index if not exists conversations_updated on conversations (tenant_id, updated_at);
    create index if not exists cases_updated on cases (tenant_id, updated_at);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop index if exists cases_updated;
    drop index if exists conversations_updated;
    drop table if exists report_refresh;
    drop table if exists report_handoff_rollup;
    drop table if exists report_contact_rollup;
    drop table if exists report_cases;
    drop table if exists report_referrals;
    drop table if exists report_handoffs;
    drop table if exists report_contacts;
    `,
  );
}
