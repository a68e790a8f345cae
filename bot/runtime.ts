import { ArticleIndex, passagesOf } from '../knowledge-base/index.js';
import type { Typeahead } from '../knowledge-base/index.js';
import { localisedContent, type ContentPack, type Flow } from './content-pack/index.js';
import type { Language } from './messages.js';
import type { CodeSender, GazetteerPort, SafetyRoutes, Understanding } from './ports.js';
import type { UpdateRoutes } from './case-updates.js';

/** Everything the assistant holds for one tenant, built once at start from its content pack. */
export interface TenantRuntime {
  pack: ContentPack;
  understanding: Understanding;
  gazetteer: GazetteerPort;
  articles: ArticleIndex;
  typeahead: Typeahead;
  /** Set by the composition root; without it no route to a person is promised. */
  routes?: SafetyRoutes;
  /** Set by the composition root where SMS can be sent; without it no one-time code is offered. */
  codes?: CodeSender;
  /** Set by the composition root: what can carry case updates (e-mail); without it, only the resident's own channel. */
  updates?: UpdateRoutes;
}

/** The articles (with their search index) and flows a turn uses in one language. */
export interface LanguageContent {
  articles: ArticleIndex;
  flows: Flow[];
  flowsByService: Map<string, Flow>;
}

/** Welsh content per pack: its search index built once, on the first Welsh turn (or by `prepareLanguages`, which a production server runs after start). */
const welshContent = new WeakMap<ContentPack, LanguageContent>();

/**
 * The content for `lang` (issue 17): the pack's Welsh articles and flows (English where an item
 * has no Welsh) with a Welsh article index beside the English one; the English runtime's own for
 * English, or where the pack has no Welsh.
 */
export function contentFor(runtime: TenantRuntime, lang: Language | null | undefined): LanguageContent {
  const pack = runtime.pack;
  if (lang !== 'cy' || !pack.cy) return { articles: runtime.articles, flows: pack.flows, flowsByService: pack.flowsByService };
  let welsh = welshContent.get(pack);
  if (!welsh) {
    const local = localisedContent(pack, 'cy');
    welsh = { articles: new ArticleIndex(local.articles), flows: local.flows, flowsByService: local.flowsByService };
    welshContent.set(pack, welsh);
  }
  return welsh;
}

/**
 * Builds a runtime's Welsh index and each language's passage index (answers and follow-ups search
 * passages in the turn's language), each otherwise built on first need. In the background, one
 * index per task (each is 100-200 ms of CPU): a server warms them after start without waiting for
 * them, and a turn arriving meanwhile waits for one step at most. What a turn built is not rebuilt.
 */
export async function prepareLanguages(runtime: TenantRuntime): Promise<void> {
  const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));
  await nextTask();
  passagesOf(runtime.articles);
  if (!runtime.pack.cy) return;
  await nextTask();
  const welsh = contentFor(runtime, 'cy');
  await nextTask();
  passagesOf(welsh.articles);
}
