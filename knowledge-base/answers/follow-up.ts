/**
 * A follow-up answered without a language model: the best passage of the article just answered,
 * for the message read with the question before it ("I live on my own" after the council tax
 * discounts answer finds the single person discount). A list is narrowed to its matching items.
 */
import { terms } from '../text.js';
import { CHANNEL_LIMITS, answerChannel } from './prompt.js';
import { expandQuery, type Passage, type PassageIndex } from './passages.js';
import { retrieveLexical } from './retrieve.js';

export interface PassageAnswer {
  passage: Passage;
  /** The passage's words for the channel: its matching list items, or its text, cut at a sentence. */
  text: string;
  score: number;
}

/**
 * Below this BM25 score (the message alone against the article's passages) the message is not about
 * the article: one shared everyday word ("what about my water bill" after council tax) scores about 2.
 */
const MIN_RAW_SCORE = 3;

export function answerFromPassages(
  index: PassageIndex,
  input: { articleIds: string[]; question: string; history: string[]; channel: string },
): PassageAnswer | null {
  // The article's summary is what the resident was just shown: the answer is in a section.
  const section = (p: Passage) => p.anchor !== '';
  // The message alone must find something in the article: the earlier question only ranks what it finds.
  const own = index.search(input.question, { limit: 8, articleIds: new Set(input.articleIds) }).find((h) => section(h.passage));
  if (!own || own.score < MIN_RAW_SCORE) return null;
  const best = retrieveLexical(index, { question: input.question, history: input.history, limit: 8, onlyArticleIds: input.articleIds }).find((h) => section(h.passage));
  if (!best) return null;
  return { passage: best.passage, text: narrow(best.passage, `${input.question} ${input.history.slice(-1).join(' ')}`, answerChannel(input.channel)), score: best.score };
}

function narrow(passage: Passage, query: string, channel: keyof typeof CHANNEL_LIMITS): string {
  const limit = CHANNEL_LIMITS[channel];
  // Sentences and list items: a section of several answers the message with the one it is about.
  // An item keeps its lead-in ("You can still get the discount if the only other adults are:").
  const units: { text: string; lead?: string }[] = [];
  let lead: string | undefined;
  for (const line of passage.text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (/^- /.test(line)) units.push({ text: line.replace(/^- /, ''), lead });
    else {
      const sentences = line.split(/(?<=[.!?])\s+(?=[A-Z0-9£])/);
      lead = /:$/.test(line) ? sentences.pop() : undefined;
      units.push(...sentences.map((t) => ({ text: t })));
    }
  }
  const asked = new Set(terms(expandQuery(query)));
  const matches = (u: { text: string }) => terms(u.text).filter((t) => asked.has(t)).length;
  const top = Math.max(0, ...units.map(matches));
  const chosen = top > 0 ? units.filter((u) => matches(u) >= Math.max(1, top / 2)).slice(0, 2) : units;
  const parts: string[] = [];
  chosen.forEach((u, i) => {
    const item = u.text.replace(/[.;]$/, '');
    if (u.lead && chosen[i - 1]?.lead === u.lead) parts[parts.length - 1] = `${parts[parts.length - 1].replace(/\.$/, '')}; ${item}.`;
    else if (u.lead) parts.push(`${u.lead} ${item}.`);
    else parts.push(/[.!?]$/.test(u.text) ? u.text : `${u.text}.`);
  });
  let text = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  text = end > limit / 3 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, '')}...`;
  return text;
}
