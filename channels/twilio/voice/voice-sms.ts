import type { Logger } from 'pino';
import type { JobQueue } from '../../../jobs/index.js';
import type { Db } from '../../../store/index.js';
import { twilioConfigFromEnv, type TwilioConfig } from '../config.js';
import { isSmsOptedOut } from '../opt-out.js';
import { TwilioRestClient, TwilioSendError } from '../rest-client.js';
import type { VoiceSms } from './voice-channel.js';

export const VOICE_SMS_JOB = 'voice.sms';

interface VoiceSmsJob {
  tenant: string;
  conversationId: string;
  to: string;
  body: string;
}

/**
 * Texts a caller a link or a case reference during a call. The SMS channel's sender only sends a
 * conversation's own messages on an `sms` conversation, so the voice channel has its own small job
 * (`voice.sms`) on the same queue, REST client, configuration and opt-out list. The job id is the
 * call's turn key, so a Twilio retry of the webhook sends once; failures retry with backoff.
 */
export function createVoiceSms(deps: { db: Db; jobs: JobQueue; log: Pick<Logger, 'info' | 'warn' | 'error'>; twilioConfig?: () => TwilioConfig | null }): VoiceSms {
  const config = deps.twilioConfig ?? (() => twilioConfigFromEnv(process.env));
  const clients = new Map<string, TwilioRestClient>();
  deps.jobs.register<VoiceSmsJob>(VOICE_SMS_JOB, async (job) => {
    const c = config();
    if (!c) {
      deps.log.warn({ tenant: job.tenant, conversationId: job.conversationId }, 'text to caller not sent: Twilio is not configured');
      return;
    }
    if (await isSmsOptedOut(deps.db, job.tenant, job.to)) return;
    const key = `${c.accountSid}|${c.apiBaseUrl}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new TwilioRestClient(c)));
    try {
      const sent = await client.sendSms({ to: job.to, from: c.from, body: job.body });
      deps.log.info({ tenant: job.tenant, conversationId: job.conversationId, sid: sent.sid }, 'text sent to caller');
    } catch (err) {
      // Not worth repeating (a landline, an unsubscribed number): give up quietly.
      if (err instanceof TwilioSendError && !err.retryable) {
        deps.log.warn({ tenant: job.tenant, code: err.code, status: err.status }, 'text to caller refused by Twilio');
        return;
      }
      throw err;
    }
  });
  return {
    // Twilio not configured: nothing is offered (the caller is not promised a text that never comes).
    available: () => {
      try {
        return !!config();
      } catch {
        return false;
      }
    },
    async send(input) {
      await deps.jobs.add<VoiceSmsJob>(VOICE_SMS_JOB, { tenant: input.tenant, conversationId: input.conversationId, to: input.to, body: input.body }, { jobId: `voice-sms-${input.key}`, attempts: 4, backoffMs: 2000 });
    },
  };
}
