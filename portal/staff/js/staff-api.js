// Staff calls carry the signed-in officer's ID token. Sign-in itself comes from the staff workspace
// (portal/staff/js/session.js on main); until this page is wired to it, the token is read from sessionStorage.
import { api } from '../../js/core.js';

export function staffApi(path, options = {}) {
  const token = sessionStorage.getItem('civicdesk.idToken');
  return api(path, { ...options, headers: { ...(options.headers || {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
}

export function signInMessage(status) {
  return status === 401 ? 'Sign in to use the staff pages.' : status === 403 ? 'Your role does not allow this.' : null;
}
