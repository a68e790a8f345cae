import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { JobQueue } from '../../jobs/index.js';
import { claimCodesToSend, claimExists, hashClaimCode, releaseClaimCode, takeClaimCodeToSend, type Db } from '../../store/index.js';
import { twilioConfigFromEnv, type TwilioConfig } from './config.js';
import { isSmsOptedOut } from './opt-out.js';
import { TwilioRestClient, TwilioSendError } from './rest-client.js';

/**
 * Texts the one-time code that links a number typed in web chat to the resident who texts and
 * calls from it (bot/ports.ts `CodeSender`; the code is checked in bot/policy.ts). The turn records
 * the request in its transaction (store `requestClaimCode`); the job made here generates the code,
 * keeps only its hash, and texts it. The job is added without waiting, so on the embedded store
 * it lands once the turn commits; one that runs first finds no claim yet and is retried; a sweep
 * sends what a stopped process left. A worker takes a code by a conditional update, so two never
 * both send; a send that fails forgets its code before the retry makes a new one.
 */
export const CLAIM_CODE_JOB = 'contact.claim_code';
export const CLAIM_CODE_SWEEP_JOB = 'contact.claim_code.sweep';
const SWEEP_EVERY_MS = 15_000;
/** A request younger than this is still in its own job's hands. */
const SWEEP_GRACE_MS = 10_000;

interface ClaimCodeJob {
  claimId: string;
}

class ClaimNotCommitted extends Error {}

export interface ClaimCodeDeps {
  db: Db;
  jobs: JobQueue;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  env?: Record<string, string | undefined>;
  clock?: () => Date;
  /** The councils this process serves, the only ones whose codes its sweep sends (every council's when not given). */
  servedTenants?: () => Iterable<string>;
}

/** The code sender for the bot (structurally bot/ports.ts `CodeSender`), with its job and sweep registered. */
export async function createClaimCodeSender(deps: ClaimCodeDeps): Promise<{ canText(db: Db, tenant: string, phone: string): Promise<boolean>; queue(claimId: string): void }> {
  const env = deps.env ?? process.env;
  const clock = deps.clock ?? (() => new Date());
  const config = (): TwilioConfig | null => {
    try {
      return twilioConfigFromEnv(env);
    } catch {
      return null; // a half configuration sends nothing (the SMS channel reports it)
    }
  };
  let client: { key: string; rest: TwilioRestClient } | undefined;
  const queue = (claimId: string, requestedAt = clock()) =>
    deps.jobs.add<ClaimCodeJob>(CLAIM_CODE_JOB, { claimId }, { jobId: `claim-code-${claimId}-${requestedAt.getTime()}`, attempts: 5, backoffMs: 1000 });

  deps.jobs.register<ClaimCodeJob>(CLAIM_CODE_JOB, async ({ claimId }) => {
    const c = config();
    if (!c) {
      deps.log.warn({ claimId }, 'one-time code not sent: Twilio is not configured');
      return;
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const taken = await takeClaimCodeToSend(deps.db, claimId, clock(), hashClaimCode(code));
    if (!taken) {
      // Not yet committed (retried), or already sent, used or expired (nothing to do).
      if (!(await claimExists(deps.db, claimId))) throw new ClaimNotCommitted(`claim ${claimId} not visible yet`);
      return;
    }
    if (await isSmsOptedOut(deps.db, taken.tenant, taken.phone)) return;
    const key = `${c.accountSid}|${c.apiBaseUrl}`;
    if (client?.key !== key) client = { key, rest: new TwilioRestClient(c) };
    try {
      const sent = await client.rest.sendSms({
        to: taken.phone,
        from: c.from,
        body: `Your code is ${code}. Reply with it in the council web chat to link the chat with your texts and calls. It expires in 10 minutes. If you did not ask for it, ignore this text.`,
      });
      deps.log.info({ tenant: taken.tenant, claimId, sid: sent.sid }, 'one-time code texted');
    } catch (err) {
      if (err instanceof TwilioSendError && !err.retryable) {
        deps.log.warn({ tenant: taken.tenant, claimId, code: err.code, status: err.status }, 'one-time code refused by Twilio');
        return;
      }
      await releaseClaimCode(deps.db, claimId);
      throw err;
    }
  });
  deps.jobs.register(CLAIM_CODE_SWEEP_JOB, async () => {
    const now = clock();
    // Processes or deployments sharing a database each send only their own councils' codes (through their own Twilio).
    const tenants = deps.servedTenants && [...deps.servedTenants()];
    for (const c of await claimCodesToSend(deps.db, new Date(now.getTime() - SWEEP_GRACE_MS), now, { tenants })) {
      await queue(c.id, c.code_requested_at ?? now);
    }
  });
  await deps.jobs.every(CLAIM_CODE_SWEEP_JOB, SWEEP_EVERY_MS);

  return {
    async canText(db, tenant, phone) {
      return !!config() && !(await isSmsOptedOut(db, tenant, phone));
    },
    queue(claimId) {
      void queue(claimId).catch((err) => deps.log.error({ claimId, err: String(err) }, 'one-time code not queued; the sweep will send it'));
    },
  };
}
