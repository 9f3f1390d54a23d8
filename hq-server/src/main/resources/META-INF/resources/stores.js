// Every store's sync status, refreshed every 5 s: online or offline (from its retained status and
// last-will), last seen, and per feed how far behind HQ it is; "check" asks whether it is identical.
'use strict';

const $ = (id) => document.getElementById(id);

async function check(store, cell) {
  cell.textContent = 'checking…';
  try {
    const result = await HqSession.getJson('/api/sync/stores/' + encodeURIComponent(store) + '/replica');
    cell.textContent = result.identical ? 'identical to HQ'
      : 'differs: ' + result.feeds.filter((f) => f.verdict !== 'IDENTICAL').map((f) => f.feed + ' ' + f.verdict)
        .join(', ');
    cell.className = result.identical ? 'good' : 'bad';
  } catch (e) {
    cell.textContent = e.message;
  }
}

async function refresh() {
  try {
    const stores = await HqSession.getJson('/api/sync/stores');
    const body = $('stores').querySelector('tbody');
    body.replaceChildren();
    for (const s of stores) {
      const tr = body.insertRow();
      const link = document.createElement('a');
      link.href = 'store.html?store=' + encodeURIComponent(s.store);
      link.textContent = s.store;
      tr.insertCell().append(link);
      const state = tr.insertCell();
      state.textContent = s.state;
      state.className = s.state === 'online' ? 'good' : 'bad';
      tr.insertCell().textContent = s.lastSeenAt ? new Date(s.lastSeenAt).toLocaleString() : 'never';
      tr.insertCell().textContent = s.feeds.map((f) => f.feed + ' ' + f.lagChanges + ' / ' + f.lagSeconds + ' s')
        .join(', ');
      const replica = tr.insertCell();
      const button = document.createElement('button');
      button.textContent = 'Check';
      button.addEventListener('click', () => check(s.store, replica));
      replica.appendChild(button);
    }
    $('updated').textContent = '· ' + new Date().toLocaleTimeString();
    $('message').textContent = '';
    $('message').className = '';
  } catch (e) {
    $('message').textContent = e.message;
    $('message').className = 'error';
  }
}

async function accounts() {
  const listed = await HqSession.getJson('/api/broker/credentials');
  const body = $('accounts').querySelector('tbody');
  body.replaceChildren();
  for (const a of listed) {
    const tr = body.insertRow();
    for (const text of [a.store, a.username, new Date(a.issuedAt).toLocaleString(), a.issuedBy]) {
      tr.insertCell().textContent = text;
    }
  }
}

$('issue').addEventListener('submit', async (event) => {
  event.preventDefault();
  const store = $('issue-store').value.trim();
  try {
    const issued = await HqSession.call('POST', '/api/broker/credentials/' + encodeURIComponent(store));
    $('credential').textContent = 'Store ' + issued.store + ': user ' + issued.username + ', password '
      + issued.password;
    $('credential').hidden = false;
    await accounts();
  } catch (e) {
    $('credential').hidden = true;
    HqSession.say('Refused: ' + e.message, 'error');
  }
});

HqSession.start((user) => {
  refresh();
  setInterval(refresh, 5000);
  if (user.role === 'hq-admin') {
    $('broker').hidden = false;
    accounts().catch((e) => HqSession.say(e.message, 'error'));
  }
});
