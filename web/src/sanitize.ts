// HTML from the API (the brief) shown without trusting it: parsed by DOMParser, which builds an
// inert document (no script runs, nothing loads), then copied element by element into the page,
// keeping only structural tags from an allow-list and no attributes but table spans. Anything
// else (script, style, img, iframe, form, svg, handlers, links' targets) does not come across.

const KEEP = new Set([
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "caption",
  "strong",
  "b",
  "em",
  "i",
  "code",
  "pre",
  "blockquote",
  "q",
  "small",
  "sub",
  "sup",
  "br",
  "hr",
  "section",
  "article",
  "header",
  "footer",
  "div",
  "span",
  "figure",
  "figcaption",
  "abbr",
  "cite",
  "mark",
  "details",
  "summary",
]);
/** Dropped with everything inside them. */
const DROP = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "head",
  "title",
  "link",
  "meta",
  "form",
  "select",
  "textarea",
  "button",
  "input",
  "img",
  "video",
  "audio",
  "picture",
  "source",
  "canvas",
]);
const KEEP_ATTRIBUTES = new Set(["colspan", "rowspan"]);

export function sanitizedFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const fragment = document.createDocumentFragment();
  copyChildren(parsed.body, fragment);
  return fragment;
}

function copyChildren(from: Node, to: Node): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(child.textContent ?? ""));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.localName;
    if (DROP.has(tag)) continue;
    if (!KEEP.has(tag)) {
      // An unknown or link element: keep its text, not the element (an <a> loses its href).
      copyChildren(element, to);
      continue;
    }
    const copy = document.createElement(tag);
    for (const attribute of Array.from(element.attributes)) {
      if (KEEP_ATTRIBUTES.has(attribute.name) && /^\d{1,3}$/.test(attribute.value)) copy.setAttribute(attribute.name, attribute.value);
    }
    copyChildren(element, copy);
    to.appendChild(copy);
  }
}
