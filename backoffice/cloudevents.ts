/**
 * A case event as a CloudEvent 1.0, in the structured JSON format (`application/cloudevents+json`)
 * or the CloudEvents XML format (`application/cloudevents+xml`, for back-office systems that want
 * the XML feed). One envelope, two renderings; the README ("Back-office events") documents both.
 *
 *   specversion  "1.0"
 *   id           the case event's id (the same on every retry and redelivery)
 *   source       /councils/<council>/cases
 *   type         uk.gov.council-assistant.case.<created|updated|status_changed|note_added|merged>
 *   subject      the case reference
 *   time         when the change was made
 *   sequence     the event's number within its case (1, 2, 3…), zero-padded to ten digits as the
 *                sequence extension asks (it must sort as text); sequencetype "Integer"
 *   data         {change, case}: what changed, and the case as it stands when sent
 */
import type { CaseEvent } from '../store/index.js';
import type { CaseJson } from './case-json.js';

export const EVENT_TYPE_PREFIX = 'uk.gov.council-assistant.case.';
export const CONTENT_TYPES = { json: 'application/cloudevents+json', xml: 'application/cloudevents+xml' } as const;
export const CLOUDEVENTS_XML_NAMESPACE = 'http://cloudevents.io/xmlformat/V1';
/** The namespace of the XML `data` payload's element, `<caseEvent>`. */
export const CASE_EVENT_XML_NAMESPACE = 'urn:council-assistant:case-event:1';

/** What an event changed: its type, who made it, whether it is staff-only, and the type's own fields. */
export type CaseChange = { type: CaseEvent['type']; actor: string; internal: boolean } & Record<string, unknown>;

export interface CaseCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json' | 'application/xml';
  sequence: string;
  sequencetype: 'Integer';
  data: { change: CaseChange; case: CaseJson };
}

export function eventSource(tenant: string): string {
  return `/councils/${encodeURIComponent(tenant)}/cases`;
}

/** The sequence extension's value: sortable as text (zero-padded), read as an integer. */
export function sequenceOf(seq: number): string {
  return String(seq).padStart(10, '0');
}

/** The change: its type, actor and flag first, then the type's own fields (which cannot override them). */
function changeOf(event: CaseEvent): CaseChange {
  const { type: _type, actor: _actor, internal: _internal, ...fields } = event.data;
  return { type: event.type, actor: event.actor, internal: event.internal, ...fields };
}

export function caseCloudEvent(event: CaseEvent, caseJson: CaseJson, format: 'json' | 'xml'): CaseCloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: eventSource(event.tenant),
    type: `${EVENT_TYPE_PREFIX}${event.type}`,
    subject: caseJson.reference,
    time: event.at.toISOString(),
    datacontenttype: format === 'xml' ? 'application/xml' : 'application/json',
    sequence: sequenceOf(event.seq),
    sequencetype: 'Integer',
    data: { change: changeOf(event), case: caseJson },
  };
}

export function renderJson(event: CaseCloudEvent): string {
  return JSON.stringify(event);
}

// ---- XML

/** Characters XML 1.0 cannot hold at all (controls other than tab, newline, return; lone surrogates; U+FFFE/F): replaced. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A JSON key as an element name when it is a safe XML name; otherwise `<field name="…">`. */
const SAFE_NAME = /^(?![Xx][Mm][Ll])[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/**
 * JSON as XML elements: an object's keys become child elements (a key that is no XML name becomes
 * `<field name="key">`), an array's items `<item>` elements, null an empty element with
 * `xsi:nil="true"`, strings, numbers and booleans text.
 */
export function jsonToXml(name: string, value: unknown): string {
  const [open, close] = SAFE_NAME.test(name) ? [name, name] : [`field name="${xmlAttr(name)}"`, 'field'];
  if (value === null || value === undefined) return `<${open} xsi:nil="true"/>`;
  if (Array.isArray(value)) return `<${open}>${value.map((v) => jsonToXml('item', v)).join('')}</${close}>`;
  if (typeof value === 'object') {
    return `<${open}>${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => jsonToXml(k, v))
      .join('')}</${close}>`;
  }
  return `<${open}>${xmlText(String(value))}</${close}>`;
}

/**
 * The CloudEvents XML format: an `<event specversion="1.0">` in the CloudEvents namespace, each
 * context attribute an element (the extensions typed with `xsi:type`), and `<data xsi:type="xs:any">`
 * holding one `<caseEvent>` element (its own namespace) with `<change>` and `<case>`.
 */
export function renderXml(event: CaseCloudEvent): string {
  const attr = (name: string, value: string, type?: string) => `<${name}${type ? ` xsi:type="${type}"` : ''}>${xmlText(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<event xmlns="${CLOUDEVENTS_XML_NAMESPACE}" xmlns:ce="${CLOUDEVENTS_XML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" specversion="1.0">` +
    attr('id', event.id) +
    attr('source', event.source) +
    attr('type', event.type) +
    attr('subject', event.subject) +
    attr('time', event.time) +
    attr('datacontenttype', event.datacontenttype) +
    attr('sequence', event.sequence, 'ce:string') +
    attr('sequencetype', event.sequencetype, 'ce:string') +
    `<data xsi:type="xs:any"><caseEvent xmlns="${CASE_EVENT_XML_NAMESPACE}">${jsonToXml('change', event.data.change)}${jsonToXml('case', event.data.case)}</caseEvent></data>` +
    '</event>\n'
  );
}
