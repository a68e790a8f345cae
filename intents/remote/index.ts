/** Optional remote recognisers (off by default) behind the embedded model's interface. */
export type { CatalogueEntry, RecogniseOptions, RemoteRecogniser } from './types.js';
export { RemoteRecogniserError } from './types.js';
export { createLlmRecogniser, createAzureOpenAIRecogniser, chatRecogniser, type OpenAICompatibleOptions, type AzureOpenAIOptions } from './llm.js';
export { createCluRecogniser, cluIntentMapper, CLU_API_VERSION, type CluOptions } from './clu.js';
export { withFallback, RemoteTimeoutError, type FallbackOptions, type FallbackRecogniser, type RemoteFailure, type EmbeddedRecogniser } from './with-fallback.js';
export {
  loadRecogniserConfig,
  remoteRecogniserFromEnv,
  remoteRecogniserFromConfig,
  RecogniserConfigError,
  RECOGNISER_KINDS,
  AZURE_OPENAI_API_VERSION,
  type RecogniserConfig,
} from './config.js';
export { buildSystemPrompt } from './prompt.js';
