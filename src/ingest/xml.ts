// A small XML reader for feeds, written here so that it cannot expand entities at all. XML parsers
// have been the hole in feed readers: fast-xml-parser's entity expansion (CVE-2026-26278, then the
// numeric-reference bypass CVE-2026-33036) and node-expat's old libexpat (reliability.md §5.6).
// Feeds need none of a DTD, so any `<!DOCTYPE` or `<!ENTITY` is refused outright: a billion-laughs
// document ends at its first declaration, in time linear in its length. Only the five predefined
// entities (XML 1.0 §4.6) and character references (§4.1) are read, each giving one character.
// Namespaces are not resolved: feeds are read by local name ("content:encoded" is "encoded").

export interface XmlElement {
  /** The qualified name as written ("atom:link"). */
  readonly name: string;
  /** The name after any prefix, lower-cased: what feed readers match on. */
  readonly localName: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly (XmlElement | string)[];
}

export type XmlResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly reason: string; readonly doctype: boolean };

/** Deeper than any feed; a guard against stack-hungry callers walking the tree recursively. */
const MAX_DEPTH = 128;

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

const NAME = /^[A-Za-z_:][\w.:-]*/;

interface MutableElement {
  name: string;
  localName: string;
  attributes: Map<string, string>;
  children: (MutableElement | string)[];
}

class XmlError extends Error {
  readonly doctype: boolean;
  constructor(message: string, doctype = false) {
    super(message);
    this.doctype = doctype;
  }
}

export function parseXml(text: string): XmlResult {
  try {
    return { ok: true, root: readDocument(text) };
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, reason: error.message, doctype: error.doctype };
    throw error;
  }
}

function readDocument(text: string): XmlElement {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: MutableElement[] = [];
  let root: MutableElement | null = null;

  while (position < text.length) {
    const open = text.indexOf("<", position);
    const textEnd = open === -1 ? text.length : open;
    if (textEnd > position) {
      const raw = text.slice(position, textEnd);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (raw.trim() !== "") throw new XmlError(`text outside the root element at offset ${position}`);
      } else {
        parent.children.push(decodeReferences(raw, position));
      }
    }
    if (open === -1) break;
    position = open;

    if (text.startsWith("<?", position)) {
      position = skipPast(text, "?>", position, "processing instruction");
    } else if (text.startsWith("<!--", position)) {
      position = skipPast(text, "-->", position, "comment");
    } else if (text.startsWith("<![CDATA[", position)) {
      const end = text.indexOf("]]>", position + 9);
      if (end === -1) throw new XmlError(`unclosed CDATA section at offset ${position}`);
      const parent = stack[stack.length - 1];
      if (parent === undefined) throw new XmlError(`CDATA outside the root element at offset ${position}`);
      parent.children.push(text.slice(position + 9, end));
      position = end + 3;
    } else if (text.startsWith("<!", position)) {
      // <!DOCTYPE, <!ENTITY, <!ELEMENT...: declarations are where entity bombs and external
      // entities (XXE) live, and no feed needs one.
      throw new XmlError(
        `declares ${text.slice(position, position + 10).split(/\s/)[0] ?? "<!"}; DTDs and entity declarations are refused`,
        true,
      );
    } else if (text.startsWith("</", position)) {
      const match = NAME.exec(text.slice(position + 2, position + 2 + 1024));
      const name = match?.[0];
      const current = stack.pop();
      if (name === undefined || current === undefined || current.name !== name) {
        throw new XmlError(`unexpected closing tag at offset ${position}${current === undefined ? "" : ` (expected </${current.name}>)`}`);
      }
      const close = text.indexOf(">", position);
      if (close === -1 || text.slice(position + 2 + name.length, close).trim() !== "")
        throw new XmlError(`malformed closing tag at offset ${position}`);
      position = close + 1;
    } else {
      const { element, selfClosing, end } = readStartTag(text, position);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (root !== null) throw new XmlError(`a second root element at offset ${position}`);
        root = element;
      } else {
        parent.children.push(element);
      }
      if (!selfClosing) {
        stack.push(element);
        if (stack.length > MAX_DEPTH) throw new XmlError(`nested deeper than ${MAX_DEPTH} elements`);
      }
      position = end;
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed !== undefined) throw new XmlError(`<${unclosed.name}> is never closed`);
  if (root === null) throw new XmlError("holds no root element");
  return root;
}

