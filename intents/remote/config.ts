/** Chooses the recogniser from environment variables; the embedded model unless told otherwise. */
import { z } from 'zod';
import { CLU_API_VERSION, createCluRecogniser } from './clu.js';
import { createAzureOpenAIRecogniser, createLlmRecogniser, DEFAULT_TIMEOUT_MS } from './llm.js';
import type { CatalogueEntry, RemoteRecogniser } from './types.js';

/** Latest GA data-plane inference version listed in Microsoft's Azure OpenAI REST reference. */
export const AZURE_OPENAI_API_VERSION = '2024-10-21';
export const RECOGNISER_KINDS = ['embedded', 'llm', 'azure-openai', 'clu'] as const;

export type RecogniserConfig =
  | { kind: 'embedded'; timeoutMs: number }
  | { kind: 'llm'; timeoutMs: number; baseURL: string; apiKey?: string; model: string }
  | { kind: 'azure-openai'; timeoutMs: number; endpoint: string; apiKey: string; deployment: string; apiVersion: string }
  | { kind: 'clu'; timeoutMs: number; endpoint: string; key: string; project: string; deployment: string; apiVersion: string; intentMap: Record<string, string> };

export class RecogniserConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid recogniser configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RecogniserConfigError';
  }
}

/** Values of these are never echoed back in error messages. */
const SECRETS = new Set(['LLM_API_KEY', 'AZURE_OPENAI_API_KEY', 'CLU_KEY']);

const base = z.object({
  RECOGNISER: z.enum(RECOGNISER_KINDS, { message: `must be one of ${RECOGNISER_KINDS.join(', ')}` }).default('embedded'),
  RECOGNISER_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 (ms)')
    .max(60_000, 'must be at most 60000 (ms)')
    .default(DEFAULT_TIMEOUT_MS),
});

const required = (kind: string) => z.string({ message: `is required when RECOGNISER=${kind}` }).min(1);
const httpUrl = (kind: string, example: string) =>
  required(kind).refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), `must be an http(s) URL such as ${example}`);
const intentMap = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.string(), { message: 'must map CLU intent names to catalogue ids, e.g. {"MissedBin":"waste.missed_collection"}' }));

const byKind = {
  embedded: z.object({}),
  llm: z.object({
    LLM_BASE_URL: httpUrl('llm', 'https://api.openai.com/v1 or http://localhost:11434/v1'),
    LLM_API_KEY: z.string().optional(),
    LLM_MODEL: required('llm'),
  }),
  'azure-openai': z.object({
    AZURE_OPENAI_ENDPOINT: httpUrl('azure-openai', 'https://my-resource.openai.azure.com'),
    AZURE_OPENAI_API_KEY: required('azure-openai'),
    AZURE_OPENAI_DEPLOYMENT: required('azure-openai'),
    AZURE_OPENAI_API_VERSION: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must look like 2024-10-21 or 2025-04-01-preview')
      .default(AZURE_OPENAI_API_VERSION),
  }),
  clu: z.object({
    CLU_ENDPOINT: httpUrl('clu', 'https://my-language.cognitiveservices.azure.com'),
    CLU_KEY: required('clu'),
    CLU_PROJECT: required('clu'),
    CLU_DEPLOYMENT: required('clu'),
    CLU_API_VERSION: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must look like 2023-04-01').default(CLU_API_VERSION),
    CLU_INTENT_MAP: intentMap.optional(),
  }),
} as const;

/** Reads the settings; every bad value is reported at once, with the variable's name. */
export function loadRecogniserConfig(env: Record<string, string | undefined> = process.env): RecogniserConfig {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  const problems: string[] = [];
  const describe = (issues: z.core.$ZodIssue[]) => {
    for (const i of issues) {
      const name = String(i.path[0]);
      const got = present[name] === undefined || SECRETS.has(name) ? '' : ` (got "${present[name]}")`;
      problems.push(`${name} ${i.message}${got}`);
    }
  };
  const b = base.safeParse(present);
  if (!b.success) describe(b.error.issues);
  const kind = b.success ? b.data.RECOGNISER : undefined;
  const specific = kind ? byKind[kind].safeParse(present) : undefined;
  if (specific && !specific.success) describe(specific.error.issues);
  if (problems.length > 0 || !b.success || !specific?.success) throw new RecogniserConfigError(problems);

  const timeoutMs = b.data.RECOGNISER_TIMEOUT_MS;
  const v = specific.data as Record<string, unknown>;
  const s = (name: string) => v[name] as string;
  switch (b.data.RECOGNISER) {
    case 'embedded':
      return { kind: 'embedded', timeoutMs };
    case 'llm':
      return { kind: 'llm', timeoutMs, baseURL: s('LLM_BASE_URL'), apiKey: v.LLM_API_KEY as string | undefined, model: s('LLM_MODEL') };
    case 'azure-openai':
      return {
        kind: 'azure-openai',
        timeoutMs,
        endpoint: s('AZURE_OPENAI_ENDPOINT'),
        apiKey: s('AZURE_OPENAI_API_KEY'),
        deployment: s('AZURE_OPENAI_DEPLOYMENT'),
        apiVersion: s('AZURE_OPENAI_API_VERSION'),
      };
    case 'clu':
      return {
        kind: 'clu',
        timeoutMs,
        endpoint: s('CLU_ENDPOINT'),
        key: s('CLU_KEY'),
        project: s('CLU_PROJECT'),
        deployment: s('CLU_DEPLOYMENT'),
        apiVersion: s('CLU_API_VERSION'),
        intentMap: (v.CLU_INTENT_MAP as Record<string, string> | undefined) ?? {},
      };
  }
}

/** The configured remote recogniser, or null for the embedded model (the default). Throws RecogniserConfigError. */
export function remoteRecogniserFromEnv(env: Record<string, string | undefined>, catalogue: CatalogueEntry[]): RemoteRecogniser | null {
  return remoteRecogniserFromConfig(loadRecogniserConfig(env), catalogue);
}

export function remoteRecogniserFromConfig(config: RecogniserConfig, catalogue: CatalogueEntry[]): RemoteRecogniser | null {
  switch (config.kind) {
    case 'embedded':
      return null;
    case 'llm':
      return createLlmRecogniser({ baseURL: config.baseURL, apiKey: config.apiKey, model: config.model, catalogue, timeoutMs: config.timeoutMs });
    case 'azure-openai':
      return createAzureOpenAIRecogniser({ ...config, catalogue });
    case 'clu':
      return createCluRecogniser({
        endpoint: config.endpoint,
        key: config.key,
        projectName: config.project,
        deploymentName: config.deployment,
        apiVersion: config.apiVersion,
        intentMap: config.intentMap,
        catalogue,
        timeoutMs: config.timeoutMs,
      });
  }
}
