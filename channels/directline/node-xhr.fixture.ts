/**
 * A browser's XMLHttpRequest, as far as rxjs 5's ajax (which DirectLineJS speaks through) uses it,
 * over Node's fetch: so the Node test drives Microsoft's client unchanged. JSON responses are parsed
 * when `responseType` is "json", as a browser does.
 */
export class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  responseText = '';
  response: unknown = null;
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onreadystatechange: ((this: FetchXMLHttpRequest, e: unknown) => void) | null = null;
  onerror: ((this: FetchXMLHttpRequest, e: unknown) => void) | null = null;
  ontimeout: ((this: FetchXMLHttpRequest, e: unknown) => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private responseHeaders = new Headers();
  private controller = new AbortController();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    const lines: string[] = [];
    this.responseHeaders.forEach((v, k) => lines.push(`${k}: ${v}`));
    return lines.join('\r\n');
  }

  abort(): void {
    this.controller.abort();
  }

  send(body?: string): void {
    const signal = this.timeout ? AbortSignal.any([this.controller.signal, AbortSignal.timeout(this.timeout)]) : this.controller.signal;
    fetch(this.url, { method: this.method, headers: this.headers, body: body ?? undefined, signal }).then(
      async (res) => {
        this.status = res.status;
        this.responseHeaders = res.headers;
        this.responseText = await res.text();
        this.response = this.responseType === 'json' ? (this.responseText ? JSON.parse(this.responseText) : null) : this.responseText;
        this.readyState = 4;
        this.onreadystatechange?.call(this, { type: 'readystatechange' });
      },
      (err: unknown) => {
        if (this.controller.signal.aborted) return;
        this.readyState = 4;
        if ((err as Error)?.name === 'TimeoutError') this.ontimeout?.call(this, { type: 'timeout' });
        else this.onerror?.call(this, { type: 'error', error: err });
      },
    );
  }
}
