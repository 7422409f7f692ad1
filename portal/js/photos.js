// Photos of a problem (docs/photos.md): chosen on the report form and sent once the report has its reference, or
// added later from the private link. Each photo is granted an upload by the API and posted straight to the photos
// bucket with that upload's form; the council's server re-encodes it without its metadata (the phone's GPS
// position included) before anyone sees it. The tracking page shows the resident's own photos with the private
// link, and to everyone else only those an officer has approved.
import { api, h, announce, NetworkError } from './core.js';
import { t } from './i18n.js';

export const MAX_PHOTOS = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const chosen = []; // File objects, in the order chosen (this page only: a reload forgets them)

/** What is wrong with a file before anything is sent, or null: type by the browser's word, size by the file's. */
export function photoProblem(file) {
  if (/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name)) return t('photos.heic');
  if (!TYPES.includes(file.type)) return t('photos.notAPhoto', { name: file.name });
  if (file.size > MAX_BYTES) return t('photos.tooLarge', { name: file.name });
  return null;
}

function withKey(privateKey) {
  return (path, options) => api(path, { ...options, headers: { 'X-Private-Key': privateKey } });
}

export function pickers(onFiles) {
  // Two ways in: the camera now (capture), or a photo already taken (the gallery). Both are file inputs whose
  // labels look like buttons, so the keyboard and screen readers reach them as themselves.
  const make = (id, text, capture) => {
    const input = h('input', { type: 'file', id, class: 'file-input', accept: 'image/*', multiple: !capture });
    if (capture) input.setAttribute('capture', 'environment');
    input.addEventListener('change', () => {
      onFiles([...input.files]);
      input.value = '';
    });
    return [input, h('label', { for: id, class: 'button button--secondary file-label', text })];
  };
  return h('div', { class: 'photo-pickers' }, [...make('photo-camera', t('photos.take'), true), ...make('photo-gallery', t('photos.choose'), false)]);
}

/** The report form's photo field: up to three photos, each listed with a Remove button. */
export function renderPhotoPicker(container) {
  const list = h('ul', { class: 'photo-list', id: 'photo-list' });
  const error = h('p', { class: 'error-message', id: 'photos-error', hidden: true });
  const draw = () => {
    list.replaceChildren(...chosen.map((file, index) => {
      const remove = h('button', { type: 'button', class: 'link-button', text: t('photos.remove', { name: file.name }) });
      remove.addEventListener('click', () => {
        chosen.splice(index, 1);
        draw();
        announce(t('photos.removed', { name: file.name }));
        container.querySelector('.file-label').focus();
      });
      return h('li', {}, [h('span', { text: `${file.name} ` }), remove]);
    }));
  };
  const add = (files) => {
    const problems = [];
    for (const file of files) {
      const problem = chosen.length >= MAX_PHOTOS ? t('photos.tooMany', { max: MAX_PHOTOS }) : photoProblem(file);
      if (problem) problems.push(problem);
      else chosen.push(file);
    }
    error.hidden = !problems.length;
    error.textContent = problems.join(' ');
    draw();
    announce(problems.length ? problems.join(' ') : t('photos.added', { count: chosen.length, max: MAX_PHOTOS }));
  };
  container.replaceChildren(h('div', { class: 'form-group', id: 'photos' }, [
    h('h2', { class: 'label label--m', text: t('photos.heading') }),
    h('p', { class: 'hint', id: 'photos-hint', text: t('photos.hint', { max: MAX_PHOTOS }) }),
    error, pickers(add), list,
  ]));
}

/**
 * Sends one photo: an upload granted by the API ({@code call}: core's api with the private key, or the staff
 * pages' staffApi), then the file posted to the bucket. The error text, or null.
 */
