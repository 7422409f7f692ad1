// Sending a submission at most once, with the Idempotency-Key the API takes. Only the pages that send load it.

/** A random UUID (v4). crypto.randomUUID needs a secure context; getRandomValues works everywhere. */
function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Pending sends, kept here too for when the browser keeps nothing in sessionStorage (private mode, full).
const pendingSends = new Map();

function keepPending(name, pending) {
  pendingSends.set(name, pending);
  try {
    if (pending) sessionStorage.setItem(name, JSON.stringify(pending));
    else sessionStorage.removeItem(name);
  } catch {
    // Refused: this page's copy still serves a retry.
  }
}

/**
 * Sends `body` at most once however often it is tried: its Idempotency-Key (one per `form` and body) stays in this
 * tab's sessionStorage until the server answers for good (2xx stored, 4xx refused), so a retry after a dropped
 * connection, a timeout, a 5xx or a reload reuses it. send(headers) makes the request (api, staffApi).
 */
export async function sendOnce(form, body, send) {
  const name = `civicdesk.pending.${form}`;
  const json = JSON.stringify(body);
  let pending;
  try {
    pending = JSON.parse(sessionStorage.getItem(name));
  } catch {
    pending = null;
  }
  pending = pending || pendingSends.get(name);
  if (!pending || pending.body !== json) keepPending(name, pending = { key: newIdempotencyKey(), body: json });
  const response = await send({ 'Idempotency-Key': pending.key });
  if (response.status < 500) keepPending(name, null);
  return response;
}
