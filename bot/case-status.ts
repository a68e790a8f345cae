/**
 * "What is happening with my case?" on every channel (issue 13, item 7), called from the policy
 * (policy.ts) and, like it, reading and deciding only: what changes is an effect (an audit record).
 *
 * - Anyone who gives a reference hears that the case exists and its status. Its details (what was
 *   reported and where, the latest note a resident may read, the target date) only when the asker
 *   is the reporter: the same contact, one resident across channels (a number a channel or a code
 *   vouched for, ARCHITECTURE.md "One resident across channels"), or after giving the phone number
 *   or e-mail held on the case ("To tell you more, what phone number or e-mail did you give when
 *   you reported it?"), compared normalised, three tries a conversation and a limit per case a day.
 *   Each disclosure of details is audited, and so is each failed check.
 * - References said or keyed in any natural way are read by intents/ (parseSpokenReference); the
 *   digits alone count, the council's prefix implied, where a reference was asked for.
 * - "What have I reported?": a resident with a vouched number hears their cases, newest first; one
 *   without is told how to get one (a texted code in web chat) or to give a reference.
 */
import { isOpenStatus, statusLabel } from '../cases/index.js';
import { normaliseEmail, normalisePhone, numberWordsToDigits, parseSpokenReference, type Entity } from '../intents/index.js';
import {
  casesOfContacts,
  contactDetailsHeld,
  failedCaseChecks,
  findCaseByReference,
  residentCaseNote,
  residentContactIds,
  toE164,
  verifiedPhonesOf,
  type CaseRow,
  type ConversationRow,
  type Db,
} from '../store/index.js';
import type { ContentPack } from './content-pack/index.js';
import type { DialogueState } from './dialogue.js';
import type { TurnEffect } from './effects.js';
import { clean, yesNo } from './matching.js';
import type { ChannelName, Language, OutboundMessage } from './messages.js';
import { messagesIn, serviceName } from './i18n/index.js';
import { formatDate } from './replies.js';

/** Wrong answers to the check a conversation may give for one case before it hears the status only. */
export const CHECK_TRIES = 3;
/** Failed checks of one case, across conversations, in a day: beyond them none is offered (guessing by many chats). */
export const CHECK_FAILURES_PER_DAY = 10;
/** A check not answered within this time lapses. */
const CHECK_LAPSES_MS = 30 * 60_000;
/** Cases listed for "what have I reported?". */
export const LIST_LIMIT = 5;

/** What this part keeps between turns, beside the rest of the dialogue (stored with it). */
export interface CaseStatusMemory {
  /** "What phone number or e-mail did you give?" was asked about this case. */
  caseCheck?: { caseId: string; reference: string; tries: number; askedAt: string };
  /** Cases this conversation passed the check for: their details are given again without asking. */
  casesChecked?: string[];
  /** After "what have I reported?" in web chat: the next number given is offered a texted code. */
  awaitingReportsPhone?: boolean;
}

export type StatusDialogue = DialogueState & CaseStatusMemory;

/** What the policy's turn lends this part. */
export interface CaseStatusTurn {
  db: Db;
  pack: ContentPack;
  conversation: ConversationRow;
  channel: ChannelName;
  text: string;
  now: Date;
  entities: Entity[];
  /** The turn's dialogue, changed in place. */
  dialogue: StatusDialogue;
  /** The turn's effects, added to in order. */
  effects: TurnEffect[];
  recognition: Record<string, unknown>;
  /** Whether a one-time code can be texted here (Twilio configured). */
  codesAvailable: boolean;
  /** Records a typed number and offers a texted code for it (policy.ts givenDetails); null when none is sent. */
  offerCode(phone: string): Promise<OutboundMessage | null>;
  /** The turn's language (English when not given). */
  language?: Language;
}

/** This part's words in the turn's language. */
function w(turn: Pick<CaseStatusTurn, 'language'>) {
  return messagesIn(turn.language).caseStatusWords;
}

/** A case's status as residents hear it, in the turn's language. */
function statusIn(turn: Pick<CaseStatusTurn, 'language'>, status: string): string {
  return messagesIn(turn.language).caseStatus[status] ?? statusLabel(status);
}

