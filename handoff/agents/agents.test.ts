import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUrl, totpCode, totpQrDataUrl, verifyTotp } from './totp.js';
import { hashPassword, passwordProblems, verifyPassword } from './password.js';
import { generateRecoveryCodes, hashRecoveryCode, matchRecoveryCode } from './recovery-codes.js';
import { randomPassword } from './seed.js';

describe('password hashing (scrypt)', () => {
  it('encodes scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const encoded = await hashPassword('Correct horse 42');
    const parts = encoded.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(32);
    expect(await verifyPassword('Correct horse 42', encoded)).toBe(true);
    expect(await verifyPassword('correct horse 42', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash and refuses tampered or foreign encodings', async () => {
    const a = await hashPassword('Same password 1');
    const b = await hashPassword('Same password 1');
    expect(a).not.toEqual(b);
    const parts = a.split('$');
    const flipped = Buffer.from(parts[5], 'base64');
    flipped[0] ^= 1;
    expect(await verifyPassword('Same password 1', [...parts.slice(0, 5), flipped.toString('base64')].join('$'))).toBe(false);
    expect(await verifyPassword('Same password 1', 'bcrypt$2b$10$abc')).toBe(false);
    expect(await verifyPassword('Same password 1', 'scrypt$0$8$1$AAAA$AAAA')).toBe(false);
  });

  it('applies the policy: 12 characters at least, not all of one kind', () => {
    expect(passwordProblems('Short1')).toHaveLength(1);
    expect(passwordProblems('alllowercaseletters')).toHaveLength(1);
    expect(passwordProblems('123456789012')).toHaveLength(1);
    expect(passwordProblems('lowercase and spaces')).toEqual([]);
    expect(passwordProblems('Mixed-Case-12')).toEqual([]);
    expect(passwordProblems('x'.repeat(1025) + 'A')).not.toEqual([]);
    for (let i = 0; i < 20; i++) expect(passwordProblems(randomPassword())).toEqual([]);
    expect(randomPassword()).toHaveLength(16);
  });
});

describe('TOTP (RFC 6238)', () => {
  // The RFC's SHA-1 seed is the ASCII string "12345678901234567890".
  const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it.each(vectors)('T=%i gives %s (8 digits) and its 6-digit tail', (seconds, expected) => {
    expect(totpCode(rfcSecret, seconds * 1000, 8)).toBe(expected);
    expect(totpCode(rfcSecret, seconds * 1000)).toBe(expected.slice(2));
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32 and makes 20-byte secrets', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(rfcSecret.toLowerCase().replace(/(.{4})/g, '$1 ')).toString('ascii')).toBe('12345678901234567890');
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts one step of drift either way, and nothing further', () => {
    const secret = generateTotpSecret();
    const now = Date.UTC(2025, 0, 1, 12, 0, 15);
    const step = Math.floor(now / 30000);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30000), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30000), now)).toBe(step + 1);
    const far = [totpCode(secret, now - 60000), totpCode(secret, now + 60000)].filter(
      (c) => ![-1, 0, 1].some((d) => totpCode(secret, now + d * 30000) === c),
    );
    for (const code of far) expect(verifyTotp(secret, code, now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
  });

  it('builds the otpauth URL and its QR code', async () => {
    const url = otpauthUrl({ issuer: 'Merebrook Council Assistant', email: 'sam@merebrook.example', secret: 'JBSWY3DPEHPK3PXP' });
    expect(url).toBe(
      'otpauth://totp/Merebrook%20Council%20Assistant:sam%40merebrook.example?secret=JBSWY3DPEHPK3PXP&issuer=Merebrook+Council+Assistant&algorithm=SHA1&digits=6&period=30',
    );
    expect(await totpQrDataUrl(url)).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{100,}$/);
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes like abcd-efgh-jkmn, stored as SHA-256', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes.join()).not.toContain(codes[0].replace(/-/g, ''));
  });

  it('matches typed-back codes regardless of case, spaces and dashes', () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(matchRecoveryCode(hashes, codes[3])).toBe(3);
    expect(matchRecoveryCode(hashes, ` ${codes[7].toUpperCase().replace(/-/g, ' ')} `)).toBe(7);
    expect(matchRecoveryCode(hashes, 'aaaa-aaaa-aaaa')).toBe(-1);
    expect(matchRecoveryCode(hashes, '')).toBe(-1);
    expect(hashRecoveryCode('ABCD-efgh-jkmn')).toBe(hashRecoveryCode('abcdefghjkmn'));
  });
});
