/**
 * The shape of a Meta webhook POST, as far as the WhatsApp channel reads it (zod; fields Meta adds
 * are ignored, so a new field never refuses a delivery). Checked whole before anything is stored,
 * so a malformed request is refused (400) without half of it kept.
 *
 * WhatsApp (`object: "whatsapp_business_account"`): entry[].changes[] with field "messages" and
 *   value { messaging_product, metadata { display_phone_number, phone_number_id },
 *           contacts?[{ profile { name }, wa_id }], messages?[...], statuses?[...], errors?[...] }
 * A message: { from, id ("wamid.…"), timestamp (unix seconds, a string), type, <type>: {...}, context? }:
 *   text { body }; interactive { type: button_reply { id, title } | list_reply { id, title, description? } };
 *   button { payload, text } (a template's quick reply); location { latitude, longitude, name?, address? };
 *   image/audio/video/document/sticker { id, mime_type, sha256, caption? }; reaction { message_id, emoji };
 *   unsupported (with errors[]).
 * A status: { id (our message's wamid), status sent|delivered|read|failed, timestamp, recipient_id,
 *   errors?[{ code, title, message, error_data { details } }] }.
 */
import { z } from 'zod';

// Ids and numbers never hold control characters (the store could not keep them either).
const id = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

const graphError = z.object({ code: z.number().int(), title: z.string().optional(), message: z.string().optional(), error_data: z.object({ details: z.string().optional() }).optional() });

// A file the resident sent: fetched later through the Graph media endpoint by its id.
const media = z.object({ id: z.string().max(512), mime_type: z.string().max(255).optional(), sha256: z.string().max(255).optional(), caption: z.string().max(4096).optional(), filename: z.string().max(1024).optional() });

export const whatsAppMessage = z.object({
  from: id,
  id,
  timestamp: z.string().regex(/^\d{1,12}$/).optional(),
  type: z.string().min(1).max(64),
  text: z.object({ body: z.string().max(65_536) }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string().max(512), title: z.string().max(512) }).optional(),
      list_reply: z.object({ id: z.string().max(512), title: z.string().max(512), description: z.string().max(512).optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().max(2048).optional(), text: z.string().max(512).optional() }).optional(),
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(1024).optional(), address: z.string().max(1024).optional() })
    .optional(),
  image: media.optional(),
  audio: media.optional(),
  video: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
  // An emoji on one of our messages; an empty emoji takes a reaction back.
  reaction: z.object({ message_id: z.string().max(512).optional(), emoji: z.string().max(64).optional() }).optional(),
  context: z.object({ id: z.string().max(512).optional(), from: z.string().max(512).optional() }).optional(),
  errors: z.array(graphError).optional(),
});
export type WhatsAppMessage = z.infer<typeof whatsAppMessage>;

export const whatsAppStatus = z.object({
  id,
  status: z.string().min(1).max(64),
  timestamp: z.string().regex(/^\d{1,12}$/).optional(),
  recipient_id: z.string().max(512).optional(),
  errors: z.array(graphError).optional(),
});
export type WhatsAppStatus = z.infer<typeof whatsAppStatus>;

const change = z.object({
  field: z.string(),
  value: z.object({
    messaging_product: z.string().optional(),
    metadata: z.object({ phone_number_id: id, display_phone_number: z.string().max(64).optional() }).optional(),
    messages: z.array(whatsAppMessage).max(1000).optional(),
    statuses: z.array(whatsAppStatus).max(1000).optional(),
    errors: z.array(graphError).optional(),
  }),
});
export type WhatsAppChange = z.infer<typeof change>;

export const metaWebhookBody = z.object({
  object: z.string().min(1).max(64),
  // Other objects (page, instagram) have entries of their own shape: read only for WhatsApp.
  entry: z.array(z.object({ id: z.string().max(512).optional(), changes: z.array(z.unknown()).optional() })).max(1000),
});

export const whatsAppEntry = z.object({ id: z.string().max(512).optional(), changes: z.array(change).max(1000).default([]) });
export const whatsAppEntries = z.array(whatsAppEntry);
export type WhatsAppEntry = z.infer<typeof whatsAppEntry>;

/*
 * Messenger (`object: "page"`) and Instagram (`object: "instagram"`): entry[] { id (the Page or
 * Instagram account id), time, messaging[] }, each event { sender { id: PSID / IGSID },
 * recipient { id: Page / Instagram account id }, timestamp (unix milliseconds) } and one of:
 *   message { mid, text?, quick_reply? { payload }, attachments?[{ type, payload { url?, title?,
 *     sticker_id?, coordinates? { lat, long } } }], is_echo?, is_deleted?, is_unsupported?, reply_to? };
 *   postback { mid?, title?, payload? }; delivery { mids?[], watermark }; read { watermark? | mid? }.
 * Other events (reactions, referrals, optins, handover, standby) are acknowledged and not read.
 */
const attachment = z.object({
  type: z.string().min(1).max(64),
  payload: z
    .object({
      url: z.string().max(8192).optional(),
      title: z.string().max(65_536).optional(),
      sticker_id: z.union([z.number(), z.string().max(64)]).optional(),
      coordinates: z.object({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }).optional(),
    })
    .nullable()
    .optional(),
});
export type MessagingAttachment = z.infer<typeof attachment>;

// Sender and recipient are optional: an event the channel does not read (a plugin's opt-in has no
// sender) must not refuse the delivery; one it reads without them is skipped.
export const messagingEvent = z.object({
  sender: z.object({ id }).optional(),
  recipient: z.object({ id }).optional(),
  timestamp: z.number().int().nonnegative().optional(),
  message: z
    .object({
      mid: id,
      text: z.string().max(65_536).optional(),
      is_echo: z.boolean().optional(),
      is_deleted: z.boolean().optional(),
      is_unsupported: z.boolean().optional(),
      quick_reply: z.object({ payload: z.string().max(2048) }).optional(),
      attachments: z.array(attachment).max(100).optional(),
      reply_to: z.object({ mid: z.string().max(512).optional() }).optional(),
    })
    .optional(),
  postback: z.object({ mid: z.string().max(512).optional(), title: z.string().max(1024).optional(), payload: z.string().max(2048).optional() }).optional(),
  delivery: z.object({ mids: z.array(z.string().max(512)).max(1000).optional(), watermark: z.number().optional() }).optional(),
  read: z.object({ watermark: z.number().optional(), mid: z.string().max(512).optional() }).optional(),
});
export type MessagingEvent = z.infer<typeof messagingEvent>;

export const messagingEntry = z.object({ id, time: z.number().optional(), messaging: z.array(messagingEvent).max(1000).default([]) });
export const messagingEntries = z.array(messagingEntry);
export type MessagingEntry = z.infer<typeof messagingEntry>;
