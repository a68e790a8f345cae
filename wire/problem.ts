/**
 * RFC 9457 problem details: the shape of every error the server's JSON APIs answer (the web chat
 * and console API, the back-office API), and the one place that turns a thrown error into it, so
 * each API mounts the same rules whatever folder it lives in. Browsers read the shape only.
 */
import type { Response } from 'express';
import { ZodError } from 'zod';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extra: string]: unknown;
}

/** An error that answers as problem details: thrown by a route, sent by the API's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export function sendProblem(res: Response, status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: `https://council-assistant.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, ...(detail ? { detail } : {}), ...extra });
}

/**
 * Sends the problem an error stands for (ours, invalid input, body-parser's refusals) and returns
 * true; false for anything else (a fault: the caller logs it and answers 500).
 */
export function sendProblemFor(res: Response, err: unknown): boolean {
  if (err instanceof HttpProblem) {
    sendProblem(res, err.status, err.title, err.detail, err.extra);
    return true;
  }
  if (err instanceof ZodError) {
    sendProblem(res, 400, 'Invalid request', err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '), {
      errors: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
    return true;
  }
  // body-parser errors carry a status and a type.
  const e = err as { status?: number; type?: string; message?: string } | null;
  if (e?.type === 'entity.too.large') sendProblem(res, 413, 'Request too large', 'The request body is larger than allowed.');
  else if (e?.type === 'entity.parse.failed') sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
  else if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') sendProblem(res, 415, 'Unsupported encoding');
  else if (e?.status && e.status >= 400 && e.status < 500) sendProblem(res, e.status, 'Bad request', e.message);
  else return false;
  return true;
}
