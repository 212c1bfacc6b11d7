/**
 * A small streaming XML scanner for the parts of an .xlsx workbook: elements and text, in
 * order, from text that arrives in chunks of any size. Enough XML for what spreadsheet
 * writers produce (namespace prefixes, quoted attributes holding `>`, comments, CDATA, the five
 * named entities and character references); no DTD is read and no entity is defined, so a
 * hostile file cannot expand itself.
 */

export interface XmlHandler {
  /** An element starts; `name` without its namespace prefix, `attrs` unparsed (see attribute). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded. */
  text(text: string): void;
}

export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Scans a chunk; an element or text cut at the chunk's end waits for the next one. */
  push(chunk: string): void {
    const buf = this.rest === '' ? chunk : this.rest + chunk;
    const { handler } = this;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) handler.text(decodeXml(buf.slice(i, lt)));
      const kind = buf.charCodeAt(lt + 1);
      if (kind === 0x21 /* ! */ || kind === 0x3f /* ? */) {
        const skipped = this.special(buf, lt);
        if (skipped < 0) {
          i = lt;
          break;
        }
        i = skipped;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) {
        i = lt;
        break;
      }
      this.tag(buf, lt + 1, gt);
      i = gt + 1;
    }
    // Text without a following `<` waits too: it may go on in the next chunk.
    this.rest = buf.slice(i);
  }

  /** The end of the input: anything left is an element cut short. */
  end(): boolean {
    return this.rest.trim() === '';
  }

  private tag(buf: string, from: number, gt: number): void {
    const closing = buf.charCodeAt(from) === 0x2f; /* / */
    const start = closing ? from + 1 : from;
    let nameEnd = start;
    while (nameEnd < gt) {
      const c = buf.charCodeAt(nameEnd);
      if (c <= 32 || c === 0x2f) break;
      nameEnd++;
    }
    const qualified = buf.slice(start, nameEnd);
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    if (closing) {
      this.handler.close(name);
      return;
    }
    const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
    this.handler.open(name, buf.slice(nameEnd, selfClosing ? gt - 1 : gt), selfClosing);
    if (selfClosing) this.handler.close(name);
  }

  /** Comments, CDATA (as text), processing instructions and declarations; -1 when cut short. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const end = buf.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(buf.slice(lt + 9, end));
      return end + 3;
    }
    if (buf.charCodeAt(lt + 1) === 0x3f) {
      const end = buf.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const end = tagEnd(buf, lt + 1);
    return end < 0 ? -1 : end + 1;
  }
}

/** The `>` that ends a tag, skipping quoted attribute values (which may hold one); -1 if not yet here. */
function tagEnd(buf: string, from: number): number {
  // A character loop over the tag alone: searching ahead for quotes could scan the whole chunk per tag.
  let quote = 0;
  for (let at = from, n = buf.length; at < n; at++) {
    const c = buf.charCodeAt(at);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return at;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

/** One attribute's value (entities decoded), or null; `name` as written, prefix included (`r:id`). */
export function attribute(attrs: string, name: string): string | null {
  let at = 0;
  const n = attrs.length;
  while (at < n) {
    while (at < n && attrs.charCodeAt(at) <= 32) at++;
    const eq = attrs.indexOf('=', at);
    if (eq < 0) return null;
    const key = attrs.slice(at, eq).trim();
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) return null;
    if (key === name) return decodeXml(attrs.slice(q + 1, close));
    at = close + 1;
  }
  return null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML's entities and character references replaced. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Excel's own escape for characters XML cannot hold (`_x000D_` for a carriage return; `_x005F_` for a literal `_`). */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
