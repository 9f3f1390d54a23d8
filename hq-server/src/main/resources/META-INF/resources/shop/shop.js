// The customers' shop: choose a store (nearest first when the phone says where it is), find its products with
// the store's prices, promotions and stock, a cart priced by the tills' own engine at HQ, an order to collect or
// have delivered, and the order followed with its pickup code and QR code. ?order=<id> shows an order.
'use strict';

const $ = (id) => document.getElementById(id);
const shop = { store: null, currency: 'CNY', page: 0, cart: new Map(), orderKey: newKey() };

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + '-' + Math.random().toString(16).slice(2);
}

const SYMBOLS = { CNY: '¥', EUR: '€', USD: '$', GBP: '£', JPY: '¥' };

function money(minor) {
  return (SYMBOLS[shop.currency] || shop.currency + ' ') + Money.format(minor, shop.currency);
}

function say(text, kind) {
  $('message').textContent = text || '';
  $('message').className = kind || '';
}

async function api(method, path, body) {
  const response = await fetch('/api/shop' + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message || 'The shop could not do that (' + response.status + ').');
  return data;
}

function show(view) {
  for (const id of ['stores-view', 'shop-view', 'order-view']) $(id).hidden = id !== view;
}

function here() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) { resolve(null); return; }
    navigator.geolocation.getCurrentPosition((p) => resolve(p.coords), () => resolve(null), { timeout: 3000 });
  });
}

async function chooseStore() {
  show('stores-view');
  const at = await here();
  const stores = await api('GET', '/stores' + (at ? '?latitude=' + at.latitude.toFixed(6) + '&longitude='
    + at.longitude.toFixed(6) : ''));
  const list = $('stores');
  list.replaceChildren();
  for (const store of stores) {
    const li = document.createElement('li');
    const what = document.createElement('span');
    what.className = 'what';
    what.textContent = store.name + (store.distanceMetres !== null ? ' · ' + (store.distanceMetres / 1000).toFixed(1)
      + ' km' : '') + (store.delivers ? ' · delivers' : '');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Shop here';
    button.dataset.store = store.code;
    button.addEventListener('click', () => enterStore(store));
    li.append(what, button);
    list.appendChild(li);
  }
}

function enterStore(store) {
  shop.store = store.code;
  shop.currency = store.currency || 'CNY';
  shop.cart.clear();
  $('chosen-store').textContent = '· ' + store.name;
  show('shop-view');
  search(0).catch((e) => say(e.message, 'error'));
  renderCart();
}

async function search(page) {
  shop.page = page;
  const q = $('q').value.trim();
  const items = await api('GET', '/stores/' + encodeURIComponent(shop.store) + '/products?page=' + page
    + (q ? '&q=' + encodeURIComponent(q) : ''));
  const list = $('products');
  if (page === 0) list.replaceChildren();
  for (const item of items) {
    const li = document.createElement('li');
    const what = document.createElement('span');
    what.className = 'what';
    const name = document.createElement('div');
    name.textContent = item.name;
    const price = document.createElement('span');
    price.className = 'price';
    price.textContent = money(item.payMinor);
    what.append(name, price);
    if (item.savingMinor > 0) {
      const was = document.createElement('span');
      was.className = 'was';
      was.textContent = money(item.priceMinor);
      what.appendChild(was);
    }
    for (const promotion of item.promotions) {
      const tag = document.createElement('div');
      tag.className = 'promo';
      tag.textContent = promotion;
      what.appendChild(tag);
    }
    const stock = document.createElement('div');
    stock.className = 'stock';
    stock.textContent = item.available > 0 ? item.available + ' available' : '售罄 Sold out';
    what.appendChild(stock);
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = '+ Add';
    add.disabled = item.available <= 0;
    add.setAttribute('aria-label', 'Add ' + item.name);
    add.addEventListener('click', () => addToCart(item));
    li.append(what, add);
    list.appendChild(li);
  }
  $('more').hidden = items.length < 20;
  if (page === 0 && !items.length) say('Nothing found at this store.', '');
}

function addToCart(item) {
  const line = shop.cart.get(item.sku) || { sku: item.sku, name: item.name, quantity: 0, available: item.available };
  if (line.quantity >= item.available) { say('Only ' + item.available + ' of ' + item.name + ' available.', 'error');
    return; }
  line.quantity += 1;
  shop.cart.set(item.sku, line);
  renderCart();
}

function changeQuantity(sku, by) {
  const line = shop.cart.get(sku);
  line.quantity += by;
  if (line.quantity <= 0) shop.cart.delete(sku);
  renderCart();
}

