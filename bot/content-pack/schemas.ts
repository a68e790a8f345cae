import { z } from 'zod';
import { RISK_KINDS, type RiskKind } from '../../intents/index.js';
import { staffSettingsSchema, ukMobileNumber } from '../../handoff/index.js';

const wording = z.union([
  z.string().min(1),
  z.object({ default: z.string().min(1), voice: z.string().optional(), sms: z.string().optional() }).strict(),
]);
export type Wording = z.infer<typeof wording>;

/** Who a duty referral escalates to after the rota, in order (a supervisor, the emergency duty team). */
const dutyFallback = z.discriminatedUnion('channel', [
  z.object({ name: z.string().min(1), channel: z.literal('sms'), destination: ukMobileNumber }).strict(),
  z.object({ name: z.string().min(1), channel: z.literal('email'), destination: z.email().transform((s) => s.toLowerCase()) }).strict(),
]);
const dutySchema = z
  .object({
    /** An unacknowledged referral goes to the next person after this long. */
    escalateAfterMinutes: z.number().positive().max(24 * 60).default(10),
    fallback: z.array(dutyFallback).default([]),
    /** The emergency duty team's phone, shown to staff when nobody can be reached. */
    emergencyDutyTeamPhone: z.string().min(1).optional(),
  })
  .strict();

/**
 * Who to call for one kind of risk, in the order the reply names them. `match`: words in the
 * resident's message that bring this entry to the front ("gas" puts the gas emergency line first).
 */
const signpost = z
  .object({
    name: z.string().min(1),
    number: z.string().regex(/^\+?\d[\d ]{1,18}\d$/, 'a phone number in digits and spaces, such as 0800 111 999'),
    note: z.string().min(1).optional(),
    match: z.array(z.string().min(2)).optional(),
  })
  .strict();
export type Signpost = z.infer<typeof signpost>;

/** The languages a pack may offer (issue 17). */
export const PACK_LANGUAGES = ['en', 'cy'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM" (00:00 to 23:59)');
const hhmmRange = z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'expected "HH:MM-HH:MM"');

