/**
 * WhatsApp parts of the local Graph API stand-in (graph-stand-in.fixture.ts) beyond sending:
 * - the media endpoint: GET /{version}/{media id}[?phone_number_id=] with the Bearer token answers
 *   {messaging_product, url, mime_type, sha256 (hex), file_size, id}, an unknown id Graph's error
 *   100/33; the url (GET, same token, else 401) gives the bytes with their Content-Type;
 * - approved message templates: a template send whose name is not approved in that language is
 *   refused with 132001, a wrong number of body parameters with 132000, as the Cloud API does.
 * Files are added by tests (`media.add`), with a declared type and size that may lie, to test the checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';

export interface StandInMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** What the endpoint says (defaults: the real ones). */
  declaredSize?: number;
  sha256?: string;
}

export interface MediaStandIn {
  /** Adds a file the "resident" sent; returns its media id. */
  add(bytes: Buffer, mimeType: string, overrides?: { declaredSize?: number; sha256?: string }): string;
  /** Media ids looked up, and downloads made (ids), in order. */
  lookups: string[];
  downloads: string[];
  handles(req: http.IncomingMessage): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
}

export interface ApprovedTemplate {
  language: string;
  /** Body variables ({{1}}…) the approved template has. */
  parameters: number;
}

/** The demo pack's re-engagement template (content/demo/settings.yaml), approved here. */
export const DEMO_TEMPLATES: Record<string, ApprovedTemplate> = { case_reply_waiting: { language: 'en_GB', parameters: 1 } };

const DOWNLOAD = /^\/whatsapp_business\/attachments\/\?mid=(\d+)&ext=\d+&hash=[\w-]+$/;
const LOOKUP = /^\/(v\d+\.\d+)\/(\d{6,32})(\?phone_number_id=\d+)?$/;

export function createMediaStandIn(token: string, fail: (res: http.ServerResponse, status: number, code: number, message: string, extra?: { type?: string; subcode?: number }) => void): MediaStandIn {
  const files = new Map<string, StandInMedia>();
  const lookups: string[] = [];
  const downloads: string[] = [];
  let next = 1_479_537_139_650_000;
  return {
    lookups,
    downloads,
    add(bytes, mimeType, overrides = {}) {
      const id = String(++next);
      files.set(id, { id, bytes, mimeType, ...overrides });
      return id;
    },
    handles: (req) => req.method === 'GET' && (LOOKUP.test(req.url ?? '') || DOWNLOAD.test(req.url ?? '')),
    handle(req, res) {
      if (req.headers.authorization !== `Bearer ${token}`) return fail(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
      const url = req.url ?? '';
      const download = DOWNLOAD.exec(url);
      if (download) {
        const file = files.get(download[1]);
        if (!file) return fail(res, 404, 100, 'Unsupported get request.', { type: 'GraphMethodException', subcode: 33 });
        downloads.push(file.id);
        res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) });
        return void res.end(file.bytes);
      }
      const m = LOOKUP.exec(url)!;
      lookups.push(m[2]);
      const file = files.get(m[2]);
      if (!file) return fail(res, 400, 100, `Unsupported get request. Object with ID '${m[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { type: 'GraphMethodException', subcode: 33 });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          url: `http://${req.headers.host}/whatsapp_business/attachments/?mid=${file.id}&ext=${Math.floor(Date.now() / 1000)}&hash=${randomBytes(8).toString('hex')}`,
          mime_type: file.mimeType,
          sha256: file.sha256 ?? createHash('sha256').update(file.bytes).digest('hex'),
          file_size: String(file.declaredSize ?? file.bytes.length),
          id: file.id,
        }),
      );
    },
  };
}

/** Why an (otherwise well-formed) template send would be refused: [code, message], or null. */
export function templateRefusal(body: Record<string, unknown>, approved: Record<string, ApprovedTemplate>): [number, string] | null {
  const t = body.template as { name?: string; language?: { code?: string }; components?: { type?: string; parameters?: unknown[] }[] };
  const known = t.name ? approved[t.name] : undefined;
  if (!known || known.language !== t.language?.code) return [132001, `(#132001) Template name does not exist in the translation`];
  const given = (t.components ?? []).filter((c) => c.type === 'body').flatMap((c) => c.parameters ?? []).length;
  if (given !== known.parameters) return [132000, '(#132000) Number of parameters does not match the expected number of params'];
  return null;
}
