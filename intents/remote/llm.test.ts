import { APIConnectionError, APIError } from 'openai';
import { createAzureOpenAIRecogniser, createLlmRecogniser } from './llm.js';
import { chatCompletion, demoCatalogue, sendJson, sendLater, startServer, tinyModel, type TestServer } from './test-servers.fixture.js';
import { RemoteRecogniserError } from './types.js';
import { withFallback, type RemoteFailure } from './with-fallback.js';

const catalogue = demoCatalogue();
const reply = (o: unknown) => chatCompletion(JSON.stringify(o));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('OpenAI-compatible endpoint', () => {
  const llm = (url: string, extra: { timeoutMs?: number; maxRetries?: number } = {}) =>
    createLlmRecogniser({ baseURL: `${url}/v1`, apiKey: 'sk-test', model: 'gpt-4o-mini', catalogue, maxRetries: 0, ...extra });

  it('sends the catalogue, rules and message as the openai package does, and maps the reply', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, reply({ intents: [{ id: 'waste.missed_collection', confidence: 0.86 }, { id: 'waste.new_bin', confidence: 0.09 }], outOfScope: false })),
    );
    const prediction = await llm(server.url).recognise('the bin men skipped our road again');

    expect(prediction).toEqual({
      ranked: [
        { intent: 'waste.missed_collection', confidence: 0.86 },
        { intent: 'waste.new_bin', confidence: 0.09 },
      ],
      outOfScope: false,
    });
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.headers['content-type']).toBe('application/json');
    const body = req.body as { model: string; messages: { role: string; content: string }[]; response_format: unknown; temperature: number };
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.temperature).toBe(0);
    expect(body.messages).toHaveLength(2);
    expect(body.messages[1]).toEqual({ role: 'user', content: 'the bin men skipped our road again' });
    const system = body.messages[0];
    expect(system.role).toBe('system');
    // JSON mode requires the word JSON in the messages; the catalogue and rules travel with it.
    expect(system.content).toContain('JSON');
    expect(system.content).toContain('- waste.missed_collection: Report a missed bin collection — Residents want');
    expect(system.content).toContain('housing.homeless_tonight');
    expect(system.content).toMatch(/Safety first/);
    expect(system.content).not.toContain('- out_of_scope:');
  });

  it('drops ids that are not in the catalogue, without inflating the rest', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, reply({
        intents: [
          { id: 'waste.missed_bin', confidence: 0.6 },
          { id: 'waste.missed_collection', confidence: 0.3 },
          { id: 'out_of_scope', confidence: 0.1 },
        ],
        outOfScope: false,
      })),
    );
    const prediction = await llm(server.url).recognise('bin not emptied');
    expect(prediction.ranked).toEqual([{ intent: 'waste.missed_collection', confidence: 0.3 }]);
    expect(prediction.outOfScope).toBe(false);
  });

  it('renormalises confidences that add up to more than 1 and never ranks the out-of-scope label', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, reply({ intents: [{ id: 'highways.pothole', confidence: 0.9 }, { id: 'highways.road_pavement_defect', confidence: 0.6 }] })),
    );
    const prediction = await llm(server.url).recognise('hole in the road');
    expect(prediction.ranked.map((r) => r.intent)).toEqual(['highways.pothole', 'highways.road_pavement_defect']);
    expect(prediction.ranked[0].confidence).toBeCloseTo(0.6);
    expect(prediction.ranked[1].confidence).toBeCloseTo(0.4);
    expect(prediction.outOfScope).toBe(false);
  });

  it('passes the out-of-scope flag through', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, reply({ intents: [], outOfScope: true })));
    expect(await llm(server.url).recognise('my GP will not give me an appointment')).toEqual({ ranked: [], outOfScope: true });
  });

  it('accepts JSON wrapped in a code fence, as some local servers send it', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, chatCompletion('```json\n{"intents":[{"id":"council_tax.pay","confidence":0.8}],"outOfScope":false}\n```')),
    );
    expect((await llm(server.url).recognise('pay council tax')).ranked[0]).toEqual({ intent: 'council_tax.pay', confidence: 0.8 });
  });

  it('rejects a reply that is not JSON, or JSON of the wrong shape', async () => {
    server = await startServer((_req, res, n) =>
      sendJson(res, 200, chatCompletion(n === 1 ? 'Sure! That sounds like waste.missed_collection.' : '{"intents":"waste.missed_collection"}')),
    );
    const recogniser = llm(server.url);
    await expect(recogniser.recognise('bin')).rejects.toThrow(/llm: reply is not JSON/);
    await expect(recogniser.recognise('bin')).rejects.toThrow(/llm: reply has the wrong shape: intents/);
    await expect(recogniser.recognise('bin')).rejects.toBeInstanceOf(RemoteRecogniserError);
  });

  it('retries a 429 (honouring retry-after-ms) and succeeds', async () => {
    server = await startServer((_req, res, n) =>
      n === 1
        ? sendJson(res, 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': '10' })
        : sendJson(res, 200, reply({ intents: [{ id: 'highways.pothole', confidence: 0.7 }], outOfScope: false })),
    );
    const prediction = await llm(server.url, { maxRetries: 1 }).recognise('pothole');
    expect(prediction.ranked[0].intent).toBe('highways.pothole');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a 500 after maxRetries, and the fallback answers from the embedded model', async () => {
    server = await startServer((_req, res) => sendJson(res, 500, { error: { message: 'The server had an error', type: 'server_error' } }, { 'retry-after-ms': '5' }));
    const recogniser = llm(server.url, { maxRetries: 1 });
    await expect(recogniser.recognise('pothole')).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);

    const model = await tinyModel();
    const failures: { error: unknown; failure: RemoteFailure }[] = [];
    const recognise = withFallback(recogniser, model, { onError: (error, failure) => failures.push({ error, failure }) });
    const text = 'there is a pothole on my road';
    expect(await recognise.recognise(text)).toEqual(model.predict(text));
    expect(failures).toHaveLength(1);
    expect(failures[0].failure).toMatchObject({ recogniser: 'llm', reason: 'error' });
    expect(failures[0].error).toBeInstanceOf(APIError);
  });

  it('times out by itself (default 4 s, here shortened)', async () => {
    server = await startServer((_req, res) => sendLater(res, 5000, 200, reply({ intents: [], outOfScope: true })));
    const started = Date.now();
    // Plain Node gives APIConnectionTimeoutError; under Jest's VM realm the client cannot recognise the
    // cross-realm AbortError and reports its parent class, APIConnectionError. Either way: rejected, quickly.
    await expect(llm(server.url, { timeoutMs: 150 }).recognise('bin')).rejects.toBeInstanceOf(APIConnectionError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a slow endpoint falls back to the embedded model within the budget and the request is cancelled', async () => {
    let closed = false;
    server = await startServer((_req, res) => {
      res.on('close', () => (closed = true));
      sendLater(res, 5000, 200, reply({ intents: [{ id: 'council_tax.pay', confidence: 0.9 }], outOfScope: false }));
    });
    const model = await tinyModel();
    const reasons: string[] = [];
    const recognise = withFallback(llm(server.url, { maxRetries: 2 }), model, { timeoutMs: 200, onError: (_e, f) => reasons.push(f.reason) });
    const started = Date.now();
    const text = "my bin wasn't emptied";
    const prediction = await recognise.recognise(text);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(prediction).toEqual(model.predict(text));
    expect(prediction.ranked[0].intent).toBe('waste.missed_collection');
    expect(reasons).toEqual(['timeout']);
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    expect(server.requests).toHaveLength(1); // aborted, not retried
  });
});

