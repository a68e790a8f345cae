/**
 * A council's duty-referral escalation policy (its pack's `duty:` settings with the numbers a
 * resident is given), the job names, and what the resident is told after the fact. Every text
 * here states only what has happened: "alerted" once a provider accepted a message, "could not
 * reach" once the chain has run out.
 */
export const REFERRAL_ESCALATE_JOB = 'referral.escalate';
export const REFERRAL_SWEEP_JOB = 'referral.sweep';
/** How often the sweep looks for steps due to escalate (a lost delayed job costs at most this). */
export const REFERRAL_SWEEP_EVERY_MS = 60_000;

export interface DutyFallback {
  name: string;
  channel: 'sms' | 'email';
  destination: string;
}

export interface DutyPolicy {
  escalateAfterMinutes: number;
  /** Tried in order once nobody else on the rota is left. */
  fallback: DutyFallback[];
  emergencyDutyTeamPhone?: string;
  /** 999, as the pack spells it. */
  emergencyNumber: string;
  /** The council's out-of-hours number, given to a resident nobody could reach. */
  outOfHoursPhone: string;
}

export const DEFAULT_DUTY: DutyPolicy = { escalateAfterMinutes: 10, fallback: [], emergencyNumber: '999', outOfHoursPhone: '' };

/** The policy from a content pack's settings (structural, so this folder need not import the bot). */
export function dutyPolicyOf(settings: {
  duty?: { escalateAfterMinutes: number; fallback: DutyFallback[]; emergencyDutyTeamPhone?: string };
  contact: { outOfHoursPhone: string };
  emergency: Record<string, string>;
}): DutyPolicy {
  return {
    escalateAfterMinutes: settings.duty?.escalateAfterMinutes ?? DEFAULT_DUTY.escalateAfterMinutes,
    fallback: settings.duty?.fallback ?? [],
    emergencyDutyTeamPhone: settings.duty?.emergencyDutyTeamPhone,
    emergencyNumber: settings.emergency.emergencyServices ?? '999',
    outOfHoursPhone: settings.contact.outOfHoursPhone || settings.emergency.outOfHoursDuty || settings.duty?.emergencyDutyTeamPhone || '',
  };
}

export function escalateAfterMs(policy: DutyPolicy): number {
  return Math.round(policy.escalateAfterMinutes * 60_000);
}

/** Told once, when the first message of the chain was accepted by the provider. */
export const RESIDENT_ALERTED_TEXT = "The council's duty officer has been alerted.";

/** Told once, when nobody acknowledged and nobody is left to try, or nothing could be sent. */
export function residentUnreachableText(policy: DutyPolicy, anySent: boolean): string {
  const what = anySent
    ? "We alerted the council's duty officer, but nobody has confirmed they have it."
    : "We could not reach the council's duty officer.";
  const ooh = policy.outOfHoursPhone ? ` Otherwise call the council's out-of-hours number, ${policy.outOfHoursPhone}.` : '';
  return `${what} If anyone is in danger now, call ${policy.emergencyNumber}.${ooh}`;
}
