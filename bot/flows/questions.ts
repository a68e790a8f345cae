/**
 * Questions asked inside a flow, and three things residents ask anywhere (issue 17): a question is
 * told apart from an answer (so "can I upload a photo of the pothole" is never stored as the
 * pothole's location), answered from the flow itself or its service article where that is true,
 * and "start again", "can I send a photo" and the accessibility statement get real answers.
 * Pure functions: the policy decides when to use them and words the person offer.
 */
import { formatPhone } from '../../intents/index.js';
import type { KbArticle } from '../../knowledge-base/index.js';
import { splitArticle } from '../../knowledge-base/index.js';
import type { Flow, Settings } from '../content-pack/index.js';
import { clean } from '../matching.js';
import type { ChannelName, Language, OutboundMessage } from '../messages.js';

/** Starts like a question: an interrogative, or a modal/auxiliary verb before a pronoun ("can I", "do I", "will it"). */
const QUESTION_START =
  /^(?:(?:sorry|ok|okay|hi|hello|um|erm|so|and|but|also|just|quick question|one more thing|please)[, ]+)*(?:how|what|whats|when|whens|why|who|whos|which|hows|(?:where|can|could|may|might|do|does|did|will|would|should|shall|is|are|am|have|has|was|were|need)\s+(?:i|you|we|it|they|he|she|that|this|there|someone|somebody|anyone|my|the|a|an|u)\b)/;
/** A question inside a longer message ("I was wondering how long it takes"). */
const QUESTION_INSIDE = /\b(?:i (?:was )?wonder(?:ing)?|(?:can|could) you tell me|do i (?:need|have) to|how long|what happens|is it (?:ok|okay|possible|alright)|am i (?:able|allowed) to)\b/;

/** How sure we are that a message is a question: 'strong' (worded as one), 'weak' (only a question mark), or not one. */
export function questionStrength(text: string): 'strong' | 'weak' | null {
  const t = clean(text);
  if (!t) return null;
  if (QUESTION_START.test(t) || QUESTION_INSIDE.test(t)) return 'strong';
  if (/\?\s*$/.test(text.trim()) && t.split(' ').length >= 3) return 'weak';
  return null;
}

const PHOTO_WORDS = /\b(?:photo|photos|photograph|photographs|picture|pictures|pic|pics|piccy|image|images|screenshot|screenshots|video|videos|selfie)\b/;
const PHOTO_VERBS = /\b(?:send|sent|upload|attach|add|share|include|take|give|show|text|email|e mail|whatsapp|post|forward)\b/;

/** "Can I send a photo?", "how do I upload a picture of it", "I'd like to attach a photo": about sending one, not a report. */
export function asksAboutPhotos(text: string): boolean {
  const t = clean(text);
  if (!PHOTO_WORDS.test(t) || !PHOTO_VERBS.test(t)) return false;
  return questionStrength(text) !== null || /^(?:i (?:would|d) like to|i want to|i wanna|let me|how to|where (?:can|do) i)\b/.test(t) || /\bcan i\b/.test(t);
}

/** "Accessibility statement", "is your website accessible", "how accessible is this chat". */
export function asksForAccessibilityStatement(text: string): boolean {
  const t = clean(text);
  return /\baccessibility (?:statement|policy|standards?|information|info|page)\b|\bwcag\b|\b(?:website|site|chat|web chat|webchat|assistant) (?:is )?(?:accessible|accessibility)\b|\b(?:is|how) (?:your |the |this )?(?:website|site|chat|web chat|webchat) accessible\b/.test(t);
}

/** The accessibility statement article of the pack (its id names it), in the turn's language. */
export function accessibilityArticle(articles: readonly KbArticle[]): KbArticle | null {
  return articles.find((a) => a.id === 'corp-accessibility-statement') ?? null;
}

/**
 * A reset of the whole conversation ("start a new chat", "start over from scratch", "reset"), as
 * distinct from "start again" inside a report, which restarts that report (matching.ts `command`).
 */