export interface CaseStatusAnswer {
  replies: OutboundMessage[];
  action: string;
}


// "What have I reported?", "show me my reports", "did I report anything?", "my cases".
const OWN_REPORTS = [
  /^(what|which)\b.*\b(have|did)\s+i\b.*\b(report|reported|raise|raised|made|log|logged|submit|submitted|sent)\b/,
  /^(what|which)\b.*\bi(ve| have)\s+(reported|raised|made|logged|submitted|sent)\b/,
  /^(have|did)\s+i\b.*\b(reported|report|raised|logged|submitted)\b.*\b(anything|any|something|before|already)\b/,
  /\b(list|show|see|view|check|tell me|give me|read)\b.*\bmy\b.*\b(reports|cases|requests|complaints|enquiries)\b/,
  /\bmy (open |previous |past |old |earlier |current |other |recent )?(reports|cases)\b/,
  // Welsh: "beth ydw i wedi rhoi gwybod amdano?", "fy adroddiadau".
  /^beth (ydw i|dw i|wyf i|rydw i) wedi (rhoi gwybod|adrodd|cofnodi)\b/,
  /\bfy adroddiadau\b/,
];

/** Asks for the resident's own reports (not to make a report). */
export function asksForOwnReports(text: string): boolean {
  const t = clean(text);
  return OWN_REPORTS.some((re) => re.test(t));
}

/**
 * The reference in the message: a written or spoken one with the council's prefix (an entity), or,
 * when one was asked for (`asked`), six digits said or keyed alone, the prefix implied.
 */
export function referenceIn(turn: CaseStatusTurn, asked: boolean): string | null {
  const entity = turn.entities.find((e) => e.type === 'case_reference');
  if (entity) return entity.value;
  if (!asked) return null;
  const prefix = turn.pack.settings.caseReferencePrefix;
  return parseSpokenReference(turn.text, { prefixes: [prefix], impliedPrefix: prefix })?.value ?? null;
}

/**
 * "What is your reference number?", with what a caller can say or key. Asked again (nothing like a
 * reference came): where else to turn, and the next message is decided as usual.
 */
export function askReference(turn: CaseStatusTurn, again = false): CaseStatusAnswer {
  const prefix = turn.pack.settings.caseReferencePrefix;
  const spoken = prefix.split('').join(' ');
  if (again) {
    delete turn.dialogue.awaitingReference;
    return {
      replies: [
        {
          text: w(turn).notCaught(prefix),
          speech: w(turn).notCaughtSpoken(spoken),
        },
      ],
      action: 'ask_reference_again',
    };
  }
  turn.dialogue.awaitingReference = true;
  return {
    replies: [
      {
        text: w(turn).ask(prefix),
        speech: w(turn).askSpoken(spoken),
      },
    ],
    action: 'ask_reference',
  };
}

/**
 * Whether the message answers this part's own question: a reference when one was asked for, or a
 * phone number or e-mail for the check. An unsure safety reading of such an answer ("four hundred
 * thousand and eighty one") is not worth "Is anyone in danger?" (policy.ts answersOwnQuestion).
 */
export function answersStatusQuestion(turn: CaseStatusTurn): boolean {
  if (turn.dialogue.caseCheck && givenContact(turn)) return true;
  return !!turn.dialogue.awaitingReference && referenceIn(turn, true) !== null;
}

/** The answer to a reference: details for the reporter, else the status and the check. */
export async function caseStatus(turn: CaseStatusTurn, reference: string): Promise<CaseStatusAnswer> {
  const tenant = turn.pack.tenant;
  delete turn.dialogue.caseCheck;
  const row = await findCaseByReference(turn.db, tenant, reference);
  if (!row) {
    return { replies: [{ text: w(turn).unknown(reference) }], action: 'case_status_unknown' };
  }
  const basis = await reporterBasis(turn, row);
  if (basis) return details(turn, row, basis);
  turn.recognition.caseStatus = { reference: row.reference, disclosed: 'status' };
  if (!(await checkable(turn, row))) {
    return { replies: [{ text: `${statusOnly(turn, row)} ${w(turn).askPerson}` }], action: 'case_status_only' };
  }
  turn.dialogue.caseCheck = { caseId: row.id, reference: row.reference, tries: 0, askedAt: turn.now.toISOString() };
  return { replies: [{ text: `${statusOnly(turn, row)} ${w(turn).checkQuestion}`, askFor: 'phone' }], action: 'case_status_check' };
}

