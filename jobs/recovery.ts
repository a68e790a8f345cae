import type { Logger } from 'pino';
import type { JobQueue } from './queue.js';
import { conversationsWithUnanswered, type ConversationRow, type Db } from '../store/index.js';

/**
 * Continuous recovery: a periodic job (once across processes: a BullMQ job scheduler, or the
 * jobs table's repeating row) that answers every stored inbound message left unanswered (the
 * process died mid-turn, or before the turn started) and then runs the channels' outbox sweeps,
 * which send what is still waiting, the replies just produced included.
 *
 * Never twice: a turn holds its conversation's row lock; the sweep skips conversations locked
 * now (FOR UPDATE SKIP LOCKED) and answers the rest through the same locked turn, which finds
 * nothing left to answer if a live turn got there first.
 */
export const RECOVERY_SWEEP_JOB = 'recovery.sweep';
export const RECOVERY_SWEEP_EVERY_MS = 5_000;
/** A message this fresh is its live turn's: the sweep leaves it alone. */
export const UNANSWERED_GRACE_MS = 5_000;

export interface RecoveryDeps {
  db: Db;
  /** The councils this process serves (a shared database may hold others). */
  tenants: () => Iterable<string>;
  /** Answers the conversation's unanswered messages (the locked turn: Assistant.processPending). */
  answer(conversation: ConversationRow): Promise<void>;
  /** After answering: live refresh (web chat) and dispatch (SMS and other sending channels). */
  answered(tenant: string, conversationId: string): Promise<void> | void;
  /** Each sending channel's outbox sweep. */
  outboxes: ((tenants: string[]) => Promise<unknown>)[];
  log: Pick<Logger, 'info' | 'warn'>;
  graceMs?: number;
  /** Conversations answered per sweep at most (the next sweep takes the rest). */
  batch?: number;
}

export async function recoverOnce(deps: RecoveryDeps): Promise<{ answered: number }> {
  const tenants = [...deps.tenants()];
  const conversations = await conversationsWithUnanswered(deps.db, { tenants, graceMs: deps.graceMs ?? UNANSWERED_GRACE_MS, limit: deps.batch ?? 200 });
  let answered = 0;
  for (const conversation of conversations) {
    try {
      await deps.answer(conversation);
      await deps.answered(conversation.tenant_id, conversation.id);
      answered++;
    } catch (err) {
      deps.log.warn({ err: String(err), tenant: conversation.tenant_id, conversationId: conversation.id }, 'could not answer a message left unanswered');
    }
  }
  if (answered) deps.log.info({ conversations: answered }, 'answered messages left unanswered');
  for (const sweep of deps.outboxes) {
    try {
      await sweep(tenants);
    } catch (err) {
      deps.log.warn({ err: String(err) }, 'outbox sweep failed; the next sweep tries again');
    }
  }
  return { answered };
}

/** Registers the recovery job and schedules it; call once at start in every process that runs jobs. */
export async function registerRecovery(jobs: JobQueue, deps: RecoveryDeps, everyMs = RECOVERY_SWEEP_EVERY_MS): Promise<void> {
  jobs.register(RECOVERY_SWEEP_JOB, async () => {
    await recoverOnce(deps);
  });
  await jobs.every(RECOVERY_SWEEP_JOB, everyMs);
}
