import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { tenantHasAgents, type Store } from '../../store/index.js';
import { createStaffAccount } from './admin.js';
import type { AgentRole } from './agents.js';
import { passwordProblems } from './password.js';

/** The demo council's queue skills (content/demo/settings.yaml); pass the pack's own where known. */
export const DEMO_SKILLS = ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'];

const PASSWORD_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 16 random characters from an unambiguous alphabet (about 93 bits), meeting the policy. */
export function randomPassword(length = 16): string {
  for (;;) {
    const pw = Array.from({ length }, () => PASSWORD_CHARS[randomInt(PASSWORD_CHARS.length)]).join('');
    if (passwordProblems(pw).length === 0 && /\d/.test(pw) && /[a-z]/.test(pw) && /[A-Z]/.test(pw)) return pw;
  }
}

export interface SeedOptions {
  /** Every skill of the tenant's queues, for the supervisor. Defaults to the demo council's. */
  skills?: string[];
  /** Where the one-off credentials block goes; stdout by default (never the log). */
  write?: (text: string) => void;
  /** Domain of the demo e-mail addresses. */
  emailDomain?: string;
}

export interface SeededAgent {
  email: string;
  name: string;
  roles: AgentRole[];
}

/**
 * First run of a tenant with no agents: creates a supervisor and an agent with random
 * passwords and prints them once, to stdout only; the store keeps only their scrypt hashes.
 * Each signs in at `/console` and enrols an authenticator at first sign-in.
 * Returns the agents created (none when the tenant already had agents).
 */
export async function seedDemoAgents(store: Store, tenant: string, log: Pick<Logger, 'info' | 'warn'>, options: SeedOptions = {}): Promise<SeededAgent[]> {
  if (await tenantHasAgents(store.db, tenant)) return [];
  const domain = options.emailDomain ?? `${tenant}.council.example`;
  const skills = options.skills ?? DEMO_SKILLS;
  const planned = [
    { email: `supervisor@${domain}`, name: 'Demo Supervisor', roles: ['supervisor', 'agent'] as AgentRole[], skills: [...new Set(skills)], password: randomPassword() },
    { email: `agent@${domain}`, name: 'Demo Agent', roles: ['agent'] as AgentRole[], skills: ['waste', 'highways', 'street_scene'], password: randomPassword() },
  ];
  try {
    // One transaction: a second process seeding at the same moment hits the unique e-mail index and backs off.
    await store.db.transaction().execute(async (trx) => {
      // The same path as the console's staff administration and `npm run staff:admin`.
      for (const a of planned) await createStaffAccount(trx, { tenant, ...a, capacity: 3 });
    });
  } catch (err) {
    if (await tenantHasAgents(store.db, tenant)) return [];
    throw err;
  }
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const rule = '='.repeat(72);
  write(
    [
      '',
      rule,
      ` Demo console accounts for tenant "${tenant}" (shown once, not stored in clear)`,
      ' Sign in at /console, then enrol an authenticator app at first sign-in.',
      '',
      ...planned.map((a) => `   ${a.roles.includes('supervisor') ? 'supervisor' : 'agent     '}  ${a.email}  password: ${a.password}`),
      rule,
      '',
      '',
    ].join('\n'),
  );
  log.info({ tenant, agents: planned.length }, 'demo console agents created; credentials printed to stdout once');
  return planned.map(({ email, name, roles }) => ({ email, name, roles }));
}
