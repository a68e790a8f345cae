import { loadRecogniserConfig, RecogniserConfigError, remoteRecogniserFromEnv } from './config.js';
import { chatCompletion, demoCatalogue, sendJson, startServer } from './test-servers.fixture.js';

const catalogue = demoCatalogue();

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadRecogniserConfig(env);
  } catch (e) {
    if (e instanceof RecogniserConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a RecogniserConfigError');
}

describe('recogniser configuration', () => {
  it('is the embedded model by default (and when RECOGNISER is empty)', () => {
    expect(remoteRecogniserFromEnv({}, catalogue)).toBeNull();
    expect(remoteRecogniserFromEnv({ RECOGNISER: '' }, catalogue)).toBeNull();
    expect(loadRecogniserConfig({ RECOGNISER: 'embedded' })).toEqual({ kind: 'embedded', timeoutMs: 4000 });
  });

  it('names an unknown recogniser and a bad timeout', () => {
    expect(problemsOf({ RECOGNISER: 'luis', RECOGNISER_TIMEOUT_MS: 'soon' })).toEqual([
      'RECOGNISER must be one of embedded, llm, azure-openai, clu (got "luis")',
      'RECOGNISER_TIMEOUT_MS must be a number of milliseconds (got "soon")',
    ]);
    expect(problemsOf({ RECOGNISER_TIMEOUT_MS: '10' })).toEqual(['RECOGNISER_TIMEOUT_MS must be at least 100 (ms) (got "10")']);
    expect(problemsOf({ RECOGNISER_TIMEOUT_MS: '2.5' })).toEqual(['RECOGNISER_TIMEOUT_MS must be a whole number of milliseconds (got "2.5")']);
  });

  it('lists every missing or bad setting of the chosen recogniser at once', () => {
    expect(problemsOf({ RECOGNISER: 'llm', LLM_BASE_URL: 'localhost:11434' })).toEqual([
      'LLM_BASE_URL must be an http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1 (got "localhost:11434")',
      'LLM_MODEL is required when RECOGNISER=llm',
    ]);
    expect(problemsOf({ RECOGNISER: 'azure-openai', AZURE_OPENAI_API_VERSION: 'latest' })).toEqual([
      'AZURE_OPENAI_ENDPOINT is required when RECOGNISER=azure-openai',
      'AZURE_OPENAI_API_KEY is required when RECOGNISER=azure-openai',
      'AZURE_OPENAI_DEPLOYMENT is required when RECOGNISER=azure-openai',
      'AZURE_OPENAI_API_VERSION must look like 2024-10-21 or 2025-04-01-preview (got "latest")',
    ]);
    expect(problemsOf({ RECOGNISER: 'clu', CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_INTENT_MAP: '{MissedBin:' })).toEqual([
      'CLU_DEPLOYMENT is required when RECOGNISER=clu',
      'CLU_INTENT_MAP must be JSON (got "{MissedBin:")',
    ]);
  });

  it('never echoes a key back', () => {
    const problems = problemsOf({ RECOGNISER: 'clu', CLU_KEY: 'super-secret', CLU_ENDPOINT: 'nope' });
    expect(problems.join('\n')).not.toContain('super-secret');
    expect(() => loadRecogniserConfig({ RECOGNISER: 'clu' })).toThrow(/Invalid recogniser configuration:\n {2}- CLU_ENDPOINT is required/);
  });

  it('reads defaults for the api versions and the optional LLM key', () => {
    expect(loadRecogniserConfig({ RECOGNISER: 'llm', LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'llama3.1:8b', RECOGNISER_TIMEOUT_MS: '2500' })).toEqual({
      kind: 'llm',
      timeoutMs: 2500,
      baseURL: 'http://localhost:11434/v1',
      apiKey: undefined,
      model: 'llama3.1:8b',
    });
    expect(loadRecogniserConfig({ RECOGNISER: 'clu', CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd', CLU_INTENT_MAP: '{"MissedBin":"waste.missed_collection"}' })).toMatchObject({
      apiVersion: '2023-04-01',
      intentMap: { MissedBin: 'waste.missed_collection' },
    });
    expect(loadRecogniserConfig({ RECOGNISER: 'azure-openai', AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'd' })).toMatchObject({ apiVersion: '2024-10-21' });
  });

  it('builds a working recogniser from the environment', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, chatCompletion('{"intents":[{"id":"highways.pothole","confidence":0.9}],"outOfScope":false}')));
    try {
      const recogniser = remoteRecogniserFromEnv(
        { RECOGNISER: 'azure-openai', AZURE_OPENAI_ENDPOINT: server.url, AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'triage', RECOGNISER_TIMEOUT_MS: '1500' },
        catalogue,
      );
      expect(recogniser?.name).toBe('azure-openai');
      expect(recogniser?.timeoutMs).toBe(1500);
      expect((await recogniser!.recognise('pothole')).ranked[0].intent).toBe('highways.pothole');
      expect(server.requests[0].url).toBe('/openai/deployments/triage/chat/completions?api-version=2024-10-21');
    } finally {
      await server.close();
    }
  });
});
