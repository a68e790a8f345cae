/** Reading short answers: numbers, yes/no, commands, choices. Shared by the flow engine and the policy. */

export function clean(text: string): string {
  return text
    .toLowerCase()
    // Accents off rather than out: Welsh tŷ, sŵn and ffôn match as ty, swn and ffon.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9@.+ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** clean() down to words: the full stops, @ and + it keeps for addresses become spaces ("Nac oes." → "nac oes"). */
export function plainWords(text: string): string {
  return clean(text).replace(/[.@+]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Welsh yes and no (issue 17), the one table of them. `lead`: a reply starting with one is that
 * answer in any conversation ("ie siŵr", "nac oes diolch": yesNo below). `alone`: only as the whole
 * message. i18n/answers.ts reads each of them, as a whole message, as "yes" or "no" (but "iawn"
 * and "dim" alone as "ok" and "skip").
 */
export const WELSH_YES_NO = {
  yes: {
    lead: ['ie', 'ia', 'do', 'oes', 'ydw', 'ydy', 'yndw', 'iawn', 'wrth gwrs'],
    alone: ['ydi', 'ydyn', 'ydych', 'ydan', 'ydw plis', 'ie plis', 'ie os gwelwch yn dda', 'oes plis', 'cewch', 'gewch', 'gwnewch', 'gwnaf', 'hoffwn', 'byddai', 'bydd', 'cywir', 'ie anfonwch e', 'ie anfonwch ddiweddariadau', 'anfonwch e', 'oedd', 'roedd'],
  },
  no: {
    lead: ['na', 'naddo', 'nac oes', 'nac ydw', 'nac ydy', 'dim'],
    alone: ['na plis', 'nag oes', 'nag ydw', 'nac ydi', 'nage', 'na diolch', 'dim diolch', 'na chewch', 'peidiwch', 'nac oedd', 'nag oedd', 'na dim diolch'],
  },
} as const;

// English, Polish ("tak", "nie"), then the Welsh that leads an answer.
const YES = new RegExp(`^(${['y', 'ya', 'yes', 'yeah', 'yea', 'yep', 'yup', 'aye', 'ok', 'okay', 'sure', 'correct', 'right', 'thats right', 'that is right', 'confirm', 'please do', 'go ahead', 'yes please', 'submit', 'send it', 'do it', 'definitely', 'of course', 'tak', ...WELSH_YES_NO.yes.lead].join('|')})\\b`);
const NO = new RegExp(`^(${['n', 'no', 'nah', 'nope', 'not really', 'no thanks', 'no thank you', 'negative', 'wrong', 'incorrect', 'dont', 'do not', 'nie', ...WELSH_YES_NO.no.lead].join('|')})\\b`);

export function yesNo(text: string): boolean | null {
  const t = clean(text);
  if (t === '1') return true;
  if (t === '2') return false;
  if (YES.test(t) && !/\b(not|dont|didnt|wasnt|isnt)\b/.test(t)) return true;
  if (NO.test(t)) return false;
  if (/^(it (was|did)|that (helped|was useful)|(very )?(useful|helpful)|thanks that helped|that helped)\b/.test(t)) return true;
  if (/^(it (wasnt|didnt)|(not|wasnt) (useful|helpful)|didnt help|that didnt help)\b/.test(t)) return false;
  return null;
}

export type Command = 'cancel' | 'restart' | 'back' | 'skip' | 'person';

export function command(text: string): Command | null {
  const t = clean(text);
  if (/^(cancel|cancel (it|this|that|the report|report)|stop (this|that|it|the report)|forget it|never ?mind|quit|exit|abort)$/.test(t)) return 'cancel';
  if (/^(start (again|over)|restart|begin again|from the (start|beginning)|start from scratch)$/.test(t)) return 'restart';
  if (/^(go back|back|previous( question)?|undo|change (my|the) last answer|wrong answer|i made a mistake)$/.test(t)) return 'back';
  if (/^(skip|skip (it|this|this one|that)|no comment|nothing( else)?|none|n a|na|dont know|i dont know|not sure|no idea|pass)$/.test(t)) return 'skip';
  if (isPersonRequest(t)) return 'person';
  return null;
}

export function isPersonRequest(text: string): boolean {
  const t = clean(text);
  return /^(talk|speak|chat)( to| with)? (a |an |some ?one|somebody|real |human|person|adviser|advisor|agent|operator)|^(human|person|agent|operator|adviser|advisor|real person)( please)?$|\b(talk|speak) to (a )?(human|person|real person|someone|somebody|adviser|advisor|agent|operator)\b/.test(t);
}

// Ending the chat: the whole message is a request to end it, typed, sent by the widget's End chat
// button ("End chat") or texted ("end"). Never a bare "end it" or "stop": those mean other things.
const END_CHAT = new RegExp(
  '^(?:(?:ok|okay|thanks|thank you|thanks very much|cheers|right|please|so|anyway) )*' +
    '(?:(?:i (?:want|would like|wanna|need) to|id like to|can i|could i|can you|could you|please|lets|let me|how do i|i am going to|im going to|you can) )?' +
    '(?:(?:end|close|exit|quit|finish|leave|stop) (?:the |this |my |our )?(?:chat|conversation|session|webchat|web chat|live chat)|end|(?:good ?)?bye(?: bye)?|bye for now|cheerio|ta ta)' +
    '(?: (?:now|please|thanks|thank you|cheers|bye|goodbye|for now))*$',
);

/** True when the message asks to end the conversation: "end chat", "end", "I want to end this chat", "bye". */
export function isEndChat(text: string): boolean {
  // clean() keeps full stops (for e-mail addresses): "End." and "bye!" are still an end.
  return END_CHAT.test(clean(text).replace(/[.]+/g, ' ').replace(/\s+/g, ' ').trim());
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, first: 1, two: 2, second: 2, three: 3, third: 3, four: 4, fourth: 4, five: 5, fifth: 5,
  six: 6, sixth: 6, seven: 7, seventh: 7, eight: 8, eighth: 8, nine: 9, ninth: 9, ten: 10, tenth: 10,
  eleven: 11, twelve: 12,
};

/** "2", "number 2", "the second one", "option two" → 2. */
export function ordinal(text: string): number | null {
  const t = clean(text).replace(/^(number|option|no|the|choice|press)\s+/, '').replace(/\s+(one|please)$/, '');
  if (/^\d{1,2}$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

export function parseNumber(text: string): number | null {
  const t = clean(text);
  const digits = /\b(\d{1,4})\b/.exec(t);
  if (digits) return Number(digits[1]);
  for (const w of t.split(' ')) if (NUMBER_WORDS[w] !== undefined) return NUMBER_WORDS[w];
  return null;
}

export interface ChoiceOption {
  value: string;
  label: string;
  synonyms?: string[];
}

/** Picks an option by number, by value, by label or by a synonym contained in the answer. */
export function matchChoice(text: string, options: ChoiceOption[]): ChoiceOption | null {
  const n = ordinal(text);
  if (n !== null && n >= 1 && n <= options.length) return options[n - 1];
  const t = clean(text);
  if (!t) return null;
  for (const o of options) {
    if (t === clean(o.value) || t === clean(o.label)) return o;
  }
  // Longest synonym or label word match wins, so "garden waste" beats "waste".
  let best: { o: ChoiceOption; len: number } | null = null;
  for (const o of options) {
    const phrases = [o.label, o.value.replace(/_/g, ' '), ...(o.synonyms ?? [])].map(clean).filter(Boolean);
    for (const p of phrases) {
      const hit = new RegExp(`(^|\\b)${escape(p)}(\\b|$)`).test(t) || (t.length >= 4 && p.startsWith(t));
      if (hit && (!best || p.length > best.len)) best = { o, len: p.length };
    }
  }
  return best?.o ?? null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
