// The resident's language: chosen with the picker in the header (or ?lang= in a link), kept in localStorage, sent
// to the API with what the resident submits, and applied to the page. The words are in portal/i18n/<tag>.json,
// one file per language, English the source (docs/languages.md); an element names its text with data-i18n="key"
// (and an attribute with data-i18n-label="key" for aria-label), and scripts ask t(key, params) for theirs.
// A page without the picker (the staff pages, the counter tablet) stays in English.
// Every module that imports this one waits for the words to arrive (top-level await), so t() is always ready.

export const LANGUAGES = [
  { tag: 'en', name: 'English', locale: 'en-AU', dir: 'ltr' },
  { tag: 'ar', name: 'العربية', locale: 'ar-u-nu-latn', dir: 'rtl' },
  { tag: 'vi', name: 'Tiếng Việt', locale: 'vi-VN', dir: 'ltr' },
];
const STORAGE_KEY = 'civicdesk.language';
const SOURCE = LANGUAGES[0];
const picker = document.getElementById('language-picker');

function supported(tag) {
  const primary = String(tag || '').trim().toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language.tag === primary);
}

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode): the choice lasts for this page
  }
}

function keep(tag) {
  try {
    localStorage.setItem(STORAGE_KEY, tag);
  } catch {
    // Storage refused: links keep ?lang= instead.
  }
}

function choose() {
  if (!picker) return SOURCE;
  const asked = supported(new URLSearchParams(location.search).get('lang'));
  if (asked) {
    keep(asked.tag);
    return asked;
  }
  return supported(stored()) || (navigator.languages || []).map(supported).find(Boolean) || SOURCE;
}

const chosen = choose();

async function load(language) {
  try {
    const response = await fetch(new URL(`../i18n/${language.tag}.json`, import.meta.url), { credentials: 'omit' });
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // offline: the page keeps the English it was written in
  }
}

const [source, messages] = await Promise.all([load(SOURCE), chosen === SOURCE ? Promise.resolve({}) : load(chosen)]);

/** The chosen language's tag, as the API takes it: `en`, `ar` or `vi`. */
export const language = chosen.tag;
/** The locale dates and numbers are written in (Latin digits in every language, as the mails write them). */
export const locale = chosen.locale;

/** The text of `key` in the chosen language (English when it has none), `{name}` replaced from `params`. */
export function t(key, params = {}) {
  const text = messages[key] || source[key];
  if (text === undefined) return key;
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/**
 * A text that depends on a count: `key.one`, `key.two`, `key.few`, ... as the language's plural rules pick
 * (Intl.PluralRules), else `key.other`; `{count}` is the count as the language writes it.
 */
export function tn(key, count, params = {}) {
  const form = `${key}.${new Intl.PluralRules(chosen.locale).select(count)}`;
  const values = { ...params, count: Number(count).toLocaleString(chosen.locale) };
  return t(messages[form] || source[form] ? form : `${key}.other`, values);
}

/** Whether the catalogue has `key`: for words the API sends that may have a translation (status names). */
export function has(key) {
  return key in source;
}

/** A number as the language writes it. */
export function formatNumber(number) {
  return Number(number).toLocaleString(locale);
}

function parts(text, nodes) {
  return text.split(/\{(\d+)\}/).map((part, index) => (index % 2 ? nodes[Number(part)] || '' : part)).filter((part) => part !== '');
}

/**
 * A text with elements in it, for h()'s children: `{0}`, `{1}`, ... in the text are `nodes` (a link, a <strong>), at
 * the place the language puts them.
 */
export function tParts(key, params, ...nodes) {
  return parts(t(key, params), nodes);
}

// An element's own child elements (a link, a <strong>) stay, at the {0}, {1}, ... of its text, in order.
function put(element, text) {
  const children = [...element.children];
  if (!children.length) element.textContent = text;
  else element.replaceChildren(...parts(text, children));
}

/** Puts the chosen language's words into every data-i18n element under `root`. */
export function translate(root = document) {
  if (chosen === SOURCE) return;
  for (const element of root.querySelectorAll('[data-i18n]')) put(element, t(element.dataset.i18n));
  for (const element of root.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
}

document.documentElement.lang = chosen === SOURCE ? 'en-AU' : chosen.tag;
document.documentElement.dir = chosen.dir;
translate();

if (picker) {
  picker.value = chosen.tag;
  picker.addEventListener('change', () => {
    keep(picker.value);
    // Reloaded in the new language; ?lang= goes, so the stored choice is the one that counts.
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    location.replace(url);
  });
}
