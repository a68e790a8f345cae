/**
 * The OpenAPI document keeps up with the web chat wire (issue 17): GET /api/v1/languages and the
 * optional `language` of the start request, the message request and the replies are documented,
 * and every field of those wire schemas (wire/chat.ts) appears in the document, so a field added
 * there without documentation fails here.
 */
import { createConversationRequest, languagesResponse, LANGUAGES, outboundMessage, postMessageRequest } from '../wire/index.js';
import { openApiDocument } from './openapi.js';

type Schema = { type?: string; enum?: string[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; required?: string[]; minItems?: number; description?: string };
type Operation = { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const doc = JSON.parse(JSON.stringify(openApiDocument())) as Doc;
const requestSchema = (path: string, method: string) => doc.paths[path][method].requestBody!.content['application/json'].schema;
const LANGUAGE_REF = '#/components/schemas/Language';

test('the Language schema is the wire\'s list of languages', () => {
  expect(doc.components.schemas.Language).toMatchObject({ type: 'string', enum: [...LANGUAGES] });
});

test('GET /api/v1/languages: the tenant query, a non-empty list of languages, 404 for an unknown council', () => {
  const get = doc.paths['/api/v1/languages']?.get;
  expect(get).toBeDefined();
  expect(get.parameters).toEqual([expect.objectContaining({ name: 'tenant', in: 'query' })]);
  const schema = get.responses['200'].content!['application/json'].schema;
  expect(schema.required).toEqual(['languages']);
  expect(schema.properties!.languages).toMatchObject({ type: 'array', minItems: 1, items: { $ref: LANGUAGE_REF } });
  expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(languagesResponse.shape).sort());
  expect(get.responses['404']).toBeDefined();
});

test('the start request, the message request and the replies document `language`, and every field the wire accepts', () => {
  const start = requestSchema('/api/v1/conversations', 'post');
  const message = requestSchema('/api/v1/conversations/{id}/messages', 'post');
  const reply = doc.components.schemas.OutboundMessage;
  for (const s of [start, message, reply]) expect(s.properties!.language).toMatchObject({ $ref: LANGUAGE_REF });
  // Optional everywhere: a client that never sends it, and a reply without it, stay valid.
  for (const s of [start, message, reply]) expect(s.required ?? []).not.toContain('language');
  expect(Object.keys(start.properties!).sort()).toEqual(Object.keys(createConversationRequest.shape).sort());
  expect(Object.keys(message.properties!).sort()).toEqual(Object.keys(postMessageRequest.shape).sort());
  expect(Object.keys(reply.properties!).sort()).toEqual(Object.keys(outboundMessage.shape).sort());
  // The replies of a turn and the transcript's messages are those replies.
  const replies = doc.paths['/api/v1/conversations/{id}/messages'].post.responses['200'].content!['application/json'].schema;
  expect(replies.properties!.messages.items).toEqual({ $ref: '#/components/schemas/OutboundMessage' });
});
