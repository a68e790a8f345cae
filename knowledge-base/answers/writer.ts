/**
 * Answers written from the council's pages through an OpenAI-compatible endpoint or Azure OpenAI
 * (the `openai` package): retrieve passages, redact, prompt, check every sentence against what it
 * cites, fit the channel. Anything short of a supported answer is a fallback with its reason.
 */
import OpenAI from 'openai';
import { terms } from '../text.js';
import { CHANNEL_LIMITS, NO_ANSWER, answerChannel, buildAnswerPrompt, type AnswerChannel, type AnswerLanguage } from './prompt.js';
import { expandQuery, type Passage, type PassageIndex } from './passages.js';
import { redactPersonal } from './redact.js';
import { retrieve, type Embed } from './retrieve.js';
import { checkAnswer, type CheckedSentence } from './verify.js';

export interface AnswerEndpoint {
  kind: 'llm' | 'azure-openai';
  client: OpenAI;
  /** The chat model (Azure: the deployment), unless a council names its own. */
  model: string;
  /** An embeddings model (Azure: deployment); unset: lexical retrieval only. */
  embeddingModel?: string;
  timeoutMs: number;
}

export interface WriteInput {
  passages: PassageIndex;
  /** The resident's message, as written (redacted here before it leaves). */
  question: string;
  /** The resident's recent messages before this one, oldest first, as written. */
  history: string[];
  /** The bot's channel name (voice, sms, whatsapp, webchat...). */
  channel: string;
  councilName: string;
  maxPassages: number;
  model?: string;
  services?: Map<string, number>;
  /** A follow-up: the article just answered. */
  focusArticleIds?: string[];
  /** The answer's language (the passages are the pages in it); absent: English. */
  language?: AnswerLanguage;
}

export type FallbackReason = 'no_passages' | 'refused' | 'no_answer' | 'unsupported' | 'failed' | 'timeout';

export type WrittenAnswer =
  | {
      kind: 'answer';
      /** With [1], [2] markers on the web; without on SMS and voice. */
      text: string;
      /** Speakable: no markers, no web addresses. */
      speech: string;
      /** The cited passages, [1] first. */
      sources: Passage[];
      /** Every sentence the model wrote, checked (kept and dropped). */
      sentences: CheckedSentence[];
      dropped: number;
      retrieved: Passage[];
    }
  | { kind: 'fallback'; reason: FallbackReason; retrieved: Passage[]; sentences?: CheckedSentence[]; detail?: string };

/** What the writer reports about failures (the endpoint down, embeddings missing); never the resident's words. */
export type AnswerLog = (event: string, detail: Record<string, unknown>) => void;

const URLISH = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.uk|org\.uk|co\.uk|uk|com|org)(?:\/\S*)?/gi;

export class AnswerWriter {
  /** Embeddings are tried once; an endpoint without them is remembered as such. */
  private embeddings: 'unknown' | 'yes' | 'no';

  constructor(
    readonly endpoint: AnswerEndpoint,
    private readonly log: AnswerLog = () => undefined,
  ) {
    this.embeddings = endpoint.embeddingModel ? 'unknown' : 'no';
  }

