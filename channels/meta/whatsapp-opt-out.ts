/**
 * STOP on WhatsApp, respected as on SMS (channels/twilio/opt-out.ts): the same keywords read the
 * same way (smsKeyword), recorded as a flag on the resident's contact (the same contact as their
 * texts and calls), and nothing more is sent to them on WhatsApp until START. The flag is
 * WhatsApp's own: stopping one channel's messages says nothing of the other's. END, CANCEL and
 * QUIT are not opt-outs here: on WhatsApp (no carrier keywords) residents use them to end a
 * conversation or a report, as the flows invite them to. One confirmation answers the keyword
 * itself, as carriers confirm a STOP by SMS.
 */
import { contactFlags, contactIdForIdentity, findOrCreateContact, lockContact, setContactFlags, type Db } from '../../store/index.js';
import { smsKeyword } from '../twilio/opt-out.js';

export const WHATSAPP_OPT_OUT_FLAG = 'whatsapp_opt_out';
const CONVERSATIONAL = new Set(['END', 'CANCEL', 'QUIT']);

export const OPTED_OUT_REPLY = "You won't get any more WhatsApp messages from us. Send START at any time to hear from us again.";
export const OPTED_IN_REPLY = "You'll get WhatsApp messages from us again. Send STOP at any time to stop them.";

export function whatsAppKeyword(text: string): 'opt_out' | 'opt_in' | null {
  const word = text.trim().replace(/[.!]+$/, '').toUpperCase();
  if (CONVERSATIONAL.has(word)) return null;
  const k = smsKeyword(text);
  return k === 'opt_out' || k === 'opt_in' ? k : null;
}

/** True when the resident (a WhatsApp id) has sent STOP and not START since. */
export async function isWhatsAppOptedOut(db: Db, tenant: string, residentId: string): Promise<boolean> {
  const contactId = await contactIdForIdentity(db, tenant, 'whatsapp', residentId);
  return !!contactId && (await contactFlags(db, contactId)).includes(WHATSAPP_OPT_OUT_FLAG);
}

/** Records (or lifts) the opt-out; idempotent. */
export async function setWhatsAppOptOut(db: Db, tenant: string, residentId: string, optedOut: boolean, now: Date): Promise<void> {
  const contactId = await findOrCreateContact(db, tenant, 'whatsapp', residentId);
  await db.transaction().execute(async (trx) => {
    // Row lock: two keywords at once must not lose each other's flags (SMS's among them).
    await lockContact(trx, contactId);
    const flags = (await contactFlags(trx, contactId)).filter((f) => f !== WHATSAPP_OPT_OUT_FLAG);
    if (optedOut) flags.push(WHATSAPP_OPT_OUT_FLAG);
    await setContactFlags(trx, tenant, contactId, flags, now);
  });
}
