/**
 * A small XML reader for TwiML (tests and the simulator read what the caller would hear).
 * Elements, attributes, text and the five predefined entities plus numeric references; no
 * DTDs or namespaces, which TwiML does not use.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export class XmlError extends Error {}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const n = xml.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(xml[i])) i++;
  };
  const expect = (s: string) => {
    if (!xml.startsWith(s, i)) throw new XmlError(`expected "${s}" at ${i}`);
    i += s.length;
  };
  const readName = () => {
    const start = i;
    while (i < n && /[A-Za-z0-9_:.-]/.test(xml[i])) i++;
    if (i === start) throw new XmlError(`expected a name at ${i}`);
    return xml.slice(start, i);
  };
  const skipProlog = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) throw new XmlError('unterminated declaration');
        i = end + 2;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const readElement = (): XmlElement => {
    expect('<');
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [] };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      skipSpace();
      expect('=');
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw new XmlError(`expected a quoted value at ${i}`);
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) throw new XmlError('unterminated attribute');
      if (attr in attributes) throw new XmlError(`duplicate attribute ${attr}`);
      attributes[attr] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (i >= n) throw new XmlError(`unclosed <${name}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = readName();
        if (close !== name) throw new XmlError(`</${close}> closes <${name}>`);
        skipSpace();
        expect('>');
        return { name, attributes, children };
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (xml[i] === '<') {
        children.push(readElement());
        continue;
      }
      const next = xml.indexOf('<', i);
      const text = xml.slice(i, next < 0 ? n : next);
      children.push(decode(text));
      i = next < 0 ? n : next;
    }
  };
  skipProlog();
  const root = readElement();
  skipProlog();
  if (i < n) throw new XmlError(`content after the root element at ${i}`);
  return root;
}

/** Every element named `name` under `root` (depth first, root included). */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

/** All text inside an element (a <Say> with its SSML children), spaces tidied. */
export function textOf(e: XmlElement): string {
  return e.children
    .map((c) => (typeof c === 'string' ? c : ` ${textOf(c)} `))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the caller hears from a TwiML document: the text of every <Say>, in order. */
export function spokenText(twiml: string | XmlElement): string {
  const root = typeof twiml === 'string' ? parseXml(twiml) : twiml;
  return findAll(root, 'Say').map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}
