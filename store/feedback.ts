import { sql } from 'kysely';
import { seal } from './crypto.js';
import type { Db } from './schema.js';

/**
 * Residents' verdicts on the articles they were given. The query answered is the resident's own
 * words, sealed at rest (store/crypto.ts); it is read only by the learning export
 * (store/learning.ts) and subject access, which open it. The counts per article need no text.
 */

export async function recordFeedback(
  db: Db,
  input: { tenant: string; conversationId: string | null; articleId: string; useful: boolean; query: string | null },
): Promise<void> {
  await db
    .insertInto('feedback')
    .values({
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      article_id: input.articleId,
      useful: input.useful,
      query: seal('feedback.query', input.query),
    })
    .execute();
}

export interface ArticleFeedback {
  useful: number;
  notUseful: number;
}

export async function feedbackByArticle(db: Db, tenant: string): Promise<Map<string, ArticleFeedback>> {
  const rows = await db
    .selectFrom('feedback')
    .select([
      'article_id',
      sql<string>`count(*) filter (where useful)`.as('useful'),
      sql<string>`count(*) filter (where not useful)`.as('not_useful'),
    ])
    .where('tenant_id', '=', tenant)
    .groupBy('article_id')
    .execute();
  return new Map(rows.map((r) => [r.article_id, { useful: Number(r.useful), notUseful: Number(r.not_useful) }]));
}
