import { contactFlags, contactIdForIdentity, findOrCreateContact, lockContact, setContactFlags, type Db } from '../../store/index.js';

/** The contact flag recording that a phone number texted STOP: nothing is sent to it until START. */
export const SMS_OPT_OUT_FLAG = 'sms_opt_out';

// Twilio's (and carriers') keywords: only an exact single word, in any case, counts.
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

export type SmsKeyword = 'opt_out' | 'opt_in' | 'help';

export function smsKeyword(body: string): SmsKeyword | null {
  const word = body.trim().replace(/[.!]+$/, '').toUpperCase();
  if (!/^[A-Z]+$/.test(word)) return null;
  if (OPT_OUT.has(word)) return 'opt_out';
  if (OPT_IN.has(word)) return 'opt_in';
  if (HELP.has(word)) return 'help';
  return null;
}

/** True when the number has opted out of SMS from this council. */
export async function isSmsOptedOut(db: Db, tenant: string, phone: string): Promise<boolean> {
  const contactId = await contactIdForIdentity(db, tenant, 'sms', phone);
  if (!contactId) return false;
  return (await contactFlags(db, contactId)).includes(SMS_OPT_OUT_FLAG);
}

/** Records (or lifts) an opt-out on the number's contact; idempotent. */
export async function setSmsOptOut(db: Db, tenant: string, phone: string, optedOut: boolean, now = new Date()): Promise<void> {
  const contactId = await findOrCreateContact(db, tenant, 'sms', phone);
  await db.transaction().execute(async (trx) => {
    // Row lock: two keywords at once must not lose each other's flags.
    await lockContact(trx, contactId);
    const flags = (await contactFlags(trx, contactId)).filter((f) => f !== SMS_OPT_OUT_FLAG);
    if (optedOut) flags.push(SMS_OPT_OUT_FLAG);
    await setContactFlags(trx, tenant, contactId, flags, now);
  });
}
