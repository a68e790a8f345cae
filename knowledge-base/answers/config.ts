/**
 * The endpoint for written answers, from environment variables: ANSWERS_LLM chooses it (unset:
 * no written answers anywhere), and the remote recogniser's variables say where it is (LLM_* for
 * any OpenAI-compatible endpoint, AZURE_OPENAI_* for Azure OpenAI). Each council still turns
 * answers on in its settings (`answers.generate`).
 */
import OpenAI, { AzureOpenAI } from 'openai';
import { AnswerWriter, type AnswerEndpoint, type AnswerLog } from './writer.js';

export const ANSWERS_KINDS = ['llm', 'azure-openai'] as const;
export const DEFAULT_ANSWERS_TIMEOUT_MS = 6000;
/** Latest GA data-plane version in Microsoft's Azure OpenAI REST reference (as the recogniser's). */
const AZURE_API_VERSION = '2024-10-21';

export interface AnswersConfig {
  kind: (typeof ANSWERS_KINDS)[number];
  baseURL: string;
  apiKey?: string;
  model: string;
  embeddingModel?: string;
  timeoutMs: number;
  /** Azure only. */
  apiVersion?: string;
}

export class AnswersConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid answers configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AnswersConfigError';
  }
}

const isUrl = (u: string) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u);

/** Reads the settings; null when ANSWERS_LLM is unset. Every bad value is reported at once, by name (secrets never echoed). */
export function loadAnswersConfig(env: Record<string, string | undefined> = process.env): AnswersConfig | null {
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  const kind = get('ANSWERS_LLM');
  if (kind === undefined) return null;
  const problems: string[] = [];
  if (!(ANSWERS_KINDS as readonly string[]).includes(kind)) problems.push(`ANSWERS_LLM must be one of ${ANSWERS_KINDS.join(', ')} (got "${kind}")`);
  const timeoutRaw = get('ANSWERS_TIMEOUT_MS');
  const timeoutMs = timeoutRaw === undefined ? DEFAULT_ANSWERS_TIMEOUT_MS : Number(timeoutRaw);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) problems.push(`ANSWERS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000 (got "${timeoutRaw}")`);
  const need = (name: string, url = false) => {
    const v = get(name);
    if (v === undefined) problems.push(`${name} is required when ANSWERS_LLM=${kind}`);
    else if (url && !isUrl(v)) problems.push(`${name} must be an http(s) URL (got "${v}")`);
    return v ?? '';
  };
  const embeddingModel = get('ANSWERS_EMBEDDING_MODEL');
  let config: AnswersConfig | null = null;
  if (kind === 'llm') {
    config = { kind, baseURL: need('LLM_BASE_URL', true), apiKey: get('LLM_API_KEY'), model: need('LLM_MODEL'), embeddingModel, timeoutMs };
  } else if (kind === 'azure-openai') {
    const apiVersion = get('AZURE_OPENAI_API_VERSION') ?? AZURE_API_VERSION;
    if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) problems.push(`AZURE_OPENAI_API_VERSION must look like 2024-10-21 (got "${apiVersion}")`);
    config = {
      kind,
      baseURL: need('AZURE_OPENAI_ENDPOINT', true),
      apiKey: need('AZURE_OPENAI_API_KEY'),
      model: need('AZURE_OPENAI_DEPLOYMENT'),
      embeddingModel,
      timeoutMs,
      apiVersion,
    };
  }
  if (problems.length || !config) throw new AnswersConfigError(problems);
  return config;
}

/** The endpoint's client: no retries (a written answer that is late is replaced by the article). */
export function answerEndpoint(config: AnswersConfig): AnswerEndpoint {
  const common = { timeout: config.timeoutMs, maxRetries: 0 };
  const client =
    config.kind === 'azure-openai'
      ? // No `deployment` here: each request names its own (the council's model, the embeddings deployment).
        // baseURL rather than `endpoint`, as the recogniser does: the client would also read OPENAI_BASE_URL.
        new AzureOpenAI({ ...common, baseURL: `${config.baseURL.replace(/\/+$/, '')}/openai`, apiKey: config.apiKey, apiVersion: config.apiVersion })
      : new OpenAI({ ...common, baseURL: config.baseURL, apiKey: config.apiKey || 'unused' });
  return { kind: config.kind, client, model: config.model, embeddingModel: config.embeddingModel, timeoutMs: config.timeoutMs };
}

/** The writer for these settings, or null when answers are not configured. Throws AnswersConfigError. */
export function answerWriterFromEnv(env: Record<string, string | undefined>, log?: AnswerLog): AnswerWriter | null {
  const config = loadAnswersConfig(env);
  return config ? new AnswerWriter(answerEndpoint(config), log) : null;
}
