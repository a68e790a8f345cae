import { findOrCreateContact, fromJson, toJson, type Db } from '../../store/index.js';

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

async function contactFlags(db: Db, contactId: string): Promise<string[]> {
  const row = await db.selectFrom('contacts').select('flags').where('id', '=', contactId).executeTakeFirst();
  const flags = row ? fromJson<unknown>(row.flags) : [];
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}

/** True when the number has opted out of SMS from this council. */
export async function isSmsOptedOut(db: Db, tenant: string, phone: string): Promise<boolean> {
  const identity = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', 'sms')
    .where('channel_user_id', '=', phone)
    .executeTakeFirst();
  if (!identity) return false;
  return (await contactFlags(db, identity.contact_id)).includes(SMS_OPT_OUT_FLAG);
}

/** Records (or lifts) an opt-out on the number's contact; idempotent. */
export async function setSmsOptOut(db: Db, tenant: string, phone: string, optedOut: boolean, now = new Date()): Promise<void> {
  const contactId = await findOrCreateContact(db, tenant, 'sms', phone);
  await db.transaction().execute(async (trx) => {
    // Row lock: two keywords at once must not lose each other's flags.
    await trx.selectFrom('contacts').select('id').where('id', '=', contactId).forUpdate().executeTakeFirst();
    const flags = (await contactFlags(trx, contactId)).filter((f) => f !== SMS_OPT_OUT_FLAG);
    if (optedOut) flags.push(SMS_OPT_OUT_FLAG);
    await trx.updateTable('contacts').set({ flags: toJson(flags), updated_at: now }).where('id', '=', contactId).where('tenant_id', '=', tenant).execute();
  });
}
