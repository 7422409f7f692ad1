// A guided conversation (GET /guides/{topicId}), read like a chat: one question at a time, the answers so far above
// it, each with a button to change it. The answers are kept in sessionStorage (this tab only) with the words shown,
// so a reload, or a load that fails, keeps the path; the page says so and offers to try again. Focus moves to each
// new question (or the suggestion at the end) and the live region reads it, for keyboard and screen reader users.
// The browser's Back button takes the last answer back.
import { api, h, NetworkError, setTitle, focusElement, announce } from './core.js';
import { t, tParts } from './i18n.js';

const topicId = new URLSearchParams(location.search).get('topic') || '';
const storageKey = `civicdesk.guide.${topicId}`;
const CONVERSATION_MAX = 1000;

const title = document.getElementById('guide-title');
const intro = document.getElementById('guide-intro');
const problem = document.getElementById('problem');
const pathHeading = document.getElementById('path-heading');
const conversation = document.getElementById('conversation');
const current = document.getElementById('current');
const startAgain = document.getElementById('start-again');

let guide;
let path = loadPath(); // [{ stepId, index, question, label }]

function loadPath() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey));
    return Array.isArray(saved) ? saved : [];
  } catch {
    return [];
  }
}

function savePath() {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(path));
  } catch {
    // Storage refused (private mode, full): the conversation still works from memory.
  }
}

function step(stepId) {
  return (guide.steps || []).find((s) => s.stepId === stepId);
}

/** The answers kept from an earlier visit, up to the first that no longer fits the conversation as it is now. */
function keepValidPath() {
  const kept = [];
  let expected = guide.firstStepId;
  for (const turn of path) {
    const asked = step(turn.stepId);
    const answer = asked && turn.stepId === expected ? asked.answers[turn.index] : undefined;
    if (!answer) break;
    kept.push({ stepId: asked.stepId, index: turn.index, question: asked.question, label: answer.label });
    if (!answer.next) break;
    expected = answer.next;
  }
  const changed = kept.length < path.length;
  path = kept;
  savePath();
  return changed;
}

/** What the resident said, for the call-back form: "Which bin? Recycling. Was it out by 6am? Yes." */
function conversationText() {
  const text = path.map((turn) => `${turn.question} ${turn.label}.`).join(' ');
  return text.length > CONVERSATION_MAX ? `${text.slice(0, CONVERSATION_MAX - 1)}…` : text;
}

function endUrl(end) {
  if (end.kind !== 'call-back') return end.url;
  return `${end.url}&a.conversation=${encodeURIComponent(conversationText())}`;
}

function renderPath() {
  pathHeading.hidden = path.length === 0;
  conversation.replaceChildren(...path.map((turn, at) => {
    const change = h('button', { class: 'link-button conversation__change', type: 'button' }, [
      t('action.change'), h('span', { class: 'visually-hidden', text: ` ${t('guide.changeWhat', { question: turn.question })}` }),
    ]);
    change.addEventListener('click', () => changeAnswer(at));
    return h('li', { class: 'conversation__turn' }, [
      h('p', { class: 'conversation__question', text: turn.question }),
      h('p', { class: 'conversation__answer' }, [h('span', { class: 'visually-hidden', text: t('guide.youAnswered') }), turn.label]),
      change,
    ]);
  }));
  startAgain.hidden = path.length === 0;
}

/** The question to answer now, or, when the last answer ended the conversation, where it leads. */
function renderCurrent({ focus }) {
  const last = path[path.length - 1];
  const lastAnswer = last ? step(last.stepId).answers[last.index] : null;
  let heading;
  if (lastAnswer && lastAnswer.end) {
    heading = h('h2', { id: 'current-heading', text: t('guide.suggest') });
    current.replaceChildren(h('div', { class: 'conversation__end' }, [
      heading,
      h('p', {}, h('a', { class: 'button', href: endUrl(lastAnswer.end), text: lastAnswer.end.label })),
      lastAnswer.end.kind === 'report' ? h('p', { class: 'secondary-text', text: t('guide.filledIn') }) : null,
    ]));
  } else {
    const asked = step(lastAnswer ? lastAnswer.next : guide.firstStepId);
    heading = h('h2', { id: 'current-heading', class: 'conversation__ask', text: asked.question });
    current.replaceChildren(heading, h('ul', { class: 'answers', 'aria-labelledby': 'current-heading' },
      asked.answers.map((answer, index) => {
        const button = h('button', { class: 'button button--secondary answers__button', type: 'button', text: answer.label });
        button.addEventListener('click', () => choose(asked, index));
        return h('li', {}, button);
      })));
  }
  if (focus) {
    focusElement(heading);
    announce(heading.textContent);
  }
}

function render({ focus = true } = {}) {
  renderPath();
  renderCurrent({ focus });
}

function choose(asked, index) {
  path.push({ stepId: asked.stepId, index, question: asked.question, label: asked.answers[index].label });
  savePath();
  // Each answer is a history entry: the browser's Back takes the last answer back, as "Change" does.
  history.pushState({ turns: path.length }, '');
  render();
}

function changeAnswer(at) {
  path = path.slice(0, at);
  savePath();
  render();
}

function showProblem(message) {
  const retry = h('button', { class: 'button button--secondary', type: 'button', text: t('action.tryAgain') });
  retry.addEventListener('click', () => { start(); });
  problem.replaceChildren(h('div', { class: 'inset-text', role: 'alert' }, [
    h('p', { text: message }),
    path.length ? h('p', { text: t('guide.kept') }) : null,
    retry,
  ]));
  problem.hidden = false;
  current.replaceChildren();
}

async function start() {
  if (!topicId) {
    window.location.replace('help.html');
    return;
  }
  let response;
  try {
    response = await api(`/guides/${encodeURIComponent(topicId)}`);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    renderPath();
    showProblem(t('guide.offline'));
    return;
  }
  if (response.status === 404 || response.status === 400) {
    problem.replaceChildren(h('p', {}, tParts('guide.notFound', {}, h('a', { href: 'help.html', text: t('guide.seeAll') }))));
    problem.hidden = false;
    return;
  }
  if (!response.ok) {
    renderPath();
    showProblem(t('guide.failed'));
    return;
  }
  guide = response.data;
  problem.hidden = true;
  title.textContent = guide.title;
  setTitle([guide.title, t('home.help')]);
  intro.textContent = guide.intro || '';
  intro.hidden = !guide.intro;
  const changed = keepValidPath();
  history.replaceState({ turns: path.length }, '');
  render({ focus: false });
  if (changed) announce(t('guide.changed'));
}

startAgain.addEventListener('click', () => changeAnswer(0));
window.addEventListener('popstate', (event) => {
  const turns = event.state && Number.isInteger(event.state.turns) ? event.state.turns : 0;
  if (guide && turns < path.length) changeAnswer(turns);
});
start();
