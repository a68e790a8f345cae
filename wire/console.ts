/**
 * The agent console's API (/api/console): sign-in, the agent's work, supervisors' views and the
 * rota. Timestamps are ISO strings on the wire (the server may hold them as Dates: see Sendable).
 */
import { z } from 'zod';
import { author, conversationState, direction, language, priority } from './chat.js';

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export const role = z.enum(ROLES);
export const PRESENCES = ['available', 'busy', 'away'] as const;
export const presence = z.enum(PRESENCES);
/** How an agent may close a conversation (handoff/queue CLOSE_OUTCOMES). */
export const CLOSE_OUTCOMES = ['resolved', 'case_created', 'signposted', 'no_response', 'duplicate'] as const;
/** A case's statuses (handoff/queue CASE_STATUSES). */
export const CASE_STATUSES = ['received', 'assigned', 'in_progress', 'scheduled', 'resolved', 'closed'] as const;

/** The agent as the console sees it (no secrets). */
export const agent = z.strictObject({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(role),
  skills: z.array(z.string()),
  capacity: z.number(),
  status: presence,
  /** Sent by GET /me only: the council's name, for {council} in canned responses. */
  councilName: z.string().optional(),
});

// --- Sign-in ------------------------------------------------------------------------------------

export const loginRequest = z.object({
  tenant: z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, 'tenant ids are lower-case letters, digits and dashes').optional(),
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export const loginResponse = z.strictObject({ stage: z.enum(['totp', 'enrol']), csrfToken: z.string() });
export const totpEnrolment = z.strictObject({ otpauthUrl: z.string(), qrDataUrl: z.string(), secret: z.string() });
export const codeRequest = z.object({ code: z.string().trim().min(1).max(16) });
export const secondFactorRequest = z.union([codeRequest, z.object({ recoveryCode: z.string().trim().min(1).max(40) })]);
export const enrolmentDone = z.strictObject({ recoveryCodes: z.array(z.string()), agent, csrfToken: z.string() });
export const signedIn = z.strictObject({ agent, csrfToken: z.string() });
export const statusRequest = z.object({ status: presence });
export const agentResponse = z.strictObject({ agent });

// --- The agent's work ---------------------------------------------------------------------------

/** A conversation's highest safety flag, labelled for people ("Risk to life: suicide or self-harm"). */
export const safetyFlag = z.strictObject({ category: z.string(), kind: z.string().nullable(), label: z.string() });

export const queueItem = z.strictObject({
  id: z.string(),
  conversationId: z.string(),
  queue: z.string(),
  queueName: z.string(),
  priority,
  /** Internal reason (`safety.risk_to_life`, `resident_request`): show reasonLabel instead. */
  reason: z.string(),
  reasonLabel: z.string(),
  safety: safetyFlag.nullable(),
  /** Listed to this agent only because nobody with the queue's skills is available (urgent overflow). */
  overflow: z.boolean(),
  channel: z.string(),
  summary: z.string(),
  createdAt: z.string(),
  waitingSeconds: z.number(),
  offeredTo: z.string().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** The conversation's language where known (issue 17): the queue shows "Cymraeg" for Welsh. */
  language: language.optional(),
});
export const queueListing = z.strictObject({ handoffs: z.array(queueItem) });
export const acceptResponse = z.strictObject({ conversationId: z.string() });

export const transferTargets = z.strictObject({
  queues: z.array(z.strictObject({ id: z.string(), name: z.string(), skills: z.array(z.string()) })),
});
export const agentDirectory = z.strictObject({
  agents: z.array(z.strictObject({ id: z.string(), name: z.string(), status: presence, skills: z.array(z.string()) })),
});

export const caseSummary = z.strictObject({
  reference: z.string(),
  serviceId: z.string(),
  status: z.string(),
  createdAt: z.string(),
  summary: z.string(),
  /** Further reports joined to the case (duplicates on the street): when, how far from it, how. */
  linkedReports: z.array(z.strictObject({ at: z.string(), distanceMetres: z.number().nullable(), via: z.string(), fromThisConversation: z.boolean() })).optional(),
  /** This conversation's report was joined to the case, raised elsewhere. */
  joined: z.strictObject({ at: z.string(), distanceMetres: z.number().nullable() }).optional(),
});

/** The context panel: what the assistant understood and collected, cases, the contact and their history. */
export const conversationContext = z.strictObject({
  /** The last recognised message's recognition, raw (ids, as stored; older rows may lack fields). */
  recognition: z
    .looseObject({
      intent: z.string().nullable().optional(),
      confidence: z.number().optional(),
      ranked: z.array(z.looseObject({ intent: z.string(), confidence: z.number() })).optional(),
      entities: z.array(z.looseObject({ type: z.string(), value: z.unknown() })).optional(),
      safety: z.looseObject({ category: z.string(), kind: z.string().optional(), reason: z.string().optional() }).nullable().optional(),
    })
    .nullable(),
  /** The same in words: catalogue names and plain labels, never internal ids. */
  understood: z
    .strictObject({
      intent: z.strictObject({ label: z.string(), confidence: z.number() }).nullable(),
      others: z.array(z.strictObject({ label: z.string(), confidence: z.number() })),
      safety: z.string().nullable(),
    })
    .nullable(),
  safetyFlag: safetyFlag.extend({ reason: z.string().nullable(), at: z.string() }).nullable(),
  flow: z.strictObject({ title: z.string(), answers: z.record(z.string(), z.string()), phase: z.string().nullable() }).nullable(),
  cases: z.array(caseSummary),
  contact: z
    .strictObject({
      id: z.string(),
      displayName: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      flags: z.array(z.string()),
      identities: z.array(z.strictObject({ channel: z.string(), channelUserId: z.string() })),
      /** Numbers and e-mails the resident typed: verified by a texted code, or not (and who the number may belong to). */
      claims: z.array(
        z.strictObject({
          kind: z.enum(['phone', 'email']),
          value: z.string(),
          verified: z.boolean(),
          mayBeSameAs: z.strictObject({ contactId: z.string(), conversations: z.number(), channels: z.array(z.string()) }).nullable(),
          label: z.string(),
        }),
      ),
    })
    .nullable(),
  previousConversations: z.array(z.strictObject({ id: z.string(), channel: z.string(), createdAt: z.string(), state: z.string(), summary: z.string() })),
  previousCases: z.array(caseSummary),
  /** The conversation's language where known (issue 17): shown first in the panel ("Cymraeg"). */
  language: language.optional(),
});

/** A transcript line as the console reads it: the stored reply parts come as they were stored. */
export const consoleMessage = z.strictObject({
  id: z.string(),
  direction,
  author,
  text: z.string(),
  /** The outbound message's parts (card, link, suggestions; an adviser's name), or null. */
  parts: z.unknown(),
  createdAt: z.string(),
  /**
   * An outbound message that has not reached the resident, and why: refused for good (`failed`),
   * being tried again (`retrying`), waiting for the resident to write (`held`: WhatsApp's 24-hour
   * window), or not sent because they sent STOP (`suppressed`). Absent once sent.
   */
  delivery: z.strictObject({ status: z.enum(['failed', 'retrying', 'held', 'suppressed']), reason: z.string() }).optional(),
});

export const conversationView = z.strictObject({
  conversation: z.strictObject({
    id: z.string(),
    channel: z.string(),
    state: conversationState,
    createdAt: z.string(),
    lastMessageAt: z.string().nullable(),
    contactId: z.string().nullable(),
  }),
  handoff: z
    .strictObject({
      id: z.string(),
      queue: z.string(),
      queueName: z.string(),
      priority,
      reason: z.string(),
      reasonLabel: z.string(),
      summary: z.string(),
      note: z.string().nullable(),
      createdAt: z.string(),
      acceptedAt: z.string().nullable(),
      agentId: z.string().nullable(),
      offeredTo: z.string().nullable(),
      transferredAt: z.string().nullable(),
      firstReplyAt: z.string().nullable(),
      context: z.record(z.string(), z.unknown()),
    })
    .nullable(),
  transcript: z.array(consoleMessage),
  context: conversationContext,
  /**
   * A channel that allows free-form messages only for a while after the resident's last message
   * (WhatsApp, Messenger, Instagram: 24 hours); absent for other channels. `closesAt` null: the
   * resident has not written. Messenger and Instagram: `agentClosesAt`, until when an agent's reply
   * may still go (7 days, tagged HUMAN_AGENT, where the Page may: `humanAgentTag`; else `closesAt`).
   */
  messagingWindow: z
    .strictObject({ channel: z.string(), open: z.boolean(), closesAt: z.string().nullable(), agentClosesAt: z.string().nullable().optional(), humanAgentTag: z.boolean().optional() })
    .optional(),
});

export const replyRequest = z.strictObject({ text: z.string().trim().min(1, 'text must not be empty').max(2000, 'text must be at most 2000 characters') });
export const replyResponse = z.strictObject({
  message: z.strictObject({ id: z.string(), conversationId: z.string(), direction, author, text: z.string(), createdAt: z.string() }),
});
export const transferRequest = z
  .strictObject({
    queue: z.string().min(1).max(64).optional(),
    agentId: z.string().min(1).max(100).optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((b) => b.queue || b.agentId, { message: 'give a queue or an agentId' });
export const closeRequest = z.strictObject({ outcome: z.enum(CLOSE_OUTCOMES) });
/** `skill`: for agents with that skill only; null (or absent, from older servers) for the whole council (wire/daily-work.ts edits them). */
export const cannedResponses = z.strictObject({ responses: z.array(z.strictObject({ id: z.string(), title: z.string(), body: z.string(), skill: z.string().nullable().optional() })) });
export const kbSearchQuery = z.object({ q: z.string().trim().max(200).default('') });
export const kbSearchResponse = z.strictObject({ articles: z.array(z.strictObject({ id: z.string(), title: z.string(), summary: z.string(), url: z.string() })) });
export const caseRequest = z.strictObject({
  serviceId: z.string().min(1).max(100),
  summary: z.string().trim().min(1).max(500),
  details: z.record(z.string(), z.unknown()).optional(),
});
export const caseCreated = z.strictObject({ reference: z.string() });
export const caseUpdateRequest = z.strictObject({ status: z.enum(CASE_STATUSES), note: z.string().trim().max(2000).optional().default('') });

// --- Supervisors -------------------------------------------------------------------------------

export const serviceStandard = z.strictObject({ answerWithinSeconds: z.number(), targetShare: z.number(), maxAbandonedShare: z.number() });
export const queueServiceLevel = z.strictObject({
  id: z.string(),
  name: z.string(),
  waiting: z.number(),
  longestWaitSeconds: z.number(),
  agentsAvailable: z.number(),
  acceptedToday: z.number(),
  withinStandardToday: z.number(),
  abandonedToday: z.number(),
  withinStandardShare: z.number().nullable(),
  abandonedShare: z.number().nullable(),
  meetsStandard: z.boolean(),
  standard: serviceStandard,
});
export const supervisorQueues = z.strictObject({ queues: z.array(queueServiceLevel) });

export const dutyChain = z.strictObject({
  id: z.string(),
  handoffId: z.string().nullable(),
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  state: z.enum(['escalating', 'acknowledged', 'exhausted', 'handoff_taken']),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      step: z.number(),
      targetName: z.string().nullable(),
      target: z.enum(['rota', 'fallback']),
      channel: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      escalatedAt: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedBy: z.string().nullable(),
    }),
  ),
});
export const dutyStatus = z.strictObject({
  alarms: z.array(z.strictObject({ code: z.enum(['no_safety_cover', 'no_sender']), message: z.string() })),
  emergencyDutyTeamPhone: z.string().nullable(),
  chains: z.array(dutyChain),
});
export const referralAcknowledged = z.strictObject({ acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable() });

