/**
 * A strict little XML reader for the tests (the repository has no XML parser): well-formedness
 * (one root, matching tags, quoted and unique attributes, entities only as XML defines them, no
 * raw `<` or `&` in text) and namespaces (prefixes resolved, an undeclared one refused). Enough to
 * read what a back office's XML library would, and to fail where it would.
 */

export interface XmlElement {
  /** The local name. */
  name: string;
  /** The namespace URI ('' for none). */
  ns: string;
  /** Attributes by their name as written (prefix included). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, its children's left out. */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw < in text or attribute near ${where}`);
  return raw.replace(/&([^;]*);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new Error(`bare & near ${where}`);
    if (ent === 'amp') return '&';
    if (ent === 'lt') return '<';
    if (ent === 'gt') return '>';
    if (ent === 'quot') return '"';
    if (ent === 'apos') return "'";
    const code = /^#x([0-9a-fA-F]+)$/.exec(ent)?.[1];
    if (code) return String.fromCodePoint(parseInt(code, 16));
    const dec = /^#(\d+)$/.exec(ent)?.[1];
    if (dec) return String.fromCodePoint(Number(dec));
    throw new Error(`unknown entity ${m} near ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipSpace();

  function element(scope: Map<string, string>): XmlElement {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const qname = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an element name');
    i += qname.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (i === before) fail('expected a space before an attribute');
      const an = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an attribute name');
      i += an.length;
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('attribute value not quoted');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute');
      if (an in attrs) fail(`duplicate attribute ${an}`);
      attrs[an] = decode(xml.slice(i + 1, end), i);
      i = end + 1;
    }
    const inner = new Map(scope);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') inner.set('', v);
      else if (k.startsWith('xmlns:')) inner.set(k.slice(6), v);
    }
    const resolve = (q: string, isAttr: boolean): string => {
      const colon = q.indexOf(':');
      if (colon < 0) return isAttr ? '' : (inner.get('') ?? '');
      const prefix = q.slice(0, colon);
      if (prefix === 'xml') return XML_NS;
      if (prefix === 'xmlns') return 'xmlns';
      return inner.get(prefix) ?? fail(`undeclared prefix ${prefix}`);
    };
    for (const k of Object.keys(attrs)) resolve(k, true);
    const el: XmlElement = { name: qname.includes(':') ? qname.split(':')[1] : qname, ns: resolve(qname, false), attrs, children: [], text: '' };
    if (xml.startsWith('/>', i)) {
      i += 2;
      return el;
    }
    i++;
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`unclosed <${qname}>`);
      el.text += decode(xml.slice(i, next), i);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = NAME.exec(xml.slice(i))?.[0];
        if (close !== qname) fail(`</${close}> closes <${qname}>`);
        i += qname.length;
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
        continue;
      }
      el.children.push(element(inner));
    }
  }

  const root = element(new Map());
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** The first child of `el` with this local name (and namespace, when given). */
export function child(el: XmlElement, name: string, ns?: string): XmlElement {
  const found = el.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}
