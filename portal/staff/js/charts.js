// Small inline SVG charts drawn here (no library): a line chart of shares over time and a bar chart of counts.
// Each is a figure whose SVG has a short spoken summary, followed by a table of the same figures for anyone who
// cannot see the chart, and for screen readers.
import { h } from '../../js/core.js';

const SVG = 'http://www.w3.org/2000/svg';
// Colours with at least 3:1 contrast on white (WCAG 1.4.11); the two lines also differ by dash and marker.
const SERIES_STYLES = [
  { stroke: '#1d70b8', dash: null, marker: 'circle' },
  { stroke: '#00703c', dash: '6 4', marker: 'square' },
];

function svg(tag, attributes = {}, children = []) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of [].concat(children)) {
    if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function percent(share) {
  return share === null || share === undefined ? 'no figures' : `${Math.round(share * 100)}%`;
}

/** The figures as a table, in a region that scrolls on its own on a narrow screen. */
export function figuresTable(caption, headings, rows) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows.length ? rows.map(([label, ...values]) => h('tr', {}, [
      h('th', { scope: 'row', text: label }),
      ...values.map((value) => h('td', { class: 'table__number', text: String(value) })),
    ])) : h('tr', {}, h('td', { colspan: String(headings.length), text: 'No figures.' }))),
  ]));
}

function figure(title, chart, table) {
  return h('figure', { class: 'chart' }, [
    h('figcaption', { class: 'chart__title', text: title }),
    chart,
    h('details', { class: 'details' }, [h('summary', { class: 'details__summary', text: `${title}: the figures as a table` }), table]),
  ]);
}

/**
 * Shares (0–1) over periods, one line per series: { title, labels: [period], series: [{ name, values: [share|null] }] }.
 * A period without figures leaves a gap in its line.
 */
export function lineChart({ title, labels, series }) {
  const width = 320;
  const height = 180;
  const left = 40;
  const right = 10;
  const top = 10;
  const bottom = 30;
  const x = (i) => left + (labels.length === 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (labels.length - 1));
  const y = (share) => top + (1 - share) * (height - top - bottom);
  const parts = [];
  for (const share of [0, 0.5, 1]) {
    parts.push(svg('line', { x1: left, x2: width - right, y1: y(share), y2: y(share), stroke: '#b1b4b6', 'stroke-width': 1 }));
    parts.push(svg('text', { x: left - 6, y: y(share) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#0b0c0c' }, `${share * 100}%`));
  }
  if (labels.length) {
    parts.push(svg('text', { x: x(0), y: height - 8, 'text-anchor': labels.length === 1 ? 'middle' : 'start', 'font-size': 11, fill: '#0b0c0c' }, labels[0]));
    if (labels.length > 1) parts.push(svg('text', { x: x(labels.length - 1), y: height - 8, 'text-anchor': 'end', 'font-size': 11, fill: '#0b0c0c' }, labels[labels.length - 1]));
  }
  series.forEach(({ name, values }, index) => {
    const style = SERIES_STYLES[index % SERIES_STYLES.length];
    let run = [];
    const runs = [run];
    values.forEach((value, i) => {
      if (value === null || value === undefined) { run = []; runs.push(run); } else run.push([x(i), y(value)]);
    });
    const group = svg('g', { 'data-series': name });
    for (const points of runs.filter((r) => r.length > 1)) {
      group.append(svg('polyline', { points: points.map((p) => p.join(',')).join(' '), fill: 'none', stroke: style.stroke, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
    }
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      const attributes = { fill: style.stroke, 'data-value': percent(value) };
      group.append(style.marker === 'circle'
        ? svg('circle', { ...attributes, cx: x(i), cy: y(value), r: 4 })
        : svg('rect', { ...attributes, x: x(i) - 4, y: y(value) - 4, width: 8, height: 8 }));
    });
    parts.push(group);
  });
  const summary = `Line chart, ${labels.length} periods from ${labels[0] || 'none'} to ${labels[labels.length - 1] || 'none'}. `
    + series.map(({ name, values }) => `${name}, latest ${percent(values[values.length - 1])}`).join('; ');
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, class: 'chart__svg' }, parts);
  const key = h('ul', { class: 'chart__key' }, series.map(({ name }, index) => h('li', {}, [
    h('span', { class: `chart__swatch chart__swatch--${index}`, 'aria-hidden': 'true' }), name,
  ])));
  const table = figuresTable(title, ['Period', ...series.map(({ name }) => name)],
    labels.map((label, i) => [label, ...series.map(({ values }) => percent(values[i]))]));
  const drawn = figure(title, chart, table);
  drawn.insertBefore(key, drawn.querySelector('details'));
  return drawn;
}

/**
 * Values as horizontal bars, each labelled with its name and value: { title, unit, rows: [[name, value]] }; `format`
 * writes a value (counts by default; a value of null draws no bar), `max` is the scale's end (the largest value).
 */
export function barChart({ title, unit, rows, format = String, max = null }) {
  const width = 320;
  const rowHeight = 34;
  const end = max || Math.max(1, ...rows.map(([, value]) => value || 0));
  const length = (value) => Math.max(2, ((value || 0) / end) * (width - 40));
  const parts = rows.map(([name, value], i) => svg('g', { 'data-name': name, 'data-value': format(value) }, [
    svg('text', { x: 0, y: i * rowHeight + 12, 'font-size': 12, fill: '#0b0c0c' }, name),
    value === null ? null : svg('rect', { x: 0, y: i * rowHeight + 16, width: length(value), height: 12, fill: '#1d70b8' }),
    svg('text', { x: value === null ? 0 : length(value) + 6, y: i * rowHeight + 27, 'font-size': 12, fill: '#0b0c0c' }, format(value)),
  ]));
  const summary = rows.length
    ? `Bar chart: ${rows.map(([name, value]) => `${name} ${format(value)}`).join(', ')}.`
    : 'Bar chart with no figures.';
  const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(rowHeight, rows.length * rowHeight)}`, role: 'img', 'aria-label': summary, class: 'chart__svg' }, parts);
  return figure(title, chart, figuresTable(title, ['', unit], rows.map(([name, value]) => [name, format(value)])));
}