// --- The on-call rota and referrals (supervisors) ------------------------------------------------

export const rotaEntry = z.strictObject({
  id: z.string(),
  skill: z.string(),
  name: z.string(),
  channel: z.enum(['sms', 'email']),
  destination: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** This entry is the one a referral would go to now. */
  active: z.boolean(),
});
export const rotaListing = z.strictObject({ entries: z.array(rotaEntry) });
export const rotaEntryCreated = z.strictObject({ entry: rotaEntry });
/** What the console posts; the server parses it with handoff/referrals rotaEntryInput (dates coerced). */
export const newRotaEntry = rotaEntry.pick({ skill: true, name: true, channel: true, destination: true, startsAt: true, endsAt: true });
export const referralListing = z.strictObject({
  referrals: z.array(
    z.strictObject({
      id: z.string(),
      handoffId: z.string().nullable(),
      conversationId: z.string().nullable(),
      skill: z.string().nullable(),
      onCallName: z.string().nullable(),
      channel: z.string(),
      summary: z.string(),
      status: z.string(),
      attempts: z.number(),
      providerId: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
});

// --- Subject access and erasure (admins) --------------------------------------------------------

export const SUBJECT_SEARCH_KINDS = ['phone', 'email', 'reference', 'name'] as const;
/** POST /subject-access/search: a POST keeps the number or name out of URLs and logs. */
export const subjectSearchRequest = z.strictObject({ by: z.enum(SUBJECT_SEARCH_KINDS), value: z.string().trim().min(1).max(200) });
/** One person (a contact) or a case without one, with enough to tell who it is and no message text. */
export const subjectMatch = z.strictObject({
  contactId: z.string().nullable(),
  caseId: z.string().nullable(),
  displayName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  identities: z.array(z.strictObject({ channel: z.string(), channelUserId: z.string() })),
  conversations: z.number(),
  caseReferences: z.array(z.string()),
  lastActivityAt: z.string().nullable(),
});
export const subjectSearchResponse = z.strictObject({ matches: z.array(subjectMatch) });
/** The contacts and contact-less cases an export or erasure is about. */
export const subjectIds = z.strictObject({ contactIds: z.array(z.string()), caseIds: z.array(z.string()) });
/** GET /subject-access/export?format=json: every stored row about them, table by table, as stored. */
export const subjectExport = z.strictObject({
  council: z.string(),
  exportedAt: z.string(),
  exportedBy: z.strictObject({ id: z.string(), name: z.string() }),
  subject: subjectIds,
  record: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export const eraseRequest = z.strictObject({
  contactIds: z.array(z.string()).max(50).default([]),
  caseIds: z.array(z.string()).max(50).default([]),
  reason: z.string().trim().min(5).max(1000),
  /** Typed by the admin. */
  confirm: z.literal('ERASE'),
});
/** What an erasure did: rows removed or stripped per kind, and the case references kept without identity. */
export const erasureResult = z.strictObject({ erasureId: z.string(), counts: z.record(z.string(), z.number()), keptCaseReferences: z.array(z.string()) });
/** The record that an erasure happened (its reason with the resident's details struck out). */
export const erasureRecord = z.strictObject({
  id: z.string(),
  erasedAt: z.string(),
  erasedBy: z.string(),
  erasedByName: z.string(),
  reason: z.string(),
  counts: z.record(z.string(), z.number()),
  keptCaseReferences: z.array(z.string()),
});
export const erasureListing = z.strictObject({ erasures: z.array(erasureRecord) });

/** A problem response (application/problem+json), with field errors from validation. */
export const problem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type Role = z.infer<typeof role>;
export type Presence = z.infer<typeof presence>;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Agent = z.infer<typeof agent>;
export type LoginRequest = z.infer<typeof loginRequest>;
export type LoginResponse = z.infer<typeof loginResponse>;
export type TotpEnrolment = z.infer<typeof totpEnrolment>;
export type SecondFactorRequest = z.infer<typeof secondFactorRequest>;
export type EnrolmentDone = z.infer<typeof enrolmentDone>;
export type SignedIn = z.infer<typeof signedIn>;
export type AgentResponse = z.infer<typeof agentResponse>;
export type SafetyFlag = z.infer<typeof safetyFlag>;
export type QueueItem = z.infer<typeof queueItem>;
export type QueueListing = z.infer<typeof queueListing>;
export type AcceptResponse = z.infer<typeof acceptResponse>;
export type TransferTargets = z.infer<typeof transferTargets>;
export type AgentDirectory = z.infer<typeof agentDirectory>;
export type CaseSummary = z.infer<typeof caseSummary>;
export type ConversationContext = z.infer<typeof conversationContext>;
export type ConsoleMessage = z.infer<typeof consoleMessage>;
export type ConversationView = z.infer<typeof conversationView>;
export type ReplyRequest = z.infer<typeof replyRequest>;
export type ReplyResponse = z.infer<typeof replyResponse>;
export type TransferRequest = z.input<typeof transferRequest>;
export type CannedResponses = z.infer<typeof cannedResponses>;
export type CannedResponse = CannedResponses['responses'][number];
export type KbSearchResponse = z.infer<typeof kbSearchResponse>;
export type Article = KbSearchResponse['articles'][number];
export type CaseRequest = z.infer<typeof caseRequest>;
export type CaseCreated = z.infer<typeof caseCreated>;
export type CaseUpdateRequest = z.input<typeof caseUpdateRequest>;
export type ServiceStandard = z.infer<typeof serviceStandard>;
export type QueueServiceLevel = z.infer<typeof queueServiceLevel>;
export type SupervisorQueues = z.infer<typeof supervisorQueues>;
export type DutyChain = z.infer<typeof dutyChain>;
export type DutyStatus = z.infer<typeof dutyStatus>;
export type ReferralAcknowledged = z.infer<typeof referralAcknowledged>;
export type RotaEntry = z.infer<typeof rotaEntry>;
export type RotaListing = z.infer<typeof rotaListing>;
export type RotaEntryCreated = z.infer<typeof rotaEntryCreated>;
export type NewRotaEntry = z.infer<typeof newRotaEntry>;
export type ReferralListing = z.infer<typeof referralListing>;
export type SubjectSearchKind = (typeof SUBJECT_SEARCH_KINDS)[number];
export type SubjectSearchRequest = z.infer<typeof subjectSearchRequest>;
export type SubjectMatch = z.infer<typeof subjectMatch>;
export type SubjectSearchResponse = z.infer<typeof subjectSearchResponse>;
export type SubjectIds = z.infer<typeof subjectIds>;
export type SubjectExport = z.infer<typeof subjectExport>;
export type EraseRequest = z.input<typeof eraseRequest>;
export type ErasureResult = z.infer<typeof erasureResult>;
export type ErasureRecord = z.infer<typeof erasureRecord>;
export type ErasureListing = z.infer<typeof erasureListing>;
export type Problem = z.infer<typeof problem>;
