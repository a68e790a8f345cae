/**
 * The back-office API's part of the server's OpenAPI document (api/openapi.ts spreads these in):
 * its security scheme, the case and event schemas, and its paths. Statuses and scopes come from
 * the code that enforces them, so the document cannot drift from them.
 */
import { CASE_STATUSES } from '../../cases/index.js';
import { BACKOFFICE_SCOPES, CASE_EVENT_TYPES } from '../../store/index.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const json = (description: string, schema: object, headers?: object) => ({ description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } });
const security = (scope: string) => [{ backofficeKey: [scope] }];
const reference = { name: 'reference', in: 'path', required: true, schema: { type: 'string' }, description: 'The case reference, e.g. MBC-123456' };
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag of the case as read ("<seq>"): the change is refused (412) if the case changed since' };
const etag = { ETag: { schema: { type: 'string' }, description: 'The case\'s event count, quoted ("<seq>")' } };
const caseRef = { $ref: '#/components/schemas/BackofficeCase' };
const errors = {
  '400': problem('Invalid input, filter or cursor'),
  '401': problem('No key, a key the council did not issue, or a revoked key'),
  '403': problem('The key does not have the scope'),
  '429': problem('Too many requests from this key'),
};
const changeErrors = { ...errors, '404': problem('No such case at this council'), '412': problem('The case changed since the If-Match ETag') };

export const backofficeSecuritySchemes = {
  backofficeKey: {
    type: 'http',
    scheme: 'bearer',
    description: `A council's back-office API key (npm run backoffice:key -- create). Scopes: ${BACKOFFICE_SCOPES.join(', ')}.`,
  },
};

export const backofficeSchemas = {
  BackofficeCase: {
    type: 'object',
    required: ['id', 'reference', 'service', 'status', 'status_label', 'summary', 'answers', 'location', 'target_date', 'team', 'created_at', 'updated_at', 'seq', 'media_urls', 'linked_reports'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      reference: { type: 'string' },
      service: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
      status: { type: 'string', enum: [...CASE_STATUSES] },
      status_label: { type: 'string' },
      summary: { type: 'string' },
      answers: { type: 'object', additionalProperties: true },
      location: {
        type: ['object', 'null'],
        properties: {
          address: { type: ['string', 'null'] },
          postcode: { type: ['string', 'null'] },
          uprn: { type: ['string', 'null'] },
          usrn: { type: ['string', 'null'] },
          lat: { type: ['number', 'null'] },
          lng: { type: ['number', 'null'] },
        },
      },
      target_date: { type: ['string', 'null'], format: 'date' },
      team: { type: ['string', 'null'] },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
      seq: { type: 'integer', description: 'How many events the case has had (its ETag)' },
      media_urls: { type: 'array', items: { type: 'string', format: 'uri' } },
      linked_reports: {
        type: 'array',
        description: 'Further reports joined to this case (duplicates on the street), oldest first; location only with cases:personal',
        items: {
          type: 'object',
          required: ['id', 'via', 'distance_metres', 'reported_at', 'answers'],
          properties: {
            id: { type: 'string' },
            via: { type: 'string', enum: ['assistant', 'open311'] },
            distance_metres: { type: ['integer', 'null'] },
            reported_at: { type: 'string', format: 'date-time' },
            answers: { type: 'object', additionalProperties: true },
            location: {},
          },
        },
      },
      contact: {
        type: 'object',
        description: 'Only for a key with cases:personal',
        properties: { name: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] } },
      },
      history: {
        type: 'array',
        items: {
          type: 'object',
          properties: { status: { type: 'string' }, status_label: { type: 'string' }, note: { type: ['string', 'null'] }, actor: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        },
      },
      changed: { type: 'boolean', description: 'In the answer to a change: whether anything changed' },
    },
  },
  BackofficeEvent: {
    type: 'object',
    required: ['id', 'case_id', 'reference', 'type', 'seq', 'internal', 'actor', 'at', 'data'],
    properties: {
      id: { type: 'string' },
      case_id: { type: 'string' },
      reference: { type: ['string', 'null'] },
      type: { type: 'string', enum: [...CASE_EVENT_TYPES] },
      seq: { type: 'integer', description: 'The event\'s place in its case: apply a case\'s events in this order' },
      internal: { type: 'boolean', description: 'For staff only (an internal note)' },
      actor: { type: 'string' },
      at: { type: 'string', format: 'date-time' },
      data: { type: 'object', additionalProperties: true },
    },
  },
};

export const backofficePaths = {
  '/backoffice/v1/cases': {
    get: {
      summary: 'List cases, least recently changed first',
      security: security('cases:read'),
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string' }, description: `Comma-separated: ${CASE_STATUSES.join(', ')}` },
        { name: 'service', in: 'query', schema: { type: 'string' }, description: 'Comma-separated service ids' },
        { name: 'updated_since', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'next_cursor of the previous page' },
      ],
      responses: {
        '200': json('A page of cases', { type: 'object', required: ['cases', 'next_cursor'], properties: { cases: { type: 'array', items: caseRef }, next_cursor: { type: ['string', 'null'] } } }),
        ...errors,
      },
    },
  },
  '/backoffice/v1/cases/{reference}': {
    get: {
      summary: 'A case with its history',
      security: security('cases:read'),
      parameters: [reference],
      responses: { '200': json('The case', caseRef, etag), ...errors, '404': problem('No such case at this council') },
    },
    patch: {
      summary: 'Change the target date or team',
      security: security('cases:write'),
      parameters: [reference, ifMatch],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', additionalProperties: false, minProperties: 1, properties: { target_date: { type: ['string', 'null'], format: 'date' }, team: { type: ['string', 'null'], maxLength: 100 } } },
          },
        },
      },
      responses: { '200': json('The case as changed', caseRef, etag), ...changeErrors },
    },
  },
  '/backoffice/v1/cases/{reference}/status': {
    post: {
      summary: 'Set the status, with an optional note',
      security: security('cases:write'),
      parameters: [reference, ifMatch],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['status'],
              properties: { status: { type: 'string', enum: [...CASE_STATUSES] }, note: { type: ['string', 'null'], maxLength: 4000 }, internal: { type: 'boolean', description: 'The note is for staff only' } },
            },
          },
        },
      },
      responses: { '200': json('The case as changed', caseRef, etag), ...changeErrors },
    },
  },
  '/backoffice/v1/cases/{reference}/notes': {
    post: {
      summary: 'Add a note',
      security: security('cases:write'),
      parameters: [reference, ifMatch],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', additionalProperties: false, required: ['note'], properties: { note: { type: 'string', minLength: 1, maxLength: 4000 }, internal: { type: 'boolean' } } },
          },
        },
      },
      responses: { '200': json('The case as changed', caseRef, etag), ...changeErrors },
    },
  },
  '/backoffice/v1/changes': {
    get: {
      summary: 'The case event log since a cursor (internal notes included)',
      security: security('cases:read'),
      parameters: [
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'next_cursor of the previous page; none: from the start' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      ],
      responses: {
        '200': json('Events, oldest first', {
          type: 'object',
          required: ['events', 'next_cursor', 'has_more'],
          properties: { events: { type: 'array', items: { $ref: '#/components/schemas/BackofficeEvent' } }, next_cursor: { type: 'string' }, has_more: { type: 'boolean' } },
        }),
        ...errors,
      },
    },
  },
};
