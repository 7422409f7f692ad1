// The request's photos on its staff page (docs/photos.md): every photo at once, each shown on the public tracking
// page only once an officer of the request's unit approves it (and hidden again as easily); an officer in the
// field adds one from the phone's camera. The links to the photos expire after ten minutes: reload for new ones.
import { h, announce } from '../../js/core.js';
import { MAX_PHOTOS, pickers, photoItem, photoProblem, sendPhoto } from '../../js/photos.js';
import { staffApi } from './session.js';

const reference = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
const area = document.getElementById('photos');
const path = `/staff/requests/${encodeURIComponent(reference)}/photos`;
const SHOWN = { pending: 'Not on the public page: waiting for approval', approved: 'Shown on the public page', hidden: 'Hidden from the public page' };

async function decide(photo, shown) {
  const response = await staffApi(`${path}/${photo.id}`, { method: 'POST', body: { shown, expectedVersion: photo.version } });
  const message = response.ok ? (shown === 'approved' ? 'Photo shown on the public page.' : 'Photo hidden from the public page.')
    : response.data.message || 'The photo could not be changed. Reload the page and try again.';
  await draw(message);
  announce(message);
}

function photoCard(photo) {
  const item = photoItem(photo);
  if (photo.state !== 'ready') return item;
  item.append(h('p', { class: 'secondary-text', text: `${SHOWN[photo.shown]} (added by ${photo.by === 'staff' ? 'staff' : 'the resident'})` }));
  const show = photo.shown !== 'approved';
  const button = h('button', { type: 'button', class: 'button button--secondary', text: show ? 'Show on the public page' : 'Hide from the public page' });
  button.addEventListener('click', () => decide(photo, show ? 'approved' : 'hidden'));
  item.append(button);
  return item;
}

/** Shows the photos as they are now, with {@code message} in the status line. */
async function draw(message = '') {
  if (!area || !reference) return;
  let response;
  try {
    response = await staffApi(path);
  } catch {
    return;
  }
  if (!response.ok) return;
  const photos = response.data.photos;
  const status = h('p', { role: 'status', id: 'photos-status', text: message });
  const places = photos.filter((p) => p.state !== 'refused').length;
  area.replaceChildren(...[
    h('h2', { text: 'Photos' }),
    photos.length ? h('ul', { class: 'photo-grid' }, photos.map(photoCard))
      : h('p', { text: 'No photos yet.' }),
    places < MAX_PHOTOS ? pickers(async (files) => {
      const problems = [];
      for (const file of files.slice(0, MAX_PHOTOS - places)) {
        const problem = photoProblem(file) || await sendPhoto(staffApi, path, file);
        if (problem) problems.push(problem);
      }
      status.textContent = problems.join(' ') || 'Photo added: it is ready in a moment.';
      announce(status.textContent);
      setTimeout(() => draw(status.textContent), 2000);
    }) : null,
    status,
  ].filter(Boolean));
}

// After the request itself: its page has signed the officer in and checked the reference.
document.addEventListener('civicdesk:request-shown', () => draw(), { once: true });
