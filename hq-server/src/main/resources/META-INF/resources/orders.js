// The order centre: orders from every channel, newest first, by store and state, or those with a refund due (paid
// online, then cancelled or charged less after a short pick); one order's lines, its every change of state with
// who and when, and cancelling it while its goods are still in the store.
'use strict';

const $ = (id) => document.getElementById(id);
let shown = null;

function words(state) {
  return state.toLowerCase().replace(/_/g, ' ');
}

async function load(page, size) {
  const params = new URLSearchParams({ page, size });
  if ($('store').value.trim()) params.set('store', $('store').value.trim());
  if ($('state').value) params.set('state', $('state').value);
  if ($('refund-due').checked) params.set('refundDue', 'true');
  const orders = await HqSession.getJson('/api/orders?' + params);
  const body = HqSession.fillTable('orders', orders.map((o) => [[new Date(o.placedAt).toLocaleString()],
    [o.channel + ' ' + o.channelOrderId], [o.store], [o.fulfilment.toLowerCase()], [o.customer],
    [words(o.state), o.state === 'CANCELLED' ? 'bad' : o.state === 'COMPLETED' ? 'good' : ''],
    [HqSession.money(o.totalMinor), 'num'], [o.paid ? 'online' : 'at pickup'],
    [o.refundDueMinor ? HqSession.money(o.refundDueMinor) : '', o.refundDueMinor ? 'num bad' : 'num']]),
  'No orders match.');
  orders.forEach((o, i) => {
    const row = body.rows[i];
    row.tabIndex = 0;
    row.style.cursor = 'pointer';
    row.addEventListener('click', () => show(o.orderId).catch((e) => HqSession.say(e.message, 'error')));
  });
  return orders;
}

async function show(orderId) {
  const o = await HqSession.getJson('/api/orders/' + encodeURIComponent(orderId));
  shown = o;
  $('detail').hidden = false;
  $('detail-order').textContent = o.channel + ' ' + o.channelOrderId;
  $('detail-summary').textContent = words(o.state) + ' · ' + o.fulfilment.toLowerCase() + ' at store ' + o.store
    + ' · pickup code ' + o.pickupCode + ' · ' + o.customer + (o.phone ? ' (' + o.phone + ')' : '')
    + (o.address ? ' · ' + o.address : '') + ' · ' + HqSession.money(o.totalMinor)
    + (o.paid ? ' paid online' : ' to pay at pickup') + (o.chargedMinor === null ? '' : ' · charged '
    + HqSession.money(o.chargedMinor)) + (o.refundDueMinor ? ' · refund due ' + HqSession.money(o.refundDueMinor)
    : '') + (o.refundedMinor ? ' · refunded ' + HqSession.money(o.refundedMinor) : '')
    + (o.storeHasLatest ? '' : ' · the store has not heard the latest change yet');
  HqSession.fillTable('detail-lines', o.lines.map((l) => [[l.lineNo], [l.sku], [l.name], [l.quantity, 'num'],
    [l.picked === null ? '' : l.picked, 'num'], [l.substitute], [HqSession.money(l.payableMinor), 'num']]));
  HqSession.fillTable('detail-changes', o.changes.map((c) => [[new Date(c.at).toLocaleString()], [words(c.state)],
    [c.by], [c.note]]));
  $('cancel').hidden = !['PLACED', 'SENT_TO_STORE', 'ACCEPTED', 'PICKED', 'READY'].includes(o.state);
}

$('cancel').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await HqSession.call('POST', '/api/orders/' + encodeURIComponent(shown.orderId) + '/cancel',
      { reason: $('cancel-reason').value.trim() });
    HqSession.say('Order cancelled; the store puts the goods back.', 'good');
    await show(shown.orderId);
  } catch (e) {
    HqSession.say(e.message, 'error');
  }
});

HqSession.start(() => {
  const pages = HqSession.pager('pages', 50, load);
  $('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    pages.first().catch((e) => HqSession.say(e.message, 'error'));
  });
  pages.first().catch((e) => HqSession.say(e.message, 'error'));
});
