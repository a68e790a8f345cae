import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_handoff_console.js';

/** Versioned migrations, applied in name order at start on PGlite and PostgreSQL alike. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_handoff_console': m002,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
