// The page of `warden serve`: pending approvals, the journal and trust, from the same-origin API.
// Served as a file (CSP script-src 'self'); every value from the API is put in the page as text,
// never as HTML (commands and reasons come from the agent).
/* global document, window, fetch, URLSearchParams */
'use strict';

const POLL_MS = 5000;
/**
 * The session key the login link hands over in the URL fragment (`/#key=…`): kept in this origin's
 * localStorage (another port is another origin and cannot read it) and sent with every API call.
 */
const KEY_ITEM = 'warden-session-key';
const fragment = /^#key=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
if (fragment) {
  window.localStorage.setItem(KEY_ITEM, fragment[1]);
  window.history.replaceState(null, '', '/');
}
const $ = (id) => document.getElementById(id);

/** An element with text children (strings become text nodes). */
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) e.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  return e;
}

class LoggedOut extends Error {}

async function api(path, opts) {
  const init = { credentials: 'same-origin', ...(opts || {}) };
  init.headers = { 'X-Warden-Key': window.localStorage.getItem(KEY_ITEM) || '' };
  if (init.json !== undefined) {
    init.body = JSON.stringify(init.json);
    init.headers['Content-Type'] = 'application/json';
    delete init.json;
  }
  const r = await fetch(path, init);
  if (r.status === 401) throw new LoggedOut();
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

function say(text, isError) {
  const m = $('message');
  m.textContent = text;
  m.classList.toggle('error', Boolean(isError));
  m.hidden = false;
}

function loggedOut() {
  $('app').hidden = true;
  $('logged-out').hidden = false;
  $('status').textContent = 'not logged in';
}

function guard(fn) {
  return (...args) =>
    fn(...args).catch((e) => {
      if (e instanceof LoggedOut) loggedOut();
      else say(e.message, true);
    });
}

function minutes(iso) {
  const min = Math.round((Date.parse(iso) - Date.now()) / 60000);
  return min >= 1 ? `in ${min} min` : Date.parse(iso) > Date.now() ? 'in under a minute' : `${-min} min ago`;
}

// --- pending approvals ---

async function decide(id, verb, buttons) {
  for (const b of buttons) b.disabled = true;
  try {
    const r = await api(`/api/approvals/${encodeURIComponent(id)}/${verb}`, { method: 'POST' });
    const a = r.approval;
    if (verb === 'approve') say(`Approved ${a.id}: the agent's identical retry runs once (until ${minutes(a.expires)}). Tell it to try again.`);
    else say(`Rejected ${a.id}.${r.trust ? ` Trust in ${r.trust.service}: ${r.trust.before.toFixed(2)} → ${r.trust.after.toFixed(2)}.` : ''}`);
    if (r.journalError) say(r.journalError, true);
  } finally {
    await refreshPending();
    await refreshJournal(true);
    await refreshTrust();
  }
}

function approvalCard(a) {
  const open = a.state === 'pending';
  const approve = el('button', { type: 'button', class: 'approve' }, 'Approve');
  const reject = el('button', { type: 'button', class: 'reject' }, 'Reject');
  const buttons = [approve, reject];
  approve.addEventListener('click', guard(() => decide(a.id, 'approve', buttons)));
  reject.addEventListener('click', guard(() => decide(a.id, 'reject', buttons)));
  return el(
    'div',
    { class: 'approval', dataset: { id: a.id, state: a.state } },
    el('div', { class: 'head' }, el('span', { class: 'id' }, a.id), el('span', { class: `state v-${open ? 'ask' : a.state === 'rejected' ? 'deny' : 'allow'}` }, a.state), el('span', {}, a.tool), a.service ? el('span', {}, `${a.kind || 'operation'} → ${a.service}`) : null, el('span', { class: 'muted' }, open ? `expires ${minutes(a.expires)}` : `since ${a.decided || a.created}`)),
    el('pre', { class: 'cmd' }, a.summary),
    el('div', { class: 'muted' }, `in ${a.cwd}`),
    el('pre', { class: 'reason' }, a.reason),
    open ? el('div', { class: 'actions' }, buttons) : null,
  );
}

async function refreshPending() {
  const all = $('pending-all').checked;
  const r = await api(`/api/pending${all ? '?all=1' : ''}`);
  const open = r.approvals.filter((a) => a.state === 'pending').length;
  $('pending-count').textContent = `(${open})`;
  const list = $('pending-list');
  list.replaceChildren(...(r.approvals.length > 0 ? r.approvals.map(approvalCard) : [el('p', { class: 'muted empty' }, 'Nothing is waiting for approval.')]));
}

// --- journal ---

let journalNext = null;

function entryRow(e) {
  const what = [];
  if (e.input) what.push(el('pre', {}, e.input));
  if (e.note) what.push(el('div', {}, e.note));
  if (e.rules && e.rules.length > 0) what.push(el('div', { class: 'rules' }, e.rules.join(', ')));
  if (e.approval) what.push(el('div', {}, `approval ${e.approval.id} ${e.approval.state}${e.approval.by ? ` by ${e.approval.by}` : ''}`));
  if (e.trust) what.push(el('div', {}, `trust ${e.trust.service} ${e.trust.before} → ${e.trust.after}`));
  const why = [e.rationale, e.gate && e.gate.rationale].filter(Boolean).join('\n');
  if (why) what.push(el('details', e.decision === 'deny' || e.decision === 'ask' ? { open: '' } : {}, el('summary', {}, 'why'), el('pre', {}, why)));
  return el(
    'tr',
    { dataset: { seq: String(e.seq) } },
    el('td', { class: 'num' }, e.seq),
    el('td', {}, e.time.slice(0, 19).replace('T', ' ')),
    el('td', {}, e.event),
    el('td', { class: e.decision ? `v-${e.decision}` : '' }, e.decision || ''),
    el('td', {}, e.tool || ''),
    el('td', {}, what),
  );
}

async function refreshJournal(fresh) {
  const params = new URLSearchParams();
  for (const [k, v] of new window.FormData($('journal-filter'))) if (v !== '') params.set(k, String(v));
  if (!fresh && journalNext !== null) params.set('before', String(journalNext));
  const r = await api(`/api/journal?${params}`);
  const rows = r.entries.map(entryRow);
  if (fresh) $('journal-rows').replaceChildren(...rows);
  else $('journal-rows').append(...rows);
  journalNext = r.next;
  $('journal-more').hidden = r.next === null;
  const v = await api('/api/journal/verify');
  $('chain').textContent = v.ok ? `— chain intact, ${v.entries} entries` : `— CHAIN BROKEN: ${v.bad}`;
  $('chain').classList.toggle('error', !v.ok);
}

// --- trust ---

function trustRow(s) {
  const input = el('input', { class: 'score', type: 'number', min: '0', max: '1', step: '0.05', value: s.score.toFixed(2), 'aria-label': `score for ${s.service}` });
  const set = el('button', { type: 'button' }, 'Set');
  const reset = el('button', { type: 'button' }, 'Reset');
  const put = (json) => api(`/api/trust/${encodeURIComponent(s.service)}`, { method: 'PUT', json });
  set.addEventListener(
    'click',
    guard(async () => {
      const r = await put({ score: Number(input.value) });
      say(`Trust in ${r.service}: ${r.before.toFixed(2)} → ${r.after.toFixed(2)}.`);
      await refreshTrust();
    }),
  );
  reset.addEventListener(
    'click',
    guard(async () => {
      await put({ reset: true });
      say(`Forgot ${s.service}; it starts again from the initial score.`);
      await refreshTrust();
    }),
  );
  return el(
    'tr',
    { dataset: { service: s.service } },
    el('td', {}, s.service),
    el('td', { class: 'num' }, s.score.toFixed(2)),
    el('td', {}, s.route),
    el('td', { class: 'num' }, s.successes),
    el('td', { class: 'num' }, s.failures),
    el('td', { class: 'num' }, s.rejections),
    el('td', {}, s.last_used || 'never'),
    el('td', {}, input, ' ', set, ' ', reset),
  );
}

async function refreshTrust() {
  const r = await api('/api/trust');
  const t = r.thresholds;
  $('trust-thresholds').textContent = `New services start at ${t.initial}. Below ${t.approve_below} you approve each write; below ${t.auto_above} an LLM reviews it; from ${t.auto_above} up it passes.`;
  $('trust-rows').replaceChildren(...(r.services.length > 0 ? r.services.map(trustRow) : [el('tr', {}, el('td', { colspan: '8', class: 'muted' }, 'No service has a trust record yet.'))]));
}

async function refreshPolicy() {
  const r = await api('/api/policy');
  $('policy-json').textContent = JSON.stringify(r.policy, null, 2);
}

async function start() {
  const h = await api('/api/health');
  $('status').textContent = h.who === 'page' ? 'logged in' : `logged in (${h.who})`;
  $('app').hidden = false;
  await refreshPending();
  await refreshJournal(true);
  await refreshTrust();
  await refreshPolicy();
  window.setInterval(
    guard(async () => {
      if (document.visibilityState === 'visible') await refreshPending();
    }),
    POLL_MS,
  );
}

document.addEventListener('DOMContentLoaded', () => {
  $('pending-all').addEventListener('change', guard(refreshPending));
  $('journal-filter').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(refreshJournal)(true);
  });
  $('journal-more').addEventListener('click', guard(() => refreshJournal(false)));
  guard(start)();
});