export async function sendPhoto(call, path, file) {
  let granted;
  try {
    granted = await call(path, { method: 'POST', body: { contentType: file.type, size: file.size } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return t('photos.offline', { name: file.name });
  }
  if (!granted.ok) {
    const errors = (granted.data && granted.data.errors) || [];
    return errors.length ? errors.map((e) => e.message).join(' ') : (granted.data && granted.data.message) || t('photos.failed', { name: file.name });
  }
  const form = new FormData();
  Object.entries(granted.data.upload.fields).forEach(([name, value]) => form.append(name, value));
  form.append('file', file);
  try {
    const posted = await fetch(granted.data.upload.url, { method: 'POST', body: form });
    return posted.ok ? null : t('photos.failed', { name: file.name });
  } catch {
    return t('photos.offline', { name: file.name });
  }
}

/** After the report is sent: its chosen photos, sent with its private key; progress and problems in {@code status}. */
export async function sendChosen(reference, privateKey, status) {
  if (!chosen.length) return;
  const files = chosen.splice(0, chosen.length);
  status.replaceChildren(h('p', { text: t('photos.sending', { count: files.length }) }));
  const problems = [];
  for (const file of files) {
    const problem = await sendPhoto(withKey(privateKey), `/requests/${encodeURIComponent(reference)}/photos`, file);
    if (problem) problems.push(problem);
  }
  const done = problems.length ? [t('photos.someFailed'), ...problems] : [t('photos.sent', { count: files.length })];
  status.replaceChildren(...done.map((text) => h('p', { text })));
  announce(done.join(' '));
}

// ---- The tracking page ----

export function photoItem(photo) {
  if (photo.state === 'ready') {
    return h('li', { class: 'photo' }, h('a', { href: photo.url }, h('img', {
      src: photo.thumbnailUrl, alt: t('photos.alt'), width: photo.width > photo.height ? 160 : Math.round(160 * photo.width / photo.height),
      height: photo.width > photo.height ? Math.round(160 * photo.height / photo.width) : 160,
    })));
  }
  return h('li', { class: 'photo' }, h('p', { text: photo.state === 'refused' ? photo.refusal : t('photos.processing') }));
}

/** Removes the resident's photo number {@code number} with {@code remove}; {@code after} is told what happened. */
function removeButton(photo, number, remove, after) {
  const button = h('button', { type: 'button', class: 'link-button', text: t('photos.removeOwn', { number }) });
  button.addEventListener('click', async () => {
    button.setAttribute('aria-disabled', 'true');
    let message;
    try {
      const response = await remove(photo.id);
      message = response.ok ? t('photos.removedOwn', { number }) : response.data.message || t('photos.notRemoved');
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      message = t('photos.notRemoved');
    }
    await after(message);
  });
  return button;
}

async function trackedPhotos(reference, privateKey) {
  const section = h('div', { id: 'track-photos' });
  document.getElementById('result').append(section);
  const headers = privateKey ? { 'X-Private-Key': privateKey } : {};
  const path = `/requests/${encodeURIComponent(reference)}/photos`;
  const remove = (id) => api(`${path}/${encodeURIComponent(id)}`, { method: 'DELETE', headers });
  const draw = async () => {
    let response;
    try {
      response = await api(path, { headers });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      return;
    }
    if (!response.ok) return;
    const photos = response.data.photos;
    if (!photos.length && !privateKey) {
      section.replaceChildren();
      return;
    }
    const status = h('div', { id: 'photos-status', role: 'status' });
    const children = [h('h2', { id: 'photos-heading', text: t('photos.tracked') })];
    if (privateKey) children.push(h('p', { class: 'hint', text: t('photos.approvalNote') }));
    if (photos.length) {
      children.push(h('ul', { class: 'photo-grid' }, photos.map((photo, index) => {
        const item = photoItem(photo);
        // The resident's own photo, until an officer approves it for the public page: theirs to take back.
        if (privateKey && photo.by === 'resident' && photo.shown !== 'approved' && photo.state !== 'uploading') {
          item.append(removeButton(photo, index + 1, remove, async (message) => {
            await draw();
            document.getElementById('photos-status').replaceChildren(h('p', { text: message }));
            announce(message);
          }));
        }
        return item;
      })));
    }
    const places = photos.filter((p) => p.state !== 'refused').length;
    if (privateKey && places < MAX_PHOTOS) {
      children.push(pickers(async (files) => {
        const problems = [];
        for (const file of files.slice(0, MAX_PHOTOS - places)) {
          const problem = photoProblem(file) || await sendPhoto(withKey(privateKey), path, file);
          if (problem) problems.push(problem);
        }
        status.replaceChildren(...problems.map((text) => h('p', { class: 'error-message', text })));
        announce(problems.length ? problems.join(' ') : t('photos.sent', { count: files.length }));
        // The photo is processed in a second or two.
        setTimeout(draw, problems.length ? 0 : 2000);
      }));
    }
    children.push(status);
    section.replaceChildren(...children);
    if (photos.some((p) => p.state === 'uploading')) setTimeout(draw, 2000);
  };
  await draw();
}

document.addEventListener('civicdesk:tracked', (event) => {
  document.getElementById('track-photos')?.remove();
  trackedPhotos(event.detail.reference, event.detail.privateKey);
});
