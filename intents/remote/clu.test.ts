import { cluIntentMapper, createCluRecogniser } from './clu.js';
import { demoCatalogue, sendJson, sendLater, startServer, tinyModel, type TestServer } from './test-servers.fixture.js';
import { RemoteRecogniserError } from './types.js';
import { withFallback } from './with-fallback.js';

const catalogue = demoCatalogue();

/** A ConversationResult as documented for a Conversation (not Orchestration) project. */
function cluResult(query: string, topIntent: string, intents: [string, number][]): unknown {
  return {
    kind: 'ConversationResult',
    result: {
      query,
      prediction: {
        topIntent,
        projectKind: 'Conversation',
        intents: intents.map(([category, confidenceScore]) => ({ category, confidenceScore })),
        entities: [{ category: 'Street', text: 'Mill Lane', offset: 24, length: 9, confidenceScore: 1 }],
      },
    },
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clu = (url: string, extra: Partial<Parameters<typeof createCluRecogniser>[0]> = {}) =>
  createCluRecogniser({ endpoint: `${url}/`, key: 'clu-key-abc', projectName: 'council-triage', deploymentName: 'production', catalogue, ...extra });

describe('Azure CLU', () => {
  it('posts the documented request and maps underscore names to catalogue ids', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 200, cluResult((req.body as { analysisInput: { conversationItem: { text: string } } }).analysisInput.conversationItem.text, 'waste_missed_collection', [
        ['waste_missed_collection', 0.92],
        ['waste_bin_day', 0.05],
        ['None', 0.02],
        ['ChitChat', 0.01],
      ])),
    );
    const prediction = await clu(server.url).recognise('bins not collected on Mill Lane');

    expect(prediction.outOfScope).toBe(false);
    expect(prediction.ranked).toEqual([
      { intent: 'waste.missed_collection', confidence: 0.92 },
      { intent: 'waste.bin_day', confidence: 0.05 },
    ]);
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/language/:analyze-conversations?api-version=2023-04-01');
    expect(req.headers['ocp-apim-subscription-key']).toBe('clu-key-abc');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({
      kind: 'Conversation',
      analysisInput: { conversationItem: { id: '1', participantId: 'resident', text: 'bins not collected on Mill Lane' } },
      parameters: { projectName: 'council-triage', deploymentName: 'production', stringIndexType: 'TextElement_V8' },
    });
  });

  it('treats a None top intent as out of scope', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, cluResult('q', 'None', [['None', 0.81], ['council_tax_pay', 0.11]])));
    const prediction = await clu(server.url).recognise('my universal credit is late');
    expect(prediction.outOfScope).toBe(true);
    expect(prediction.ranked).toEqual([{ intent: 'council_tax.pay', confidence: 0.11 }]);
  });

  it('uses an explicit name map and a custom api-version', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, cluResult('q', 'MissedBin', [['MissedBin', 0.7], ['Pothole', 0.2]])));
    const prediction = await clu(server.url, { intentMap: { MissedBin: 'waste.missed_collection', Pothole: 'highways.pothole' }, apiVersion: '2024-11-15-preview' }).recognise('x');
    expect(prediction.ranked.map((r) => r.intent)).toEqual(['waste.missed_collection', 'highways.pothole']);
    expect(server.requests[0].url).toBe('/language/:analyze-conversations?api-version=2024-11-15-preview');
  });

  it('reports Azure errors with their code, and rejects Orchestration projects and non-JSON', async () => {
    server = await startServer((_req, res, n) => {
      if (n === 1) sendJson(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
      else if (n === 2) sendJson(res, 429, { error: { code: '429', message: 'Rate limit is exceeded.' } }, { 'retry-after': '1' });
      else if (n === 3) sendJson(res, 200, { kind: 'ConversationResult', result: { query: 'q', prediction: { projectKind: 'Orchestration', topIntent: 'x', intents: { x: { targetProjectKind: 'Conversation', confidenceScore: 1 } } } } });
      else {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad gateway</html>');
      }
    });
    const recogniser = clu(server.url);
    await expect(recogniser.recognise('x')).rejects.toMatchObject({ name: 'RemoteRecogniserError', status: 401, message: expect.stringMatching(/clu: HTTP 401: 401 Access denied/) });
    await expect(recogniser.recognise('x')).rejects.toMatchObject({ status: 429 });
    await expect(recogniser.recognise('x')).rejects.toThrow(/only Conversation \(not Orchestration\) projects/);
    await expect(recogniser.recognise('x')).rejects.toBeInstanceOf(RemoteRecogniserError);
  });

  it('times out by itself, and the fallback answers from the embedded model', async () => {
    server = await startServer((_req, res) => sendLater(res, 5000, 200, cluResult('q', 'None', [])));
    await expect(clu(server.url, { timeoutMs: 100 }).recognise('x')).rejects.toMatchObject({ name: 'TimeoutError' });

    const model = await tinyModel();
    const reasons: string[] = [];
    const recognise = withFallback(clu(server.url), model, { timeoutMs: 150, onError: (_e, f) => reasons.push(f.reason) });
    const text = 'i want to pay my council tax';
    expect(await recognise.recognise(text)).toEqual(model.predict(text));
    expect(reasons).toEqual(['timeout']);
  });
});

describe('cluIntentMapper', () => {
  const toId = cluIntentMapper(catalogue);
  it('maps dotted, underscored and differently cased names; areas may contain underscores', () => {
    expect(toId('waste.missed_collection')).toBe('waste.missed_collection');
    expect(toId('waste_missed_collection')).toBe('waste.missed_collection');
    expect(toId('Council_Tax_Pay')).toBe('council_tax.pay');
    expect(toId('social_care_adults')).toBe('social_care.adults');
    expect(toId('None')).toBe('out_of_scope');
    expect(toId('ChitChat')).toBeUndefined();
  });
});
