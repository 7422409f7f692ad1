// An article's body as the API rendered it from Markdown (raw HTML already escaped there). It is read in an inert
// document and rebuilt here from an allow-list of plain elements, so nothing else can reach the page: no script,
// no style, no images, and links only to http(s), mailto, tel or the portal's own pages.
import { h } from './core.js';

const BLOCKS = new Set(['P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'H2', 'H3', 'H4', 'HR']);
const INLINE = new Set(['STRONG', 'EM', 'CODE', 'BR']);
const SAFE_LINK = /^(https?:|mailto:|tel:|[a-z0-9-]+\.html(?:[?#]|$)|#)/i;

function rebuild(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const children = [...node.childNodes].map(rebuild);
  const name = node.nodeName;
  // The page's own heading is the title: an article's headings sit below it.
  if (name === 'H1') return h('h2', {}, children);
  if (name === 'H5' || name === 'H6') return h('h4', {}, children);
  if (BLOCKS.has(name) || INLINE.has(name)) return h(name.toLowerCase(), {}, children);
  if (name === 'A') {
    const href = node.getAttribute('href') || '';
    return SAFE_LINK.test(href) ? h('a', { href }, children) : h('span', {}, children);
  }
  return h('span', {}, children);
}

export function articleBody(html, className = 'article-body') {
  const parsed = new DOMParser().parseFromString(html || '', 'text/html').body;
  return h('div', { class: className }, [...parsed.childNodes].map(rebuild));
}
