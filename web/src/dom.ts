// Tiny DOM helpers: elements are built with text nodes only, so document text can never inject markup.
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function button(text: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, text);
  element.addEventListener('click', onClick);
  return element;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

export interface Span {
  start: number;
  end: number;
  title?: string;
  className?: string;
}

/** The text with each span wrapped in <mark>; overlapping and out-of-range spans are skipped. */
export function highlighted(text: string, spans: Span[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    fragment.append(text.slice(at, span.start));
    const attributes: Record<string, string> = {};
    if (span.title) attributes.title = span.title;
    if (span.className) attributes.class = span.className;
    fragment.append(h('mark', attributes, text.slice(span.start, span.end)));
    at = span.end;
  }
  fragment.append(text.slice(at));
  return fragment;
}
