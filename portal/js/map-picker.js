// The report form's map (Leaflet, through leaflet-load.js). Loaded only when the resident opens it, so the report
// page's first load carries none of it. The map is an extra: the address and "Use my current location" work without it, and a map whose
// tiles cannot load says so and leaves the form as it was.
import { h, announce } from './core.js';
import { t } from './i18n.js';
import { loadLeaflet, tileLayer, MAP_SETTINGS } from './leaflet-load.js';

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
    L = await loadLeaflet();
  } catch {
    status.textContent = t('map.failed');
    area.remove();
    announce(t('map.failed'));
    return null;
  }
  status.textContent = '';
  const map = L.map(area, { keyboard: true }).setView(position || MAP_SETTINGS.center, position ? 17 : MAP_SETTINGS.zoom);
  tileLayer(L, () => { status.textContent = t('map.tilesFailed'); }).addTo(map);
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
