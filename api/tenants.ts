import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { loadContentPack, POPULAR_TASKS, prepareLanguages, type ContentPack, type TenantRuntime } from '../bot/index.js';
import { buildUnderstanding, remoteRecogniserFromConfig, screenForSafety, type RecogniserConfig } from '../intents/index.js';
import { ArticleIndex, Typeahead } from '../knowledge-base/index.js';
import { ensureTenant, feedbackByArticle, replaceArticles, type Store } from '../store/index.js';

/** When a production server builds its passage and Welsh indexes: after start (it is listening by then, usually; the build is stepped either way). */
const WARM_LANGUAGES_AFTER_MS = 2_000;

/** Every folder of the content directory with a settings.yaml is a tenant's pack. */
export function packFolders(contentDir: string): string[] {
  if (!fs.existsSync(contentDir)) throw new Error(`CONTENT_DIR ${contentDir} does not exist`);
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(contentDir, d.name, 'settings.yaml')))
    .map((d) => path.join(contentDir, d.name))
    .sort();
}

/** Loads every pack; a broken one throws a ContentPackError naming the file and line. */
export function loadPacks(contentDir: string): ContentPack[] {
  const packs = packFolders(contentDir).map((dir) => loadContentPack(dir));
  if (packs.length === 0) throw new Error(`no content packs found in ${contentDir}`);
  return packs;
}

/**
 * Trains or loads each pack's model and syncs its articles to the store. The store may still be
 * opening: the models and indexes are built first (on the embedded default PGlite compiles and opens
 * meanwhile), then it is awaited.
 */
export async function loadTenants(
  storeOpening: Store | Promise<Store>,
  packs: ContentPack[],
  modelCacheDir: string,
  log: Logger,
  recogniserConfig?: RecogniserConfig,
): Promise<Map<string, TenantRuntime>> {
  const runtimes = new Map<string, TenantRuntime>();
  for (const pack of packs) {
    const started = performance.now();
    // An optional remote recogniser (LLM, Azure OpenAI, CLU); the embedded model answers when it fails.
    const remote = recogniserConfig ? remoteRecogniserFromConfig(recogniserConfig, pack.services) : null;
    const { understanding, gazetteer, modelSource } = await buildUnderstanding({
      remote: remote
        ? { recogniser: remote, onError: (err, failure) => log.warn({ tenant: pack.tenant, ...failure, err: String(err) }, 'remote recogniser failed; the embedded model answered') }
        : undefined,
      training: pack.training,
      addresses: pack.gazetteer,
      casePrefix: pack.settings.caseReferencePrefix,
      timeZone: pack.settings.openingHours.timezone,
      modelCacheDir,
    });
    const store = await storeOpening;
    await ensureTenant(store.db, pack.tenant, pack.settings.councilName, { siteUrl: pack.settings.siteUrl });
    await replaceArticles(store.db, pack.tenant, pack.articles);
    const articles = new ArticleIndex(pack.articles);
    articles.setFeedback(await feedbackByArticle(store.db, pack.tenant));
    const typeahead = new Typeahead(pack.articles, POPULAR_TASKS.filter((t) => !/person/i.test(t.label)).map((t) => t.value));
    const runtime: TenantRuntime = { pack, understanding, gazetteer, articles, typeahead };
    // The passage indexes and the Welsh article index are built on first need, so no start waits
    // for them (a test server mostly never needs them); a production server builds them in the
    // background a little after start, so the first Welsh turn or question does not pay for them.
    if (process.env.NODE_ENV === 'production') setTimeout(() => void prepareLanguages(runtime).catch(() => undefined), WARM_LANGUAGES_AFTER_MS).unref(); // a failure shows at first need
    runtimes.set(pack.tenant, runtime);
    log.info(
      {
        tenant: pack.tenant,
        phrases: pack.training.length,
        articles: pack.articles.length,
        flows: pack.flows.length,
        addresses: pack.gazetteer.length,
        model: modelSource,
        ms: Math.round(performance.now() - started),
      },
      'content pack loaded',
    );
  }
  // The safety screen's patterns are compiled on their first use (about 0.1-0.3 s of CPU, over 1 s on a busy machine): pay it
  // at start, not in the first resident's turn or the first webhook a provider is waiting on.
  screenForSafety(' a warm up of the safety screen ');
  return runtimes;
}
