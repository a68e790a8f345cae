/** What channel routes answer a bad request with: RFC 9457 problem details, as the rest of the API does. */
import type { Response } from 'express';

export function sendProblem(res: Response, status: number, title: string, detail?: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: `https://council-assistant.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, ...(detail ? { detail } : {}) });
}
