/**
 * Errors of the back-office API as RFC 9457 problem details, the same shape and rules as the
 * server's other APIs (wire/problem.ts), plus a cursor this API did not give out. Its own error
 * handler, so every answer under /backoffice/v1 is problem JSON whatever app it is mounted in.
 */
import type { ErrorRequestHandler } from 'express';
import { BadCursor } from '../../store/index.js';
import { sendProblem, sendProblemFor } from '../../wire/index.js';

export { HttpProblem as Problem, sendProblem } from '../../wire/index.js';

export function problemHandler(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (err instanceof BadCursor) return sendProblem(res, 400, 'Bad cursor', 'The cursor is not one this API gave out: start again without one, or use the next_cursor of the last page.');
    if (!sendProblemFor(res, err)) next(err);
  };
}
