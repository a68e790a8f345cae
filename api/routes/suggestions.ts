import { Router } from 'express';
import { z } from 'zod';
import type { Assistant } from '../../bot/index.js';
import type { SuggestionsResponse } from '../../wire/index.js';
import { HttpProblem } from '../problem.js';

const query = z.object({ tenant: z.string().min(1).max(64).optional(), q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(10).default(6) });

type Suggestions = SuggestionsResponse['suggestions'];
type TypeaheadOf = { suggest(typed: string, limit?: number): Suggestions };

/**
 * Answers remembered per council's typeahead (issue 11: residents type the same prefixes, and each
 * keystroke scored every entry). A typeahead's answer depends only on the text and the limit (its
 * entries are fixed when the content pack is loaded; a reloaded pack brings a new typeahead, and a
 * new memory). Bounded: the oldest answer is forgotten first.
 */
const remembered = new WeakMap<TypeaheadOf, Map<string, Suggestions>>();
const REMEMBERED_PER_COUNCIL = 5_000;

function suggestions(typeahead: TypeaheadOf, typed: string, limit: number): Suggestions {
  let answers = remembered.get(typeahead);
  if (!answers) remembered.set(typeahead, (answers = new Map()));
  const key = `${limit}:${typed}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = typeahead.suggest(typed, limit);
    if (answers.size >= REMEMBERED_PER_COUNCIL) answers.delete(answers.keys().next().value!);
    answers.set(key, answer);
  }
  return answer;
}

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
    res.json({ suggestions: suggestions(runtime.typeahead, q.q, q.limit) } satisfies SuggestionsResponse);
  });
  return router;
}
