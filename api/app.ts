import fs from 'node:fs';
import path from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Assistant } from '../bot/index.js';
import { ping, type Store } from '../store/index.js';
import { dutyHealth } from '../handoff/index.js';
import type { Config } from './config.js';
import type { Metrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { problemHandler, sendProblem } from './problem.js';
import { refuseNulInAddress } from './clean-input.js';
import type { Realtime } from './realtime.js';
import { bearerToken } from './auth.js';
import { byIp, digest, MemoryCounter, rateLimit, RedisCounter, signInLimiter, type CounterStore } from './rate-limit.js';
import { consoleApi, referralAckRoutes, type ConsoleDeps } from './console/index.js';
import type { Channels } from '../channels/index.js';
import { conversationRoutes } from './routes/conversations.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { open311Routes } from '../open311/index.js';
import { caseFileLinks, casePhotoLinks } from '../files/index.js';
import { fileUploadRoutes, signedFileRoutes } from './routes/files.js';
import { BACKOFFICE_REQUESTS_PER_MINUTE, backofficeApi, backofficeKeyOf } from '../backoffice/index.js';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'trustProxy' | 'redisUrl' | 'jobsQueueName' | 'production' | 'metricsToken' | 'rateLimits'>;
  store: Store;
  assistant: Assistant;
  metrics: Metrics;
  log: Logger;
  defaultTenant: string;
  webDir: string;
  realtime?: Realtime;
  console?: ConsoleDeps;
  /** The channel adapters (channels/registry.ts): each one's webhook routes are mounted here. */
  channels?: Channels;
  /** Where rate-limit counters live; default: Redis (shared by every process) when REDIS_URL is set, else memory. */
  rateLimitStore?: CounterStore;
}

const MINUTE = 60_000;

/**
 * The one Content-Security-Policy of every page this server renders (demo page, console, and any
 * HTML answer): scripts and styles from this origin only, inline styles for the pages' <style>
 * blocks and the widget's injected stylesheet, data: images for the console's TOTP QR code,
 * socket.io's WebSocket, and Twilio's Voice SDK (signalling, event gateway, its sounds). No page may be framed: the widget is a script on council pages, not an iframe.
 */
