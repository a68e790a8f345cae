/**
 * The prompt for an answer written from passages: answer only from the numbered passages, cite
 * them as [1], [2], say NO_ANSWER when they do not answer, and fit the channel.
 */
import type { Passage } from './passages.js';

/** The model's word for "the passages do not answer this". */
export const NO_ANSWER = 'NO_ANSWER';

export type AnswerChannel = 'voice' | 'sms' | 'web';

/** The language the answer is written in (issue 17): the passages given are the council's pages in it. */
export type AnswerLanguage = 'en' | 'cy';

/** How long an answer may be on each channel, in characters of answer text (links and markers not counted). */
export const CHANNEL_LIMITS: Record<AnswerChannel, number> = {
  // Spoken at about 15 characters a second: under 20 seconds.
  voice: 300,
  // One SMS of two segments (306 GSM characters) with room for the link.
  sms: 220,
  web: 450,
};

const CHANNEL_STYLE: Record<AnswerChannel, string> = {
  voice:
    'The answer will be read aloud on a phone call: plain spoken sentences, no lists, no URLs or web addresses, no symbols; say numbers as they are written in the passages.',
  sms: 'The answer is sent as one text message: one or two short sentences, no lists, no URLs.',
  web: 'The answer is shown in a web chat: two or three short sentences; do not write URLs (links to the passages are added for you).',
};

/** Any of the bot's channel names, as one of the three answer styles. */
export function answerChannel(channel: string): AnswerChannel {
  if (channel === 'voice') return 'voice';
  if (channel === 'sms' || channel === 'whatsapp') return 'sms';
  return 'web';
}

export interface PromptInput {
  councilName: string;
  passages: Passage[];
  /** Redacted. */
  question: string;
  /** The resident's recent messages before this one, oldest first, redacted. */
  history: string[];
  channel: AnswerChannel;
  /** Absent: English. */
  language?: AnswerLanguage;
}

export function buildAnswerPrompt(input: PromptInput): { system: string; user: string } {
  const limit = CHANNEL_LIMITS[input.channel];
  const system = [
    `You answer residents' questions for ${input.councilName}, using only the numbered passages from the council's own web pages that you are given.`,
    'Rules:',
    '- Use only facts stated in the passages. Do not add anything from your own knowledge, and do not guess.',
    '- End every sentence with the number of the passage it comes from, in square brackets, such as [1] or [2]. Cite only passages you were given.',
    '- Keep numbers, amounts, times and names exactly as the passages write them.',
    `- If the passages do not answer the question, reply with exactly ${NO_ANSWER} and nothing else.`,
    '- Use the earlier messages only to understand what the resident means; answer their latest message.',
    '- Personal details have been replaced by labels such as [postcode] or [name]; never ask for them and never repeat them.',
    `- ${CHANNEL_STYLE[input.channel]} Keep the answer under ${limit} characters.`,
    '- Speak to the resident as "you". Be plain and friendly.',
    ...(input.language === 'cy'
      ? [
          '- Write the answer in Welsh (Cymraeg), as a Welsh speaker would write it: natural, everyday Welsh, not a word-for-word translation. The passages are the council\'s Welsh pages: keep their wording, numbers, amounts and names. Address the resident as "chi". Do not answer in English.',
        ]
      : []),
  ].join('\n');
  const passages = input.passages.map((p, i) => `[${i + 1}] ${p.anchor ? `${p.articleTitle}: ${p.heading}` : p.articleTitle}\n${p.text}`).join('\n\n');
  const history = input.history.length ? `Earlier messages from the resident:\n${input.history.map((h) => `- ${h}`).join('\n')}\n\n` : '';
  const user = `Passages:\n\n${passages}\n\n${history}Resident's latest message: ${input.question}`;
  return { system, user };
}
