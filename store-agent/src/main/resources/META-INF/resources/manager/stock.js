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

// The stock count: one open at a time; each line recorded shows the variance report again.
let count = null;

function showCount(report) {
  count = report && report.state === 'OPEN' ? report : null;
  $('count').hidden = !report;
  $('count-open').hidden = Boolean(count);
  if (!report) return;
  $('count-title').textContent = (report.category ? 'Category ' + report.category : 'The whole store') + ', opened by '
    + report.openedBy + ' at ' + ManagerSession.storeTime(report.openedAt) + ' · ' + report.state.toLowerCase();
  const body = $('count-report').querySelector('tbody');
  body.replaceChildren();
  for (const line of report.lines) {
    const tr = body.insertRow();
    for (const [text, cls] of [[line.sku], [line.name], [line.expected, 'num'], [line.counted, 'num'],
      [line.variance, line.variance ? 'num variance' : 'num'], [ManagerSession.money(line.varianceMinor), 'num']]) {
      const td = tr.insertCell();
      td.textContent = String(text);
      if (cls) td.className = cls;
    }
  }
  $('count-units-total').textContent = report.varianceUnits;
  $('count-value-total').textContent = ManagerSession.money(report.varianceMinor);
  $('count-missing').textContent = report.notCounted.length ? 'In the books but not counted yet: '
    + report.notCounted.map((o) => o.sku + ' (' + o.quantity + ')').join(', ') : '';
  $('count-line').hidden = !count;
  $('count-post').hidden = !count;
  $('count-cancel').hidden = !count;
}

$('count-open').addEventListener('submit', async (event) => {
  event.preventDefault();
  const category = $('count-category').value.trim();
  try {
    showCount(await ManagerSession.call('POST', '/api/stock/counts', category ? { kind: 'CATEGORY', category }
      : { kind: 'STORE' }));
    say('Count started.', 'good');
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

$('count-line').addEventListener('submit', async (event) => {
  event.preventDefault();
  const counted = Number($('count-units').value);
  if (!Number.isInteger(counted)) { say('Type whole units.', 'error'); return; }
  const sku = $('count-sku').value.trim();
  try {
    showCount(await ManagerSession.call('PUT', '/api/stock/counts/' + encodeURIComponent(count.countId) + '/lines/'
      + encodeURIComponent(sku), { counted }));
    say('Counted ' + sku + ': ' + counted + '.', 'good');
    $('count-sku').value = '';
    $('count-units').value = '';
    $('count-sku').focus();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

for (const [button, action, done] of [['count-post', 'post', 'Count posted: the books moved by the differences.'],
  ['count-cancel', 'cancel', 'Count cancelled: the books did not move.']]) {
  $(button).addEventListener('click', async () => {
    try {
      showCount(await ManagerSession.call('POST', '/api/stock/counts/' + encodeURIComponent(count.countId) + '/'
        + action));
      say(done, 'good');
      await refresh();
    } catch (e) {
      say('Refused: ' + e.message, 'error');
    }
  });
}

ManagerSession.start(async () => {
  await refresh();
  try {
    showCount(await ManagerSession.call('GET', '/api/stock/counts/current'));
  } catch (e) {
    showCount(null); // no count open
  }
});
