import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^15, r=8, p=1 needs 32 MiB; maxmem leaves room for Node's bookkeeping. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16, maxmem: 64 * 1024 * 1024 } as const;

/** Longer than this is refused before hashing: scrypt cost grows with input and nobody types 1 KiB. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 12;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength, maxmem } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const hash = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Constant-time check; a malformed or foreign encoding is simply "wrong". */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length === 0 || expected.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: Math.max(SCRYPT_PARAMS.maxmem, 256 * N * r) });
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, for sign-ins naming no agent (no user enumeration by timing). */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await dummy);
}

/**
 * The password policy: at least 12 characters, at most 1024, and not all of one class
 * (lower case, upper case, digits, other). Returns what is wrong, or an empty list.
 */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`The password must have at most ${MAX_PASSWORD_LENGTH} characters.`);
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (password.length > 0 && classes < 2) problems.push('The password must mix at least two kinds of character (lower case, upper case, digits, symbols).');
  return problems;
}

export class WeakPasswordError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'WeakPasswordError';
  }
}

export function assertPasswordPolicy(password: string): void {
  const problems = passwordProblems(password);
  if (problems.length) throw new WeakPasswordError(problems);
}
