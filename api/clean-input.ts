/**
 * Input PostgreSQL cannot store, caught once at the edge of the HTTP app: a NUL in a request's
 * address is refused with a clear 400 (no route or query means one); NUL characters in a JSON body
 * are removed (webhooks' form bodies are left alone: their signatures cover the exact bytes, and
 * the store makes any NUL that reaches it harmless).
 */
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.js';

export function refuseNulInAddress(req: Request, res: Response, next: NextFunction): void {
  if (/%00|\u0000/i.test(req.originalUrl)) {
    sendProblem(res, 400, 'Bad request', 'The address of the request contains a NUL character.');
    return;
  }
  next();
}

/** Replaces the parsed JSON body with one whose strings (and keys) carry no NUL. */
export function stripNulFromJson(req: Request, _res: Response, next: NextFunction): void {
  if (req.body !== undefined && typeof req.body === 'object' && req.body !== null) req.body = withoutNul(req.body);
  next();
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[withoutNul(k) as string] = withoutNul(v);
    return out;
  }
  return value;
}