export const settingsSchema = z
  .object({
    tenant: z.string().regex(/^[a-z0-9-]+$/, 'tenant ids are lower-case letters, digits and dashes'),
    councilName: z.string().min(1),
    shortName: z.string().min(1),
    /** The languages the council offers, the default first; a council offering both asks "English / Cymraeg" at the start. */
    languages: z
      .array(z.enum(PACK_LANGUAGES))
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'a language is listed twice')
      .default(['en']),
    /** The council's and the assistant's names in Welsh (English names are used where absent), and its queues' Welsh names by queue id. */
    welsh: z
      .object({
        councilName: z.string().min(1),
        shortName: z.string().min(1),
        assistantName: z.string().min(1),
        queues: z.record(z.string(), z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    siteUrl: z.url(),
    caseReferencePrefix: z.string().regex(/^[A-Z]{2,4}$/, 'two to four capital letters'),
    contact: z.object({
      phone: z.string(),
      outOfHoursPhone: z.string(),
      email: z.string(),
      address: z.string(),
    }),
    emergency: z.record(z.string(), z.string()),
    openingHours: z.object({
      timezone: z.string(),
      weekly: z.partialRecord(
        z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
        hhmmRange,
      ),
      holidays: z.array(z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()])).default([]),
    }),
    queues: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          skills: z.array(z.string()),
          /** Service level: share of handoffs accepted within a time, and the most abandonment tolerated. */
          standard: z
            .object({ answerWithinSeconds: z.number().positive(), targetShare: z.number().min(0).max(1), maxAbandonedShare: z.number().min(0).max(1) })
            .partial()
            .optional(),
        }),
      )
      .min(1),
    /**
     * Urgent (safety) handoffs when no available agent has the queue's skills: `all_agents` offers
     * them to every available agent (audited), `none` keeps them for the skilled (handoff/README.md).
     */
    urgentOverflow: z.enum(['all_agents', 'none']).default('all_agents'),
    /**
     * How long records are kept (jobs/retention.ts). `services` overrides the periods for a service
     * id (`waste.missed_collection`) or every service of a prefix (`safety.*`); `auditDays` is the
     * audit trail's own period (unset: audit events are kept).
     */
    retention: z
      .object({
        conversationsDays: z.number().int().positive(),
        casesDays: z.number().int().positive(),
        auditDays: z.number().int().positive().optional(),
        services: z
          .record(
            z.string().regex(/^([a-z_]+\.[a-z_]+|[a-z_]+\.\*|out_of_scope)$/, 'a service id or a prefix such as safety.*'),
            z.object({ conversationsDays: z.number().int().positive().optional(), casesDays: z.number().int().positive().optional() }).strict(),
          )
          .default({}),
      })
      .strict(),
    channels: z
      .object({
        /** A resident texting again within this many minutes continues the same conversation. */
        sms: z.object({ resumeWithinMinutes: z.number().int().positive().default(1440) }).default({ resumeWithinMinutes: 1440 }),
        voice: z
          .object({
            recordCalls: z.boolean().default(false),
            /** Twilio <Say> voice; must suit language en-GB. */
            voice: z.string().default('Polly.Amy-Neural'),
            /** Twilio <Say> voice for Welsh; must suit language cy-GB. */
            welshVoice: z.string().default('Polly.Gwyneth'),
            /**
             * The council's card payment line (E.164): a caller who asks to pay by card is put through
             * to it with <Dial>, the call's recording paused first and resumed after (issue 14).
             */
            paymentLine: z.string().regex(/^\+\d{8,15}$/, 'E.164, e.g. +441632960400').optional(),
          })
          .default({ recordCalls: false, voice: 'Polly.Amy-Neural', welshVoice: 'Polly.Gwyneth' }),
        /** The council's Twilio numbers (E.164): a webhook's `To` picks the tenant. */
        twilioNumbers: z.array(z.string().regex(/^\+\d{8,15}$/, 'E.164, e.g. +441632960100')).default([]),
        /** The council's WhatsApp Cloud API phone number ids (Meta's ids, not the numbers): a webhook's metadata.phone_number_id picks the tenant (channels/meta). */
        whatsappPhoneNumberIds: z.array(z.string().regex(/^\d{1,32}$/, "Meta's numeric phone number id")).default([]),
        /**
         * Approved WhatsApp message templates (Meta's name and language code, and the body as approved,
         * its variables written {reference} or {council}, in the order Meta numbers them). `reengage`
         * is sent outside the 24-hour customer-service window in place of a message that must wait for
         * the resident to write (channels/meta/whatsapp-window.ts).
         */
        whatsappTemplates: z
          .object({
            reengage: z
              .object({
                name: z.string().regex(/^[a-z0-9_]{1,512}$/, "Meta's template name: lower case, digits and _"),
                language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as en_GB'),
                body: z
                  .string()
                  .min(1)
                  .max(1024)
                  .refine((b) => [...b.matchAll(/\{(\w+)\}/g)].every((m) => ['reference', 'council'].includes(m[1])), 'the only variables are {reference} and {council}'),
              })
              .strict()
              .optional(),
          })
          .strict()
          .optional(),
        /** The council's Facebook Page ids: a Messenger webhook's recipient (the Page) picks the tenant (channels/meta). */
        messengerPageIds: z.array(z.string().regex(/^\d{1,32}$/, "Meta's numeric Page id")).default([]),
        /** The council's Instagram professional account ids (linked to its Page): an Instagram webhook's recipient picks the tenant. */
        instagramAccountIds: z.array(z.string().regex(/^\d{1,32}$/, "Meta's numeric Instagram account id")).default([]),
        /** The Page has Meta's Human Agent permission: an agent's reply after the 24-hour window goes with the HUMAN_AGENT tag (up to 7 days). */
        messengerHumanAgentTag: z.boolean().default(false),
        /**
         * E-mail (channels/email): the council's addresses (mail to one picks the council; others are
         * refused), the signature under every reply, how many days a resident's new mail carries the
         * conversation on (and an e-mail conversation waits for them), and a per-sender hourly limit.
         */
        email: z
          .object({
            addresses: z.array(z.string().trim().toLowerCase().regex(/^[^\s@<>()",;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'an e-mail address, e.g. contact@merebrook.gov.uk')).min(1),
            fromName: z.string().min(1).max(100).optional(),
            signature: z.string().max(1000).default(''),
            resumeWithinDays: z.number().int().min(1).max(90).default(14),
            perSenderPerHour: z.number().int().min(1).max(1000).default(10),
          })
          .strict()
          .optional(),
      })
      .default({
        sms: { resumeWithinMinutes: 1440 },
        voice: { recordCalls: false, voice: 'Polly.Amy-Neural', welshVoice: 'Polly.Gwyneth' },
        twilioNumbers: [],
        whatsappPhoneNumberIds: [],
        messengerPageIds: [],
        instagramAccountIds: [],
        messengerHumanAgentTag: false,
      }),
    /** Signposting by kind of risk; a kind left out gets national defaults (bot/replies.ts). */
    signposting: z.partialRecord(z.enum(RISK_KINDS as [RiskKind, ...RiskKind[]]), z.array(signpost).min(1)).default({}),
    /** Out-of-hours duty referrals: escalation when nobody acknowledges (handoff/referrals/escalation.ts). */
    duty: dutySchema.default({ escalateAfterMinutes: 10, fallback: [] }),
    /**
     * Residents told when their case moves (updates/): `quietHours` ("HH:MM" in the council's
     * timezone, openingHours.timezone; may run past midnight) holds texts, WhatsApp messages and
     * e-mails until it ends. Web chat notices are shown at any hour.
     */
    updates: z
      .object({
        quietHours: z
          .object({ from: hhmm, to: hhmm })
          .strict()
          .refine((q) => q.from !== q.to, 'quietHours: from and to must differ')
          .optional(),
      })
      .strict()
      .default({}),
    /**
     * Call-backs (callbacks/, bot/callbacks.ts): slots of `slotMinutes` within `hours` (default: the
     * opening hours), `perSlot` call-backs each, offered up to `daysAhead` days ahead; a missed call
     * is tried again after `retry.afterMinutes`, `retry.attempts` calls in all; a complaint's
     * call-back is due within `complaintTargetMinutes`. Absent: no call-backs are offered.
     */
    callbacks: z
      .object({
        slotMinutes: z.number().int().min(5).max(240).default(30),
        perSlot: z.number().int().min(1).max(100).default(4),
        hours: z.record(z.string(), hhmmRange).optional(),
        daysAhead: z.number().int().min(1).max(14).default(3),
        retry: z.object({ attempts: z.number().int().min(1).max(10), afterMinutes: z.number().int().min(1).max(1440) }).strict().default({ attempts: 3, afterMinutes: 30 }),
        complaintTargetMinutes: z.number().int().min(5).max(1440).default(60),
      })
      .strict()
      .optional(),
    /** Staff sign-in: passwords, invitations, single sign-on (handoff/agents/staff-settings.ts). */
    staff: staffSettingsSchema.optional(),
    assistant: z.object({
      name: z.string(),
      clarifyBelow: z.number().min(0).max(1),
      answerAbove: z.number().min(0).max(1),
      misunderstandingsBeforeOffer: z.number().int().min(1),
    }),
    /**
     * Answers written from the council's pages by an LLM (knowledge-base/answers/): off unless
     * `generate`; the endpoint comes from ANSWERS_LLM and its variables. `model` overrides the
     * endpoint's model (Azure: the deployment); `maxPassages` is how many passages the prompt gets.
     */
    answers: z
      .object({
        generate: z.boolean().default(false),
        model: z.string().min(1).optional(),
        maxPassages: z.number().int().min(1).max(12).default(5),
      })
      .strict()
      .default({ generate: false, maxPassages: 5 }),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const serviceSchema = z.object({
  id: z.string().regex(/^([a-z_]+\.[a-z_]+|out_of_scope)$/),
  name: z.string(),
  area: z.string(),
  lgsl: z.number().nullable(),
  kind: z.enum(['information', 'report', 'request', 'payment', 'booking', 'emergency', 'safeguarding', 'handoff', 'meta']),
  ooh: z.boolean(),
  description: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

export const trainingFileSchema = z.record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String)).min(1));

export const articleFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'article ids are kebab-case'),
    service: z.string(),
    title: z.string().min(3),
    url: z.url(),
    summary: z.string().min(10).max(400),
    keywords: z.array(z.string()).default([]),
    questions: z.array(z.string()).default([]),
  })
  .strict();

