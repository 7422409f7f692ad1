// The list of bookable facilities.
import { api, h, NetworkError } from './core.js';

const holder = document.getElementById('facilities');

async function load() {
  try {
    const { ok, data } = await api('/facilities');
    if (!ok) throw new Error('failed');
    holder.replaceChildren(h('ul', { class: 'facility-list' }, data.facilities.map((f) => h('li', {}, [
      h('h2', {}, h('a', { href: `facility.html?id=${encodeURIComponent(f.id)}`, text: f.name })),
      h('p', { class: 'caption', text: `${f.kind} · up to ${f.capacity} people · ${f.hourlyRate} an hour` }),
      h('p', { text: f.summary }),
      h('p', { class: 'secondary-text', text: f.approvalRequired ? 'Bookings need approval.' : 'Booked straight away.' }),
    ]))));
  } catch (error) {
    holder.replaceChildren(h('p', { text: error instanceof NetworkError
      ? 'We could not reach the booking system. Check your connection and reload the page.'
      : 'Something went wrong loading the facilities. Please try again later.' }));
  }
  holder.removeAttribute('aria-busy');
}

load();
