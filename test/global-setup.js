/**
 * Jest global setup. In-memory stores (every test store and server without DATABASE_URL) start
 * from a migrated PGlite template kept in the temp folder (store/open.ts memoryTemplate): initdb and
 * the migrations under WebAssembly cost seconds per store. Set PGLITE_TEMPLATE_DIR= (empty) to
 * open every store from scratch.
 */
import os from 'node:os';
import path from 'node:path';

export default function globalSetup() {
  // Set here, before any test file or worker starts, so every one of them inherits it.
  process.env.PGLITE_TEMPLATE_DIR ??= path.join(os.tmpdir(), 'council-assistant-pglite');
}
