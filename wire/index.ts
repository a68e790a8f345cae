/**
 * Wire: the JSON shapes that cross between the server and browsers (web chat API, console API,
 * socket.io events), as zod schemas with their inferred types. The server parses requests and
 * types its responses with them; browser code imports the types only (`import type`), so no
 * zod reaches the widget's bundle. Imports nothing of ours.
 */
export * from './chat.js';
export * from './console.js';
export * from './daily-work.js';
export * from './socket.js';
export * from './backoffice-push.js';
export * from './files.js';
export type * from './staff.js';
export type * from './search.js';
export * from './problem.js';
export type { Sendable } from './json.js';
