// How the staff pages say what the queue and a request share: when it falls due, its priority, names for ids.
// Every state is said in words; colour and borders only repeat them.
import { h, formatDate, formatDateTime } from '../../js/core.js';

export const PRIORITY_LABELS = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' };
export const INTAKE_LABELS = { online: 'Online', phone: 'Phone', counter: 'At the counter', email: 'Email', field: 'In the field', open311: 'Open311 app' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** An id the page has no label for, readable: "waiting-on-customer" → "Waiting on customer". */
export function humanise(id) {
  const words = String(id).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A unit's name from the list GET /staff/me gives. */
export function unitName(me, id) {
  return (me.units || []).find((unit) => unit.id === id)?.name || id;
}

/** Today's date (YYYY-MM-DD) where the council is, which is what the promised dates are in. */
function today(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function days(count) {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/**
 * Where a request stands against its promised date, as { text, detail, modifier }: "Overdue by 2 days",
 * "Due today", ...; the server decides what is overdue or due soon, the page only counts the days.
 */
function dueState(item, timeZone = 'Australia/Perth') {
  if (item.finishedAt) return { text: `Finished ${formatDateTime(item.finishedAt, timeZone)}`, detail: '', modifier: '' };
  if (item.paused) return { text: 'Clock paused', detail: 'waiting on the resident', modifier: 'paused' };
  const due = item.due;
  if (!due || !due.date) return null;
  const what = due.kind === 'response' ? 'response' : 'resolution';
  const [year, month, day] = today(timeZone).split('-').map(Number);
  const [dueYear, dueMonth, dueDay] = due.date.split('-').map(Number);
  const ahead = Math.round((Date.UTC(dueYear, dueMonth - 1, dueDay) - Date.UTC(year, month - 1, day)) / DAY_MS);
  if (item.overdue) {
    return { text: ahead < 0 ? `Overdue by ${days(-ahead)}` : 'Overdue', detail: `${what} was due ${formatDate(due.date)}`, modifier: 'overdue' };
  }
  const text = ahead <= 0 ? 'Due today' : ahead === 1 ? 'Due tomorrow' : `Due in ${days(ahead)}`;
  return { text, detail: `${what} due ${formatDate(due.date)}`, modifier: item.dueSoon ? 'soon' : '' };
}

/** The due state as a paragraph, or null when there is none. */
export function dueLine(item, timeZone) {
  const state = dueState(item, timeZone);
  if (!state) return null;
  return h('p', { class: `due${state.modifier ? ` due--${state.modifier}` : ''}` }, [
    h('strong', { text: state.text }),
    state.detail ? ` (${state.detail})` : null,
  ]);
}

/** What the warnings run has told officers about a request, in words; null when nothing stands. */
export const WARNING_LABELS = {
  breached: 'Target missed: supervisor told',
  'at-risk': 'Close to its target: officer warned',
  'news-due': 'Resident is owed news',
};

export function warningTag(warning) {
  return warning ? h('strong', { class: `tag tag--warning-${warning}`, text: WARNING_LABELS[warning] || humanise(warning) }) : null;
}

export function priorityTag(priority) {
  return h('strong', { class: `tag tag--${priority in PRIORITY_LABELS ? priority : 'normal'}`, text: PRIORITY_LABELS[priority] || priority });
}
