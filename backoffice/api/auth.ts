/**
 * Who is calling the back-office API: `Authorization: Bearer <key>`, a council's key looked up by
 * its SHA-256 (store/backoffice-keys.ts). No key, a key nobody issued and a revoked key are 401;
 * a key without the scope a call needs is 403. The key fixes the council: a case of another
 * council is not found (404), as if it did not exist.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { backofficeKeyByValue, touchBackofficeKey, type BackofficeKey, type BackofficeScope, type Db } from '../../store/index.js';
import { sendProblem } from './problem.js';

const keys = new WeakMap<Request, BackofficeKey>();

/** The key a request was authenticated with (for a per-key rate limit mounted after `authenticate`). */
export function backofficeKeyOf(req: Request): BackofficeKey | undefined {
  return keys.get(req);
}

export function requireKey(req: Request): BackofficeKey {
  const key = keys.get(req);
  if (!key) throw new Error('back-office route reached without authentication');
  return key;
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,200})\s*$/i;

function unauthorised(res: Response, detail: string, invalid: boolean): void {
  res.setHeader('WWW-Authenticate', invalid ? 'Bearer realm="backoffice", error="invalid_token"' : 'Bearer realm="backoffice"');
  sendProblem(res, 401, 'Unauthorised', detail);
}

export function authenticate(db: () => Db, now: () => Date): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (!header) return unauthorised(res, 'The back-office API needs a key: Authorization: Bearer <key> (npm run backoffice:key -- create).', false);
    const given = BEARER.exec(header)?.[1];
    const key = given ? await backofficeKeyByValue(db(), given) : undefined;
    if (!key) return unauthorised(res, 'This key is not one the council issued.', true);
    if (key.revokedAt) return unauthorised(res, 'This key has been revoked.', true);
    await touchBackofficeKey(db(), key.id, now());
    keys.set(req, key);
    next();
  };
}

/** Refuses (403) a key without every scope named. */
export function requireScope(...scopes: BackofficeScope[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = requireKey(req);
    const missing = scopes.filter((s) => !key.scopes.includes(s));
    if (missing.length) return sendProblem(res, 403, 'Forbidden', `This key does not have the scope ${missing.join(' and ')}.`, { missingScopes: missing });
    next();
  };
}
