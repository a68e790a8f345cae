/** How a case's status reads to a resident. */
const STATUS_LABELS: Record<string, string> = {
  received: 'received and waiting to be looked at',
  assigned: 'with the team who will deal with it',
  in_progress: 'being worked on',
  scheduled: 'scheduled',
  resolved: 'resolved',
  closed: 'closed',
};

/** Every status a case can have, in the order a case usually moves through them (the back office sets them). */
export const CASE_STATUSES = Object.keys(STATUS_LABELS) as readonly string[];

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.replace(/_/g, ' ');
}

export function isOpenStatus(status: string): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/** Target dates are in working days (Monday to Friday). */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let added = 0;
  while (added < days) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) added++;
  }
  return d;
}
