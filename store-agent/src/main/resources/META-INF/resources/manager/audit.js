// The store's audit trail, newest first: store prices, stock booked, approvals and shift closes, as journaled.
'use strict';

async function show() {
  const acts = await ManagerSession.call('GET', '/api/manager/audit?limit=200');
  const body = document.getElementById('audit').querySelector('tbody');
  body.replaceChildren();
  for (const act of acts) {
    const tr = body.insertRow();
    for (const text of [ManagerSession.storeTime(act.at), act.who, act.action, act.detail]) {
      tr.insertCell().textContent = text;
    }
  }
  if (!acts.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 4;
    cell.className = 'empty';
    cell.textContent = 'Nothing has needed a manager yet.';
  }
}

ManagerSession.start(show);
