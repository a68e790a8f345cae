/** Test helpers: local HTTP servers that speak a service's wire format, the demo catalogue, a tiny model. */
import fs from 'node:fs';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { trainIntentModel } from '../recogniser/index.js';
import type { IntentModel, TrainingExample } from '../types.js';
import type { CatalogueEntry } from './types.js';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Handler = (req: RecordedRequest, res: ServerResponse, n: number) => void;

/** A server on 127.0.0.1 and a free port; every request is recorded with its parsed JSON body. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text: a test will notice
      }
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      handler(recorded, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Answers only if the client is still there after `ms`; a timed-out client closes the socket first. */
export function sendLater(res: ServerResponse, ms: number, status: number, body: unknown): void {
  const timer = setTimeout(() => sendJson(res, status, body), ms);
  res.on('close', () => clearTimeout(timer));
}

/** A chat.completion object as api.openai.com returns it (fields per the openai package's types). */
export function chatCompletion(content: string, model = 'gpt-4o-mini-2024-07-18'): unknown {
  return {
    id: 'chatcmpl-9xYzTestOnly',
    object: 'chat.completion',
    created: 1_760_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: 2310,
      completion_tokens: 31,
      total_tokens: 2341,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_test',
  };
}

export function demoCatalogue(): CatalogueEntry[] {
  return JSON.parse(fs.readFileSync(path.resolve('content/demo/services.json'), 'utf8')) as CatalogueEntry[];
}

const EXAMPLES: Record<string, string[]> = {
  'waste.missed_collection': [
    "my bin wasn't emptied today",
    'bin not collected again',
    'the bin men missed my house',
    'you missed my recycling bin',
    'my rubbish was not picked up',
    'report a missed bin collection',
    'garden waste bin was missed yesterday',
  ],
  'highways.pothole': [
    'there is a pothole on my road',
    'report a pothole',
    'huge hole in the road outside my house',
    'pothole damaged my car tyre',
    'deep pothole on the high street',
    'potholes on the main road need fixing',
    'a crater in the road near the school',
  ],
  'council_tax.pay': [
    'i want to pay my council tax',
    'how do i pay council tax',
    'pay my council tax bill online',
    'can i pay council tax by card',
    'make a council tax payment',
    'set up a direct debit for council tax',
    'council tax payment please',
  ],
  out_of_scope: [
    'what is the weather like in spain',
    'tell me a joke',
    'book me a flight to paris',
    'who won the football last night',
    'recommend a good film',
    'how do i bake bread',
    'what is the capital of peru',
  ],
};

let tiny: Promise<IntentModel> | undefined;
/** A small embedded model trained on a few hand-made examples, shared by the tests of a file. */
export function tinyModel(): Promise<IntentModel> {
  const examples: TrainingExample[] = Object.entries(EXAMPLES).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
  tiny ??= trainIntentModel(examples, { seed: 7 });
  return tiny;
}
