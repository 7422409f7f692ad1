// Leaflet (vendored in vendor/leaflet) and the map's settings, shared by the report form's map (map-picker.js) and
// the staff request page's (staff/js/request-map.js). The script and its CSS are fetched only when a map is first
// shown, so no page's first load carries them. Tiles come from the tile server portal/config.js names
// (window.CIVICDESK.map), OpenStreetMap's by default; a council's own goes in the Content-Security-Policy's img-src too.
import { h } from './core.js';

export const MAP_SETTINGS = {
  tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  center: [-31.9523, 115.8613],
  zoom: 15,
  ...((window.CIVICDESK && window.CIVICDESK.map) || {}),
};
let loading;

/** Leaflet's {@code L}, once its script has loaded (from this module's own place, whatever page asks). */
export function loadLeaflet() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(h('link', { rel: 'stylesheet', href: new URL('../vendor/leaflet/leaflet.css', import.meta.url).href }));
      const script = h('script', { src: new URL('../vendor/leaflet/leaflet.js', import.meta.url).href });
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

/** The tile layer, calling {@code onFailed} once when its pictures cannot load (no network, a tile server down). */
export function tileLayer(L, onFailed) {
  let warned = false;
  return L.tileLayer(MAP_SETTINGS.tiles, { maxZoom: 19, attribution: MAP_SETTINGS.attribution }).on('tileerror', () => {
    if (warned) return;
    warned = true;
    onFailed();
  });
}
