import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Assistant } from '../bot/index.js';
import type { Store } from '../store/index.js';
import { dutyHealth } from '../handoff/referrals/index.js';
import type { Config } from './config.js';
import type { Metrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { problemHandler, sendProblem } from './problem.js';
import { refuseNulInAddress } from './clean-input.js';
import type { Realtime } from './realtime.js';
import { consoleApi, referralAckRoutes, type ConsoleDeps } from './console/index.js';
import type { SmsChannelDeps } from '../channels/twilio/index.js';
import { conversationRoutes } from './routes/conversations.js';
import { twilioSmsRoutes } from './routes/twilio-sms.js';
import { twilioVoiceRoutes, type TwilioVoiceDeps } from './routes/twilio-voice.js';
import { suggestionRoutes } from './routes/suggestions.js';

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'trustProxy'>;
  store: Store;
  assistant: Assistant;
  metrics: Metrics;
  log: Logger;
  defaultTenant: string;
  webDir: string;
  realtime?: Realtime;
  console?: ConsoleDeps;
  sms?: SmsChannelDeps;
  voice?: TwilioVoiceDeps;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy);

  app.use(refuseNulInAddress);
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    const started = performance.now();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'other';
      deps.metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, (performance.now() - started) / 1000);
    });
    next();
  });

  // 503 only when the store is down. A council whose out-of-hours safety referrals can reach
  // nobody (no one on the safety rota now, or no SMS/e-mail provider) is 'degraded' with 200:
  // the assistant still serves residents, but monitoring should page someone.
  app.get('/health', async (_req, res) => {
    try {
      await sql`select 1`.execute(deps.store.db);
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
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

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
  api.use(express.json({ limit: '16kb', type: ['application/json', 'application/*+json'] }));
  api.get('/openapi.json', (_req, res) => void res.json(openApiDocument(deps.config.publicUrl)));
  api.use(conversationRoutes({ store: deps.store, assistant: deps.assistant, defaultTenant: deps.defaultTenant, realtime: deps.realtime }));
  api.use(suggestionRoutes({ assistant: deps.assistant, defaultTenant: deps.defaultTenant }));
  api.use((_req, res) => sendProblem(res, 404, 'Not found', 'There is no such API endpoint.'));
  app.use('/api/v1', api);

  // Twilio webhooks: form-encoded and signature-checked, outside the JSON API.
  if (deps.sms) app.use('/channels/twilio', twilioSmsRoutes(deps.sms));
  if (deps.voice) app.use('/channels/twilio', twilioVoiceRoutes(deps.voice));

  if (deps.console) {
    app.use('/api/console', consoleApi(deps.console));
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
    res.sendFile(file);
  });
  app.get('/widget.js.map', (_req, res) => void res.sendFile(path.join(dist, 'widget.js.map')));
  app.use('/widget', express.static(dist, { maxAge: '5m' }));
  app.get('/', (_req, res) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'");
    // The demo page embeds the widget for this server's default council.
    const page = fs.readFileSync(path.join(demo, 'index.html'), 'utf8').replace('data-tenant="demo"', `data-tenant="${defaultTenant}"`);
    res.type('html').send(page);
  });
  app.use('/demo', express.static(demo));
  // The agent console: a page and its bundle; everything it shows comes from /api/console.
  const consolePage = path.join(webDir, 'console', 'index.html');
  app.get(['/console', '/console/'], (_req, res) => {
    if (!fs.existsSync(consolePage)) return sendProblem(res, 503, 'Console not built');
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'");
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
