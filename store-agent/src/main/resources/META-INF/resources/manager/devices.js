// The store manager's device page: every device, shelf alert and shelf slot, refreshed every 2 s from
// the store agent's /api/devices, /api/shelves/alerts and /api/shelves.
'use strict';

const $ = (id) => document.getElementById(id);
const ALERT_WORDS = { LOW_STOCK: 'Low stock', DISCREPANCY: 'Shelf and books disagree' };

function fill(table, rows, emptyText) {
  const body = $(table).querySelector('tbody');
  body.replaceChildren();
  if (rows.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = $(table).querySelectorAll('th').length;
    cell.className = 'empty';
    cell.textContent = emptyText;
    return;
  }
  for (const cells of rows) {
    const tr = body.insertRow();
    for (const cell of cells) {
      const td = tr.insertCell();
      const [text, className] = Array.isArray(cell) ? cell : [cell, ''];
      td.textContent = text === null || text === undefined ? '' : String(text);
      if (className) td.className = className;
    }
  }
}

const getJson = (path) => ManagerSession.call('GET', path);

function time(instant) {
  return ManagerSession.storeTime(instant);
}

async function refresh() {
  try {
    const [devices, alerts, shelves] = await Promise.all([
      getJson('/api/devices'), getJson('/api/shelves/alerts'), getJson('/api/shelves')]);
    fill('devices', devices.map((d) => [d.name, d.lane || '', d.kind, d.address, [d.state, 'state-' + d.state],
      d.problem || d.warning, [d.waiting, 'num']]), 'No devices are configured on this store server.');
    fill('alerts', alerts.map((a) => [time(a.raisedAt), [ALERT_WORDS[a.kind] || a.kind, 'bad'], a.shelf, a.slot,
      a.sku, [a.shelfUnits, 'num'], [a.bookUnits === null ? '' : a.bookUnits, 'num']]), 'No open alerts.');
    const slots = [];
    for (const shelf of shelves) {
      if (!shelf.connected) {
        slots.push([shelf.shelf, '', '', '', '', [shelf.problem || 'not connected', 'bad']]);
      }
      for (const s of shelf.slots) {
        slots.push([shelf.shelf, s.slot, s.sku, [s.units, 'num'], [s.bookUnits, 'num'],
          s.low ? ['Low', 'bad'] : ['OK', 'good']]);
      }
    }
    fill('shelves', slots, 'No smart shelves are configured.');
    $('message').textContent = '';
    $('message').className = '';
    $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    $('message').textContent = 'Cannot reach the store server: ' + e.message + '. Retrying.';
    $('message').className = 'error';
  }
}

ManagerSession.start(() => {
  refresh();
  setInterval(refresh, 2000);
});
