import { z } from 'zod';

/**
 * A council's staff sign-in settings (`staff:` in the content pack's settings.yaml): whether
 * password sign-in is allowed, how long invitation links last, and single sign-on with an OpenID
 * Connect provider (Microsoft Entra ID, Google Workspace or any other). The client secret is never
 * in the pack: it comes from OIDC_CLIENT_SECRET__<COUNCIL> (handoff/agents/sso.ts).
 */
const role = z.enum(['agent', 'supervisor', 'admin']);

export const ssoSettingsSchema = z
  .object({
    /** The provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
    issuer: z.url(),
    clientId: z.string().min(1),
    /** The sign-in button's words. */
    label: z.string().min(1).default('Sign in with your council account'),
    scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
    /** The claim listing the person's groups (Entra ID: `groups`, object ids; Google: a custom claim). */
    groupsClaim: z.string().min(1).default('groups'),
    /** `invited`: only accounts an admin created; `just_in_time`: a first sign-in creates the account from the groups. */
    accounts: z.enum(['invited', 'just_in_time']).default('invited'),
    /**
     * `claims_or_totp`: the provider's `amr`/`acr` showing multi-factor suffices, else our own
     * authenticator code follows; `claims`: without those claims the sign-in is refused; `totp`:
     * our own code always follows.
     */
    mfa: z.enum(['claims_or_totp', 'claims', 'totp']).default('claims_or_totp'),
    /** `amr` values that mean a second factor was used (RFC 8176). */
    mfaAmr: z.array(z.string().min(1)).default(['mfa']),
    /** `acr` values that mean multi-factor (provider specific). */
    mfaAcr: z.array(z.string().min(1)).default([]),
    /** Group → roles. When any is given, roles follow the groups at every sign-in. */
    groupRoles: z.record(z.string(), z.array(role)).default({}),
    /** Group → skills. When any is given, skills follow the groups at every sign-in. */
    groupSkills: z.record(z.string(), z.array(z.string().min(1))).default({}),
  })
  .strict();

export const staffSettingsSchema = z
  .object({
    /** false: only single sign-on (needs `sso`). */
    passwordSignIn: z.boolean().default(true),
    inviteDays: z.number().int().min(1).max(30).default(7),
    sso: ssoSettingsSchema.optional(),
  })
  .strict()
  .refine((s) => s.passwordSignIn || !!s.sso, { message: 'passwordSignIn: false needs sso settings, or nobody could sign in', path: ['passwordSignIn'] });

export type SsoSettings = z.infer<typeof ssoSettingsSchema>;
export type StaffSettings = z.infer<typeof staffSettingsSchema>;

/** A council without `staff:` settings: passwords, seven-day invitations, no single sign-on. */
export const DEFAULT_STAFF_SETTINGS: StaffSettings = { passwordSignIn: true, inviteDays: 7 };
