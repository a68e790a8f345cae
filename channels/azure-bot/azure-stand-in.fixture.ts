/**
 * Local stand-ins for what Azure provides a bot, speaking their wire formats: Entra ID (the
 * tenant's OpenID metadata, its signing keys as a JWKS, and the client-credentials token endpoint)
 * and the Bot Connector service (`POST /v3/conversations/{id}/activities`, recording what is
 * posted and checking the bearer is a token it issued). `sign` makes the RS256 JWT Azure Bot
 * Service sends with an activity (iss, aud = the app id, serviceurl, tid...).
 */
import http from 'node:http';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface PostedActivity {
  conversationId: string;
  activity: Record<string, unknown> & { type: string; text?: string; suggestedActions?: { actions: { type: string; title: string; value: string }[] }; attachments?: { contentType: string; content: unknown }[] };
}

export interface AzureStandIn {
  url: string;
  /** The authority to configure (AZURE_BOT_AUTHORITY). */
  authority: string;
  serviceUrl: string;
  posted: PostedActivity[];
  tokenRequests: URLSearchParams[];
  /** A JWT as Azure Bot Service sends it; `claims` and `key` override for refusals. */
  sign(claims?: Record<string, unknown>, opts?: { key?: KeyObject; kid?: string; expiresIn?: number }): string;
  /** The Connector answers the next n posts with this status. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

export async function startAzureStandIn(opts: { tenant: string; appId: string; password: string }): Promise<AzureStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `stand-in-${randomUUID().slice(0, 8)}`;
  const issued = new Set<string>();
  const posted: PostedActivity[] = [];
  const tokenRequests: URLSearchParams[] = [];
  let failing = { n: 0, status: 503 };
  let url = '';

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const base = `${url}/${opts.tenant}`;
      if (req.method === 'GET' && path === `/${opts.tenant}/v2.0/.well-known/openid-configuration`) {
        return json(200, { issuer: `${base}/v2.0`, jwks_uri: `${base}/discovery/v2.0/keys`, token_endpoint: `${base}/oauth2/v2.0/token`, id_token_signing_alg_values_supported: ['RS256'] });
      }
      if (req.method === 'GET' && path === `/${opts.tenant}/discovery/v2.0/keys`) {
        return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
      }
      if (req.method === 'POST' && path === `/${opts.tenant}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(body);
        tokenRequests.push(form);
        if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
        if (form.get('client_id') !== opts.appId || form.get('client_secret') !== opts.password) return json(401, { error: 'invalid_client' });
        if (form.get('scope') !== 'https://api.botframework.com/.default') return json(400, { error: 'invalid_scope' });
        const token = `stand-in-access-${randomUUID()}`;
        issued.add(token);
        return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities$/.exec(path);
      if (req.method === 'POST' && m) {
        if (!issued.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return json(401, { error: { code: 'Unauthorized', message: 'bad token' } });
        if (failing.n > 0) {
          failing.n--;
          return json(failing.status, { error: { code: 'ServiceError', message: 'stand-in failure' } });
        }
        const id = `connector-${posted.length + 1}`;
        posted.push({ conversationId: decodeURIComponent(m[1]), activity: JSON.parse(body) as PostedActivity['activity'] });
        return json(201, { id });
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    url,
    authority: url,
    serviceUrl: `${url}/`,
    posted,
    tokenRequests,
    sign(claims = {}, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      return jwt.sign(
        { iss: `${url}/${opts.tenant}/v2.0`, aud: opts.appId, serviceurl: `${url}/`, tid: opts.tenant, azp: '00000000-0000-0000-0000-00000000b0f0', ver: '2.0', nbf: now - 5, iat: now - 5, exp: now + (o.expiresIn ?? 3600), ...claims },
        o.key ?? privateKey,
        { algorithm: 'RS256', keyid: o.kid ?? kid },
      );
    },
    failNext(n, status) {
      failing = { n, status };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
