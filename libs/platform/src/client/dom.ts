/**
 * DOM helpers: text only. Every piece of data reaches the page through textContent or attributes
 * set one by one (customer text is untrusted): no innerHTML anywhere.
 */

/** The element with this id (the page's markup has every id the script uses). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

export type Child = Node | string | number | null | undefined | false;
export type Props = Record<string, unknown> & { text?: unknown; className?: string; dataset?: Record<string, string> };

/**
 * An element with properties: `text` (textContent), `className`, `dataset`, `on<event>`
 * listeners, anything else an attribute (true → present); null, undefined and false are skipped.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, children?: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach((k) => {
      const v = props[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = v as string;
      else if (k === 'dataset')
        Object.entries(v as Record<string, string>).forEach(([d, value]) => {
          node.dataset[d] = value;
        });
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v as EventListener);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
  }
  (children || []).forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

/** True when no control has the focus (it is on the page itself): nothing the user moved it to would be taken away. */
export function focusIsFree(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}

export function clear<T extends Node>(node: T): T {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}
