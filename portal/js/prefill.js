// Answers filled in from a link, as guided help ends: report.html?service=missed-bin&a.bin-type=Recycling%20(yellow%20lid)
// (docs/api.md), and channel=phone|sms|email|none for how to hear back (a call back asks for a phone call). Runs before
// report.js: puts them into the tab's saved report for the service, which report.js reads as it starts, then takes
// them off the address so a reload keeps what the resident changed since.
const params = new URLSearchParams(location.search);
const serviceId = params.get('service') || '';
const CHANNELS = ['email', 'sms', 'phone', 'none'];
const channel = CHANNELS.includes(params.get('channel')) ? params.get('channel') : null;
const answers = {};
for (const [key, value] of params) {
  if (!key.startsWith('a.') || key.length <= 2) continue;
  const questionId = key.slice(2);
  answers[questionId] = questionId in answers ? [].concat(answers[questionId], value) : value;
}

if (serviceId && (Object.keys(answers).length || channel)) {
  const storageKey = `civicdesk.report.${serviceId}`;
  let draft = {};
  try {
    draft = JSON.parse(sessionStorage.getItem(storageKey)) || {};
  } catch {
    draft = {};
  }
  // A report already sent from this tab: the link starts a new one.
  if (draft.result) draft = {};
  draft.answers = { ...(draft.answers || {}), ...answers };
  if (channel) draft.channel = channel;
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(draft));
    const rest = new URLSearchParams([...params].filter(([key]) => !key.startsWith('a.') && key !== 'channel'));
    history.replaceState(history.state, '', `${location.pathname}?${rest}${location.hash}`);
  } catch {
    // Storage refused (private mode): the form opens with nothing filled in, as any report does.
  }
}
