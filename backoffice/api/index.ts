/** The back-office pull API (/backoffice/v1): per-council keys with scopes, cases, the change log, status, notes and dates. */
export { backofficeApi, backofficeActor, BACKOFFICE_REQUESTS_PER_MINUTE, type BackofficeApiDeps } from './routes.js';
export { backofficeKeyOf } from './auth.js';
export { backofficePaths, backofficeSchemas, backofficeSecuritySchemes } from './openapi.js';
