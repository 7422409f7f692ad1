// The service levels dashboard (supervisors, account managers, admins): the stored period reports of a kind,
// GET /staff/reports?kind=, charted; one report's CSV from GET /staff/reports/{periodKey}?format=csv
// (docs/staff-api.md). An account manager's reports hold only the units they look after.
import { h, announce, formatDate, formatDateTime } from '../../js/core.js';
import { showErrorSummary } from '../../js/forms.js';
import { startStaffPage, staffApi, staffDownload, showProblem, problemFor } from './session.js';
import { lineChart, barChart, percent } from './charts.js';
import { showKnowledge } from './knowledge-figures.js';

const KINDS = ['weekly', 'monthly', 'quarterly'];
const params = new URLSearchParams(location.search);
const kind = KINDS.includes(params.get('kind')) ? params.get('kind') : 'weekly';
const dashboard = document.getElementById('dashboard');

// Report dates are the council's own days: shown as they are, whatever the browser's time zone.
function day(isoDate, options) {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-AU', { ...options, timeZone: 'UTC' });
}

function short(isoDate) {
  return day(isoDate, { day: 'numeric', month: 'short', year: 'numeric' });
}

function periodName(report) {
  return report.kind === 'WEEKLY' ? `Week of ${short(report.first)}`
    : report.kind === 'MONTHLY' ? day(report.first, { month: 'long', year: 'numeric' })
      : `Quarter from ${short(report.first)}`;
}

/** The line of a report for what is chosen: "all", "unit:{id}" or "service:{id}"; undefined if it has none. */
function lineFor(report, show) {
  if (show === 'all') return report.allUnits;
  const [what, id] = show.split(':');
  return what === 'unit' ? report.units.find((line) => line.unitId === id) : report.services.find((line) => line.serviceId === id);
}

function fillChoices(reports, show) {
  const units = new Map();
  const services = new Map();
  for (const report of reports) {
    report.units.forEach((line) => units.set(line.unitId, line.unitName));
    report.services.forEach((line) => services.set(line.serviceId, `${line.serviceName} (${line.unitName})`));
  }
  const select = document.getElementById('show');
  const allowedAll = reports.some((report) => report.allUnits);
  const option = (value, text) => h('option', { value, text, selected: value === show });
  select.replaceChildren(
    allowedAll ? option('all', 'All units') : null,
    h('optgroup', { label: 'Units' }, [...units].map(([id, name]) => option(`unit:${id}`, name))),
    h('optgroup', { label: 'Services' }, [...services].map(([id, name]) => option(`service:${id}`, name))),
  );
  if (!select.value && select.options.length) select.options[0].selected = true;
  return select.value;
}

async function downloadCsv(report) {
  const { ok, blob, data } = await staffDownload(`/staff/reports/${encodeURIComponent(report.periodKey)}?format=csv`);
  if (!ok) { showErrorSummary(document.getElementById('error-summary'), [{ message: data.message || 'The CSV could not be downloaded.' }]); return; }
  const link = h('a', { href: URL.createObjectURL(blob), download: report.csvFileName });
  document.body.append(link);
  link.click();
  link.remove();
  announce('CSV downloaded.');
}

function history(reports, show, chosen) {
  const rows = reports.map((report) => {
    const line = lineFor(report, show) || {};
    const csv = h('button', { class: 'link-button', type: 'button', text: `CSV`, 'aria-label': `Download ${periodName(report)} as CSV` });
    csv.addEventListener('click', () => downloadCsv(report));
    const link = h('a', {
      href: `dashboard.html?${new URLSearchParams({ kind, show, report: report.periodKey })}#report`,
      text: periodName(report), 'aria-current': report === chosen ? 'true' : null,
    });
    return h('tr', {}, [
      h('th', { scope: 'row' }, link),
      h('td', { text: formatDateTime(report.createdAt) }),
      h('td', { class: 'table__number', text: String(line.received ?? 0) }),
      h('td', { class: 'table__number', text: percent(line.respondedInTime) }),
      h('td', { class: 'table__number', text: percent(line.resolvedInTime) }),
      h('td', { class: 'table__number', text: String(line.breaches ?? 0) }),
      h('td', {}, csv),
    ]);
  });
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Stored reports', tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: 'Stored reports, newest first' }),
    h('thead', {}, h('tr', {}, ['Period', 'Made', 'Received', 'Answered in time', 'Resolved in time', 'Breaches', 'Figures']
      .map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows),
  ]));
}

