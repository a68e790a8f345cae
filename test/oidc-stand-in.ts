// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the web project (web/tsconfig.json) compiles this file without the test folder's ambient types
/// <reference path="./oidc-provider.d.ts" />
/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a free local port, standing in
 * for Microsoft Entra ID or Google Workspace in tests: discovery, the authorisation endpoint (PKCE
 * required), the token endpoint (client secret), signed ID tokens and UserInfo. Its sign-in page
 * is a plain, accessible form: the person's username picks one of the `people`, whose `amr` (and
 * `acr`) say how they authenticated, so tests can claim multi-factor or not.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Ctx } from 'oidc-provider';

export interface StandInPerson {
  email: string;
  name: string;
  groups: string[];
  amr: string[];
  acr?: string;
  emailVerified?: boolean;
}

export interface OidcStandIn {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, StandInPerson>;
  close(): Promise<void>;
}

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council sign-in (test provider)</title></head><body><main>${body}</main></body></html>`;

/** `redirectUris` is read at the first request: push the console's callback into it once its server listens. */
export async function startOidcStandIn(options: { redirectUris: string[]; clientId?: string; clientSecret?: string }): Promise<OidcStandIn> {
  const clientId = options.clientId ?? 'council-console';
  const clientSecret = options.clientSecret ?? 'stand-in-secret-0123456789abcdef';
  const people = new Map<string, StandInPerson>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Made at the first request, so a test can add the console's redirect URI (known only once its
  // server listens, after this one) to `redirectUris` in between.
  const make = () => new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // amr and acr with the openid scope: in every ID token whose sign-in set them, as Entra ID does.
    claims: { amr: null, acr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'amr', 'acr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    // Entra ID puts the groups in the ID token: so does this stand-in.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['stand-in-cookie-key'] },
    interactions: { url: (_ctx: Ctx, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: Ctx, id: string) {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: person.email, email_verified: person.emailVerified ?? true, name: person.name, groups: person.groups }),
      };
    },
    // First-party client: no consent screen.
    async loadExistingGrant(ctx: Ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  let provider: Provider | undefined;
  let callback: ReturnType<Provider['callback']> | undefined;

  server.on('request', (req, res) => {
    provider ??= make();
    callback ??= provider.callback();
    const m = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!m) return void callback!(req, res);
    void (async () => {
      try {
        if (req.method === 'GET') {
          await provider!.interactionDetails(req, res);
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(
            page(
              `<h1>Sign in to your council account</h1><form method="post" action="/interaction/${m[1]}"><label for="username">Username</label> <input id="username" name="username" autocomplete="username"> <button type="submit">Sign in</button></form>`,
            ),
          );
          return;
        }
        let raw = '';
        for await (const chunk of req) raw += chunk;
        const username = new URLSearchParams(raw).get('username') ?? '';
        const person = people.get(username);
        if (!person) {
          res.statusCode = 200;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(page(`<h1>Unknown user</h1><p><a href="/interaction/${m[1]}">Try again</a></p>`));
          return;
        }
        await provider!.interactionFinished(req, res, { login: { accountId: username, amr: person.amr, ...(person.acr ? { acr: person.acr } : {}) } }, { mergeWithLastSubmission: false });
      } catch (err) {
        res.statusCode = 400;
        res.end(String((err as Error).message));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Cookies of one origin, as a browser keeps them (enough for these redirects). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(c) || /expires=thu, 01 jan 1970/i.test(c) || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/**
 * Goes through single sign-on as a browser would, without one: the console's start, the
 * provider's sign-in form (as `username`), and back to the console's callback. Answers where the
 * console sent the browser at the end and its session cookie (if any).
 */
export async function signInThroughStandIn(
  consoleUrl: string,
  tenant: string,
  username: string,
  tamper: { state?: (s: string) => string; dropStateCookie?: boolean } = {},
): Promise<{ location: string; session: string | undefined; replay: () => Promise<string> }> {
  const consoleJar = new Jar();
  const providerJar = new Jar();
  const start = await fetch(`${consoleUrl}/api/console/sso/start?tenant=${encodeURIComponent(tenant)}`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  consoleJar.take(start);
  let url = new URL(start.headers.get('location')!);
  const providerOrigin = url.origin;
  for (let hops = 0; hops < 10; hops++) {
    if (url.origin !== providerOrigin) break;
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: providerJar.header() } });
    providerJar.take(res);
    if (res.status === 200 && /\/interaction\//.test(url.pathname)) {
      res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: providerJar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username }) });
      providerJar.take(res);
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`provider answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(next, url);
  }
  if (tamper.state) url.searchParams.set('state', tamper.state(url.searchParams.get('state') ?? ''));
  const headers: Record<string, string> = tamper.dropStateCookie ? {} : { cookie: consoleJar.header() };
  const back = await fetch(url, { redirect: 'manual', headers });
  consoleJar.take(back);
  // The same callback again, with the same state cookie: a replay.
  const replay = async () => (await fetch(url, { redirect: 'manual', headers })).headers.get('location') ?? '';
  return { location: back.headers.get('location') ?? '', session: consoleJar.get('ca_session'), replay };
}
