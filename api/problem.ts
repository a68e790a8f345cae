import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';

/** RFC 9457 problem details: every error the API returns has this shape. */
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

export function problemHandler(log: { error: (o: object, m: string) => void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpProblem) return sendProblem(res, err.status, err.title, err.detail, err.extra);
    if (err instanceof ZodError) {
      return sendProblem(res, 400, 'Invalid request', 'The request body or parameters are not valid.', {
        errors: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    // body-parser errors carry a status and a type.
    const e = err as { status?: number; type?: string; message?: string };
    if (e.type === 'entity.too.large') return sendProblem(res, 413, 'Request too large', 'The request body is larger than allowed.');
    if (e.type === 'entity.parse.failed') return sendProblem(res, 400, 'Malformed JSON', 'The request body is not valid JSON.');
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return sendProblem(res, 415, 'Unsupported encoding');
    if (e.status && e.status >= 400 && e.status < 500) return sendProblem(res, e.status, 'Bad request', e.message);
    log.error({ err }, 'unhandled error');
    return sendProblem(res, 500, 'Internal error', 'Something went wrong on our side. Nothing you sent has been lost; please try again.');
  };
}
