import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Assistant } from '../../bot/index.js';
import type { CallbackDialler } from '../../callbacks/index.js';
import type { CallbackWiring } from '../callbacks-wiring.js';
import type { AgentVoice } from '../../channels/index.js';
import type { DutyWatch, SsoClient } from '../../handoff/index.js';
import type { JobQueue } from '../../jobs/index.js';
import type { Store } from '../../store/index.js';
import type { Realtime } from '../realtime.js';

/** What the console's routes and socket handlers are given by the composition root (api/server.ts). */
export interface ConsoleDeps {
  store: Store;
  assistant: Assistant;
  jobs: JobQueue;
  log: Logger;
  /** Resident-side live updates (web chat). */
  realtime?: Realtime;
  /** The `/console` socket.io namespace, once created: emit to `tenant:<id>` and `agent:<id>` rooms. */
  consoleNamespace?: () => Namespace | undefined;
  publicUrl?: string;
  /** The council an unqualified sign-in belongs to. */
  defaultTenant?: string;
  /**
   * Sends the conversation's stored, unsent outbound messages on its channel (SMS, WhatsApp...):
   * web chat needs nothing (the browser fetches them). Set by the composition root.
   */
  dispatchOutbound?: (tenant: string, conversationId: string) => void;
  /** An agent's typing, to channels that show it live (Direct Line); web chat hears it over socket.io. */
  relayAgentTyping?: (tenant: string, conversationId: string, name: string, typing: boolean) => void;
  /** True when cookies must be Secure (PUBLIC_URL is https). */
  secureCookies: boolean;
  clock: () => Date;
  /** Duty-referral cover (sender, councils, escalation policy): the supervisor's standing alarms and /health. */
  duty?: DutyWatch;
  /** Callers bridged to agents through Twilio (issue 14); absent where the telephone is not configured. */
  agentVoice?: AgentVoice;
  /** Places call-backs (agent first, then the resident): Twilio's, where configured (api/server.ts). */
  callbackDialler?: CallbackDialler;
  /** Call-backs' Twilio outcome route and overdue sweep (api/callbacks-wiring.ts). */
  callbacks?: CallbackWiring;
  /** OpenID Connect single sign-on (issue 16); made from process.env when absent. */
  ssoClient?: SsoClient;
}
