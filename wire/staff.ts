/** Staff administration (api/console/admin-routes.ts, web/console/admin-view.ts): the shapes the admin page reads. */

/** An account as the admin page shows it (no secrets, no hashes). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  roles: string[];
  skills: string[];
  queues: string[];
  capacity: number;
  languages: string[];
  status: string;
  disabled: boolean;
  disabledAt: string | null;
  secondFactor: boolean;
  singleSignOn: boolean;
  passwordSet: boolean;
  invitePendingUntil: string | null;
  lockedUntil: string | null;
}