describe('Azure OpenAI', () => {
  it('calls /openai/deployments/{deployment}/chat/completions with api-version and the api-key header', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, chatCompletion(JSON.stringify({ intents: [{ id: 'housing.emergency_repair', confidence: 0.77 }], outOfScope: false }), 'gpt-4o-2024-11-20')),
    );
    const recogniser = createAzureOpenAIRecogniser({
      endpoint: `${server.url}/`,
      apiKey: 'az-key-123',
      deployment: 'triage-gpt4o',
      apiVersion: '2024-10-21',
      catalogue,
      maxRetries: 0,
    });
    const prediction = await recogniser.recognise('water pouring through my ceiling from the flat above');
    expect(prediction).toEqual({ ranked: [{ intent: 'housing.emergency_repair', confidence: 0.77 }], outOfScope: false });
    expect(recogniser.name).toBe('azure-openai');

    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/openai/deployments/triage-gpt4o/chat/completions?api-version=2024-10-21');
    expect(req.headers['api-key']).toBe('az-key-123');
    expect(req.headers.authorization).toBeUndefined();
    const body = req.body as { model: string; response_format: unknown; messages: unknown[] };
    expect(body.model).toBe('triage-gpt4o');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages).toHaveLength(2);
  });

  it('reports an Azure error (content filter, 400) as a rejection', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 400, { error: { code: 'content_filter', message: 'The response was filtered', status: 400 } }),
    );
    const recogniser = createAzureOpenAIRecogniser({ endpoint: server.url, apiKey: 'k', deployment: 'd', apiVersion: '2024-10-21', catalogue, maxRetries: 0 });
    await expect(recogniser.recognise('x')).rejects.toMatchObject({ status: 400 });
  });
});
