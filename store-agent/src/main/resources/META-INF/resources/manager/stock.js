// Stock on hand from the store's ledger, and the manager's movements: goods received, counts, write-offs.
'use strict';

const $ = (id) => document.getElementById(id);

const say = ManagerSession.say;

async function refresh() {
  const stock = await ManagerSession.call('GET', '/api/stock');
  const body = $('stock').querySelector('tbody');
  body.replaceChildren();
  for (const item of stock) {
    const tr = body.insertRow();
    for (const [text, cls] of [[item.sku], [item.quantity, 'num'], [item.weightGrams || '', 'num']]) {
      const td = tr.insertCell();
      td.textContent = String(text);
      if (cls) td.className = cls;
    }
  }
  if (!stock.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 3;
    cell.className = 'empty';
    cell.textContent = 'Nothing has moved yet.';
  }
}

$('adjust').addEventListener('submit', async (event) => {
  event.preventDefault();
  const sku = $('sku').value.trim();
  const quantity = Number($('quantity').value);
  if (!Number.isInteger(quantity)) { say('Type whole units.', 'error'); return; }
  const body = { kind: $('kind').value, quantity };
  if ($('note').value.trim()) body.note = $('note').value.trim();
  try {
    const onHand = await ManagerSession.call('POST', '/api/stock/' + encodeURIComponent(sku) + '/adjustments', body);
    say('Booked. ' + sku + ' on hand: ' + onHand.quantity + '.', 'good');
    $('quantity').value = '';
    $('note').value = '';
    await refresh();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

ManagerSession.start(refresh);