function skipPast(text: string, terminator: string, position: number, what: string): number {
  const end = text.indexOf(terminator, position);
  if (end === -1) throw new XmlError(`unclosed ${what} at offset ${position}`);
  return end + terminator.length;
}

function readStartTag(text: string, start: number): { element: MutableElement; selfClosing: boolean; end: number } {
  let position = start + 1;
  const nameMatch = NAME.exec(text.slice(position, position + 1024));
  if (nameMatch === null) throw new XmlError(`malformed tag at offset ${start}`);
  const name = nameMatch[0];
  position += name.length;
  const attributes = new Map<string, string>();
  for (;;) {
    const spaceStart = position;
    while (position < text.length && /\s/.test(text[position] ?? "")) position += 1;
    if (text.startsWith("/>", position)) return { element: makeElement(name, attributes), selfClosing: true, end: position + 2 };
    if (text[position] === ">") return { element: makeElement(name, attributes), selfClosing: false, end: position + 1 };
    if (position >= text.length) throw new XmlError(`unclosed tag <${name}> at offset ${start}`);
    if (position === spaceStart) throw new XmlError(`malformed attribute in <${name}> at offset ${position}`);
    const attributeMatch = NAME.exec(text.slice(position, position + 1024));
    if (attributeMatch === null) throw new XmlError(`malformed attribute in <${name}> at offset ${position}`);
    const attributeName = attributeMatch[0];
    position += attributeName.length;
    while (/\s/.test(text[position] ?? "")) position += 1;
    if (text[position] !== "=") throw new XmlError(`attribute ${attributeName} has no value at offset ${position}`);
    position += 1;
    while (/\s/.test(text[position] ?? "")) position += 1;
    const quote = text[position];
    if (quote !== '"' && quote !== "'") throw new XmlError(`attribute ${attributeName} is not quoted at offset ${position}`);
    const valueEnd = text.indexOf(quote, position + 1);
    if (valueEnd === -1) throw new XmlError(`unclosed attribute value at offset ${position}`);
    const raw = text.slice(position + 1, valueEnd);
    if (raw.includes("<")) throw new XmlError(`"<" inside an attribute value at offset ${position}`);
    if (attributes.has(attributeName)) throw new XmlError(`attribute ${attributeName} given twice at offset ${position}`);
    attributes.set(attributeName, decodeReferences(raw, position));
    position = valueEnd + 1;
  }
}

function makeElement(name: string, attributes: Map<string, string>): MutableElement {
  const colon = name.lastIndexOf(":");
  return { name, localName: (colon === -1 ? name : name.slice(colon + 1)).toLowerCase(), attributes, children: [] };
}

/** Replaces the predefined entities and character references; any other reference is an error (§4.1 WFC: Entity Declared). */
function decodeReferences(raw: string, offset: number): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`a bare "&" at offset ${offset}`);
    const predefined = PREDEFINED_ENTITIES[name];
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (numeric === null) throw new XmlError(`the entity &${name}; is not declared (and declarations are refused)`);
    const codePoint = numeric[1] === undefined ? Number(numeric[2]) : Number.parseInt(numeric[1], 16);
    // XML 1.0 §2.2 Char: no NUL, no surrogates, nothing past U+10FFFF.
    if (codePoint === 0 || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) {
      throw new XmlError(`&${name}; is not a character XML allows`);
    }
    return String.fromCodePoint(codePoint);
  });
}

/** The concatenated text inside an element, CDATA included. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === "string" ? child : textOf(child))).join("");
}

export function childElements(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && child.localName === localName);
}

export function firstChild(element: XmlElement, localName: string): XmlElement | null {
  return childElements(element, localName)[0] ?? null;
}
