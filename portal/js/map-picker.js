// The report form's map (Leaflet, vendored in vendor/leaflet; tiles from the tile server portal/config.js names,
// OpenStreetMap's by default). Loaded only when the resident opens it, so the report page's first load carries
// none of it. The map is an extra: the address and "Use my current location" work without it, and a map whose
// tiles cannot load says so and leaves the form as it was.
import { h, announce } from './core.js';
import { t } from './i18n.js';

const SETTINGS = {
  tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  center: [-31.9523, 115.8613],
  zoom: 15,
  ...((window.CIVICDESK && window.CIVICDESK.map) || {}),
};
let loading;

function load() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(h('link', { rel: 'stylesheet', href: 'vendor/leaflet/leaflet.css' }));
      const script = h('script', { src: 'vendor/leaflet/leaflet.js' });
      script.addEventListener('load', () => resolve(window.L));
      script.addEventListener('error', () => {
        loading = null;
        reject(new Error('map script'));
      });
      document.head.append(script);
    });
  }
  return loading;
}

/**
 * Opens the map in {@code container}, centred on {@code position} if there is one; {@code onPick(latitude, longitude)}
 * is called for a tap or click on the map, Enter on it, or the "pin at the centre" button.
 */
export async function openMap(container, position, onPick) {
  const status = h('p', { class: 'hint', role: 'status', text: t('map.loading') });
  const area = h('div', { class: 'map', id: 'map', role: 'application', 'aria-label': t('map.label'), tabindex: '0' });
  const centre = h('button', { type: 'button', class: 'button button--secondary', id: 'map-centre', text: t('map.useCentre') });
  container.replaceChildren(status, area);
  let L;
  try {
    L = await load();
  } catch {
    status.textContent = t('map.failed');
    area.remove();
    announce(t('map.failed'));
    return null;
  }
  status.textContent = '';
  const map = L.map(area, { keyboard: true }).setView(position || SETTINGS.center, position ? 17 : SETTINGS.zoom);
  let warned = false;
  L.tileLayer(SETTINGS.tiles, { maxZoom: 19, attribution: SETTINGS.attribution }).on('tileerror', () => {
    if (warned) return;
    warned = true;
    status.textContent = t('map.tilesFailed');
  }).addTo(map);
  let marker = position ? L.marker(position, { keyboard: false }).addTo(map) : null;
  const pick = (latLng) => {
    if (marker) marker.setLatLng(latLng);
    else marker = L.marker(latLng, { keyboard: false }).addTo(map);
    const latitude = latLng.lat.toFixed(6);
    const longitude = latLng.lng.toFixed(6);
    onPick(latitude, longitude);
    announce(t('map.chosen', { latitude: Number(latitude).toFixed(5), longitude: Number(longitude).toFixed(5) }));
  };
  map.on('click', (event) => pick(event.latlng));
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      pick(map.getCenter());
    }
  });
  centre.addEventListener('click', () => pick(map.getCenter()));
  container.append(centre); // once it works
  return map;
}
