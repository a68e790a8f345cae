/**
 * The statements of one turn, few and folded (issue 11: a simple turn costs about what storing it
 * costs): the conversation's row lock and its unanswered messages in one statement, and what the
 * turn decided (its replies, the message marked answered, the dialogue) in one more.
 */
import { seal, sealJson } from './crypto.js';
import { storableText, toJson } from './json.js';
import { MESSAGE_COLUMNS, openMessage, sealParts, sealRecognition } from './messages.js';
import { openConversation } from './conversations.js';
import type { ConversationRow, Db, MessageRow } from './schema.js';

export interface LockedConversation {
  conversation: ConversationRow;
  /** Inbound messages not yet answered, oldest first. */
  pending: MessageRow[];
}

/**
 * The conversation's columns by name, not `c.*`: a named prepared statement (prepared-statements.ts)
 * keeps its result shape when a later migration adds a column.
 */
const CONVERSATION_COLUMNS = [
  'id',
  'tenant_id',
  'contact_id',
  'channel',
  'channel_user_id',
  'channel_user_sealed',
  'state',
  'token_hash',
  'dialogue',
  'created_at',
  'updated_at',
  'last_message_at',
  'closed_at',
] as const;

/**
 * Takes the conversation's row lock for the rest of the transaction (one turn at a time, across
 * processes) and reads its unanswered inbound messages with it. `tenant` undefined: by id alone
 * (the caller then checks the row, e.g. its token, before writing anything).
 */
export async function lockWithPending(db: Db, tenant: string | undefined, id: string): Promise<LockedConversation | undefined> {
  let q = db
    .selectFrom('conversations as c')
    .leftJoin('messages as m', (join) =>
      join.onRef('m.conversation_id', '=', 'c.id').onRef('m.tenant_id', '=', 'c.tenant_id').on('m.direction', '=', 'in').on('m.processed_at', 'is', null),
    )
    .select(CONVERSATION_COLUMNS.map((col) => `c.${col}` as const))
    .select(MESSAGE_COLUMNS.map((col) => `m.${col} as m_${col}` as const))
    .where('c.id', '=', id)
    .orderBy('m.id')
    .forUpdate(['c']);
  if (tenant !== undefined) q = q.where('c.tenant_id', '=', tenant);
  const rows = (await q.execute()) as unknown as Record<string, unknown>[];
  if (!rows.length) return undefined;
  const conversation = {} as Record<string, unknown>;
  const pending: MessageRow[] = [];
  for (const [key, value] of Object.entries(rows[0])) if (!key.startsWith('m_')) conversation[key] = value;
  for (const row of rows) {
    if (row.m_id == null) continue;
    const message = {} as Record<string, unknown>;
    for (const col of MESSAGE_COLUMNS) message[col] = row[`m_${col}`];
    pending.push(openMessage(message as unknown as MessageRow));
  }
  return { conversation: openConversation(conversation as unknown as ConversationRow), pending };
}

export interface TurnRecord {
  tenant: string;
  conversationId: string;
  messageId: string;
  channel: string;
  recognition: unknown;
  dialogue: unknown;
  replies: { author: 'bot' | 'system'; text: string; parts: unknown; status?: string }[];
  now: Date;
}

/** Writes a decided turn in one statement: its replies, the message marked answered, the dialogue saved. Returns the replies' ids, in order. */
export async function recordTurn(db: Db, t: TurnRecord): Promise<string[]> {
  const base = db
    .with('answered', (d) =>
      d
        .updateTable('messages')
        .set({ processed_at: t.now, status: 'processed', recognition: t.recognition === undefined ? null : sealRecognition(t.recognition) })
        .where('tenant_id', '=', t.tenant)
        .where('id', '=', t.messageId)
        .returning('id'),
    )
    .with('saved', (d) =>
      d
        .updateTable('conversations')
        .set({ dialogue: sealJson('conversations.dialogue', toJson(t.dialogue)), updated_at: t.now, last_message_at: t.now })
        .where('tenant_id', '=', t.tenant)
        .where('id', '=', t.conversationId)
        .returning('id'),
    );
  if (!t.replies.length) {
    await base.selectFrom('answered').select('id').execute();
    return [];
  }
  const rows = await base
    .with('replies', (d) =>
      d
        .insertInto('messages')
        .values(
          t.replies.map((r) => ({
            tenant_id: t.tenant,
            conversation_id: t.conversationId,
            channel: t.channel,
            direction: 'out' as const,
            author: r.author,
            provider_message_id: null,
            text: seal('messages.text', storableText(r.text)),
            parts: sealParts(r.parts),
            status: r.status ?? 'stored',
            reply_to: t.messageId,
          })),
        )
        .returning('id'),
    )
    .selectFrom('replies')
    .select('id')
    .orderBy('id')
    .execute();
  return rows.map((r) => String(r.id));
}
