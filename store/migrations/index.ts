import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_handoff_console.js';
import * as m003 from './003_referral_escalation.js';
import * as m004 from './004_conversation_safety.js';
import * as m005 from './005_durable_jobs.js';
import * as m006 from './006_conversation_identity.js';
import * as m007 from './007_totp_single_use.js';
import * as m008 from './008_handoff_status.js';
import * as m009 from './009_contact_claims.js';
import * as m010 from './010_subject_erasures.js';
import * as m011 from './011_field_encryption.js';
import * as m012 from './012_query_indexes.js';
import * as m013 from './013_media_files.js';
import * as m014 from './014_open311_clients.js';
import * as m015 from './015_case_events.js';
import * as m016 from './016_file_storage.js';
import * as m017 from './017_street_duplicates.js';
import * as m018 from './018_backoffice.js';
import * as m019 from './019_resident_updates.js';
import * as m020 from './020_backoffice_keys.js';
import * as m021 from './021_agent_calls.js';
import * as m022 from './022_callbacks.js';
import * as m023 from './023_call_recordings.js';
import * as m024 from './024_email.js';
import * as m025 from './025_directline.js';
import * as m026 from './026_call_consults.js';
import * as m027 from './027_staff_admin.js';
import * as m028 from './028_reports.js';
import * as m029 from './029_search.js';
import * as m030 from './030_satisfaction.js';
import * as m031 from './031_console_notes.js';
import * as m032 from './032_languages.js';
import * as m033 from './033_answer_passages.js';
import * as m034 from './034_turn_writes.js';

/** Versioned migrations, applied in name order at start on PGlite and PostgreSQL alike. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_handoff_console': m002,
  '003_referral_escalation': m003,
  '004_conversation_safety': m004,
  '005_durable_jobs': m005,
  '006_conversation_identity': m006,
  '007_totp_single_use': m007,
  '008_handoff_status': m008,
  '009_contact_claims': m009,
  '010_subject_erasures': m010,
  '011_field_encryption': m011,
  '012_query_indexes': m012,
  '013_media_files': m013,
  '014_open311_clients': m014,
  '015_case_events': m015,
  '016_file_storage': m016,
  '017_street_duplicates': m017,
  '018_backoffice': m018,
  '019_resident_updates': m019,
  '020_backoffice_keys': m020,
  '021_agent_calls': m021,
  '022_callbacks': m022,
  '023_call_recordings': m023,
  '024_email': m024,
  '025_directline': m025,
  '026_call_consults': m026,
  '027_staff_admin': m027,
  '028_reports': m028,
  '029_search': m029,
  '030_satisfaction': m030,
  '031_console_notes': m031,
  '032_languages': m032,
  '033_answer_passages': m033,
  '034_turn_writes': m034,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
