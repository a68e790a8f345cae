/** The JSON API's error handler: problem details (wire/problem.ts) for what a request got wrong, a logged 500 for a fault. */
import type { ErrorRequestHandler } from 'express';
import { sendProblem, sendProblemFor } from '../wire/index.js';

export { HttpProblem, sendProblem } from '../wire/index.js';

export function problemHandler(log: { error: (o: object, m: string) => void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (sendProblemFor(res, err)) return;
    log.error({ err }, 'unhandled error');
    return sendProblem(res, 500, 'Internal error', 'Something went wrong on our side. Nothing you sent has been lost; please try again.');
  };
}
