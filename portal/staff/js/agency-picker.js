// The client agency a request is logged for, on Log a request: GET /staff/agency-names (ids and names only, for any
// member of staff). With no agencies there is no field; "None" logs the request for the council's own residents.
import { h } from '../../js/core.js';
import { formGroup } from '../../js/forms.js';
import { staffApi } from './session.js';

/** Draws the field into `place` (nothing when there are no agencies, or they cannot be read just now). */
export async function renderAgencyField(place) {
  const { ok, data } = await staffApi('/staff/agency-names');
  if (!ok || !data.agencies.length) return place.replaceChildren();
  const select = h('select', { class: 'select' }, [
    h('option', { value: '', text: 'None – the council’s own' }),
    ...data.agencies.map((agency) => h('option', { value: agency.id, text: agency.name })),
  ]);
  return place.replaceChildren(formGroup({
    id: 'agencyId', label: 'For a client agency (optional)', labelClass: 'label--m', control: select,
    hint: 'Choose the agency whose agreement the request comes under; its targets then apply',
  }));
}

/** The agency chosen, or '' (also when the page shows no field). */
export function chosenAgency() {
  return document.getElementById('agencyId')?.value || '';
}

/** Chooses `agencyId` again (a draft restored), if the field offers it. */
export function chooseAgency(agencyId) {
  const select = document.getElementById('agencyId');
  if (select && [...select.options].some((option) => option.value === agencyId)) select.value = agencyId;
}
