/**
 * Whether a handoff needs the out-of-hours duty officer now: only while the contact centre is
 * closed, and only for a safety concern or a service the council runs out of hours (`ooh: true`
 * in the catalogue, e.g. dangerous structures, homeless tonight). Everything else waits in the
 * queue for the morning.
 */
export function needsDutyReferral(input: { open: boolean; serviceOoh: boolean; safety: boolean }): boolean {
  return !input.open && (input.safety || input.serviceOoh);
}
