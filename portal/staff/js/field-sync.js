// The queue of changes an officer made on "My day" (docs/field.md): each is kept in IndexedDB with its
// idempotency key and the version of the request it was made on, and sent in the order it was made when there is
// signal and a sign-in. A change that meets a newer version (409) waits for the officer to choose: apply it on
// the new version, or drop it. Nothing is dropped or overwritten without the officer.
import { staffApi, signedIn } from './session.js';
import * as kept from './field-store.js';

let sequence = 0;

/** Queues one change (a staff action's body, without its version; its label for the officer) to a kept request. */
export async function enqueue(me, request, action, label = null) {
  const waiting = (await kept.queued()).filter((change) => change.reference === request.reference);
  // A second change to a request made without signal goes on top of the first: it is sent on the version the
  // first one lands at (see rebase), not refused as a clash with the officer's own change.
  const change = {
    key: crypto.randomUUID(), seq: Date.now() * 1000 + (sequence++ % 1000), officerId: me.id,
    reference: request.reference, displayReference: request.displayReference, serviceName: request.service.name,
    body: { ...action, expectedVersion: waiting.length ? waiting[0].body.expectedVersion : request.version },
    label, madeOn: { version: request.version, statusLabel: request.statusLabel },
    madeAt: new Date().toISOString(), state: 'waiting',
  };
  await kept.put('queue', change);
  return change;
}

async function rebase(reference, from, to) {
  for (const change of await kept.queued()) {
    if (change.reference === reference && change.state === 'waiting' && change.body.expectedVersion === from) {
      await kept.put('queue', { ...change, body: { ...change.body, expectedVersion: to } });
    }
  }
}

/**
 * Sends the officer's waiting changes, oldest first. Resolves to why it stopped: null (all sent or waiting for a
 * choice), 'offline', 'sign-in' (no valid sign-in: the changes wait for the next one), 'busy' (the service said
 * try later).
 */
export async function sendQueue(me) {
  const blocked = new Set();
  for (const change of await kept.queued()) {
    if (change.officerId !== me.id) continue;
    if (change.state !== 'waiting' || blocked.has(change.reference)) {
      blocked.add(change.reference);
      continue;
    }
    if (!navigator.onLine) return 'offline';
    if (!signedIn()) return 'sign-in';
    let answer;
    try {
      answer = await staffApi(`/staff/requests/${encodeURIComponent(change.reference)}/actions`, {
        method: 'POST', body: change.body, headers: { 'Idempotency-Key': change.key },
      });
    } catch {
      return 'offline';
    }
    if (answer.ok) {
      await kept.remove('queue', change.key);
      await kept.put('requests', answer.data);
      await rebase(change.reference, change.body.expectedVersion, answer.data.version);
    } else if (answer.status === 409 && answer.data.current) {
      await kept.put('queue', { ...change, state: 'conflict', message: answer.data.message, current: answer.data.current });
      await kept.put('requests', answer.data.current);
      blocked.add(change.reference);
    } else if (answer.status === 503 || answer.status >= 500 || answer.status === 401) {
      return answer.status === 401 ? 'sign-in' : 'busy';
    } else {
      await kept.put('queue', { ...change, state: 'refused', message: answer.data.message || `Refused (${answer.status}).` });
      blocked.add(change.reference);
    }
  }
  return null;
}

/** The officer's choice on a clash: the change again, on the version the request is at now, with a new key. */
export async function applyAgain(change) {
  await kept.remove('queue', change.key);
  await rebase(change.reference, change.body.expectedVersion, change.current.version);
  const { current, message, ...rest } = change;
  await kept.put('queue', { ...rest, key: crypto.randomUUID(), state: 'waiting',
    body: { ...change.body, expectedVersion: current.version } });
}

/** The officer's choice on a clash or a refusal: leave the request as it is now. */
export async function drop(change) {
  await kept.remove('queue', change.key);
}
