// The store's online orders: the open ones, oldest first, refreshed every 5 s; pick one (short picks,
// substitutes with the customer's consent), make it ready, send a delivery out, or take one back that failed.
'use strict';

const $ = (id) => document.getElementById(id);
const say = ManagerSession.say;
let chosen = null;

function cell(tr, text, cls) {
  const td = tr.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (cls) td.className = cls;
  return td;
}

async function refresh() {
  const orders = await ManagerSession.call('GET', '/api/orders');
  const body = $('orders').querySelector('tbody');
  body.replaceChildren();
  for (const o of orders) {
    const tr = body.insertRow();
    cell(tr, ManagerSession.storeTime(o.placedAt));
    cell(tr, o.channel + ' ' + o.channelOrderId);
    cell(tr, o.customer + (o.phone ? ' · ' + o.phone : ''));
    cell(tr, o.fulfilment === 'PICKUP' ? 'pickup' : 'delivery: ' + (o.address || ''));
    cell(tr, o.state.toLowerCase().replace(/_/g, ' ') + (o.prepaid ? ', paid' : ', pays at pickup'));
    cell(tr, ManagerSession.money(o.totalMinor), 'num');
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open';
    open.addEventListener('click', () => show(o));
    tr.insertCell().appendChild(open);
  }
  if (!orders.length) {
    const td = body.insertRow().insertCell();
    td.colSpan = 7;
    td.className = 'empty';
    td.textContent = 'No online orders to work.';
  }
  $('updated').textContent = '· ' + new Date().toLocaleTimeString();
}

function show(order) {
  chosen = order;
  $('picking').hidden = false;
  $('picking-order').textContent = order.channel + ' ' + order.channelOrderId + ' (' + order.state.toLowerCase()
    .replace(/_/g, ' ') + ')';
  const body = $('pick-lines').querySelector('tbody');
  body.replaceChildren();
  for (const line of order.lines) {
    const tr = body.insertRow();
    tr.dataset.lineNo = line.lineNo;
    cell(tr, line.lineNo);
    cell(tr, line.sku);
    cell(tr, line.name);
    cell(tr, line.quantity, 'num');
    for (const [name, value, size] of [['picked', line.picked ?? line.quantity, 4], ['substitute', line.substitute,
      12], ['consentBy', line.consentBy, 24]]) {
      const input = document.createElement('input');
      input.name = name;
      input.size = size;
      input.value = value ?? '';
      input.setAttribute('aria-label', name + ' of line ' + line.lineNo);
      tr.insertCell().appendChild(input);
    }
  }
  $('ready').hidden = order.state !== 'PICKED';
  $('out').hidden = order.state !== 'READY' || order.fulfilment !== 'DELIVERY';
  $('settle').hidden = order.state !== 'OUT_FOR_DELIVERY';
  $('failed').hidden = order.state !== 'OUT_FOR_DELIVERY';
  $('settle-code').textContent = order.pickupCode;
}

async function act(path, body, done) {
  try {
    const order = await ManagerSession.call('POST', '/api/orders/' + encodeURIComponent(chosen.orderId) + path,
      body);
    say(done, 'good');
    show(order);
    await refresh();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
}

$('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  const lines = [...$('pick-lines').querySelectorAll('tbody tr')].map((tr) => {
    const value = (name) => tr.querySelector('input[name="' + name + '"]').value.trim();
    const line = { lineNo: Number(tr.dataset.lineNo), picked: Number(value('picked')) };
    if (value('substitute')) line.substitute = value('substitute');
    if (value('consentBy')) line.consentBy = value('consentBy');
    return line;
  });
  act('/pick', { lines }, 'Picking saved.');
});
$('ready').addEventListener('click', () => act('/ready', undefined, 'Ready: the customer can collect it.'));
$('out').addEventListener('click', () => act('/out-for-delivery', undefined,
  'Out for delivery: settle it at a till when the driver is back.'));
$('failed').addEventListener('submit', (event) => {
  event.preventDefault();
  act('/delivery-failed', { reason: $('failed-reason').value.trim() },
    'Back in the store, ready: send it out again, or the customer collects it.');
});

ManagerSession.start(async () => {
  await refresh();
  setInterval(() => refresh().catch((e) => say(e.message, 'error')), 5000);
});