export function isConversationReset(text: string): boolean {
  const t = clean(text).replace(/\b(?:please|pls|can we|can you|could we|i want to|id like to|lets|let us)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return /^(?:start (?:a )?new (?:chat|conversation)|new (?:chat|conversation)|reset(?: (?:the|this) (?:chat|conversation))?|clear (?:the |this |my )?(?:chat|conversation)|start (?:the |this )?(?:whole )?(?:chat|conversation) (?:again|over)|start (?:everything|it all) (?:again|over)|start (?:again|over) from (?:scratch|the (?:start|beginning))|forget (?:all that|everything)(?: and start again)?)$/.test(t);
}

/** What a question inside a flow is about, where the flow itself or the files rules give the answer. */
export type FlowQuestionTopic = 'photo' | 'timing' | 'next' | 'presence' | 'cost' | 'accessibility' | 'other';

export function flowQuestionTopic(text: string): FlowQuestionTopic {
  const t = clean(text);
  if (asksAboutPhotos(text)) return 'photo';
  if (asksForAccessibilityStatement(text)) return 'accessibility';
  if (/\bhow (?:long|soon|quickly)\b|\bwhen (?:will|would|is|are|do|does) (?:it|they|you|this|that|someone|somebody|anyone)\b.*\b(?:fix|fixed|done|sorted|repair|repaired|come|collect|collected|deal|dealt|look|happen|remove|removed|cleared|clear)\b|\bwhat (?:is|are) the (?:timescales?|time ?frame)\b/.test(t)) return 'timing';
  if (/\bwhat (?:happens|will happen|happen) (?:next|now|after|then)\b|\bwhat (?:is|are) the next steps?\b|\bwhat do you do (?:next|with (?:it|this|my report))\b|\bwhat happens to (?:it|this|my report)\b/.test(t)) return 'next';
  if (/\b(?:do|will|would|should) (?:i|we) (?:need|have) to be (?:in|home|at home|there|present|around|in the house)\b|\b(?:do|will|would|should) (?:i|we) (?:need|have) to (?:stay in|wait in|be around|meet)\b|\bneed (?:me|someone|somebody|anyone) (?:to be )?(?:in|home|there|present)\b/.test(t)) return 'presence';
  if (/\bhow much\b|\b(?:cost|costs|price|prices|charge|charges|fee|fees)\b|\bis (?:it|this|that) free\b|\b(?:do|will|would) (?:i|we) (?:have to |need to )?pay\b/.test(t)) return 'cost';
  return 'other';
}

/** What an article says about whether someone must be in: where to leave things, whether crews come inside. */
const PRESENCE =
  /\b(?:be (?:in|home|at home|there|present)|(?:do not|don't|dont) need to be|put (?:the |your )?(?:items?|bins?|them|it) (?:out|outside)|leave (?:it|them|the items?|your bins?) (?:out|outside)|into your (?:home|garden)|access to your (?:home|property)|let (?:us|them|the \w+) in)\b/i;

/** Words of the questions themselves (how long, what next, cost, being in), not of what they are about. */
const TOPIC_WORDS = new Set(
  'long soon quick quickly take takes took happen happens next now then step steps cost costs much price charge fee free pay paid fix fixed repair repaired sort sorted done come out deal dealt look looked there home present around stay wait someone somebody anyone they team report reporting question ask'.split(' ').map((w) => w.replace(/(?:ing|ed|es|s)$/, '')),
);

/**
 * Whether a question about timing, cost, next steps or being in is about this flow: it names
 * nothing beyond the question's own words and the flow's (its title, its articles' titles and
 * keywords). "How much does it cost?" in the bulky waste flow is; "how much is a garden waste
 * subscription?" in the pothole flow is another service's question.
 */
export function isAboutThisFlow(text: string, flow: Flow, articles: readonly KbArticle[]): boolean {
  const own = new Set(contentWords([flow.title, ...articles.flatMap((a) => [a.title, ...a.keywords])].join(' ')));
  return contentWords(text).every((w) => TOPIC_WORDS.has(w) || own.has(w));
}

/**
 * Whether and how to send a photo, for the channel the resident is on. True to what the product
 * does: the web chat's "Add a photo or file" (and "Take a photo" on a phone), MMS (where the number takes it), WhatsApp,
 * Messenger and e-mail attachments are kept (files/: JPEG, PNG or WebP photos and PDFs up to
 * 10 MB, checked, hidden details such as location stripped, sealed, kept with the conversation's
 * report for the staff dealing with it); a phone call takes none.
 */
export function photoAnswer(settings: Settings, channel: ChannelName, reporting: boolean, lang: Language = 'en'): OutboundMessage {
  const email = settings.channels?.email?.addresses?.[0] ?? null;
  // Twilio receives picture messages (MMS) only on US, Canadian and Australian numbers: a UK
  // council's texts carry no photos, so they are offered only where the number can take them.
  const twilioNumber = settings.channels?.twilioNumbers?.[0];
  const textNumber = twilioNumber && /^\+(1|61)/.test(twilioNumber) ? formatPhone(twilioNumber) : null;
  const whatsapp = (settings.channels?.whatsappPhoneNumberIds?.length ?? 0) > 0;
  if (lang === 'cy') return photoAnswerCy(channel, reporting, email, textNumber, whatsapp);
  const how: Record<string, string> = {
    webchat: 'To send a photo here, use the "Add a photo or file" button under the message box (on a phone, "Take a photo" opens your camera).',
    api: 'To send a photo here, use the "Add a photo or file" button under the message box (on a phone, "Take a photo" opens your camera).',
    sms: textNumber ? `To send a photo by text, send it as a picture message (MMS) to this number, ${textNumber}.` : '',
    whatsapp: 'To send a photo, just send it here in this WhatsApp chat.',
    messenger: 'To send a photo, just send it here in this chat.',
    instagram: 'To send a photo, just send it here in this chat.',
    email: 'To send a photo, attach it to your reply to this e-mail.',
  };
  const where = [
    'in our web chat',
    whatsapp ? 'on WhatsApp' : null,
    textNumber ? `as a picture message to ${textNumber}` : null,
    email ? `by e-mail to ${email}` : null,
  ].filter(Boolean).join(', ');
  if (channel === 'voice') {
    return {
      text:
        `I can't take photos on a phone call. You can send one ${where}: ` +
        `give your report's reference with it, so our team can match it to your report.`,
    };
  }
  const first = how[channel] || (channel === 'sms' ? `Texts to this number cannot carry photos. You can send one ${where}.` : `You can send photos ${where}.`);
  const what =
    'We accept JPEG, PNG or WebP photos and PDF files up to 10 MB. We check each one, remove hidden details such as where it was taken, and keep it securely ' +
    (reporting ? 'with this report, for the team dealing with it.' : 'for the team dealing with your enquiry. Only council staff see it.');
  const then = reporting ? ' You can send it now or after you have answered the questions.' : '';
  return { text: `${first} ${what}${then}` };
}

function photoAnswerCy(channel: ChannelName, reporting: boolean, email: string | null, textNumber: string | null, whatsapp: boolean): OutboundMessage {
  const how: Record<string, string> = {
    webchat: 'I anfon llun yma, defnyddiwch y botwm "Ychwanegu llun neu ffeil" o dan y blwch neges (ar ffôn, mae "Tynnu llun" yn agor eich camera).',
    api: 'I anfon llun yma, defnyddiwch y botwm "Ychwanegu llun neu ffeil" o dan y blwch neges (ar ffôn, mae "Tynnu llun" yn agor eich camera).',
    sms: textNumber ? `I anfon llun drwy neges destun, anfonwch y llun fel neges llun (MMS) i'r rhif hwn, ${textNumber}.` : '',
    whatsapp: 'I anfon llun, anfonwch e yma yn y sgwrs WhatsApp hon.',
    messenger: 'I anfon llun, anfonwch e yma yn y sgwrs hon.',
    instagram: 'I anfon llun, anfonwch e yma yn y sgwrs hon.',
    email: "I anfon llun, atodwch e i'ch ateb i'r e-bost hwn.",
  };
  const where = ['yn ein sgwrs ar y we', whatsapp ? 'ar WhatsApp' : null, textNumber ? `fel neges llun i ${textNumber}` : null, email ? `drwy e-bost i ${email}` : null].filter(Boolean).join(', ');
  if (channel === 'voice') {
    return { text: `Alla i ddim derbyn lluniau ar alwad ffôn. Gallwch anfon llun ${where}: rhowch gyfeirnod eich adroddiad gyda'r llun, er mwyn i'n tîm ei gysylltu â'ch adroddiad.` };
  }
  const first = how[channel] || (channel === 'sms' ? `Does dim modd anfon lluniau mewn neges destun i'r rhif hwn. Gallwch anfon llun ${where}.` : `Gallwch anfon lluniau ${where}.`);
  const what =
    "Rydyn ni'n derbyn lluniau JPEG, PNG neu WebP a ffeiliau PDF hyd at 10 MB. Rydyn ni'n gwirio pob un, yn tynnu manylion cudd fel ble y tynnwyd y llun, ac yn ei gadw'n ddiogel " +
    (reporting ? "gyda'r adroddiad hwn, i'r tîm sy'n delio ag ef." : "i'r tîm sy'n delio â'ch ymholiad. Dim ond staff y cyngor sy'n ei weld.");
  const then = reporting ? " Gallwch ei anfon nawr neu ar ôl ateb y cwestiynau." : '';
  return { text: `${first} ${what}${then}` };
}

/** "OK, let's start again": the conversation reset (nothing of a report in progress was sent). */
export function startAgainReply(hadReport: boolean, lang: Language = 'en'): OutboundMessage {
  if (lang === 'cy') {
    return { text: `Iawn, gadewch i ni ddechrau eto.${hadReport ? " Dyw'r adroddiad oedd ar y gweill ddim wedi'i anfon." : ''} Sut galla i helpu?` };
  }
  return { text: `OK, let's start again.${hadReport ? ' The report you had started has not been sent.' : ''} What can I help you with?` };
}

/** A question we cannot answer here: a person is offered (the button says "Talk to a person"). */
export function personForQuestion(lang: Language = 'en'): OutboundMessage {
  return lang === 'cy'
    ? { text: "Does gen i ddim ateb i hynny yma, ond gall aelod o'n tîm helpu. Dewiswch \"Siarad â pherson\" unrhyw bryd.", suggestions: [{ label: 'Siarad â pherson', value: 'Siarad â pherson' }] }
    : { text: "I don't have an answer to that here, but a member of our team can help. Choose \"Talk to a person\" at any time.", suggestions: [{ label: 'Talk to a person', value: 'Talk to a person' }] };
}

/**
 * Words that say nothing of a question's subject. Not the knowledge base's search terms
 * (knowledge-base/text.ts `terms`): those expand synonyms and stem hard for recall ("care" and
 * "car" meet), where telling whether a question is about this flow needs the words as written.
 */
const STOP_WORDS = new Set(
  'a an the i me my we our you your it its is are was were be been am do does did will would can could should shall may might to of in on at by for with from and or but if so that this there these those what when where which who why how about any anyone someone need have has had get got please just not no yes'.split(' '),
);

function contentWords(text: string): string[] {
  return clean(text).split(' ').filter((w) => w.length > 2 && !STOP_WORDS.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, ''));
}

/**
 * The article's sections (a heading with what follows it), as plain text on one line: the
 * knowledge base's passages without the summary (asked first where it counts), a long section's
 * paragraphs joined again, so a paragraph is scored with its section.
 */
function passages(article: KbArticle): string[] {
  const sections: { heading: string; anchor: string; text: string }[] = [];
  for (const p of splitArticle(article).filter((p, i) => i > 0 || p.anchor !== '')) {
    const last = sections[sections.length - 1];
    if (last && last.heading === p.heading && last.anchor === p.anchor) last.text += ` ${p.text}`;
    else sections.push({ heading: p.heading, anchor: p.anchor, text: p.text });
  }
  return sections.map((s) => s.text.replace(/\s+/g, ' ').trim());
}

/** Shortened to whole sentences, so an answer stays a message (and speakable on the phone). */
function shorten(text: string, max = 320): string {
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if ((out + s).length > max) break;
    out += s;
  }
  return (out || text.slice(0, max - 1) + '…').trim();
}

/**
 * The sentences of a text, trimmed; a list item ending in a full stop ("- Close the lids.") is one. Not the
 * knowledge base's `splitSentences`: that reads written answers, dropping list marks and running
 * a list's items together, where this picks out the items that say what was asked.
 */
function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? [text]).map((x) => x.trim()).filter(Boolean);
}

