/**
 * A local stand-in LLM for tests and `npm run eval:answers`: an HTTP server speaking the OpenAI
 * chat-completions and embeddings wire format (and Azure's deployment paths), deterministic. It
 * answers from the numbered passages in the prompt (the sentences of the passage that best matches
 * the resident's latest message, cited), and can be told to add an unsupported sentence, refuse,
 * say NO_ANSWER, fail or time out. Every request it receives is kept for assertions.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInMode = 'answer' | 'unsupported' | 'only_unsupported' | 'refuse' | 'no_answer' | 'error' | 'timeout';

export interface StandInRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface LlmStandIn {
  url: string;
  /** The OpenAI-compatible base URL (LLM_BASE_URL). */
  baseURL: string;
  mode: StandInMode;
  /** Minimum term overlap (share of the message's words) for a passage to be used; below it, NO_ANSWER. */
  minOverlap: number;
  requests: StandInRequest[];
  /** The chat requests' messages, joined: what left the assistant. */
  chatText(): string;
  close(): Promise<void>;
}

const STOP = new Set('a an and are as at be but by can could do does for from have how i if in is it me my of on or our so that the their there this to was we what when where which who why will with would you your im ive dont get got want need know tell about any some please'.split(' '));
const words = (t: string) => t.toLowerCase().replace(/[^a-z0-9£% ]+/g, ' ').split(/\s+/).filter((w) => w && !STOP.has(w)).map((w) => w.replace(/(ing|ed|es|s|e)$/, ''));

interface ParsedPrompt {
  passages: { n: number; title: string; text: string }[];
  latest: string;
  earlier: string[];
  limit: number;
}

function parse(messages: { role: string; content: string }[]): ParsedPrompt {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const passages: ParsedPrompt['passages'] = [];
  for (const block of user.split(/\n\n(?=\[\d+\] )/)) {
    const m = /^\[(\d+)\] ([^\n]*)\n([\s\S]*)$/.exec(block.replace(/^Passages:\n\n/, ''));
    if (m) passages.push({ n: Number(m[1]), title: m[2], text: m[3].split(/\n\n(?:Earlier messages|Resident's latest)/)[0] });
  }
  const latest = /Resident's latest message: ([\s\S]*)$/.exec(user)?.[1].trim() ?? user;
  const earlier = [...(/Earlier messages from the resident:\n([\s\S]*?)\n\n/.exec(user)?.[1] ?? '').matchAll(/^- (.*)$/gm)].map((m) => m[1]);
  const limit = Number(/under (\d+) characters/.exec(system)?.[1] ?? 400);
  return { passages, latest, earlier, limit };
}

function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^- /, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z0-9£])/))
    .map((s) => s.replace(/[:;,]$/, '.'))
    .map((s) => (/[.!?]$/.test(s) ? s : `${s}.`));
}

/** The deterministic answer: the best passage's best sentences (within the limit), each cited. */
function compose(p: ParsedPrompt, mode: StandInMode, minOverlap: number): string {
  const asked = new Set(words(p.latest));
  const context = new Set(words(p.earlier.slice(-1).join(' ')));
  const score = (t: string) => {
    const w = new Set(words(t));
    let s = 0;
    for (const x of asked) if (w.has(x)) s += 1;
    for (const x of context) if (w.has(x)) s += 0.3;
    return s;
  };
  const ranked = [...p.passages].sort((a, b) => score(`${b.title} ${b.text}`) - score(`${a.title} ${a.text}`) || a.n - b.n);
  const best = ranked[0];
  if (!best || asked.size === 0 || score(`${best.title} ${best.text}`) / asked.size < minOverlap) return 'NO_ANSWER';
  const sentences = sentencesOf(best.text)
    .map((s, i) => ({ s, i, score: score(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: { s: string; i: number }[] = [];
  let length = 0;
  for (const c of sentences) {
    if (chosen.length >= 2 || (chosen.length > 0 && length + c.s.length > p.limit - 40)) break;
    if (chosen.length > 0 && c.score === 0) break;
    chosen.push(c);
    length += c.s.length;
  }
  const cited = chosen.sort((a, b) => a.i - b.i).map((c) => `${c.s.replace(/[.!?]$/, '')} [${best.n}].`);
  const invented = `You can also get a 50% discount for owning a Dalmatian at Merebrook Zoo [${best.n}].`;
  if (mode === 'unsupported') cited.push(invented);
  if (mode === 'only_unsupported') return invented;
  return cited.join(' ');
}

/** A hashed bag of words: texts sharing words have close vectors. */
function embedding(text: string, dims = 64): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of words(text)) v[createHash('md5').update(w).digest()[0] % dims] += 1;
  return v;
}

export async function startLlmStandIn(options: { mode?: StandInMode; minOverlap?: number } = {}): Promise<LlmStandIn> {
  const requests: StandInRequest[] = [];
  const pending = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad JSON', type: 'invalid_request_error' } }));
        return;
      }
      requests.push({ path, body });
      const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method !== 'POST') return send(404, { error: { message: 'not found', type: 'invalid_request_error' } });
      if (/\/embeddings$/.test(path)) {
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        const base64 = body.encoding_format === 'base64';
        return send(200, {
          object: 'list',
          model: body.model,
          data: input.map((t, index) => {
            const v = embedding(t);
            return { object: 'embedding', index, embedding: base64 ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v };
          }),
          usage: { prompt_tokens: input.join(' ').length, total_tokens: input.join(' ').length },
        });
      }
      if (!/\/chat\/completions$/.test(path)) return send(404, { error: { message: `no route ${path}`, type: 'invalid_request_error' } });
      if (stand.mode === 'timeout') {
        pending.add(res); // never answered: the client's timeout ends it
        res.on('close', () => pending.delete(res));
        return;
      }
      if (stand.mode === 'error') return send(500, { error: { message: 'the stand-in was told to fail', type: 'server_error' } });
      const messages = (body.messages ?? []) as { role: string; content: string }[];
      const refusal = stand.mode === 'refuse' ? "I'm sorry, I can't help with that." : null;
      const content = refusal ? null : stand.mode === 'no_answer' ? 'NO_ANSWER' : compose(parse(messages), stand.mode, stand.minOverlap);
      return send(200, {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 1_780_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: raw.length, completion_tokens: (content ?? '').length, total_tokens: raw.length + (content ?? '').length },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const stand: LlmStandIn = {
    url,
    baseURL: `${url}/v1`,
    mode: options.mode ?? 'answer',
    minOverlap: options.minOverlap ?? 0.6,
    requests,
    chatText: () =>
      requests
        .filter((r) => /chat\/completions$/.test(r.path))
        .map((r) => ((r.body.messages ?? []) as { content: string }[]).map((m) => m.content).join('\n'))
        .join('\n'),
    async close() {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return stand;
}
