// An agency's stored reports on its page, each of which its account manager or an administrator can send again:
// GET /staff/agencies/{agencyId}/reports and POST /staff/agencies/{agencyId}/reports/{periodKey}/resend, once per
// Idempotency-Key (a double click or a retry sends one set of mails) (docs/agencies.md).
import { h, announce, formatDate, formatDateTime } from '../../js/core.js';
import { hideErrorSummary } from '../../js/forms.js';
import { sendOnce } from '../../js/send-once.js';
import { staffApi } from './session.js';
import { showRefusal } from './list-page.js';
import { percent } from './charts.js';

async function resend(agency, report, button) {
  button.disabled = true;
  try {
    const path = `/staff/agencies/${encodeURIComponent(agency.id)}/reports/${encodeURIComponent(report.periodKey)}/resend`;
    const { ok, data } = await sendOnce(`staff.agency-resend.${agency.id}.${report.periodKey}`, {}, (headers) => staffApi(path, { method: 'POST', headers, body: {} }));
    if (!ok) return showRefusal(data);
    hideErrorSummary(document.getElementById('error-summary'));
    announce(`Sent ${agency.name}’s report for ${formatDate(report.first)} to ${formatDate(report.last)} again: ${data.mailed} mail${data.mailed === 1 ? '' : 's'}.`);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** Lists the agency's stored reports in #agency-reports, each with its "Send again" button. */
export async function showStoredReports(agency, failed) {
  const place = document.getElementById('agency-reports');
  const { ok, data } = await staffApi(`/staff/agencies/${encodeURIComponent(agency.id)}/reports`);
  if (!ok) return place.replaceChildren(h('p', { text: data.message || 'Its reports cannot be shown just now.' }));
  if (!data.reports.length) return place.replaceChildren(h('p', { text: 'No report has been made for this agency yet.' }));
  const rows = data.reports.map((report) => {
    const period = `${formatDate(report.first)} to ${formatDate(report.last)}`;
    const button = h('button', { class: 'button button--secondary', type: 'button', text: 'Send again', 'aria-label': `Send the report for ${period} again` });
    button.addEventListener('click', () => resend(agency, report, button).catch(failed));
    return h('tr', {}, [
      h('th', { scope: 'row', text: period }),
      h('td', { text: report.kind }),
      h('td', { class: 'table__number', text: String(report.received) }),
      h('td', { class: 'table__number', text: percent(report.resolutionInTarget) }),
      h('td', { class: 'table__number', text: String(report.open) }),
      h('td', { text: formatDateTime(report.madeAt) }),
      h('td', {}, button),
    ]);
  });
  return place.replaceChildren(h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Reports sent', tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: 'Reports sent (to its contacts and account manager)' }),
    h('thead', {}, h('tr', {}, ['Period', 'Kind', 'Received', 'Resolved within target', 'Open', 'Made', 'Resend'].map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows),
  ])));
}
