/**
 * Azure AI Language, Conversational Language Understanding (CLU), runtime prediction.
 *
 * Wire format confirmed against Microsoft's docs (MicrosoftDocs/azure-docs,
 * articles/ai-services/language-service/conversational-language-understanding/includes/rest-api/query-model.md):
 *   POST {endpoint}/language/:analyze-conversations?api-version=2023-04-01
 *   header Ocp-Apim-Subscription-Key: <key>
 *   body {"kind":"Conversation","analysisInput":{"conversationItem":{"id","participantId","text"}},
 *         "parameters":{"projectName","deploymentName","stringIndexType":"TextElement_V8"}}
 *   reply {"kind":"ConversationResult","result":{"query","prediction":{"topIntent","projectKind":"Conversation",
 *          "intents":[{"category","confidenceScore"}],"entities":[{"category","text","offset","length","confidenceScore"}]}}}
 * 2023-04-01 is the latest GA api-version for CLU per concepts/model-lifecycle.md (MicrosoftDocs/azure-ai-docs,
 * 2025 revision) and the Python SDK's default; it stays configurable for newer ones.
 * Orchestration projects answer with `intents` as an object keyed by name; they are not supported here.
 */
import { z } from 'zod';
import { OOS_LABEL } from '../recogniser/index.js';
import type { IntentPrediction } from '../types.js';
import { toPrediction } from './normalise.js';
import { RemoteRecogniserError, type CatalogueEntry, type RecogniseOptions, type RemoteRecogniser } from './types.js';

export const CLU_API_VERSION = '2023-04-01';
const DEFAULT_TIMEOUT_MS = 4000;

export interface CluOptions {
  /** https://<resource>.cognitiveservices.azure.com */
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  apiVersion?: string;
  catalogue: CatalogueEntry[];
  /** Extra CLU intent name → catalogue id pairs, for names the automatic mapping cannot guess. */
  intentMap?: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const responseSchema = z.object({
  kind: z.literal('ConversationResult'),
  result: z.object({
    prediction: z.object({
      projectKind: z.literal('Conversation', { message: 'only Conversation (not Orchestration) projects are supported' }),
      topIntent: z.string().nullish(),
      intents: z.array(z.object({ category: z.string(), confidenceScore: z.number() })),
    }),
  }),
});

/**
 * CLU intent names → catalogue ids. Projects may not allow dots in names, so
 * `waste_missed_collection` maps to `waste.missed_collection`; areas contain underscores too
 * (`council_tax_pay`), hence a table built from the catalogue rather than a string rule.
 * CLU's built-in `None` intent means out of scope. Matching ignores case.
 */
export function cluIntentMapper(catalogue: CatalogueEntry[], extra: Record<string, string> = {}): (category: string) => string | undefined {
  const table = new Map<string, string>([['none', OOS_LABEL]]);
  for (const { id } of catalogue) {
    table.set(id.toLowerCase(), id);
    table.set(id.replaceAll('.', '_').toLowerCase(), id);
  }
  for (const [name, id] of Object.entries(extra)) table.set(name.toLowerCase(), id);
  return (category) => table.get(category.toLowerCase());
}

export function createCluRecogniser(opts: CluOptions): RemoteRecogniser {
  const name = 'clu';
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${opts.endpoint.replace(/\/+$/, '')}/language/:analyze-conversations?api-version=${encodeURIComponent(opts.apiVersion ?? CLU_API_VERSION)}`;
  const toId = cluIntentMapper(opts.catalogue, opts.intentMap);
  const known = new Set(opts.catalogue.map((e) => e.id));
  const doFetch = opts.fetch ?? fetch;
  return {
    name,
    timeoutMs,
    async recognise(text: string, options: RecogniseOptions = {}): Promise<IntentPrediction> {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': opts.key, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          kind: 'Conversation',
          analysisInput: { conversationItem: { id: '1', participantId: 'resident', text } },
          // TextElement_V8 counts offsets in graphemes, as JavaScript users perceive characters.
          parameters: { projectName: opts.projectName, deploymentName: opts.deploymentName, stringIndexType: 'TextElement_V8' },
        }),
        signal,
      });
      const body = await res.text();
      if (!res.ok) throw new RemoteRecogniserError(name, `HTTP ${res.status}${errorDetail(body)}`, res.status);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new RemoteRecogniserError(name, 'response is not JSON', res.status);
      }
      const parsed = responseSchema.safeParse(json);
      if (!parsed.success) {
        throw new RemoteRecogniserError(name, `unexpected response: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      const { intents, topIntent } = parsed.data.result.prediction;
      const scores = intents.map((i) => ({ intent: toId(i.category) ?? `unknown:${i.category}`, confidence: i.confidenceScore }));
      const topId = topIntent ? toId(topIntent) : undefined;
      return toPrediction(scores, known, !topIntent || topId === OOS_LABEL);
    },
  };
}

/** Azure's error body is {"error":{"code","message"}}; its message names the problem (bad project, key...). */
function errorDetail(body: string): string {
  try {
    const e = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
    return e ? `: ${[e.code, e.message].filter(Boolean).join(' ')}` : '';
  } catch {
    return '';
  }
}