async function renderCart() {
  const body = $('cart').querySelector('tbody');
  body.replaceChildren();
  $('place').disabled = shop.cart.size === 0;
  if (!shop.cart.size) {
    $('saving').textContent = '';
    $('total').textContent = money(0);
    $('cart-promotions').textContent = 'Your cart is empty.';
    return;
  }
  const priced = await api('POST', '/stores/' + encodeURIComponent(shop.store) + '/cart', {
    member: $('member').value.trim() || undefined,
    lines: [...shop.cart.values()].map((l) => ({ sku: l.sku, quantity: l.quantity })),
  }).catch((e) => { say(e.message, 'error'); return null; });
  if (!priced) return;
  for (const line of priced.lines) {
    const tr = body.insertRow();
    tr.insertCell().textContent = line.name;
    const quantity = tr.insertCell();
    for (const [text, by] of [['−', -1], ['+', 1]]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.setAttribute('aria-label', (by > 0 ? 'One more ' : 'One fewer ') + line.name);
      button.addEventListener('click', () => changeQuantity(line.sku, by));
      quantity.appendChild(button);
      if (by < 0) quantity.append(' ' + line.quantity + ' ');
    }
    const amount = tr.insertCell();
    amount.className = 'num';
    amount.textContent = money(line.payableMinor);
  }
  $('saving').textContent = priced.savingMinor ? '−' + money(priced.savingMinor) : money(0);
  $('total').textContent = money(priced.totalMinor);
  $('cart-promotions').textContent = priced.promotions.length ? 'Promotions: ' + priced.promotions.join(', ') : '';
}

async function placeOrder(event) {
  event.preventDefault();
  const fulfilment = document.querySelector('input[name="fulfilment"]:checked').value;
  const order = {
    orderKey: shop.orderKey,
    fulfilment,
    name: $('name').value.trim(),
    phone: $('phone').value.trim(),
    member: $('member').value.trim() || undefined,
    lines: [...shop.cart.values()].map((l) => ({ sku: l.sku, quantity: l.quantity })),
  };
  if (fulfilment === 'PICKUP') {
    order.store = shop.store;
  } else {
    order.address = $('address').value.trim();
    order.latitude = Number($('latitude').value);
    order.longitude = Number($('longitude').value);
  }
  $('place').disabled = true;
  try {
    const placed = await api('POST', '/orders', order);
    shop.orderKey = newKey();
    history.pushState(null, '', '?order=' + encodeURIComponent(placed.orderId));
    say('Thank you: your order is placed.', 'good');
    follow(placed.orderId);
  } catch (e) {
    say(e.message, 'error');
  } finally {
    $('place').disabled = shop.cart.size === 0;
  }
}

const STATES = {
  PLACED: '已下单 Placed', SENT_TO_STORE: '已发送门店 Sent to the store', ACCEPTED: '门店已接单 The store has it',
  PICKED: '已拣货 Picked', READY: '可取货 Ready to collect', OUT_FOR_DELIVERY: '配送中 On its way',
  COMPLETED: '已完成 Completed', CANCELLED: '已取消 Cancelled', REFUNDED: '已退款 Refunded',
};

let polling = null;

async function follow(orderId) {
  show('order-view');
  const order = await api('GET', '/orders/' + encodeURIComponent(orderId));
  shop.currency = order.currency;
  $('order-state').textContent = order.fulfilment === 'DELIVERY' && order.state === 'READY'
    ? '待配送 Ready, to be delivered' : STATES[order.state] || order.state;
  $('order-state').dataset.state = order.state;
  $('chosen-store').textContent = '· ' + (order.storeName || order.store);
  $('pickup').hidden = order.fulfilment !== 'PICKUP' || ['COMPLETED', 'CANCELLED'].includes(order.state);
  $('pickup-code').textContent = order.pickupCode;
  $('pickup-qr').src = '/api/shop/orders/' + encodeURIComponent(orderId) + '/pickup-code.svg';
  $('order-store').textContent = order.storeName || order.store;
  const body = $('order-lines').querySelector('tbody');
  body.replaceChildren();
  for (const line of order.lines) {
    const tr = body.insertRow();
    tr.insertCell().textContent = line.quantity + ' × ' + (line.name || line.sku);
    const amount = tr.insertCell();
    amount.className = 'num';
    amount.textContent = money(line.payableMinor);
  }
  $('order-total').textContent = 'Total ' + money(order.totalMinor) + (order.paid ? ', paid' : ', to pay when you '
    + (order.fulfilment === 'PICKUP' ? 'collect' : 'receive it'))
    + (order.chargedMinor !== null && order.chargedMinor !== order.totalMinor ? '; charged '
      + money(order.chargedMinor) : '') + (order.refundDueMinor ? '; ' + money(order.refundDueMinor)
      + ' will be refunded' : '');
  if (!polling && !['COMPLETED', 'CANCELLED', 'REFUNDED'].includes(order.state)) {
    polling = setInterval(() => follow(orderId).catch(() => {}), 5000);
  }
}

$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  search(0).catch((e) => say(e.message, 'error'));
});
let typing = null;
$('q').addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => search(0).catch((e) => say(e.message, 'error')), 250);
});
$('more').addEventListener('click', () => search(shop.page + 1).catch((e) => say(e.message, 'error')));
$('change-store').addEventListener('click', () => chooseStore().catch((e) => say(e.message, 'error')));
$('checkout').addEventListener('submit', placeOrder);
// A member card prices the cart with the member's prices and promotions, as at the till.
$('member').addEventListener('change', () => renderCart());
for (const radio of document.querySelectorAll('input[name="fulfilment"]')) {
  radio.addEventListener('change', () => { $('delivery').hidden = radio.value !== 'DELIVERY' || !radio.checked; });
}

const asked = new URLSearchParams(location.search).get('order');
(asked ? follow(asked) : chooseStore()).catch((e) => say(e.message, 'error'));