const condition = z.object({ slot: z.string(), in: z.array(z.string()).min(1) }).strict();

const option = z
  .object({ value: z.string(), label: z.string(), synonyms: z.array(z.string()).default([]) })
  .strict();

export const stepSchema = z
  .object({
    slot: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
    type: z.enum(['location', 'choice', 'yes_no', 'date', 'text', 'phone', 'email', 'number']),
    prompt: wording,
    help: wording.optional(),
    optional: z.boolean().default(false),
    when: condition.optional(),
    options: z.array(option).optional(),
    allowDescription: z.boolean().default(false),
    minLength: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => s.type !== 'choice' || (s.options && s.options.length >= 2), {
    message: 'a choice step needs at least two options',
  });
export type FlowStep = z.infer<typeof stepSchema>;

export const flowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    service: z.string(),
    title: z.string(),
    intro: z.string().optional(),
    steps: z.array(stepSchema).min(1),
    outcome: z.discriminatedUnion('type', [
      z
        .object({
          type: z.literal('case'),
          team: z.string(),
          targetDays: z.number().int().positive(),
          summary: z.string(),
        })
        .strict(),
      z.object({ type: z.literal('lookup'), lookup: z.enum(['bin_day']) }).strict(),
    ]),
  })
  .strict();
export type Flow = z.infer<typeof flowSchema>;
