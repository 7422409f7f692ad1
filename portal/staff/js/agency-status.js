// The status of all clients (docs/agencies.md): GET /staff/agency-status, an account manager's agencies (all for
// administrators), this week.
import { h, formatDate } from '../../js/core.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

function percent(share) { return share == null ? 'none resolved' : `${(share * 100).toFixed(1)}%`; }

function render(data) {
  const rows = data.agencies.map((agency) => h('tr', {}, [
    h('th', { scope: 'row', text: agency.name }),
    h('td', { text: percent(agency.withinWeek) }),
    h('td', { text: percent(agency.withinQuarter) }),
    h('td', {}, [String(agency.openIssues), agency.overdueIssues
      ? h('strong', { class: 'tag tag--urgent', text: `${agency.overdueIssues} overdue` }) : null]),
    h('td', { text: agency.lastContact ? formatDate(agency.lastContact) : 'none yet' }),
    h('td', { text: agency.nextReview ? formatDate(agency.nextReview) : '' }),
  ]));
  document.getElementById('status').replaceChildren(
    h('p', { text: `The last 7 days: ${formatDate(data.weekFrom)} to ${formatDate(data.today)}; the quarter from ${formatDate(data.quarterFrom)}.` }),
    data.agencies.length
      ? h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Status of the client agencies', tabindex: '0' }, h('table', { class: 'table' }, [
        h('caption', { class: 'table__caption', text: `Client agencies (${data.agencies.length})` }),
        h('thead', {}, h('tr', {}, ['Agency', 'Within target, last 7 days', 'Within target, quarter so far', 'Open issues', 'Last contact', 'Next review']
          .map((text) => h('th', { scope: 'col', text })))),
        h('tbody', {}, rows),
      ]))
      : h('p', { text: 'There are no client agencies you manage yet.' }),
  );
}

try {
  if (await startStaffPage()) {
    const { ok, data } = await staffApi('/staff/agency-status');
    if (ok) render(data);
    else showProblem('Sorry, this page cannot be shown', data.message || 'Try again in a few minutes.');
  }
} catch (error) {
  showProblem(...problemFor(error));
}
