import type { ArticleIndex, Typeahead } from '../knowledge-base/index.js';
import type { ContentPack } from './content-pack/index.js';
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