/**
 * The answer to the check, when one is pending: the right phone or e-mail gives the details; a
 * wrong one counts; anything else lets the check lapse (null: the message is decided as usual).
 */
export async function answerCaseCheck(turn: CaseStatusTurn): Promise<CaseStatusAnswer | null> {
  const check = turn.dialogue.caseCheck;
  if (!check) return null;
  delete turn.dialogue.caseCheck;
  if (turn.now.getTime() - new Date(check.askedAt).getTime() > CHECK_LAPSES_MS) return null;
  const tenant = turn.pack.tenant;
  const row = await findCaseByReference(turn.db, tenant, check.reference);
  if (!row || row.id !== check.caseId) return null;
  const given = givenContact(turn);
  if (!given) {
    if (yesNo(turn.text) === false || /\b(dont|do not|cant|cannot) (know|remember|recall)\b|\bno idea\b|\bnot sure\b/.test(clean(turn.text))) {
      turn.recognition.caseStatus = { reference: row.reference, disclosed: 'status' };
      return { replies: [{ text: `${w(turn).thatsFine} ${statusOnly(turn, row)} ${w(turn).askPerson}` }], action: 'case_check_declined' };
    }
    return null;
  }
  // Many wrong answers from other conversations: this one is not checked either.
  if (!(await underDailyLimit(turn, row))) return failed(turn, row);
  const held = await heldFor(turn, row);
  const right = given.kind === 'phone' ? held.phones.includes(given.value) : held.emails.includes(given.value);
  if (right) {
    turn.dialogue.casesChecked = [...(turn.dialogue.casesChecked ?? []).filter((id) => id !== row.id), row.id].slice(-10);
    return details(turn, row, given.kind === 'phone' ? 'checked_phone' : 'checked_email');
  }
  turn.effects.push(audit(turn, 'case.status_check_failed', row, { kind: given.kind, try: check.tries + 1 }));
  const tries = check.tries + 1;
  if (tries >= CHECK_TRIES) return failed(turn, row);
  turn.dialogue.caseCheck = { ...check, tries };
  const left = CHECK_TRIES - tries;
  return {
    replies: [
      {
        text: w(turn).wrong(row.reference, left),
        askFor: 'phone',
      },
    ],
    action: 'case_check_wrong',
  };
}

function failed(turn: CaseStatusTurn, row: CaseRow): CaseStatusAnswer {
  turn.recognition.caseStatus = { reference: row.reference, disclosed: 'status' };
  return {
    replies: [{ text: w(turn).failed(statusOnly(turn, row)) }],
    action: 'case_check_failed',
  };
}