function cspDirectives(https: boolean): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    // Twilio's Voice SDK in the console: its signalling (wss:) and event gateway (https://*.twilio.com).
    connectSrc: ["'self'", 'ws:', 'wss:', 'https://*.twilio.com'],
    // Call recordings play from this server; the Voice SDK's ringing and tones come from sdk.twilio.com.
    mediaSrc: ["'self'", 'blob:', 'https://sdk.twilio.com'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Only behind https: on plain http (local runs, tests) it would send the page's requests to a port that is not listening.
    ...(https ? { upgradeInsecureRequests: [] } : {}),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);

  // socket.io (engine.io) listens on the same HTTP server and answers its own path, long-polling
  // included: Express must stay silent there, or its 404 races engine.io's answer and the polling
  // fallback (where WebSockets are blocked) never connects.
  if (deps.realtime) {
    const socketPath = `${deps.realtime.io.path().replace(/\/$/, '')}/`;
    app.use((req, _res, next) => {
      if (!req.url.startsWith(socketPath)) next();
    });
  }
  app.use(refuseNulInAddress);
  // Security headers on every response: HSTS (browsers heed it only over https), nosniff, no framing, CSP.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(!!deps.config.publicUrl?.startsWith('https://')) },
      strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Same-origin by default; the widget's script and assets override it, as council sites load them.
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );
  // Each method, route and status's histogram child, kept: prom-client hashes a label object on every call otherwise.
  const timers = new Map<string, { observe(v: number): void }>();
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'other';
      const status = String(res.statusCode);
      const key = `${req.method} ${route} ${status}`;
      let timer = timers.get(key);
      if (!timer) {
        timer = deps.metrics.httpDuration.labels({ method: req.method, route, status });
        // Routes are the app's own, so the combinations are few; the cap is only a backstop.
        if (timers.size < 5000) timers.set(key, timer);
      }
      timer.observe((performance.now() - started) / 1000);
    });
    next();
  });

  // 503 only when the store is down. A council whose out-of-hours safety referrals can reach
  // nobody (no one on the safety rota now, or no SMS/e-mail provider) is 'degraded' with 200:
  // the assistant still serves residents, but monitoring should page someone.
  app.get('/health', async (_req, res) => {
    try {
      await ping(deps.store.db);
    } catch {
      return void res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
    const watch = deps.console?.duty;
    if (!watch) return void res.json({ status: 'ok', store: deps.store.kind });
    try {
      const { degraded, checks } = await dutyHealth(deps.store.db, deps.console!.clock(), watch);
      res.json({ status: degraded ? 'degraded' : 'ok', store: deps.store.kind, checks });
    } catch {
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  // Prometheus metrics: with METRICS_TOKEN, only for `Authorization: Bearer <token>`; in production without one, not served.
  app.get('/metrics', async (req, res) => {
    const expected = deps.config.metricsToken;
    if (!expected) {
      if (deps.config.production) return sendProblem(res, 404, 'Not found');
    } else {
      const given = bearerToken(req.headers.authorization);
      if (!given || !sameSecret(given, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return sendProblem(res, 401, 'Unauthorised', 'The metrics need the bearer token set in METRICS_TOKEN.');
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  const limits = deps.config.rateLimits;
  const limitStore =
    deps.rateLimitStore ??
    (deps.config.redisUrl && deps.realtime?.redis ? new RedisCounter(deps.realtime.redis, `rl:${deps.config.jobsQueueName}:`, deps.log) : new MemoryCounter());

  // The widget is embedded on council sites on other origins; it authenticates with a bearer token, not cookies.
  const api = express.Router();
  api.use((req, res, next) => {
    const origin = req.headers.origin;
    const allowed = deps.config.allowedOrigins;
    if (origin && (allowed === '*' || allowed.includes(origin))) {
      res.setHeader('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  // Counted before the body is parsed (cheap to refuse) and after CORS (the widget can read a 429).
  api.post(
    '/conversations',
    rateLimit(limitStore, [
      { name: 'conversations', limit: limits.conversationsPerIp, windowMs: MINUTE, key: byIp, detail: 'Too many new conversations from your network. Please wait a minute and try again.' },
    ]),
  );
  api.post(
    '/conversations/:id/messages',
    rateLimit(limitStore, [
      { name: 'messages-ip', limit: limits.messagesPerIp, windowMs: MINUTE, key: byIp, detail: 'Too many messages from your network. Please wait a minute and try again.' },
      // Per conversation and token: someone without the token cannot use up a resident's allowance.
      {
        name: 'messages',
        limit: limits.messagesPerConversation,
        windowMs: MINUTE,
        key: (req) => `${String(req.params.id).slice(0, 64)}:${digest(req.headers.authorization ?? '')}`,
        detail: 'You are sending messages too quickly. Please wait a moment and try again.',
      },
    ]),
  );
  // Photos and files from web chat (api/routes/files.ts): counted as messages are; the body is the file, read before the JSON parser.
  api.post(
    '/conversations/:id/files',
    rateLimit(limitStore, [{ name: 'files-ip', limit: limits.messagesPerIp, windowMs: MINUTE, key: byIp, detail: 'Too many messages from your network. Please wait a minute and try again.' }]),
  );
  api.use(fileUploadRoutes({ store: deps.store, realtime: deps.realtime }));
  api.use(express.json({ limit: '16kb', type: ['application/json', 'application/*+json'] }));
  api.get('/openapi.json', (_req, res) => void res.json(openApiDocument(deps.config.publicUrl)));
  api.use(conversationRoutes({ store: deps.store, assistant: deps.assistant, defaultTenant: deps.defaultTenant, realtime: deps.realtime }));
  api.use(suggestionRoutes({ assistant: deps.assistant, defaultTenant: deps.defaultTenant }));
  api.use((_req, res) => sendProblem(res, 404, 'Not found', 'There is no such API endpoint.'));
  app.use('/api/v1', api);

  app.use(
    '/open311',
    open311Routes({
      store: deps.store,
      assistant: deps.assistant,
      defaultTenant: deps.defaultTenant,
      publicUrl: deps.config.publicUrl,
      log: deps.log,
      // media_url: a signed link to the case's first photo (files/), where the client gave none.
      photoLinks: (tenant, caseIds, baseUrl) => casePhotoLinks(deps.store.db, tenant, caseIds, baseUrl),
    }),
  );
  // Kept files through short-lived signed links (back offices, Open311 clients): 403 without a valid one.
  app.use('/files', signedFileRoutes({ store: deps.store }));
  // The back-office pull API (README "Back-office API"): a council's key with scopes, counted per key.
  app.use(
    '/backoffice/v1',
    backofficeApi({
      store: deps.store,
      serviceName: (tenant, serviceId) => {
        try {
          return deps.assistant.runtime(tenant).pack.servicesById.get(serviceId)?.name;
        } catch {
          return undefined;
        }
      },
      // Signed links to the case's files (files/), at the server's public address.
      mediaUrls: (db, tenant, caseId, baseUrl) => caseFileLinks(db, tenant, caseId, baseUrl),
      publicUrl: deps.config.publicUrl,
      perKeyLimit: rateLimit(limitStore, [
        { name: 'backoffice', limit: BACKOFFICE_REQUESTS_PER_MINUTE, windowMs: MINUTE, key: (req) => backofficeKeyOf(req)?.id, detail: 'This key has made too many requests. Please wait a minute and try again.' },
      ]),
    }),
  );

  // Channel webhooks (Twilio, the signed webhook channel...): each verifies its own signature, outside the JSON API.
  for (const { path: mountPath, router } of deps.channels?.routes() ?? []) app.use(mountPath, router);
  // The TwiML of callers bridged to agents (issue 14), beside the IVR's.
  if (deps.console?.agentVoice) app.use('/channels/twilio', deps.console.agentVoice.routes());
  // The outcome of a call-back's call (issue 14, item 2), signed as every Twilio webhook.
  if (deps.console?.callbacks) app.use('/channels/twilio', deps.console.callbacks.routes());

  if (deps.console) {
    app.use('/api/console', consoleApi(deps.console, { signInLimit: signInLimiter(limitStore, limits) }));
    app.use('/api/console', (_req, res) => sendProblem(res, 404, 'Not found', 'There is no such console endpoint.'));
    app.use(referralAckRoutes(deps.console));
  }

  serveWeb(app, deps.webDir, deps.defaultTenant);
  app.use((_req: Request, res: Response) => sendProblem(res, 404, 'Not found'));
  // Express 5 forwards rejected promises from async handlers here.
  app.use(problemHandler(deps.log));
  return app;
}

function serveWeb(app: express.Express, webDir: string, defaultTenant: string): void {
  const dist = path.join(webDir, 'dist');
  const demo = path.join(webDir, 'demo');
  app.get('/widget.js', (_req, res) => {
    const file = path.join(dist, 'widget.js');
    if (!fs.existsSync(file)) return sendProblem(res, 503, 'Widget not built', 'Run "npm run build:web" to build the chat widget.');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.sendFile(file);
  });
  app.get('/widget.js.map', (_req, res) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.sendFile(path.join(dist, 'widget.js.map'));
  });
  app.use('/widget', express.static(dist, { maxAge: '5m', setHeaders: (res) => res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin') }));
  app.get('/', (_req, res) => {
    // The demo page embeds the widget for this server's default council.
    const page = fs.readFileSync(path.join(demo, 'index.html'), 'utf8').replace('data-tenant="demo"', `data-tenant="${defaultTenant}"`);
    res.type('html').send(page);
  });
  app.use('/demo', express.static(demo));
  // The agent console: a page and its bundle; everything it shows comes from /api/console.
  const consolePage = path.join(webDir, 'console', 'index.html');
  app.get(['/console', '/console/'], (_req, res) => {
    if (!fs.existsSync(consolePage)) return sendProblem(res, 503, 'Console not built');
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(consolePage);
  });
  app.get('/console.js', (_req, res) => {
    const file = path.join(dist, 'console.js');
    if (!fs.existsSync(file)) return sendProblem(res, 503, 'Console not built', 'Run "npm run build:web".');
    res.sendFile(file);
  });
  app.get('/console.js.map', (_req, res) => void res.sendFile(path.join(dist, 'console.js.map')));
}
