import express, { Router, type RequestHandler } from 'express';
import { authRoutes } from './auth-routes.js';
import type { ConsoleDeps } from './deps.js';
import { referralAckRoutes, rotaRoutes } from './rota-routes.js';
import { subjectRoutes } from './subject-routes.js';
import { recordingRoutes } from './recordings-routes.js';
import { supervisorRoutes } from './supervisor-routes.js';
import { reportRoutes } from './report-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { workRoutes } from './work-routes.js';
import { noteRoutes } from './note-routes.js';
import { callbackRoutes } from './callback-routes.js';
import { callRoutes } from './call-routes.js';
import { adminRoutes } from './admin-routes.js';
import { ssoRoutes } from './sso-routes.js';
import { searchRoutes } from './search-routes.js';
import { auditRoutes } from './audit-routes.js';
import { stripNulFromJson } from '../clean-input.js';

export type { ConsoleDeps } from './deps.js';
export { callChanged, nextConsultee } from './call-routes.js';
export { attachConsoleNamespace, notifyConversationMessage, relayResidentTyping, routeAndNotify, routeAllTenants } from './socket.js';

/**
 * The agent console's API, mounted at /api/console. `signInLimit` (api/rate-limit.ts) guards the
 * password and code steps; it runs after the body is parsed, as it counts per e-mail too.
 */
export function consoleApi(deps: ConsoleDeps, options: { signInLimit?: RequestHandler } = {}): Router {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(stripNulFromJson);
  if (options.signInLimit) router.post(['/login', '/totp', '/totp/enrol', '/invite/check', '/invite/accept'], options.signInLimit);
  router.use(authRoutes(deps));
  router.use(ssoRoutes(deps));
  router.use(adminRoutes(deps));
  router.use(noteRoutes(deps));
  router.use(workRoutes(deps));
  router.use(callRoutes(deps));
  router.use(supervisorRoutes(deps));
  router.use(reportRoutes(deps));
  router.use(deliveryRoutes(deps));
  router.use(rotaRoutes(deps));
  router.use(subjectRoutes(deps));
  router.use(callbackRoutes(deps));
  router.use(recordingRoutes(deps));
  router.use(searchRoutes(deps));
  router.use(auditRoutes(deps));
  return router;
}

export { referralAckRoutes };