  private embedder(signal: AbortSignal): Embed | undefined {
    if (this.embeddings === 'no' || !this.endpoint.embeddingModel) return undefined;
    const model = this.endpoint.embeddingModel;
    return async (texts) => {
      const res = await this.endpoint.client.embeddings.create({ model, input: texts }, { signal });
      return [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    };
  }

  async write(input: WriteInput): Promise<WrittenAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.endpoint.timeoutMs);
    let retrieved: Passage[] = [];
    try {
      const history = input.history.slice(-3);
      const redactedQuestion = redactPersonal(input.question);
      const redactedHistory = history.map(redactPersonal);
      const base = { question: input.question, history, limit: input.maxPassages, services: input.services, focusArticleIds: input.focusArticleIds };
      const embed = this.embedder(controller.signal);
      let hits;
      try {
        hits = await retrieve(input.passages, base, embed && { fn: embed, text: [...redactedHistory.slice(-1), redactedQuestion].join('\n'), signal: controller.signal });
        if (embed) this.embeddings = 'yes';
      } catch (err) {
        if (controller.signal.aborted) throw err;
        // An endpoint without embeddings (or a failing one): lexical retrieval, and not asked again.
        if (this.embeddings === 'unknown') this.embeddings = 'no';
        this.log('embeddings unavailable', { err: String(err) });
        hits = await retrieve(input.passages, base);
      }
      retrieved = hits.map((h) => h.passage);
      if (retrieved.length === 0) return { kind: 'fallback', reason: 'no_passages', retrieved };
      const channel = answerChannel(input.channel);
      const prompt = buildAnswerPrompt({ councilName: input.councilName, passages: retrieved, question: redactedQuestion, history: redactedHistory, channel, language: input.language });
      const completion = await this.endpoint.client.chat.completions.create(
        {
          model: input.model ?? this.endpoint.model,
          messages: [
            { role: 'system', content: prompt.system },
            { role: 'user', content: prompt.user },
          ],
          temperature: 0,
        },
        { signal: controller.signal },
      );
      const message = completion.choices[0]?.message;
      if (!message?.content) return { kind: 'fallback', reason: message?.refusal ? 'refused' : 'failed', retrieved, detail: message?.refusal ? 'model refused' : 'empty reply' };
      const content = message.content.trim();
      if (content.includes(NO_ANSWER) || REFUSAL.test(content)) return { kind: 'fallback', reason: content.includes(NO_ANSWER) ? 'no_answer' : 'refused', retrieved };
      return shape(content, retrieved, channel, `${input.question} ${history.join(' ')}`, input.language);
    } catch (err) {
      const timedOut = controller.signal.aborted || err instanceof OpenAI.APIConnectionTimeoutError;
      this.log(timedOut ? 'answer timed out' : 'answer failed', { err: err instanceof Error ? err.name : 'error' });
      return { kind: 'fallback', reason: timedOut ? 'timeout' : 'failed', retrieved };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A model saying it cannot answer in words instead of NO_ANSWER. */
const REFUSAL = /^(?:i(?:'m| am) (?:sorry|afraid|unable|not able)|sorry,? (?:i|but)|i can(?:no|')t (?:help|answer|find)|i do(?:n'|no)t (?:know|have)|mae'n ddrwg gen i|yn anffodus,? (?:alla|dydw|does)|alla i ddim (?:ateb|helpu|dod o hyd))/i;

/** The checked answer, fitted to the channel, its citations renumbered in order of use; or why not. */
export function shape(content: string, retrieved: Passage[], channel: AnswerChannel, context: string, language?: AnswerLanguage): WrittenAnswer {
  const checked = checkAnswer(content, retrieved);
  const sentences = checked.sentences;
  const kept = checked.kept;
  // Too little left, or more guessed than supported: the article is the safer answer.
  if (kept.length === 0 || checked.dropped.length > kept.length) return { kind: 'fallback', reason: 'unsupported', retrieved, sentences };
  // What is left must still be about the question.
  const asked = new Set(terms(expandQuery(context)));
  if (!kept.some((s) => terms(s.text).some((t) => asked.has(t)) || s.cites.some((n) => terms(retrieved[n - 1].text).some((t) => asked.has(t))))) {
    return { kind: 'fallback', reason: 'unsupported', retrieved, sentences };
  }
  const limit = CHANNEL_LIMITS[channel];
  const fitted: CheckedSentence[] = [];
  let length = 0;
  for (const s of kept) {
    if (fitted.length > 0 && length + s.text.length + 1 > limit) break;
    fitted.push(s);
    length += s.text.length + 1;
  }
  const order: number[] = [];
  for (const s of fitted) for (const n of s.cites) if (!order.includes(n)) order.push(n);
  const renumber = (n: number) => order.indexOf(n) + 1;
  const speech = fitted.map((s) => s.text.replace(URLISH, language === 'cy' ? 'ein gwefan' : 'our website')).join(' ');
  const text =
    channel === 'web'
      ? fitted.map((s) => `${s.text.replace(/[.!?]$/, '')} ${s.cites.map((n) => `[${renumber(n)}]`).join('')}${/[!?]$/.test(s.text) ? s.text.slice(-1) : '.'}`).join(' ')
      : channel === 'voice'
        ? speech
        : fitted.map((s) => s.text).join(' ');
  return {
    kind: 'answer',
    text,
    speech,
    sources: order.map((n) => retrieved[n - 1]),
    sentences,
    dropped: checked.dropped.length,
    retrieved,
  };
}
