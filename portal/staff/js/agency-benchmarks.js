// Benchmarking on the client agencies page: agencies (and, for a council, its units) side by side for a period,
// GET /staff/agency-benchmarks?kind=&from=&serviceId= (docs/agencies.md). A chart of one measure, then every
// measure as a table; the chart's own table, and these, are its text equivalent.
import { h, announce, focusElement, formatDate } from '../../js/core.js';
import { formGroup, clearFieldErrors, hideErrorSummary } from '../../js/forms.js';
import { staffApi } from './session.js';
import { showRefusal } from './list-page.js';
import { barChart, percent } from './charts.js';

const KINDS = [['quarterly', 'Quarter'], ['monthly', 'Month'], ['weekly', 'Week']];
const FIELD_IDS = { kind: 'bench-kind', from: 'bench-from', serviceId: 'bench-service' };
const hoursText = (value) => (value === undefined || value === null ? '–' : `${value.toFixed(1)} h`);
// What the chart may show: its label, how a row's value is read, written, and the scale's end (null: the largest).
const MEASURES = {
  resolutionInTarget: ['Share resolved within target', (row) => row.resolutionInTarget ?? null, percent, 1],
  responseInTarget: ['Share answered within target', (row) => row.responseInTarget ?? null, percent, 1],
  received: ['Requests received', (row) => row.received, String, null],
  p90ResolutionHours: ['90% resolved within (business hours)', (row) => row.p90ResolutionHours ?? null, hoursText, null],
  breaches: ['Breaches', (row) => row.breaches, String, null],
  open: ['Open', (row) => row.open ?? null, (v) => (v === null ? 'not measured' : String(v)), null],
};
const section = document.getElementById('benchmarks');
let shown;

function select(options, value) {
  const control = h('select', { class: 'select' }, options.map(([v, text]) => h('option', { value: v, text })));
  control.value = value;
  return control;
}

function renderForm(services) {
  document.getElementById('bench-fields').replaceChildren(
    formGroup({ id: 'bench-kind', label: 'Period', control: select(KINDS, 'quarterly') }),
    formGroup({ id: 'bench-from', label: 'A day in the period (optional)', hint: 'Empty for the last complete one.', control: h('input', { class: 'input', type: 'date' }) }),
    formGroup({ id: 'bench-service', label: 'Service', control: select([['', 'All services'], ...services.map((s) => [s.id, s.name])], '') }),
  );
}

function measureTable(caption, rows, openHeading) {
  const headings = ['Name', 'Received', 'Resolved', 'Answered within target', 'Resolved within target', 'Median response',
    '90% answered within', 'Median resolution', '90% resolved within', 'Breaches', openHeading];
  const wrap = h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows.length ? rows.map((row) => h('tr', { 'data-id': row.id }, [
      h('th', { scope: 'row', text: row.name }),
      ...[String(row.received), String(row.resolved), percent(row.responseInTarget), percent(row.resolutionInTarget),
        hoursText(row.p50ResponseHours), hoursText(row.p90ResponseHours), hoursText(row.p50ResolutionHours),
        hoursText(row.p90ResolutionHours), String(row.breaches), row.open === undefined ? 'not measured' : String(row.open),
      ].map((text) => h('td', { class: 'table__number', text })),
    ])) : h('tr', {}, h('td', { colspan: String(headings.length), text: 'None to compare.' }))),
  ]));
  return wrap;
}

function chart(who, rows) {
  const [label, read, format, max] = MEASURES[document.getElementById('bench-measure').value];
  return barChart({ title: `${label}, by ${who}`, unit: label, rows: rows.map((row) => [row.name, read(row)]), format, max });
}

function render() {
  const data = shown;
  const period = `${formatDate(data.first)} to ${formatDate(data.last)}${data.complete ? '' : ' (so far: the period has not ended)'}`;
  const service = data.serviceId ? data.services.find((s) => s.id === data.serviceId).name : 'all services';
  const parts = [h('h3', { id: 'bench-heading', tabindex: '-1', text: `${period}, ${service}` })];
  parts.push(chart('agency', data.agencies), measureTable('Agencies side by side', data.agencies, 'Open now'));
  if (data.units.length) {
    parts.push(chart('unit', data.units), measureTable('Units side by side', data.units, 'Open at the period’s report'));
  }
  document.getElementById('bench-results').replaceChildren(...parts);
}

async function compare(event) {
  event.preventDefault();
  const form = document.getElementById('bench-form');
  clearFieldErrors(form);
  const query = new URLSearchParams({ kind: document.getElementById('bench-kind').value });
  const from = document.getElementById('bench-from').value.trim();
  const serviceId = document.getElementById('bench-service').value;
  if (from) query.set('from', from);
  if (serviceId) query.set('serviceId', serviceId);
  const { ok, data } = await staffApi(`/staff/agency-benchmarks?${query}`);
  if (!ok) return showRefusal(data, FIELD_IDS);
  hideErrorSummary(document.getElementById('error-summary'));
  shown = data;
  render();
  announce(`Compared ${data.agencies.length} agencies${data.units.length ? ` and ${data.units.length} units` : ''}.`);
  focusElement(document.getElementById('bench-heading'));
  return undefined;
}

/** Shows the section and the last complete quarter; `failed` reports what went wrong. */
export async function startBenchmarks(failed) {
  const { ok, data } = await staffApi('/staff/agency-benchmarks');
  if (!ok) return;
  section.hidden = false;
  renderForm(data.services);
  document.getElementById('bench-chart-fields').replaceChildren(formGroup({
    id: 'bench-measure', label: 'The chart shows', control: select(Object.entries(MEASURES).map(([v, [text]]) => [v, text]), 'resolutionInTarget'),
  }));
  document.getElementById('bench-measure').addEventListener('change', () => { if (shown) render(); });
  document.getElementById('bench-form').addEventListener('submit', (event) => compare(event).catch(failed));
  shown = data;
  render();
}
