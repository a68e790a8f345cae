import { formatPhone } from '../../intents/index.js';
import type { ConversationRow, Db, HandoffRow } from '../../store/index.js';
import {
  casesJoinedFrom,
  casesOfConversation,
  claimsOfContact,
  contactIdentities,
  conversationSafetyFlag,
  contactById,
  fromJson,
  lastRecognition,
  linkedReportsByReference,
  otherCasesOfContact,
  otherConversationsOfContact,
  vouchedHolderOfPhone,
  type ContactClaim,
  type LinkedReport,
} from '../../store/index.js';
import { jsonArray, jsonObject } from './common.js';
import { intentLabel, labelledFlag, safetyLabel, type ServiceNames } from './labels.js';

export interface ConversationContext {
  /** The last recognised message's recognition, raw (ids, as stored). */
  recognition: Record<string, unknown> | null;
  /** The same, in words for the agent: catalogue names and plain labels, never internal ids. */
  understood: {
    intent: { label: string; confidence: number } | null;
    others: { label: string; confidence: number }[];
    safety: string | null;
  } | null;
  /** The conversation's highest safety flag from any message, however ordinary the latest was. */
  safetyFlag: { category: string; kind: string | null; label: string; reason: string | null; at: string } | null;
  flow: { title: string; answers: Record<string, string>; phase: string | null } | null;
  cases: CaseSummary[];
  contact: {
    id: string;
    displayName: string | null;
    phone: string | null;
    email: string | null;
    flags: string[];
    identities: { channel: string; channelUserId: string }[];
    /** Phone numbers and e-mails the resident typed, verified or not, in words for the agent. */
    claims: ContactClaimView[];
  } | null;
  previousConversations: { id: string; channel: string; createdAt: string; state: string; summary: string }[];
  previousCases: CaseSummary[];
}

export interface ContactClaimView {
  kind: 'phone' | 'email';
  value: string;
  verified: boolean;
  /** Another resident reached us from this number (texts or calls): may be the same person. */
  mayBeSameAs: { contactId: string; conversations: number; channels: string[] } | null;
  /** "Phone 07700 900123 — unverified, may be the same as the resident who texts from it (2 conversations)". */
  label: string;
}

export interface CaseSummary {
  reference: string;
  serviceId: string;
  status: string;
  createdAt: string;
  summary: string;
  /** Further reports joined to the case instead of opening another (duplicates on the street), oldest first. */
  linkedReports?: LinkedReportView[];
  /** This conversation's report was joined to the case, which was raised elsewhere: when, and how far from it. */
  joined?: { at: string; distanceMetres: number | null };
}

/** A linked report as agents see it: when, how far from the case's place, how it came in; nobody's details. */
export interface LinkedReportView {
  at: string;
  distanceMetres: number | null;
  via: string;
  /** The report this conversation made. */
  fromThisConversation: boolean;
}

const HISTORY_LIMIT = 20;

/**
 * What an agent needs to pick a conversation up without asking the resident to repeat
 * themselves: what the assistant understood last, the flow's answers so far, cases, the
 * contact (every channel they use) and their earlier conversations and cases.
 * `flowTitle` turns a flow id into its title when the handoff did not record one. `visible` says
 * whether the viewer may see another conversation (access.ts): earlier conversations, and cases
 * raised in them, outside the viewer's need to know are left out (a waste agent never reads an
 * earlier safeguarding summary).
 */
