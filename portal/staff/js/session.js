// Staff sign-in and the page frame every staff page shares. Sign-in is the OAuth 2.0 authorization code flow
// with PKCE against Cognito's hosted UI, or locally the stack's copy of it at /local-auth: the same code, only
// config.js differs. The ID token stays in this tab's sessionStorage and goes to the API as a bearer token.
// What the page shows about the member of staff comes from GET /staff/me: the server decides, not the token.
import { api, h, NetworkError, setTitle, focusElement, API_BASE } from '../../js/core.js';
import { forgetEverything, queued } from './field-store.js';

const AUTH = (window.CIVICDESK && window.CIVICDESK.auth) || {};
const AUTHORITY = String(AUTH.authority || '').replace(/\/+$/, '');
// Registered with the app client as the callback and sign-out URL: the staff folder's own address.
const STAFF_HOME = new URL('../', import.meta.url).href;
const TOKEN_KEY = 'civicdesk.staff.token';
const PENDING_KEY = 'civicdesk.staff.sign-in';
// A token the API refuses this soon after it was issued is not stale: signing in again would loop.
const FRESH_MS = 30_000;
// Sign in again a little before the token runs out rather than have a save refused.
const EXPIRY_MARGIN_MS = 60_000;

const ROLE_LABELS = { officer: 'Officer', supervisor: 'Supervisor', 'account-manager': 'Account manager', admin: 'Administrator' };

/** Sign-in could not finish; the message is for the member of staff. */
class SignInError extends Error {}

function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** Only a path on this site may be returned to, never another site named in storage. */
function safeReturn(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : new URL(STAFF_HOME).pathname;
}

function never() {
  return new Promise(() => {});
}

/** Leaves for the sign-in page; the promise never settles, as the page is going away. */
async function signIn() {
  if (!AUTHORITY || !AUTH.clientId) throw new SignInError('Staff sign-in is not set up for this site: config.js names no sign-in service.');
  // PKCE's SHA-256 needs crypto.subtle, which browsers give only to https pages (and localhost).
  if (!window.isSecureContext || !crypto.subtle) {
    throw new SignInError('Signing in needs a secure connection. Open the staff pages with an address that starts with https.');
  }
  const verifier = randomText(32);
  const state = randomText(16);
  if (!write(PENDING_KEY, { state, verifier, returnTo: location.pathname + location.search + location.hash })) {
    throw new SignInError('Signing in needs this browser to keep data for this tab. Turn off any setting that blocks site storage and try again.');
  }
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const url = new URL(`${AUTHORITY}/oauth2/authorize`, location.href);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: AUTH.clientId, redirect_uri: STAFF_HOME, scope: AUTH.scope || 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(url.href);
  return never();
}

