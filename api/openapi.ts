import { ASK_FOR, CONVERSATION_STATES, LANGUAGES, PRIORITIES, RISK_KINDS } from '../wire/index.js';
import { backofficePaths, backofficeSchemas, backofficeSecuritySchemes } from '../backoffice/index.js';

/** The OpenAPI document of the public API, served at /api/v1/openapi.json; its enums come from wire/. */
export function openApiDocument(publicUrl?: string): object {
  const problem = { $ref: '#/components/schemas/Problem' };
  const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Council assistant API',
      version: '1.0.0',
      description: 'Talk to the council assistant: start a conversation, send messages, read the transcript, get typeahead suggestions.',
    },
    servers: [{ url: publicUrl ?? '/' }],
    components: {
      securitySchemes: { conversationToken: { type: 'http', scheme: 'bearer', description: 'The token returned when the conversation was created.' }, ...backofficeSecuritySchemes },
      schemas: {
        ...backofficeSchemas,
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, errors: { type: 'array', items: { type: 'object' } } },
        },
        Suggestion: { type: 'object', required: ['label', 'value'], properties: { label: { type: 'string' }, value: { type: 'string' } } },
        Language: { type: 'string', enum: [...LANGUAGES], description: 'A language the assistant speaks: en (English) or cy (Welsh)' },
        OutboundMessage: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string' },
            speech: { type: 'string' },
            suggestions: { type: 'array', items: { $ref: '#/components/schemas/Suggestion' } },
            card: { type: 'object', required: ['title', 'body'], properties: { title: { type: 'string' }, body: { type: 'string' }, link: { type: 'object', properties: { label: { type: 'string' }, url: { type: 'string' } } } } },
            link: { type: 'object', properties: { label: { type: 'string' }, url: { type: 'string' } } },
            askFor: { type: 'string', enum: [...ASK_FOR] },
            handoff: {
              type: 'object',
              required: ['reason', 'priority'],
              properties: {
                reason: { type: 'string' },
                priority: { type: 'string', enum: [...PRIORITIES] },
                queue: { type: 'string' },
                staffAvailable: { type: 'boolean', description: 'False out of hours' },
                estimatedWaitSeconds: { type: 'number' },
                route: { type: 'string', enum: ['agent', 'duty', 'queue', 'none'], description: 'What the resident was told will happen' },
                riskKind: { type: 'string', enum: [...RISK_KINDS] },
              },
            },
            feedbackFor: { type: 'object', properties: { articleId: { type: 'string' } } },
            language: { $ref: '#/components/schemas/Language', description: 'The language the reply is written in (web chat marks its bubble with `lang`; voice picks its voice)' },
          },
        },
      },
    },
    paths: {
      '/api/v1/conversations': {
        post: {
          summary: 'Start a conversation',
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    tenant: { type: 'string', default: 'demo' },
                    channel: { type: 'string', enum: ['api', 'webchat'], default: 'api' },
                    language: { $ref: '#/components/schemas/Language', description: "The resident's choice (the widget's English / Cymraeg switch, or the page's data-language): the greeting is in it where the council offers it. Absent: a council offering both greets in Welsh and English (Welsh first, with Cymraeg / English buttons), else in its one language" },
                  },
                  additionalProperties: false,
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'Created',
              content: { 'application/json': { schema: { type: 'object', required: ['conversationId', 'token'], properties: { conversationId: { type: 'string', format: 'uuid' }, token: { type: 'string' } } } } },
            },
            '400': problemResponse('Invalid body'),
            '404': problemResponse('Unknown tenant'),
          },
        },
      },
      '/api/v1/conversations/{id}/messages': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        post: {
          summary: 'Send a message; returns the replies of this turn',
          security: [{ conversationToken: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['text'],
                  additionalProperties: false,
                  properties: {
                    text: { type: 'string', minLength: 1, maxLength: 2000 },
                    id: { type: 'string', description: 'Client message id: a retry with the same id is answered once' },
                    language: { $ref: '#/components/schemas/Language', description: "The language the resident chose for this message (the widget's switch); it wins over detection. Absent: the assistant decides" },
                  },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Replies', content: { 'application/json': { schema: { type: 'object', properties: { messages: { type: 'array', items: { $ref: '#/components/schemas/OutboundMessage' } } } } } } },
            '400': problemResponse('Invalid body'),
            '401': problemResponse('Missing or wrong token'),
            '404': problemResponse('Unknown conversation'),
            '413': problemResponse('Body too large'),
            '415': problemResponse('Not JSON'),
          },
        },
        get: {
          summary: 'The transcript',
          security: [{ conversationToken: [] }],
          responses: {
            '200': {
              description: 'Transcript',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['conversationId', 'state', 'messages'],
                    properties: {
                      conversationId: { type: 'string', format: 'uuid' },
                      state: { type: 'string', enum: [...CONVERSATION_STATES] },
                      messages: {
                        type: 'array',
                        items: {
                          allOf: [
                            { $ref: '#/components/schemas/OutboundMessage' },
                            {
                              type: 'object',
                              required: ['id', 'direction', 'author', 'createdAt'],
                              properties: {
                                id: { type: 'string' },
                                direction: { type: 'string', enum: ['in', 'out'] },
                                author: { type: 'string', enum: ['resident', 'bot', 'agent', 'system'] },
                                createdAt: { type: 'string', format: 'date-time' },
                                agentName: { type: 'string', description: "The adviser's first name, on their messages" },
                              },
                            },
                          ],
                        },
                      },
                    },
                  },
                },
              },
            },
            '401': problemResponse('Missing or wrong token'),
            '404': problemResponse('Unknown conversation'),
          },
        },
      },
      '/api/v1/conversations/{id}/files': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'name', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: "The file's name, as the resident chose it" },
        ],
        post: {
          summary: 'Send a photo or PDF (the body is the file, at most 10 MB); it is kept without its metadata and the resident is answered',
          security: [{ conversationToken: [] }],
          requestBody: { required: true, content: { 'image/jpeg': {}, 'image/png': {}, 'image/webp': {}, 'application/pdf': {} } },
          responses: {
            '201': {
              description: 'Kept',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['file', 'messages'],
                    properties: {
                      file: {
                        type: 'object',
                        properties: {
                          id: { type: 'string', format: 'uuid' },
                          kind: { type: 'string', enum: ['photo', 'file', 'voice note'] },
                          contentType: { type: 'string' },
                          size: { type: 'integer' },
                          name: { type: 'string', nullable: true },
                          metadataRemoved: { type: 'array', items: { type: 'string' } },
                        },
                      },
                      messages: { type: 'array', items: { $ref: '#/components/schemas/OutboundMessage' } },
                    },
                  },
                },
              },
            },
            '401': problemResponse('Missing or wrong token'),
            '404': problemResponse('Unknown conversation'),
            '409': problemResponse('The conversation has ended'),
            '413': problemResponse('Larger than 10 MB (detail: what the resident is told)'),
            '415': problemResponse('A type that is not kept (detail: what the resident is told)'),
            '422': problemResponse('Damaged or incomplete (detail: what the resident is told)'),
            '503': problemResponse('Could not be stored just now: try again'),
          },
        },
      },
      '/api/v1/suggestions': {
        get: {
          summary: 'Typeahead suggestions',
          parameters: [
            { name: 'tenant', in: 'query', schema: { type: 'string' } },
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10, default: 6 } },
          ],
          responses: {
            '200': {
              description: 'Suggestions',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['suggestions'],
                    properties: {
                      suggestions: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['text', 'kind'],
                          properties: { text: { type: 'string' }, kind: { type: 'string', enum: ['question', 'article'] }, articleId: { type: 'string' }, url: { type: 'string' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/api/v1/languages': {
        get: {
          summary: "The languages a council offers, its default first (what the widget's English / Cymraeg switch shows)",
          parameters: [{ name: 'tenant', in: 'query', schema: { type: 'string', minLength: 1, maxLength: 64, default: 'demo' } }],
          responses: {
            '200': {
              description: 'Languages offered (cacheable for five minutes)',
              headers: { 'Cache-Control': { schema: { type: 'string', example: 'public, max-age=300' } } },
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['languages'], additionalProperties: false, properties: { languages: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Language' } } } },
                  example: { languages: ['en', 'cy'] },
                },
              },
            },
            '400': problemResponse('Invalid query'),
            '404': problemResponse('Unknown tenant'),
          },
        },
      },
      '/health': { get: { summary: 'Liveness and store check', responses: { '200': { description: 'OK' }, '503': { description: 'Store unavailable' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Metrics in text format' } } } },
      // The back-office pull API (a council's key with scopes).
      ...backofficePaths,
    },
  };
}