export async function conversationContext(
  db: Db,
  tenant: string,
  conversation: ConversationRow,
  handoff?: HandoffRow | null,
  flowTitle: (id: string) => string | undefined = () => undefined,
  serviceName: ServiceNames = () => undefined,
  visible: (conversationId: string) => Promise<boolean> = async () => true,
): Promise<ConversationContext> {
  const lastRecognised = await lastRecognition(db, tenant, conversation.id);
  const recognition = lastRecognised == null ? null : jsonObject(lastRecognised);
  const flag = await conversationSafetyFlag(db, tenant, conversation.id);
  const labelled = labelledFlag(flag);
  const safetyFlag = flag && labelled ? { ...labelled, reason: agentReason(flag.reason), at: flag.at } : null;

  const cases = await casesWithReports(db, tenant, conversation.id, visible);

  let contact: ConversationContext['contact'] = null;
  let previousConversations: ConversationContext['previousConversations'] = [];
  let previousCases: CaseSummary[] = [];
  if (conversation.contact_id) {
    const contactId = conversation.contact_id;
    const row = await contactById(db, tenant, contactId);
    if (row) {
      const identities = await contactIdentities(db, tenant, contactId);
      contact = {
        id: row.id,
        displayName: row.display_name,
        phone: row.phone,
        email: row.email,
        flags: jsonArray(row.flags),
        identities: identities.map((i) => ({ channel: i.channel, channelUserId: i.channel_user_id })),
        claims: await claimViews(db, tenant, contactId),
      };
    }
    const others = await otherConversationsOfContact(db, tenant, contactId, conversation.id, HISTORY_LIMIT);
    const hidden = new Set<string>();
    for (const c of others) if (!(await visible(c.id))) hidden.add(c.id);
    previousConversations = others.filter((c) => !hidden.has(c.id)).map((c) => ({
      id: c.id,
      channel: c.channel,
      createdAt: c.created_at.toISOString(),
      state: c.state,
      summary: c.handoff_summary ?? (c.first_message ? truncate(c.first_message, 160) : ''),
    }));
    previousCases = (await otherCasesOfContact(db, tenant, contactId, conversation.id, HISTORY_LIMIT)).filter((c) => !c.conversation_id || !hidden.has(c.conversation_id)).map(caseSummary);
  }

  return {
    recognition,
    understood: recognition ? understood(recognition, serviceName) : null,
    safetyFlag,
    flow: flowOf(conversation, handoff, flowTitle),
    cases,
    contact,
    previousConversations,
    previousCases,
  };
}

/** The contact's typed numbers and e-mails, each verified or not, and the resident a number may belong to. */
async function claimViews(db: Db, tenant: string, contactId: string): Promise<ContactClaimView[]> {
  const views: ContactClaimView[] = [];
  for (const claim of await claimsOfContact(db, tenant, contactId)) {
    const holder = claim.kind === 'phone' && !claim.verified_at ? await vouchedHolderOfPhone(db, tenant, claim.value, contactId) : undefined;
    views.push({ kind: claim.kind, value: claim.value, verified: !!claim.verified_at, mayBeSameAs: holder ?? null, label: claimLabel(claim, holder) });
  }
  return views;
}

function claimLabel(claim: ContactClaim, holder: { conversations: number; channels: string[] } | undefined): string {
  const what = claim.kind === 'phone' ? `Phone ${formatPhone(claim.value)}` : `Email ${claim.value}`;
  if (claim.verified_at) return `${what} — verified (the resident replied with the code texted to it)`;
  if (!holder) return `${what} — unverified (typed in the conversation)`;
  const reaches = [holder.channels.includes('sms') || holder.channels.includes('whatsapp') ? 'texts' : null, holder.channels.includes('voice') ? 'calls' : null].filter(Boolean);
  const n = holder.conversations;
  return `${what} — unverified, may be the same as the resident who ${reaches.length ? reaches.join('/') : 'contacts us'} from it (${n} ${n === 1 ? 'conversation' : 'conversations'})`;
}

