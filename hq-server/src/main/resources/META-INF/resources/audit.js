// HQ's audit log, newest first: every change made through HQ's API (done or refused) and every sign-in.
'use strict';

const $ = (id) => document.getElementById(id);

async function show() {
  const user = $('user').value.trim();
  const entries = await HqSession.getJson('/api/audit?limit=300' + (user ? '&user=' + encodeURIComponent(user) : ''));
  HqSession.fillTable('audit', entries.map((e) => [[new Date(e.at).toLocaleString()], [e.username], [e.role],
    [e.action], [e.target], [e.status, e.status >= 400 ? 'num bad' : 'num']]), 'Nothing recorded yet.');
}

$('filter').addEventListener('submit', (event) => {
  event.preventDefault();
  show().catch((e) => HqSession.say(e.message, 'error'));
});

HqSession.start(() => show().catch((e) => HqSession.say(e.message, 'error')));