/** "What have I reported?": the resident's cases when their number is vouched for; else how to get there. */
export async function ownReports(turn: CaseStatusTurn): Promise<CaseStatusAnswer> {
  const { db, conversation } = turn;
  const tenant = turn.pack.tenant;
  const contactId = conversation.contact_id;
  const phones = contactId ? await verifiedPhonesOf(db, tenant, contactId) : [];
  const prefix = turn.pack.settings.caseReferencePrefix;
  const words = w(turn);
  const orReference = words.orReference(prefix);
  if (!contactId || !phones.length) {
    turn.recognition.caseList = { verified: false };
    if (turn.channel === 'voice') {
      return { replies: [{ text: words.listVoice(orReference) }], action: 'case_list_unverified' };
    }
    if (turn.codesAvailable && (turn.channel === 'webchat' || turn.channel === 'api')) {
      turn.dialogue.awaitingReportsPhone = true;
      return {
        replies: [
          {
            text: words.listCode(orReference),
            askFor: 'phone',
          },
        ],
        action: 'case_list_unverified',
      };
    }
    return { replies: [{ text: words.listNoCheck(orReference) }], action: 'case_list_unverified' };
  }
  const ids = await residentContactIds(db, tenant, contactId);
  const rows = await casesOfContacts(db, tenant, ids, LIST_LIMIT + 1);
  turn.recognition.caseList = { verified: true, count: Math.min(rows.length, LIST_LIMIT) };
  if (!rows.length) {
    return { replies: [{ text: words.listEmpty(orReference) }], action: 'case_list_empty' };
  }
  const tz = turn.pack.settings.openingHours.timezone;
  const shown = rows.slice(0, LIST_LIMIT);
  const lines = shown.map((r) => words.listLine(r.reference, serviceName(turn.pack, r.service_id, turn.language) ?? words.report, statusIn(turn, r.status), formatDate(r.created_at, tz, turn.language)));
  const head = words.listHead(shown.length, rows.length > LIST_LIMIT);
  const tail = words.listTail(rows.length > LIST_LIMIT);
  turn.effects.push({
    type: 'audit',
    event: {
      tenant,
      actorType: 'resident',
      actorId: null,
      action: 'case.list_disclosed',
      subjectType: 'contact',
      subjectId: contactId,
      detail: { conversationId: conversation.id, channel: turn.channel, references: shown.map((r) => r.reference) },
    },
  });
  return {
    replies: [{ text: [head, ...lines, tail].join('\n'), suggestions: shown.map((r) => ({ label: r.reference, value: r.reference })) }],
    action: 'case_list',
  };
}

/** After "what have I reported?" in web chat: a number given now is offered a texted code. Null: not that. */
export async function answerReportsPhone(turn: CaseStatusTurn): Promise<CaseStatusAnswer | null> {
  if (!turn.dialogue.awaitingReportsPhone) return null;
  delete turn.dialogue.awaitingReportsPhone;
  const phone = turn.entities.find((e) => e.type === 'phone')?.value;
  if (!phone) return null;
  const offer = await turn.offerCode(phone);
  if (offer) return { replies: [{ ...offer, text: `${offer.text}${w(turn).askAgainAfterCode}` }], action: 'case_list_code' };
  const prefix = turn.pack.settings.caseReferencePrefix;
  return {
    replies: [{ text: w(turn).noCode(prefix) }],
    action: 'case_list_no_code',
  };
}

// ---------------------------------------------------------------- who may hear the details

type Basis = 'same_contact' | 'same_resident' | 'vouched_number' | 'checked' | 'checked_phone' | 'checked_email';

/** Why the asker counts as the reporter, or null. */
async function reporterBasis(turn: CaseStatusTurn, row: CaseRow): Promise<Basis | null> {
  const asker = turn.conversation.contact_id;
  const owner = row.contact_id;
  if (!asker || !owner) return null;
  if (asker === owner) return 'same_contact';
  if (turn.dialogue.casesChecked?.includes(row.id)) return 'checked';
  const tenant = turn.pack.tenant;
  const mine = await verifiedPhonesOf(turn.db, tenant, asker);
  if (!mine.length) return null;
  if ((await residentContactIds(turn.db, tenant, asker)).includes(owner)) return 'same_resident';
  // Texting or calling from the number the reporter gave is giving it, vouched for by the network.
  const held = await heldFor(turn, row);
  return mine.some((p) => held.phones.includes(p)) ? 'vouched_number' : null;
}

/** The phone numbers (E.164) and e-mails (lower case) the case's contact gave or used, and any on the case itself (a call-back number). */
async function heldFor(turn: CaseStatusTurn, row: CaseRow): Promise<{ phones: string[]; emails: string[] }> {
  const held = row.contact_id ? await contactDetailsHeld(turn.db, turn.pack.tenant, row.contact_id) : { phones: [], emails: [] };
  const details = (row.details ?? {}) as Record<string, unknown>;
  const phones = [...held.phones, ...(typeof details.phone === 'string' ? [details.phone] : [])].map((p) => toE164(p) ?? normalisePhone(p) ?? p);
  const emails = [...held.emails, ...(typeof details.email === 'string' ? [details.email.trim().toLowerCase()] : [])];
  return { phones: [...new Set(phones)], emails: [...new Set(emails)] };
}

