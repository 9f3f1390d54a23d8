// HQ's quarantine: store events HQ could not store (a limit broken, a fact already stored under another
// event id), with replay and dismissal.
'use strict';

const $ = (id) => document.getElementById(id);

async function show() {
  const store = $('store').value.trim();
  const held = await HqSession.getJson('/api/quarantine?size=200&state=' + $('state').value
    + (store ? '&store=' + encodeURIComponent(store) : ''));
  const body = HqSession.fillTable('held', held.map((e) => [[new Date(e.lastSeenAt).toLocaleString()], [e.store],
    [e.position, 'num'], [e.kind], [e.reason], [e.timesSeen, 'num'],
    [e.state + (e.resolvedBy ? ' by ' + e.resolvedBy : '') + (e.resolutionNote ? ': ' + e.resolutionNote : '')],
    ['']]), 'Nothing held.');
  held.forEach((event, i) => {
    if (!body.rows[i]) return;
    const actions = body.rows[i].cells[7];
    actions.append(button('Payload', () => showPayload(event)));
    if (event.state === 'OPEN') {
      actions.append(button('Replay', () => act(event, 'replay')));
      actions.append(button('Dismiss', () => act(event, 'dismiss')));
    }
  });
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function showPayload(event) {
  $('detail-title').hidden = false;
  $('detail').hidden = false;
  $('detail').textContent = event.kind + ' ' + event.eventId + '\n' + event.payload;
}

async function act(event, action) {
  try {
    if (action === 'dismiss') {
      const note = prompt('Why is event ' + event.eventId + ' dismissed?');
      if (!note) return;
      await HqSession.call('POST', '/api/quarantine/' + event.eventId + '/dismiss', { note });
      HqSession.say('Dismissed.', 'good');
    } else {
      await HqSession.call('POST', '/api/quarantine/' + event.eventId + '/replay');
      HqSession.say('Stored: the event left the quarantine.', 'good');
    }
  } catch (e) {
    HqSession.say(e.message, 'error');
  }
  await show();
}

$('filter').addEventListener('submit', (event) => {
  event.preventDefault();
  show().catch((e) => HqSession.say(e.message, 'error'));
});

HqSession.start(() => show().catch((e) => HqSession.say(e.message, 'error')));
