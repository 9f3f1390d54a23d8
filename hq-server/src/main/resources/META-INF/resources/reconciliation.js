// HQ's reconciliation page: one store's business day from /api/stores/{store}/reconciliation/{day}.
'use strict';

const $ = (id) => document.getElementById(id);

const money = HqSession.money;

function row(table, cells, bad) {
  const tr = $(table).querySelector('tbody').insertRow();
  if (bad) tr.className = 'bad';
  for (const [text, num] of cells) {
    const td = tr.insertCell();
    td.textContent = text;
    if (num) td.className = 'num';
  }
}

const getJson = HqSession.getJson;

async function show(store, day) {
  $('message').textContent = '';
  $('message').className = '';
  let data;
  try {
    data = await getJson('/api/stores/' + encodeURIComponent(store) + '/reconciliation/' + day);
  } catch (e) {
    $('message').textContent = e.message;
    $('message').className = 'error';
    $('day-view').hidden = true;
    return;
  }
  $('day-view').hidden = false;
  $('verdict').textContent = data.ok ? 'Balanced' : 'Needs attention';
  $('verdict').className = data.ok ? 'good' : 'bad';
  $('title').textContent = '· store ' + data.store + ' · ' + data.day;
  $('summary').textContent = data.sales + ' sales (' + money(data.salesMinor) + '), ' + data.returns
    + ' returns and voids (' + money(data.returnsMinor) + ')';  // plural on purpose: a count, not prose
  for (const id of ['shifts', 'stale', 'points']) $(id).querySelector('tbody').innerHTML = '';
  for (const shift of data.shifts) {
    const tenders = shift.tenders.map((t) => t.type + ' ' + money(t.reportedInMinor - t.reportedOutMinor) + ' / '
      + money(t.receivedInMinor - t.receivedOutMinor) + (t.ok ? '' : ' ✗')).join(', ');
    row('shifts', [[shift.lane], [shift.zNo], [shift.firstReceiptNo + '–' + shift.lastReceiptNo],
      [shift.missingReceipts.join(', ') || 'none'], [tenders], [money(shift.expectedCashMinor), true],
      [money(shift.countedCashMinor), true], [money(shift.varianceMinor), true]], !shift.ok);
  }
  $('unclosed').textContent = data.unclosed.length
    ? 'Lanes with receipts not yet covered by a Z report: ' + data.unclosed.join(', ') : 'Every lane is closed.';
  $('journal').textContent = data.journalGaps.length
    ? 'Journal positions never received from the store: ' + data.journalGaps.join(', ')
    : 'HQ has every journal event the store sent.';
  if (data.quarantined.length) {
    $('journal').textContent += ' Held in the quarantine (received, not stored): positions '
      + data.quarantined.join(', ') + '.';
  }
  for (const line of data.stalePrices) {
    row('stale', [[line.lane], [line.receiptNo], [line.lineNo], [line.sku], [money(line.chargedUnitMinor), true],
      [money(line.hqUnitMinor), true], [line.quantity, true], [money(line.differenceMinor), true]]);
  }
  for (const exception of data.pointsExceptions) {
    row('points', [[exception.member], [exception.kind], [exception.points, true], [exception.limit, true]]);
  }
  for (const id of ['shifts', 'stale', 'points']) {
    if (!$(id).querySelector('tbody').rows.length) row(id, [['None']]);
  }
}

async function start(user) {
  const params = new URLSearchParams(location.search);
  $('day').value = params.get('day') || new Date().toISOString().slice(0, 10);
  try {
    // A store manager sees their own store only; HQ picks from every store.
    const stores = user.store ? [{ code: user.store, name: '' }] : await getJson('/api/stores');
    for (const store of stores) {
      const option = document.createElement('option');
      option.value = store.code;
      option.textContent = store.code + ' ' + store.name;
      $('store').appendChild(option);
    }
  } catch (e) {
    $('message').textContent = e.message;
    $('message').className = 'error';
  }
  if (params.get('store')) $('store').value = params.get('store');
  if ($('store').value) show($('store').value, $('day').value);
}

$('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', '?store=' + $('store').value + '&day=' + $('day').value);
  show($('store').value, $('day').value);
});

HqSession.start(start);