/**
 * The answer to a question asked inside a flow, when the flow or its service article gives one;
 * null when neither does (the caller offers a person). Timing and what happens next come from the
 * flow's own outcome (its team and target days), so they are what the report will really do.
 */
export function answerFlowQuestion(input: {
  text: string;
  flow: Flow;
  settings: Settings;
  channel: ChannelName;
  /** The flow's service articles, in the turn's language. */
  articles: readonly KbArticle[];
  allArticles: readonly KbArticle[];
  lang?: Language;
}): { reply: OutboundMessage; topic: FlowQuestionTopic } | null {
  const { text, flow, settings, channel, articles, lang = 'en' } = input;
  const topic = flowQuestionTopic(text);
  const cy = lang === 'cy';
  if (topic === 'photo') return { reply: photoAnswer(settings, channel, true, lang), topic };
  if (topic === 'accessibility') {
    const a = accessibilityArticle(input.allArticles);
    return a ? { reply: { text: a.summary, card: { title: a.title, body: a.summary, link: { label: a.title, url: a.url } } }, topic } : null;
  }
  const outcome = flow.outcome;
  const team = outcome.type === 'case' ? outcome.team.replace(/_/g, ' ') : '';
  if (topic === 'timing' && outcome.type === 'case') {
    const own = articlePassage(articles, text, /\b(?:within|working days?|hours|weeks?|days)\b/i);
    const target = cy
      ? `Nod ein tîm ${team} yw delio â'r adroddiad o fewn ${outcome.targetDays} diwrnod gwaith.`
      : `Our ${team} team aims to deal with it within ${outcome.targetDays} working days of your report.`;
    return { reply: { text: own ? `${target} ${own}` : target }, topic };
  }
  if (topic === 'timing' || topic === 'next') {
    if (outcome.type === 'lookup') {
      return { reply: { text: cy ? "Unwaith y bydd gen i'ch cyfeiriad, bydda i'n dweud wrthych chi'n syth." : "As soon as I have your address, I'll tell you straight away." }, topic };
    }
    if (topic === 'next') {
      return {
        reply: {
          text: cy
            ? `Pan fyddwch chi wedi ateb y cwestiynau, bydda i'n anfon eich adroddiad at ein tîm ${team} ac yn rhoi cyfeirnod i chi. Nod y tîm yw delio ag ef o fewn ${outcome.targetDays} diwrnod gwaith, a gallwch ofyn i mi amdano unrhyw bryd gyda'ch cyfeirnod.`
            : `When you've answered these questions, I'll send your report to our ${team} team and give you a reference number. They aim to deal with it within ${outcome.targetDays} working days, and you can ask me about it at any time with your reference.`,
        },
        topic,
      };
    }
  }
  if (topic === 'presence') {
    const own = articlePassage(articles, text, PRESENCE);
    return own ? { reply: { text: own }, topic } : null;
  }
  if (topic === 'cost') {
    const own = articlePassage(articles, text, /£\d|\bfree\b|\bno charge\b|\bcosts?\b|\bcharge[sd]?\b/i);
    return own ? { reply: { text: own }, topic } : null;
  }
  // Anything else: the service article's best-matching paragraph, when it shares enough with the question.
  const own = articlePassage(articles, text);
  return own ? { reply: { text: own, ...(articles[0] ? { card: { title: articles[0].title, body: own, link: { label: articles[0].title, url: articles[0].url } } } : {}) }, topic } : null;
}

/**
 * What the articles say about the question. With `must` (a topic's words: a price, a time, being
 * in): the summary's sentences that have them, else those of the best-matching paragraph that has
 * them. Without: the paragraph sharing at least two content words with the question. Shortened to
 * whole sentences; null when nothing fits.
 */
function articlePassage(articles: readonly KbArticle[], question: string, must?: RegExp): string | null {
  if (must) {
    for (const a of articles) {
      const hits = sentencesOf(a.summary).filter((x) => must.test(x));
      if (hits.length) return shorten(hits.join(' '));
    }
  }
  const asked = new Set(contentWords(question));
  let best: { text: string; score: number } | null = null;
  for (const a of articles) {
    for (const p of passages(a)) {
      if (must && !must.test(p)) continue;
      const words = new Set(contentWords(p));
      let score = must ? 1 : 0;
      for (const w of asked) if (words.has(w)) score++;
      if ((must ? score >= 1 : score >= 2) && (!best || score > best.score)) best = { text: p, score };
    }
  }
  if (!best) return null;
  if (!must) return shorten(best.text);
  return shorten(sentencesOf(best.text).filter((x) => must.test(x)).join(' '));
}
