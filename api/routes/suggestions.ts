import { Router } from 'express';
import { z } from 'zod';
import type { Assistant } from '../../bot/index.js';
import type { SuggestionsResponse } from '../../wire/index.js';
import { HttpProblem } from '../problem.js';

const query = z.object({ tenant: z.string().min(1).max(64).optional(), q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(10).default(6) });

/** Typeahead: predictive questions and articles while the resident types. */
export function suggestionRoutes(deps: { assistant: Assistant; defaultTenant: string }): Router {
  const router = Router();
  router.get('/suggestions', (req, res) => {
    const q = query.parse(req.query);
    let runtime;
    try {
      runtime = deps.assistant.runtime(q.tenant ?? deps.defaultTenant);
    } catch {
      throw new HttpProblem(404, 'Unknown tenant');
    }
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json({ suggestions: runtime.typeahead.suggest(q.q, q.limit) } satisfies SuggestionsResponse);
  });
  return router;
}