/** Back from the sign-in page with ?code= (or ?error=): trade the code for tokens, then go where they were. */
async function finishSignIn(params) {
  const pending = read(PENDING_KEY);
  write(PENDING_KEY, null);
  if (params.get('error')) {
    // Drop the error from the address, so trying again starts a fresh sign-in.
    history.replaceState(null, '', safeReturn(pending && pending.returnTo));
    throw new SignInError(params.get('error') === 'access_denied'
      ? 'You did not finish signing in.'
      : 'The sign-in service could not sign you in.');
  }
  // An old or copied address with a code, not the answer to this tab's own sign-in: start again.
  if (!pending || params.get('state') !== pending.state) return signIn();
  let response;
  try {
    response = await fetch(`${AUTHORITY}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: AUTH.clientId, code: params.get('code'),
        redirect_uri: STAFF_HOME, code_verifier: pending.verifier,
      }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new NetworkError('offline');
  }
  const tokens = response.ok ? await response.json().catch(() => ({})) : {};
  if (!tokens.id_token) throw new SignInError('The sign-in service could not sign you in.');
  const now = Date.now();
  write(TOKEN_KEY, { idToken: tokens.id_token, issuedAt: now, expiresAt: now + (Number(tokens.expires_in) || 3600) * 1000 });
  const returnTo = safeReturn(pending.returnTo);
  if (new URL(returnTo, location.href).pathname !== location.pathname) {
    location.replace(returnTo);
    return never();
  }
  history.replaceState(null, '', returnTo);
  return undefined;
}

function currentToken() {
  const token = read(TOKEN_KEY);
  return token && token.idToken && token.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? token : null;
}

/** Whether this tab holds a sign-in the API will still take (the field queue sends only then). */
export function signedIn() {
  return currentToken() !== null;
}

/**
 * Calls a staff route with the ID token, as core's api() does for the public ones. Without a valid token, or
 * when the API answers 401, it signs in again and comes back to this page (which keeps its own drafts).
 */
export async function staffApi(path, options = {}) {
  const token = currentToken();
  if (!token) return signIn();
  const response = await api(path, { ...options, cache: 'no-store', headers: { ...options.headers, Authorization: `Bearer ${token.idToken}` } });
  if (response.status !== 401) return response;
  write(TOKEN_KEY, null);
  if (Date.now() - token.issuedAt < FRESH_MS) throw new SignInError('The staff service did not accept your sign-in. Ask an administrator to check your account.');
  return signIn();
}

/**
 * Downloads a file from a staff route (a CSV) with the ID token: { ok, blob } or, when refused, { ok: false, data }
 * with the API's error. Without a valid token it signs in again, as staffApi does. With a body, it is POSTed as
 * JSON (what identifies a resident goes in a body, never in the address).
 */
export async function staffDownload(path, body) {
  const token = currentToken();
  if (!token) return signIn();
  let response;
  try {
    const headers = { Authorization: `Bearer ${token.idToken}` };
    const post = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    response = await fetch(API_BASE + path, { ...post, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new NetworkError('offline');
  }
  if (response.status === 401) {
    write(TOKEN_KEY, null);
    return signIn();
  }
  if (!response.ok) return { ok: false, status: response.status, data: await response.json().catch(() => ({})) };
  return { ok: true, status: response.status, blob: await response.blob(), data: {} };
}

async function signOut() {
  // Nothing of the officer's stays on the phone: the field work kept for "My day", its queue and photos included.
  const waiting = await queued().catch(() => []);
  if (waiting.length && !confirm(`${waiting.length} change${waiting.length === 1 ? ' is' : 's are'} not sent yet. `
    + 'Signing out deletes them from this phone. Sign out anyway?')) return;
  await forgetEverything();
  write(TOKEN_KEY, null);
  const url = new URL(`${AUTHORITY}/logout`, location.href);
  url.search = new URLSearchParams({ client_id: AUTH.clientId, logout_uri: STAFF_HOME });
  location.assign(url.href);
}

function roleText(roles) {
  return (roles || []).map((role) => ROLE_LABELS[role] || role).join(', ');
}

function renderStaffBar(me) {
  const bar = document.getElementById('staff-bar');
  const signOutButton = h('button', { class: 'staff-bar__button', type: 'button', text: 'Sign out' });
  signOutButton.addEventListener('click', signOut);
  bar.replaceChildren(
    h('p', { class: 'staff-bar__who' }, [
      h('span', { class: 'visually-hidden', text: 'Signed in as ' }),
      h('strong', { text: me.name }),
      ` ${[roleText(me.roles), me.unit?.name].filter(Boolean).join(', ')}`,
    ]),
    signOutButton,
  );
  bar.hidden = false;
  // The server says what this person may do; links to what they may not are not offered.
  for (const link of document.querySelectorAll('[data-can]')) {
    link.closest('li').hidden = !(me.can && me.can[link.dataset.can]);
  }
}

/** Sets the title of a staff page: "What – Staff – City of Melaleuca". */
export function staffTitle(parts, options) {
  setTitle([...[].concat(parts), 'Staff'], options);
}

/** Replaces the page's content with a message that stops it, and a way to try again. */
export function showProblem(heading, message, { retry = true } = {}) {
  const main = document.getElementById('main-content');
  const children = [h('h1', { text: heading }), ...[].concat(message).map((text) => h('p', { text }))];
  if (retry) {
    const again = h('a', { class: 'button button--secondary', href: location.pathname + location.search, text: 'Try again' });
    children.push(again);
  }
  // The live region stays: what is said later must still reach a screen reader.
  main.replaceChildren(...children, document.getElementById('announcer'));
  staffTitle(heading);
  focusElement(main.querySelector('h1'));
}

/** What a failed call to a staff route means to the member of staff: a message for showProblem. */
export function problemFor(error) {
  if (error instanceof SignInError) return ['You are not signed in', error.message];
  if (error instanceof NetworkError) return ['Sorry, we could not reach the staff service', 'Check you are online and try again.'];
  throw error;
}

/**
 * Starts a staff page: finishes or starts the sign-in, then shows who is signed in. Resolves to the member of
 * staff ({ id, name, email, roles, unit }), or to null after showing why the page cannot go on.
 */
export async function startStaffPage() {
  try {
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) await finishSignIn(params);
    const response = await staffApi('/staff/me');
    if (!response.ok) {
      showProblem('Sorry, there is a problem with the staff service', response.data.message || 'Try again in a few minutes.');
      return null;
    }
    renderStaffBar(response.data);
    return response.data;
  } catch (error) {
    showProblem(...problemFor(error));
    return null;
  }
}
