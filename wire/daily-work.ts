/**
 * The console's daily work (issue 16, item 7): canned responses edited by supervisors and admins,
 * private notes between agents on a conversation, and unread counts of residents' messages.
 */
import { z } from 'zod';

/** Placeholders the console fills on insert; anything else in braces is refused, so a typo is caught when saving. */
export const CANNED_PLACEHOLDERS = ['resident_name', 'agent_name', 'council', 'reference'] as const;

export const cannedResponseRequest = z.strictObject({
  title: z.string().trim().min(1, 'Enter a title').max(120, 'The title must be 120 characters or fewer'),
  body: z
    .string()
    .trim()
    .min(1, 'Enter the text of the response')
    .max(2000, 'The text must be 2000 characters or fewer')
    .refine((b) => [...b.matchAll(/\{([^{}]*)\}/g)].every((m) => (CANNED_PLACEHOLDERS as readonly string[]).includes(m[1])), {
      message: `Placeholders must be one of ${CANNED_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
    }),
  /** A skill of the council's queues; null or absent: for everyone. */
  skill: z.string().trim().max(64).nullable().optional(),
});
export const cannedResponseSaved = z.strictObject({
  response: z.strictObject({ id: z.string(), title: z.string(), body: z.string(), skill: z.string().nullable() }),
});

export const noteRequest = z.strictObject({ text: z.string().trim().min(1, 'Enter a note').max(2000, 'The note must be 2000 characters or fewer') });
export const conversationNote = z.strictObject({ id: z.string(), agentId: z.string(), agentName: z.string(), text: z.string(), createdAt: z.string() });
export const conversationNotes = z.strictObject({ notes: z.array(conversationNote) });
export const noteAdded = z.strictObject({ note: conversationNote });

/** The last message (id) the agent has seen in the conversation. */
export const readRequest = z.strictObject({ upTo: z.string().regex(/^\d{1,19}$/, 'upTo must be a message id') });
export const unreadCounts = z.strictObject({ conversations: z.array(z.strictObject({ conversationId: z.string(), unread: z.number() })) });

export type CannedResponseRequest = z.input<typeof cannedResponseRequest>;
export type CannedResponseSaved = z.infer<typeof cannedResponseSaved>;
export type NoteRequest = z.infer<typeof noteRequest>;
export type ConversationNoteItem = z.infer<typeof conversationNote>;
export type ConversationNotes = z.infer<typeof conversationNotes>;
export type NoteAdded = z.infer<typeof noteAdded>;
export type UnreadCounts = z.infer<typeof unreadCounts>;
