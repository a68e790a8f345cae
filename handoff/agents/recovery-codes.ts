import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** No i, l, o: codes are read off paper. 23 letters, 12 of them: about 54 bits each. */
const LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** One code, like `abcd-efgh-jkmn`. */
export function generateRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

/** Fresh codes for the agent, and the hashes to store in `agents.recovery_codes`. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, generateRecoveryCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Index of the stored hash the code matches, or -1; every entry is compared in constant time. */
export function matchRecoveryCode(hashes: readonly string[], code: string): number {
  const normalised = normaliseRecoveryCode(code);
  if (!/^[a-z]{12}$/.test(normalised)) return -1;
  const given = Buffer.from(hashRecoveryCode(normalised), 'hex');
  let found = -1;
  hashes.forEach((h, i) => {
    const stored = Buffer.from(h, 'hex');
    if (stored.length === given.length && timingSafeEqual(stored, given) && found < 0) found = i;
  });
  return found;
}
