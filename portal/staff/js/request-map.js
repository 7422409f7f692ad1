// The reported spot on the staff request page, on a map with a pin. Imported only for a request with a position,
// and Leaflet with it (js/leaflet-load.js: the same vendored copy and tile server as the resident's map). The
// address, the coordinates and the OpenStreetMap link above it stay the record of the place: a map that cannot
// load, or whose pictures cannot (no network), says so and leaves them to do the job.
import { h } from '../../js/core.js';
import { loadLeaflet, tileLayer } from '../../js/leaflet-load.js';

const FAILED = 'The map could not load. The address, the coordinates and the OpenStreetMap link above show the place.';
const TILES_FAILED = "The map's pictures could not load. The address, the coordinates and the OpenStreetMap link above show the place.";

/** Shows the spot at {@code latitude}, {@code longitude} in {@code container}. */
export async function showSpot(container, latitude, longitude) {
  const status = h('p', { class: 'hint', role: 'status', text: 'Loading the map…' });
  const area = h('div', { class: 'map', id: 'spot-map', role: 'region', tabindex: '0',
    'aria-label': 'Map of the reported spot. Use the arrow keys to move it, and + and - to zoom.' });
  container.replaceChildren(status, area);
  let L;
  try {
    L = await loadLeaflet();
  } catch {
    status.textContent = FAILED;
    area.remove();
    return;
  }
  status.textContent = '';
  const spot = [Number(latitude), Number(longitude)];
  const map = L.map(area, { keyboard: true }).setView(spot, 17);
  tileLayer(L, () => { status.textContent = TILES_FAILED; }).addTo(map);
  L.marker(spot, { keyboard: false, alt: 'The reported spot' }).addTo(map);
}
