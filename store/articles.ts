import { fromJson, toJson } from './json.js';
import type { ArticleRow, Db } from './schema.js';

export interface ArticleRecord {
  id: string;
  service: string;
  title: string;
  url: string;
  summary: string;
  body: string;
  keywords: string[];
  questions: string[];
}

/** Makes the stored articles of a tenant exactly the pack's: the pack is the source of truth. */
export async function replaceArticles(db: Db, tenant: string, articles: ArticleRecord[]): Promise<void> {
  await db.deleteFrom('articles').where('tenant_id', '=', tenant).execute();
  for (const a of articles) {
    await db
      .insertInto('articles')
      .values({
        tenant_id: tenant,
        id: a.id,
        service_id: a.service,
        title: a.title,
        url: a.url,
        summary: a.summary,
        body: a.body,
        keywords: toJson(a.keywords),
        questions: toJson(a.questions),
      })
      .execute();
  }
}

export function articleFromRow(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    service: row.service_id,
    title: row.title,
    url: row.url,
    summary: row.summary,
    body: row.body,
    keywords: fromJson<string[]>(row.keywords),
    questions: fromJson<string[]>(row.questions),
  };
}
