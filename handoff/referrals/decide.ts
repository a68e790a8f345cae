/**
 * Whether a handoff needs the out-of-hours duty officer now: only while the contact centre is
 * closed, and only for a safety concern or a service the council runs out of hours (`ooh: true`
 * in the catalogue, e.g. dangerous structures, homeless tonight). Everything else waits in the
 * queue for the morning.
 */
export function needsDutyReferral(input: { open: boolean; serviceOoh: boolean; safety: boolean }): boolean {
  return !input.open && (input.safety || input.serviceOoh);
}

/**
 * The rota skills a duty referral looks for, in order: the handoff queue's skills, the service's
 * area, then `safety` for a safety concern (`all` is the rota's own fallback). The referral and
 * the safety reply's "is anyone reachable?" check both ask with this list.
 */
export function referralSkills(queueSkills: readonly string[] | undefined, serviceArea: string | undefined, safety: boolean): string[] {
  return [...(queueSkills ?? []), ...(serviceArea ? [serviceArea] : []), ...(safety ? ['safety'] : [])];
}