/** The period's referrals per pair of units: how many, how many came back as wrongly referred, answered in target. */
function referralTable(pairs) {
  if (!pairs.length) return h('p', { text: 'No referrals between units in this period.' });
  const share = (pair) => {
    const answered = pair.accepted + pair.sentBack;
    return answered ? percent(pair.answeredInTime / answered) : '–';
  };
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Referrals between units', tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: 'Referrals between units' }),
    h('thead', {}, h('tr', {}, ['From', 'To', 'Referred', 'Accepted', 'Wrongly referred', 'Answered in target']
      .map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, pairs.map((pair) => h('tr', {}, [
      h('th', { scope: 'row', text: pair.fromUnitName }),
      h('td', { text: pair.toUnitName }),
      h('td', { class: 'table__number', text: String(pair.referred) }),
      h('td', { class: 'table__number', text: String(pair.accepted) }),
      h('td', { class: 'table__number', text: String(pair.sentBack) }),
      h('td', { class: 'table__number', text: share(pair) }),
    ]))),
  ]));
}

function show(data, showing) {
  const reports = data.reports;
  if (!reports.length) {
    document.getElementById('show').closest('.form-group').hidden = true;
    dashboard.replaceChildren(h('p', { text: `No ${kind} reports have been stored yet.` }));
    return;
  }
  const chosen = reports.find((report) => report.periodKey === params.get('report')) || reports[0];
  const oldestFirst = [...reports].reverse();
  const line = (report) => lineFor(report, showing) || {};
  const name = document.getElementById('show').selectedOptions[0]?.textContent || '';
  const unitOfChoice = showing.startsWith('unit:') ? showing.slice(5)
    : showing.startsWith('service:') ? chosen.services.find((s) => s.serviceId === showing.slice(8))?.unitId : null;
  const services = chosen.services.filter((s) => !unitOfChoice || s.unitId === unitOfChoice);
  dashboard.replaceChildren(
    h('h2', { text: `Within target: ${name}` }),
    lineChart({
      title: `Share within target, ${name}`,
      labels: oldestFirst.map((report) => short(report.first)),
      series: [
        { name: 'First response', values: oldestFirst.map((report) => line(report).respondedInTime ?? null) },
        { name: 'Resolution', values: oldestFirst.map((report) => line(report).resolvedInTime ?? null) },
      ],
    }),
    h('h2', { id: 'report', tabindex: '-1', text: `${periodName(chosen)}` }),
    h('p', { text: `${formatDate(chosen.first)} to ${formatDate(chosen.last)}.` }),
    barChart({ title: 'Open backlog by unit', unit: 'Open requests', rows: chosen.units.map((u) => [u.unitName, u.open ?? 0]) }),
    barChart({ title: 'Breaches by unit', unit: 'Breaches', rows: chosen.units.map((u) => [u.unitName, u.breaches ?? 0]) }),
    barChart({ title: 'Breaches by service', unit: 'Breaches', rows: services.map((s) => [s.serviceName, s.breaches ?? 0]) }),
    referralTable(chosen.referrals || []),
    h('h2', { text: 'Stored reports' }),
    history(reports, showing, chosen),
  );
}

try {
  document.getElementById('kind').value = kind;
  if (await startStaffPage()) {
    const { ok, data } = await staffApi(`/staff/reports?kind=${kind}`);
    if (!ok) {
      showProblem('Sorry, the dashboard cannot be shown', data.message || 'Try again in a few minutes.', { retry: true });
    } else {
      show(data, fillChoices(data.reports, params.get('show') || 'all'));
    }
    await showKnowledge(document.getElementById('knowledge'));
  }
} catch (error) {
  showProblem(...problemFor(error));
}