/** Whether a check can be offered: the case holds something to check against, and it is not being guessed at. */
async function checkable(turn: CaseStatusTurn, row: CaseRow): Promise<boolean> {
  const held = await heldFor(turn, row);
  if (!held.phones.length && !held.emails.length) return false;
  return underDailyLimit(turn, row);
}

async function underDailyLimit(turn: CaseStatusTurn, row: CaseRow): Promise<boolean> {
  const since = new Date(turn.now.getTime() - 24 * 3600_000);
  return (await failedCaseChecks(turn.db, turn.pack.tenant, row.id, since)) < CHECK_FAILURES_PER_DAY;
}

/** The phone number or e-mail in the answer: typed, keyed, or said ("oh seven seven…", "jo at example dot com"). */
function givenContact(turn: CaseStatusTurn): { kind: 'phone' | 'email'; value: string } | null {
  const email = turn.entities.find((e) => e.type === 'email')?.value;
  if (email) return { kind: 'email', value: email.toLowerCase() };
  const phone = turn.entities.find((e) => e.type === 'phone')?.value;
  if (phone) return { kind: 'phone', value: toE164(phone) ?? phone };
  const spokenEmail = / at /i.test(turn.text) && / dot /i.test(turn.text)
    ? normaliseEmail(turn.text.trim().replace(/\s+at\s+/i, '@').replace(/\s+dot\s+/gi, '.').replace(/\s+/g, ''))
    : null;
  if (spokenEmail) return { kind: 'email', value: spokenEmail };
  const digits = numberWordsToDigits(turn.text).replace(/[^\d+]/g, '');
  const spokenPhone = normalisePhone(digits);
  if (spokenPhone) return { kind: 'phone', value: spokenPhone };
  // A long number that is no UK phone number is still an answer: a wrong one.
  if (digits.replace(/\D/g, '').length >= 7) return { kind: 'phone', value: digits };
  return null;
}

// ---------------------------------------------------------------- what is said

function statusOnly(turn: Pick<CaseStatusTurn, 'language'>, row: CaseRow): string {
  return w(turn).statusOnly(row.reference, statusIn(turn, row.status));
}

/** What the reporter hears: what was reported and where, when, the status with its note, the target date. Audited. */
async function details(turn: CaseStatusTurn, row: CaseRow, basis: Basis): Promise<CaseStatusAnswer> {
  const tz = turn.pack.settings.openingHours.timezone;
  const service = turn.pack.servicesById.get(row.service_id);
  const summary = (row.summary ?? '').trim().replace(/[.\s]+$/, '');
  const where = (row.location as { label?: unknown } | null)?.label;
  const note = await residentCaseNote(turn.db, turn.pack.tenant, row.id);
  const words = w(turn);
  let text = words.made(row.reference, (service && serviceName(turn.pack, service.id, turn.language)) ?? words.yourReport, formatDate(row.created_at, tz, turn.language));
  if (summary) text += words.what(summary);
  if (typeof where === 'string' && where && !summary.includes(where)) text += words.where(where);
  text += words.status(statusIn(turn, row.status), note ? note.replace(/[.\s]+$/, '') : '');
  if (row.target_date && isOpenStatus(row.status)) text += words.target(formatDate(row.target_date, tz, turn.language));
  turn.recognition.caseStatus = { reference: row.reference, disclosed: 'details', basis };
  turn.effects.push(audit(turn, 'case.details_disclosed', row, { basis }));
  return { replies: [{ text }], action: 'case_status' };
}

function audit(turn: CaseStatusTurn, action: string, row: CaseRow, detail: Record<string, unknown>): TurnEffect {
  return {
    type: 'audit',
    event: {
      tenant: turn.pack.tenant,
      actorType: 'resident',
      actorId: null,
      action,
      subjectType: 'case',
      subjectId: row.id,
      detail: { reference: row.reference, conversationId: turn.conversation.id, channel: turn.channel, ...detail },
    },
  };
}
