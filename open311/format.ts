/**
 * Open311 answers in JSON or XML (the format is the path's extension) and errors in the
 * specification's shape: `[{code, description}]` or `<errors><error>…</error></errors>`.
 * The XML writer is small on purpose: elements only, text escaped, no attributes.
 */
import type { Response } from 'express';

export type Format = 'json' | 'xml';

/** An error answered in the specification's format with its HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** What an array's items are called in XML (`services` → `service`). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  keywords: 'keyword',
};

/** Characters XML 1.0 does not allow at all (control characters but tab, newline, return; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A document: `root` holds the list (`services`), or the one object when `items` is not an array. */
export function toXml(root: string, items: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, items)}`;
}

/** Sends a list (or one object for discovery) in the format asked; `root` names the XML root. */
export function send(res: Response, format: Format, root: string, body: unknown, status = 200): void {
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'xml') res.type('application/xml').send(toXml(root, body));
  else res.json(body);
}

export function sendError(res: Response, format: Format, status: number, description: string): void {
  send(res, format, 'errors', [{ code: status, description }], status);
}

/** `services.json` → ['services', 'json']; no or another extension → null (answered 404). */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  return m ? { name: m[1], format: m[2].toLowerCase() as Format } : null;
}