/** The recognition in words: "Report a missed bin collection" at 82 %, never "waste.missed_collection". */
function understood(r: Record<string, unknown>, serviceName: ServiceNames): NonNullable<ConversationContext['understood']> {
  const id = typeof r.intent === 'string' ? r.intent : null;
  const confidence = typeof r.confidence === 'number' ? r.confidence : 0;
  const ranked = Array.isArray(r.ranked) ? (r.ranked as { intent?: unknown; confidence?: unknown }[]) : [];
  const safety = jsonObject(r.safety);
  return {
    intent: id ? { label: intentLabel(id, serviceName), confidence } : null,
    others: ranked
      .filter((x) => typeof x?.intent === 'string' && x.intent !== id)
      .map((x) => ({ label: intentLabel(x.intent as string, serviceName), confidence: typeof x.confidence === 'number' ? x.confidence : 0 })),
    safety: typeof safety.category === 'string' ? safetyLabel(safety.category, typeof safety.kind === 'string' ? safety.kind : null) : null,
  };
}

/** The screen's short reason ("mentions suicide") is for people; "classifier" is not. */
function agentReason(reason: string | null): string | null {
  return reason && reason !== 'classifier' && !/^[a-z_]+\.[a-z_]+$/.test(reason) ? reason : null;
}

/** The flow as the handoff recorded it, brought up to date with answers given since (the dialogue). */
function flowOf(
  conversation: ConversationRow,
  handoff: HandoffRow | null | undefined,
  flowTitle: (id: string) => string | undefined,
): ConversationContext['flow'] {
  const recorded = jsonObject(handoff?.context).flow as
    | { id?: string; title?: string; answers?: Record<string, unknown>; phase?: string }
    | null
    | undefined;
  const active = jsonObject(fromJson(conversation.dialogue)).flow as
    | { id?: string; phase?: string; slots?: Record<string, unknown> }
    | undefined;
  if (!recorded && !active) return null;
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(recorded?.answers ?? {})) answers[k] = label(v);
  if (active?.slots && (!recorded?.id || recorded.id === active.id)) {
    for (const [k, v] of Object.entries(active.slots)) if (!(k in answers)) answers[k] = label(v);
  }
  const id = recorded?.id ?? active?.id ?? '';
  return {
    title: recorded?.title ?? flowTitle(id) ?? id,
    answers,
    phase: active?.phase ?? recorded?.phase ?? null,
  };
}

function label(v: unknown): string {
  if (v && typeof v === 'object' && 'label' in v) return String((v as { label: unknown }).label);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

function caseSummary(r: { reference: string; service_id: string; status: string; created_at: Date; summary: string }): CaseSummary {
  return { reference: r.reference, serviceId: r.service_id, status: r.status, createdAt: r.created_at.toISOString(), summary: r.summary };
}

/**
 * The conversation's cases: those raised in it and those its report was joined to, each with its
 * linked reports (the cluster). A joined case was raised by someone else: its summary (their
 * words) is shown only where the viewer may see the conversation it was raised in.
 */
async function casesWithReports(db: Db, tenant: string, conversationId: string, visible: (conversationId: string) => Promise<boolean>): Promise<CaseSummary[]> {
  const raised = (await casesOfConversation(db, tenant, conversationId)).map(caseSummary);
  const joined: CaseSummary[] = [];
  for (const row of await casesJoinedFrom(db, tenant, conversationId)) {
    if (raised.some((c) => c.reference === row.reference) || joined.some((c) => c.reference === row.reference)) continue;
    const mayRead = !row.conversation_id || (await visible(row.conversation_id));
    joined.push({ ...caseSummary({ ...row, summary: mayRead ? row.summary : '' }), joined: { at: row.joined_at.toISOString(), distanceMetres: row.distance_metres } });
  }
  const all = [...raised, ...joined];
  const linked = await linkedReportsByReference(db, tenant, all.map((c) => c.reference));
  return all.map((c) => {
    const reports = linked.get(c.reference);
    return reports ? { ...c, linkedReports: reports.map((r) => linkedReportView(r, conversationId)) } : c;
  });
}

function linkedReportView(r: LinkedReport, conversationId: string): LinkedReportView {
  return { at: r.at.toISOString(), distanceMetres: r.distanceMetres, via: r.via, fromThisConversation: r.conversationId === conversationId };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
