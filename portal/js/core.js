// What every page shares: the API, dates in the council's time zone, and small DOM helpers.
// Nothing here writes to the console: requests carry personal information.
import { t, has, language, locale } from './i18n.js';

export const API_BASE = ((window.CIVICDESK && window.CIVICDESK.api) || '/api').replace(/\/+$/, '');
const SITE_NAME = document.title.split(' – ').pop();

export const COUNCIL_TIME_ZONE = 'Australia/Perth';

export const CHANNEL_LABELS = {
  email: t('channel.email'),
  sms: t('channel.sms'),
  phone: t('channel.phone'),
  none: t('channel.none'),
};

/** No answer came back: offline, dropped, or too slow. The caller may retry safely. */
export class NetworkError extends Error {}

/**
 * Calls the API and resolves to { ok, status, data } for any HTTP answer (data is {} when the body
 * is not JSON, e.g. a proxy's error page); rejects with NetworkError when there was no answer.
 */
export async function api(path, { method = 'GET', headers = {}, body, timeoutMs = 30000, cache } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status;
  let text;
  try {
    const response = await fetch(API_BASE + path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      // Tracking must show the latest status, never a cached one.
      cache: cache || (method === 'GET' && path.startsWith('/requests/') ? 'no-store' : 'default'),
      signal: controller.signal,
    });
    status = response.status;
    // A body cut off mid-way is a network failure too: for a submission, the retry returns the same 201.
    text = await response.text();
  } catch (error) {
    throw new NetworkError(error && error.name === 'AbortError' ? 'timeout' : 'offline');
  } finally {
    clearTimeout(timer);
  }
  let data = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = {};
  }
  return { ok: status >= 200 && status < 300, status, data: data || {} };
}

/** Creates an element. Text is always set as text, never parsed as HTML, so API data cannot inject markup. */
export function h(tag, props = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Sets the page title, GOV.UK style: "Error: " first when the page shows errors, the site name last. */
export function setTitle(parts, { error = false } = {}) {
  document.title = (error ? t('title.error') : '') + [...[].concat(parts), SITE_NAME].join(' – ');
}

/** Moves focus to an element that is not normally focusable (a heading, a message) without scrolling past it. */
export function focusElement(element, { scroll = true } = {}) {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  if (scroll) element.scrollIntoView({ block: 'start' });
}

let announceTimer;
/** Says something politely to screen reader users through the page's one visually hidden live region. */
export function announce(message, delayMs = 100) {
  const region = document.getElementById('announcer');
  clearTimeout(announceTimer);
  region.textContent = '';
  // Clearing first and setting a moment later makes the same words be read again.
  announceTimer = setTimeout(() => { region.textContent = message; }, delayMs);
}

function dateParts(date, timeZone) {
  // English as Australians write it; other languages as their own locale writes a full date.
  if (language !== 'en') return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(date);
  const parts = {};
  const format = new Intl.DateTimeFormat('en-AU', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone,
  });
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "2026-11-25" (a calendar date, already in the council's time zone) → "Wednesday 25 November 2026". */
export function formatDate(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate || '');
  if (!match) return isoDate || '';
  return dateParts(new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])), 'UTC');
}

/** An instant → "Monday 23 November 2026 at 10:15am" in the council's time zone. */
export function formatDateTime(instant, timeZone = COUNCIL_TIME_ZONE) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant || '';
  if (language !== 'en') return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
  const parts = {};
  const format = new Intl.DateTimeFormat('en-AU', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone });
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return `${dateParts(date, timeZone)} at ${parts.hour}:${parts.minute}${(parts.dayPeriod || '').toLowerCase()}`;
}

/** A <time> element whose machine-readable value is the original. */
export function timeElement(value, text) {
  return h('time', { datetime: value, text });
}

/** A status's name in the resident's language; a status a council named itself keeps the name the API gives. */
export function statusLabel(item) {
  const key = `status.${item.status}`;
  return language !== 'en' && has(key) ? t(key) : item.statusLabel || item.status;
}

/** A request's status as a tag; its modifier is the status id, and the label is always there as text. */
export function statusTag(item) {
  return h('strong', { class: `tag tag--${String(item.status || '').replace(/[^a-z-]/g, '')}`, text: statusLabel(item) });
}

/**
 * A service ({ id, name } as a request or survey keeps it, in English) named in the resident's language, from the
 * catalogue's translations; its kept name when the catalogue has none or cannot be reached.
 */
export async function serviceName(service) {
  if (language === 'en' || !service?.id) return service?.name || '';
  try {
    const response = await api(`/services/${encodeURIComponent(service.id)}?lang=${language}`);
    return (response.ok && response.data.name) || service.name || '';
  } catch {
    return service.name || '';
  }
}

/** An answer to a service's question, as the API gives it: a date is shown the way every other date is. */
export function answerText(answer) {
  const text = [].concat(answer ?? []).join(', ');
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text || t('answer.none');
}

/** The GOV.UK warning text: an icon for the eye, the word "Warning" for a screen reader. */
export function warningText(text) {
  return h('div', { class: 'warning-text' }, [
    h('span', { class: 'warning-text__icon', 'aria-hidden': 'true', text: '!' }),
    h('strong', {}, [h('span', { class: 'visually-hidden', text: t('warning.hidden') }), text]),
  ]);
}

/** A GOV.UK summary list: rows of [key, value, optional action element]. */
export function summaryList(rows) {
  return h('dl', { class: 'summary-list' }, rows.map(([key, value, action]) =>
    h('div', { class: 'summary-list__row' }, [
      h('dt', { class: 'summary-list__key', text: key }),
      // dir=auto: what a resident typed (an English address in an Arabic page) reads in its own direction.
      h('dd', { class: 'summary-list__value' }, value instanceof Node ? value : h('span', { class: 'pre-wrap', dir: 'auto', text: value })),
      action ? h('dd', { class: 'summary-list__actions' }, action) : null,
    ])));
}
