/** LLM recogniser over any OpenAI-compatible chat-completions endpoint, or Azure OpenAI. */
import OpenAI, { AzureOpenAI } from 'openai';
import { z } from 'zod';
import type { IntentPrediction } from '../types.js';
import { toPrediction } from './normalise.js';
import { buildSystemPrompt } from './prompt.js';
import { RemoteRecogniserError, type CatalogueEntry, type RecogniseOptions, type RemoteRecogniser } from './types.js';

export const DEFAULT_TIMEOUT_MS = 4000;
/** One retry rides out a blip; more would blow the turn's time budget anyway. */
export const DEFAULT_MAX_RETRIES = 1;

/** The reply we ask for. Lenient where models vary (missing flag), strict where it matters. */
const replySchema = z.object({
  intents: z
    .array(z.object({ id: z.string(), confidence: z.number().finite() }))
    .default([]),
  outOfScope: z.boolean().default(false),
});

interface Common {
  catalogue: CatalogueEntry[];
  timeoutMs?: number;
  maxRetries?: number;
  /** 0 by default for stable labels; null omits it (some reasoning models reject it). */
  temperature?: number | null;
  councilName?: string;
}

export interface OpenAICompatibleOptions extends Common {
  /** e.g. https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), a vLLM server... */
  baseURL: string;
  /** Local servers often need none; the client insists on a value. */
  apiKey?: string;
  model: string;
}

export interface AzureOpenAIOptions extends Common {
  /** https://<resource>.openai.azure.com */
  endpoint: string;
  apiKey: string;
  deployment: string;
  apiVersion: string;
}

export function createLlmRecogniser(opts: OpenAICompatibleOptions): RemoteRecogniser {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey || 'unused', timeout, maxRetries: opts.maxRetries ?? DEFAULT_MAX_RETRIES });
  return chatRecogniser('llm', client, opts.model, opts);
}

export function createAzureOpenAIRecogniser(opts: AzureOpenAIOptions): RemoteRecogniser {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // baseURL is derived here rather than passing `endpoint`: the client would otherwise also read
  // OPENAI_BASE_URL from the environment and refuse the pair as "mutually exclusive".
  const client = new AzureOpenAI({
    baseURL: `${opts.endpoint.replace(/\/+$/, '')}/openai`,
    apiKey: opts.apiKey,
    apiVersion: opts.apiVersion,
    deployment: opts.deployment,
    timeout,
    maxRetries: opts.maxRetries ?? DEFAULT_MAX_RETRIES,
  });
  return chatRecogniser('azure-openai', client, opts.deployment, opts);
}

/** The shared core; `client` may be any OpenAI instance (tests, custom fetch, proxies). */
export function chatRecogniser(name: string, client: OpenAI, model: string, opts: Common): RemoteRecogniser {
  const system = buildSystemPrompt(opts.catalogue, opts.councilName);
  const known = new Set(opts.catalogue.map((e) => e.id));
  const temperature = opts.temperature === undefined ? 0 : opts.temperature;
  return {
    name,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    async recognise(text: string, options: RecogniseOptions = {}): Promise<IntentPrediction> {
      const completion = await client.chat.completions.create(
        {
          model,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: text },
          ],
          response_format: { type: 'json_object' },
          ...(temperature === null ? {} : { temperature }),
        },
        { signal: options.signal },
      );
      const message = completion.choices[0]?.message;
      if (!message?.content) throw new RemoteRecogniserError(name, message?.refusal ? `model refused: ${message.refusal}` : 'empty reply');
      const reply = parseReply(name, message.content);
      return toPrediction(
        reply.intents.map((i) => ({ intent: i.id, confidence: i.confidence })),
        known,
        reply.outOfScope,
      );
    },
  };
}

function parseReply(name: string, content: string): z.infer<typeof replySchema> {
  // JSON mode should give bare JSON, but some compatible servers still wrap it in a code fence.
  const bare = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(bare);
  } catch {
    // The reply (and the parser's message quoting it) may echo the resident's words: keep it out of logs.
    throw new RemoteRecogniserError(name, `reply is not JSON (${content.length} characters)`);
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) {
    throw new RemoteRecogniserError(name, `reply has the wrong shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
