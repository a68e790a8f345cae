/**
 * The way out to Azure Bot Service: the bot's own token from Entra (client credentials, the scope
 * the Bot Connector accepts), cached until shortly before it expires, and the activity posted to
 * the Connector service of the conversation's `serviceUrl` with the SDK's ConnectorClient
 * (`POST {serviceUrl}/v3/conversations/{id}/activities`).
 *
 * Why not the SDK's MsalTokenProvider: MSAL refuses an authority that is not https
 * (`authorityUriInsecure`) and looks its metadata up first, so it cannot be pointed at a local
 * stand-in; this is the same client-credentials request MSAL makes, against
 * `{authority}/{tenant}/oauth2/v2.0/token`.
 */
import type { Activity } from '@microsoft/agents-activity';
import { DeliveryError } from '../adapter.js';
import type { AzureBotApp } from './config.js';
import { agentsSdk } from './sdk.js';

/** The scope of a token the Bot Connector accepts. */
export const CONNECTOR_SCOPE = 'https://api.botframework.com/.default';
const TIMEOUT_MS = 10_000;
/** A token is renewed this long before Entra says it expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export class ConnectorSender {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly authority: string,
    private readonly clock: () => Date,
  ) {}

  /** An access token for the council's bot (cached; a refused secret is not retried). */
  async token(app: AzureBotApp): Promise<string> {
    const cached = this.tokens.get(app.appId);
    const now = this.clock().getTime();
    if (cached && cached.until > now) return cached.token;
    const { hosting } = await agentsSdk();
    const url = `${hosting.resolveAuthority(this.authority, app.entraTenant)}/oauth2/v2.0/token`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, client_secret: app.password, scope: CONNECTOR_SCOPE }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new DeliveryError(`Entra token endpoint unreachable: ${String(err)}`, true);
    }
    const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown; error?: unknown } | null;
    if (!res.ok || typeof body?.access_token !== 'string') {
      // Entra's error code (invalid_client...) says what to fix; its description may name the app, so only the code.
      const code = typeof body?.error === 'string' ? body.error.slice(0, 60) : 'no access_token';
      throw new DeliveryError(`Entra refused the bot's token (${res.status} ${code}): check AZURE_BOT_APP_PASSWORD and AZURE_BOT_TENANT_ID`, retryable(res.status), res.status);
    }
    const lifetime = Number(body.expires_in);
    this.tokens.set(app.appId, { token: body.access_token, until: now + Math.max(0, (Number.isFinite(lifetime) ? lifetime : 3600) * 1000 - RENEW_BEFORE_MS) });
    return body.access_token;
  }

  /** Posts an activity to the conversation at its Connector service; returns the id the service gave it. */
  async send(app: AzureBotApp, serviceUrl: string, conversationId: string, activity: Record<string, unknown>): Promise<string> {
    const { hosting, activity: activityLib } = await agentsSdk();
    let checked: Activity;
    try {
      // The SDK's own schema of an activity: one it refuses would be refused again.
      checked = activityLib.Activity.fromObject(activity);
    } catch (err) {
      throw new DeliveryError(`the reply is not a valid activity: ${String(err).slice(0, 300)}`, false);
    }
    const token = await this.token(app);
    const client = hosting.ConnectorClient.createClientWithToken(serviceUrl, token);
    let timer: NodeJS.Timeout | undefined;
    try {
      const sent = await Promise.race([
        client.sendToConversation(conversationId, checked),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new DeliveryError('the Connector service did not answer within 10 s', true)), TIMEOUT_MS))),
      ]);
      return typeof sent?.id === 'string' && sent.id ? sent.id.slice(0, 200) : '';
    } catch (err) {
      if (err instanceof DeliveryError) throw err;
      const status = (err as { status?: unknown }).status;
      if (typeof status === 'number') {
        // An expired or revoked token: the next attempt asks Entra again.
        if (status === 401 || status === 403) this.tokens.delete(app.appId);
        throw new DeliveryError(`the Connector service answered ${status}`, retryable(status) || status === 401, status);
      }
      throw new DeliveryError(`the Connector service is unreachable: ${String(err)}`, true);
    } finally {
      clearTimeout(timer);
    }
  }
}
