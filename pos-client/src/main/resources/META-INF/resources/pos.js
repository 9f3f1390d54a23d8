// The cashier page: keyboard first, the scan field has focus unless a panel is open, every error is
// said in words the cashier can act on. Keys: F2 X report, F3 close the shift (Z), F4 member, F5 no
// sale (manager), F6 coupon, F7 suspend, F8 void a line, F9 return, F10 resume, F11 void a completed
// sale (manager), F12 pay, Ins an online order collected (or a delivery settled) with its pickup code, Esc back
// to scanning. With no shift open the float dialog comes first.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { paired: true, signedIn: false, sale: null, lastReceipt: null, panel: null, report: null };
const PANELS = {
  F1: 'quantity-form', F4: 'member-form', F5: 'nosale-form', F6: 'coupon-form', F8: 'void-form', F9: 'return-form',
  F10: 'resume-form', F11: 'voidsale-form', F12: 'pay-form', Insert: 'pickup-form',
};
const FIRST_FIELD = {
  'member-form': 'member-input', 'coupon-form': 'coupon-input', 'void-form': 'void-input',
  'quantity-form': 'quantity-input',
  'return-form': 'return-sale', 'resume-form': 'resume-input', 'pay-form': 'cash', 'search-form': 'search-input',
  'float-form': 'float-input', 'close-form': 'count-0', 'nosale-form': 'nosale-approver',
  'voidsale-form': 'voidsale-sale', 'pickup-form': 'pickup-input',
};
// Notes and coins counted at close, in minor units, largest first. CNY goes down to the fen: the till
// gives change to the fen (1, 2 and 5 fen coins are still legal tender), so the count must reach it too.
const DENOMINATIONS = {
  CNY: [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 2, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1],
};
let searchResults = [];
let suspendedSales = [];

/** The lane's currency: the open sale's, else the last one seen (a shift report's), else CNY. */
let laneCurrency = 'CNY';

function money(minor) {
  return Money.format(minor, laneCurrency);
}

/** An amount typed at the till: empty is 0, else in the currency's digits (null when it is not an amount). */
function toMinor(text) {
  if (!text || !text.trim()) return 0;
  return Money.parse(text, laneCurrency);
}

function say(text, kind) {
  $('message').textContent = text || '';
  $('message').className = kind || '';
}

async function call(path, body) {
  let response;
  try {
    response = await fetch('/api' + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, data: { message: 'The till cannot reach its server. Check the network cable.' } };
  }
  let data = {};
  try { data = await response.json(); } catch (e) { /* empty body */ }
  if (response.status === 401 && data.code === 'SIGNED_OUT' && state.signedIn) {
    // Signed in again from another browser, or the till restarted: back to the sign-in screen.
    state.signedIn = false;
    render();
  }
  return { ok: response.ok, data };
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function render() {
  if (state.sale && state.sale.currency) laneCurrency = state.sale.currency;
  $('pairing-view').hidden = state.paired || state.signedIn;
  $('signin-view').hidden = state.signedIn || !state.paired;
  $('sale-view').hidden = !state.signedIn;
  $('signout').hidden = !state.signedIn;
  const sale = state.sale;
  const body = $('lines').querySelector('tbody');
  body.innerHTML = '';
  for (const line of sale ? sale.lines : []) {
    const row = body.insertRow();
    if (line.voided) row.className = 'voided';
    cell(row, line.lineNo, 'num');
    cell(row, line.name);
    cell(row, line.weightGrams ? line.weightGrams + ' g' : line.quantity, 'num');
    cell(row, money(line.unitPriceMinor), 'num');
    // A voided line keeps its amount, struck through: the cashier and the customer see what was taken off.
    cell(row, money(line.regularMinor), 'num');
    for (const promotion of line.promotions || []) {
      if (promotion.savingMinor <= 0) continue;
      const promo = body.insertRow();
      promo.className = 'promotion';
      cell(promo, '');
      cell(promo, '↳ ' + (promotion.name || promotion.code));
      cell(promo, '');
      cell(promo, '');
      cell(promo, '-' + money(promotion.savingMinor), 'num');
    }
  }
  // What the customer saves: promotions, and a member's tier prices against the prices without a card.
  $('savings').textContent = money(sale ? sale.savingMinor + (sale.memberSavingMinor || 0) : 0);
  $('tax').textContent = money(sale ? sale.taxMinor : 0);
  $('tax-label').textContent = taxLabel(sale);
  $('total').textContent = money(sale ? sale.totalMinor : 0);
  const member = sale && sale.member;
  $('member-panel').textContent = member
    ? 'Member ' + member.name + ' (' + member.tier + ') · ' + member.pointsBalance + ' points'
    : 'No member (F4)';
  const unused = sale ? sale.couponsNotApplied || [] : [];
  $('coupon-note').textContent = unused.length ? 'Coupon ' + unused.join(', ') + ' gives nothing on this basket.' : '';
  $('report-view').hidden = !state.report;
  if (state.report) {
    $('report-title').textContent = state.report.title;
    $('report').textContent = state.report.text;
  }
  const receipt = state.lastReceipt;
  $('receipt-view').hidden = !receipt || !!(sale && sale.lines.length) || !!state.report;
  if (receipt && !$('receipt-view').hidden && receipt !== state.receiptShown) {
    // A new receipt or refund slip comes into view, with the change to hand over, not below the fold.
    state.receiptShown = receipt;
    requestAnimationFrame(() => $('receipt-view').scrollIntoView({ block: 'start' }));
  }
  if (receipt) {
    const refund = !!receipt.returnId;
    $('receipt-kind').textContent = refund ? 'Refund' : 'Receipt';
    $('receipt').textContent = receipt.receiptText || '';
    $('receipt-no').textContent = '#' + receipt.receiptNo;
    $('change-label').textContent = refund ? (refundedOnline(receipt) ? 'refunded online' : 'paid out') : 'change';
    $('change').textContent = money(refund ? receipt.totalMinor : receipt.changeMinor);
    if (!refund) {
      $('return-sale').value = receipt.saleId;
      $('voidsale-sale').value = receipt.saleId;
    }
  }
  for (const id of Object.keys(FIRST_FIELD)) $(id).hidden = state.panel !== id;
  focusInput();
}

// Tax is in the prices (the common case), added on top (a tax class quoted without tax), or both.
function taxLabel(sale) {
  if (!sale || !sale.lines.length) return 'Tax included';
  const lines = sale.lines.filter((line) => !line.voided).reduce((sum, line) => sum + line.amountMinor, 0);
  if (sale.totalMinor === lines) return 'Tax included';
  return sale.totalMinor - lines === sale.taxMinor ? 'Tax added' : 'Tax (part added)';
}

function focusInput() {
  if (!state.signedIn) {
    if (!$('cashier').value) $('cashier').focus(); else if (document.activeElement !== $('pin')) $('pin').focus();
  } else if (state.panel) {
    const panel = $(state.panel);
    if (!panel.contains(document.activeElement)) $(FIRST_FIELD[state.panel]).focus();
  } else {
    $('scan').focus();
  }
}

async function listSuspended() {
  const { ok, data } = await call('/suspended');
  suspendedSales = ok ? data : [];
  const list = $('suspended-list');
  list.innerHTML = '';
  for (const sale of suspendedSales) {
    const item = document.createElement('li');
    item.textContent = 'Lane ' + sale.lane + ' · ' + sale.lines.length + ' lines · ' + money(sale.totalMinor);
    list.appendChild(item);
  }
  if (!suspendedSales.length) say('No sale is suspended.', 'ok');
}

function openPanel(id) {
  state.panel = id;
  if (id === 'resume-form') listSuspended();
  if (id === 'quantity-form') { // the line just scanned, unless the cashier types another
    const live = state.sale ? state.sale.lines.filter((line) => !line.voided && !line.weightGrams) : [];
    $('quantity-line').value = live.length ? live[live.length - 1].lineNo : '';
    $('quantity-input').value = live.length ? live[live.length - 1].quantity : '';
  }
  if (id === 'pickup-form') resetPickup();
  if (id === 'pay-form') {
    $('card').value = '';
    $('card-ref').value = '';
    $('cash').value = state.sale ? money(state.sale.totalMinor) : '';
  }
  render();
  const first = $(FIRST_FIELD[id]);
  first.focus();
  if (first.select) first.select();
}

function closePanel() {
  state.panel = null;
  render();
}

async function refresh() {
  const { ok, data } = await call('/state');
  if (!ok) { say(data.message, 'error'); return; }
  $('lane-label').textContent = 'Lane ' + data.lane;
  $('cashier-label').textContent = data.cashier ? 'Cashier ' + data.cashier : '';
  state.paired = data.paired !== false;
  state.signedIn = data.signedIn;
  state.sale = data.sale;
  state.lastReceipt = data.lastReceipt;
  showConnection(data);
  render();
  listenToScanner();
}

function showConnection(data) {
  showDevices(data.devices);
  $('offline-banner').hidden = data.hqOnline !== false || data.storeOnline === false;
  if (data.storeOnline === false) say('The store server is not answering. Call the store manager.', 'error');
}

// The lane's printer and scanner: a problem the cashier can fix is said in words, and a receipt that
// may not have printed (the store server stopped while printing it) can be reprinted with a touch.
function showDevices(devices) {
  const banner = $('device-banner');
  banner.innerHTML = '';
  const lane = (devices && devices.devices) || [];
  const problems = lane.filter((d) => d.state === 'ERROR')
    .map((d) => (d.kind === 'printer' ? 'Receipt printer: ' : 'Scanner: ') + (d.problem || 'not connected.'))
    .concat(lane.filter((d) => d.state !== 'ERROR' && d.warning).map((d) => d.warning));
  for (const text of problems) banner.appendChild(document.createTextNode(text + ' '));
  for (const id of (devices && devices.uncertainReceipts) || []) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reprint receipt ' + id.slice(-6);
    button.addEventListener('click', async () => {
      const { ok, data } = await call('/receipts/' + encodeURIComponent(id) + '/reprint', {});
      say(ok ? 'Reprinting (marked COPY).' : data.message, ok ? 'ok' : 'error');
    });
    banner.appendChild(document.createTextNode('A receipt may not have printed.'));
    banner.appendChild(button);
  }
  banner.hidden = banner.childNodes.length === 0;
}

// A sale-changing action: on success the sale is redrawn and the scan field takes focus again.
async function change(path, body, done) {
  const { ok, data } = await call(path, body);
  if (!ok && data.code === 'NO_SHIFT') { askForFloat(); return false; }
  if (!ok) { say(data.message || 'That was refused.', 'error'); focusInput(); return false; }
  state.sale = data;
  state.report = null;
  state.panel = null;
  say(done(data), 'ok');
  render();
  return true;
}

$('pairing-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { ok, data } = await call('/pair', { code: $('pairing-code').value });
  $('pairing-code').value = '';
  if (!ok) { say(data.message || 'Pairing failed.', 'error'); return; }
  say('This lane is paired. Sign in.', 'ok');
  await refresh();
});

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { ok, data } = await call('/signin', { cashier: $('cashier').value, pin: $('pin').value });
  $('pin').value = '';
  if (!ok && data.code === 'LANE_NOT_PAIRED') { say(data.message, 'error'); await refresh(); return; }
  if (!ok) { say(data.message || 'Sign-in failed.', 'error'); return; }
  say('Signed in.', 'ok');
  await refresh().then(checkShift);
});

$('scan-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('scan').value.trim();
  $('scan').value = '';
  await scanText(text);
});

// A typed or keyboard-wedge code: a barcode, 3*barcode, grams*PLU, or a name to search.
async function scanText(text) {
  if (!text) return;
  if (text.startsWith('PICKUP:')) { scanned(text); return; }
  if (!/^[\d*]+$/.test(text)) { await search(text); return; }
  const parts = text.split('*');
  const code = parts.length === 2 ? parts[1] : parts[0];
  const body = { code };
  if (parts.length === 2 && /^\d{5}$/.test(code)) body.weightGrams = Number(parts[0]);
  else if (parts.length === 2) body.quantity = Number(parts[0]);
  state.lastReceipt = null;
  await change('/sale/scan', body, (sale) => {
    const last = sale.lines[sale.lines.length - 1];
    return last ? last.name + '  ' + money(last.amountMinor) : '';
  });
}

// The lane's scanner pushes its scans here (through pos-client, from the store agent) on one stream,
// open while a cashier is signed in at this browser (the till refuses it otherwise; EventSource
// reconnects by itself after a network cut, not after a refusal). A scan goes where the cashier is: a
// member card into the member panel, a coupon into the coupon panel, a receipt's code into the return
// panel, anything else into the sale. Scan ids guard against a scan delivered again after a reconnect.
const scansSeen = new Set();

let scanner = null;

function listenToScanner() {
  if (!state.signedIn) {
    if (scanner) { scanner.close(); scanner = null; }
    return;
  }
  if (scanner && scanner.readyState !== EventSource.CLOSED) return;
  const source = new EventSource('/api/events');
  scanner = source;
  source.onmessage = (message) => {
    let scan;
    try { scan = JSON.parse(message.data); } catch (e) { return; }
    if (!state.signedIn || scansSeen.has(scan.id)) return;
    scansSeen.add(scan.id);
    if (scan.misread) { say(scan.misread, 'error'); return; }
    scanned(scan.code);
  };
}

function scanned(code) {
  const pickup = /^PICKUP:(\S+)$/.exec(code);
  if (pickup) { // the QR code on the customer's phone
    if (state.panel !== 'pickup-form') openPanel('pickup-form');
    $('pickup-input').value = pickup[1];
    $('pickup-form').requestSubmit();
  } else if (state.panel === 'member-form' || state.panel === 'coupon-form' || state.panel === 'pickup-form') {
    const field = FIRST_FIELD[state.panel];
    $(field).value = code;
    $(state.panel).requestSubmit();
  } else if (state.panel === 'return-form') {
    $(/^[0-9a-f-]{36}$/.test(code) ? 'return-sale' : 'return-code').value = code;
  } else if (!state.panel) {
    scanText(code);
  }
}

// An online order collected at the lane: the first Enter finds the order the pickup code stands for and shows
// it; the second hands it over, once the cashier has checked it with the customer.
let pickupFound = null;

function resetPickup() {
  pickupFound = null;
  $('pickup-input').value = '';
  $('pickup-order').textContent = '';
  $('pickup-go').textContent = 'Find the order (Enter)';
  showPickupCash(false);
}

function showPickupCash(shown) {
  $('pickup-cash').hidden = !shown;
  $('pickup-cash-label').hidden = !shown;
  $('pickup-cash').value = '';
}

// A delivery is settled here when its driver is back: paid online, or the cash the driver collected.
function isDelivery(order) {
  return order.fulfilment === 'DELIVERY';
}

function describeOrder(order) {
  const lines = order.lines.map((line) => (line.picked ?? line.quantity) + ' × ' + (line.name || line.sku)
    + (line.substitute ? ' (substitute ' + line.substitute + ')' : '')).join(', ');
  const due = money(order.chargeMinor);
  const payment = order.prepaid ? 'Paid online.'
    : (isDelivery(order) ? 'The driver hands in ' + due + '.' : 'Pays ' + due + ' now.');
  return (isDelivery(order) ? 'Delivery to ' : '') + order.customer + ': ' + lines + '. ' + payment + ' State: '
    + order.state.toLowerCase().replace(/_/g, ' ') + '.';
}

$('pickup-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('pickup-input').value.trim();
  if (!code) { say('Scan or type the pickup code.', 'error'); return; }
  if (!pickupFound || pickupFound.pickupCode !== code) {
    const { ok, data } = await call('/pickup/' + encodeURIComponent(code));
    if (!ok) { say(data.message || 'No such order.', 'error'); return; }
    pickupFound = data;
    $('pickup-order').textContent = describeOrder(data);
    const settling = isDelivery(data);
    $('pickup-go').textContent = settling ? 'Settle the delivery (Enter)' : 'Hand it over (Enter)';
    const payNow = !data.prepaid && data.state === (settling ? 'OUT_FOR_DELIVERY' : 'READY');
    showPickupCash(payNow);
    if (payNow) {
      $('pickup-cash').value = money(data.chargeMinor);
      $('pickup-cash').focus();
      $('pickup-cash').select();
    }
    say(settling ? 'Check the delivery with the driver' + (payNow ? ', take the cash collected' : '')
      + ', then press Enter to settle it.' : 'Check the order with the customer' + (payNow ? ', take the cash' : '')
      + ', then press Enter to hand it over.', 'ok');
    return;
  }
  const body = {};
  if (!pickupFound.prepaid) {
    const cash = toMinor($('pickup-cash').value);
    if (cash === null) { say('Type the cash received, e.g. 50 or 12.50.', 'error'); return; }
    body.tenders = [{ type: 'CASH', amountMinor: cash }];
  }
  const { ok, data } = await call('/pickup/' + encodeURIComponent(code) + '/handover', body);
  if (!ok) { say(data.message || 'The order could not be handed over.', 'error'); return; }
  const cash = body.tenders ? body.tenders[0].amountMinor : 0;
  say('Order ' + data.channelOrderId + (isDelivery(data) ? ' delivered to ' : ' handed over to ') + data.customer
    + '.' + (cash > data.chargeMinor ? ' Change ' + money(cash - data.chargeMinor) + '.' : ''), 'ok');
  resetPickup();
  closePanel();
});

$('member-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const ok = await change('/sale/member', { cardOrPhone: $('member-input').value.trim() },
    (sale) => 'Member ' + sale.member.name + ' attached.');
  if (ok) $('member-input').value = '';
});

$('coupon-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const ok = await change('/sale/coupon', { code: $('coupon-input').value.trim() }, () => 'Coupon added.');
  if (ok) $('coupon-input').value = '';
});

$('void-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const lineNo = Number($('void-input').value);
  const ok = await change('/sale/void-line', { lineNo }, () => 'Line ' + lineNo + ' voided.');
  if (ok) $('void-input').value = '';
});

$('quantity-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const lineNo = Number($('quantity-line').value);
  const quantity = Number($('quantity-input').value);
  if (!Number.isInteger(lineNo) || !Number.isInteger(quantity)) { say('Type whole numbers.', 'error'); return; }
  await change('/sale/line-quantity', { lineNo, quantity }, () => 'Line ' + lineNo + ': ' + quantity + '.');
});

$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const card = toMinor($('card').value);
  const cash = toMinor($('cash').value);
  if (card === null || cash === null) { say('Type amounts like 50 or 50.00.', 'error'); return; }
  const tenders = [];
  const reference = $('card-ref').value.trim();
  if (card > 0) tenders.push(reference ? { type: 'CARD', amountMinor: card, reference }
    : { type: 'CARD', amountMinor: card });
  if (cash > 0 || tenders.length === 0) tenders.push({ type: 'CASH', amountMinor: cash });
  const { ok, data } = await call('/sale/pay', { tenders });
  if (!ok) { say(data.message || 'Payment was refused.', 'error'); focusInput(); return; }
  say('Sale complete. Change ' + money(data.changeMinor) + '.', 'ok');
  state.sale = null;
  showSlip(data);
});

$('return-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const saleId = $('return-sale').value.trim();
  const body = { quantity: Number($('return-quantity').value) };
  if (saleId) {
    body.saleId = saleId;
    body.lineNo = Number($('return-line').value);
  } else {
    body.code = $('return-code').value.trim();
    body.approver = $('return-approver').value.trim();
    body.pin = $('return-pin').value;
    body.reason = 'no receipt';
    if (!body.code) { say('Type the sale number from the receipt, or the barcode of the item.', 'error'); return; }
  }
  const { ok, data } = await call('/return', body);
  $('return-pin').value = '';
  if (!ok) { say(data.message || 'The return was refused.', 'error'); focusInput(); return; }
  say('Refund ' + money(data.totalMinor) + (refundedOnline(data)
    ? ' goes back to the online payment: nothing to pay out.' : ' in cash.'), 'ok');
  $('return-code').value = '';
  $('return-approver').value = '';
  showSlip(data);
});

// Whether a refund went back to an online order's payment (the order centre refunds it, the drawer pays nothing).
function refundedOnline(refund) {
  return (refund.tenders || []).some((t) => t.type === 'ONLINE');
}

// A refund or void slip, or a receipt: the lane's last paper.
function showSlip(data) {
  state.panel = null;
  state.report = null;
  state.lastReceipt = data;
  render();
}

// --- The shift: float, X and Z reports, no sale ---

function reportText(r) {
  const row = (label, value) => label.padEnd(22) + String(value).padStart(12) + '\n';
  if (r.currency) laneCurrency = r.currency;
  let text = row('Lane', r.lane) + row('Currency', r.currency) + row('Float', money(r.floatMinor))
    + row('Sales (' + r.sales + ')', money(r.salesMinor)) + row('Returns (' + r.returns + ')', money(r.returnsMinor));
  for (const tender of r.tenders || []) {
    text += row(tender.type + ' in', money(tender.inMinor));
    if (tender.outMinor) text += row(tender.type + ' out', money(tender.outMinor));
  }
  text += row('No-sales', r.noSales) + row('Receipts', r.sales + r.returns ? r.firstReceiptNo + '-' + r.lastReceiptNo
    : '-') + row('Expected cash', money(r.expectedCashMinor));
  if (r.countedCashMinor !== undefined) {
    text += row('Counted cash', money(r.countedCashMinor)) + row('Variance', money(r.varianceMinor));
  }
  return text;
}

async function checkShift() {
  if (!state.signedIn) return;
  const { ok, data } = await call('/shift');
  if (!ok && data.code === 'NO_SHIFT') askForFloat();
}

function askForFloat() {
  say('No shift is open on this lane: count the float in the drawer and type it.', 'error');
  $('float-input').value = '';
  openPanel('float-form');
}

$('float-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const floatMinor = toMinor($('float-input').value);
  if (floatMinor === null) { say('Type the float like 200 or 200.00.', 'error'); return; }
  const { ok, data } = await call('/shift/open', { floatMinor });
  if (!ok) { say(data.message || 'The shift could not be opened.', 'error'); focusInput(); return; }
  say('Shift open with a float of ' + money(floatMinor) + '. Start scanning.', 'ok');
  closePanel();
});

async function xReport() {
  const { ok, data } = await call('/shift');
  if (!ok && data.code === 'NO_SHIFT') { askForFloat(); return; }
  if (!ok) { say(data.message || 'The X report is not available.', 'error'); return; }
  state.report = { title: 'X report (shift still open)', text: reportText(data) };
  say('X report: expected cash ' + money(data.expectedCashMinor) + '.', 'ok');
  state.panel = null;
  render();
}

async function openClose() {
  if (state.sale && state.sale.lines.length) { say('Finish or suspend the sale before closing the shift.', 'error');
    return; }
  const { ok, data } = await call('/shift');
  if (!ok && data.code === 'NO_SHIFT') { say('No shift is open on this lane.', 'error'); return; }
  if (!ok) { say(data.message || 'The shift cannot be closed now.', 'error'); return; }
  const values = DENOMINATIONS[data.currency] || [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];
  const grid = $('denominations');
  grid.innerHTML = '';
  values.forEach((value, i) => {
    const label = document.createElement('label');
    label.textContent = money(value) + ' x';
    const input = document.createElement('input');
    input.id = 'count-' + i;
    input.dataset.value = value;
    input.inputMode = 'numeric';
    input.value = '0';
    label.appendChild(input);
    grid.appendChild(label);
  });
  say('Expected in the drawer: ' + money(data.expectedCashMinor) + '. Count it.', 'ok');
  openPanel('close-form');
}

$('close-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const counted = [];
  for (const input of $('denominations').querySelectorAll('input')) {
    const count = Number(input.value || '0');
    if (!Number.isInteger(count) || count < 0) { say('Counts are whole numbers: ' + input.value + '?', 'error');
      input.focus(); return; }
    if (count > 0) counted.push({ valueMinor: Number(input.dataset.value), count });
  }
  const { ok, data } = await call('/shift/close', { counted });
  if (!ok) { say(data.message || 'The shift could not be closed.', 'error'); focusInput(); return; }
  state.panel = null;
  state.report = { title: 'Z report #' + data.zNo + ' (shift closed)', text: reportText(data) };
  const variance = data.varianceMinor;
  say('Shift closed. ' + (variance === 0 ? 'The drawer balances.' : 'Variance ' + money(variance) + '.'),
    variance === 0 ? 'ok' : 'error');
  render();
});

$('nosale-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { approver: $('nosale-approver').value.trim(), pin: $('nosale-pin').value,
    reason: $('nosale-reason').value.trim() };
  const { ok, data } = await call('/shift/no-sale', body);
  $('nosale-pin').value = '';
  if (!ok) { say(data.message || 'The drawer stays closed.', 'error'); focusInput(); return; }
  say('Drawer opened (no sale), approved by ' + data.approver + '.', 'ok');
  $('nosale-approver').value = '';
  closePanel();
});

$('voidsale-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const saleId = $('voidsale-sale').value.trim();
  const body = { approver: $('voidsale-approver').value.trim(), pin: $('voidsale-pin').value,
    reason: $('voidsale-reason').value.trim() };
  if (!saleId) { say('Type the sale number from the receipt.', 'error'); return; }
  const { ok, data } = await call('/sales/' + encodeURIComponent(saleId) + '/void', body);
  $('voidsale-pin').value = '';
  if (!ok) { say(data.message || 'The sale was not voided.', 'error'); focusInput(); return; }
  say('Sale voided: pay back ' + money(data.totalMinor) + '.', 'ok');
  $('voidsale-approver').value = '';
  showSlip(data);
});

async function search(text) {
  const { ok, data } = await call('/search?q=' + encodeURIComponent(text));
  if (!ok) { say(data.message || 'Search failed.', 'error'); return; }
  searchResults = data;
  if (!data.length) { say('No product is called "' + text + '".', 'error'); return; }
  const list = $('search-list');
  list.innerHTML = '';
  for (const product of data) {
    const item = document.createElement('li');
    item.textContent = product.name + (product.weighed ? ' (weighed: grams*' + product.code + ')' : '');
    list.appendChild(item);
  }
  say(data.length + ' found.', 'ok');
  openPanel('search-form');
}

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = searchResults[Number($('search-input').value) - 1];
  if (!chosen) { say('Type the number of a product from the list.', 'error'); return; }
  if (chosen.weighed) {
    say('Weigh it, then type grams*' + chosen.code + '.', 'ok');
    closePanel();
    return;
  }
  state.lastReceipt = null;
  await change('/sale/scan', { code: chosen.code }, (sale) => {
    const last = sale.lines[sale.lines.length - 1];
    return last ? last.name + '  ' + money(last.amountMinor) : '';
  });
});

$('resume-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = suspendedSales[Number($('resume-input').value) - 1];
  if (!chosen) { say('Type the number of a suspended sale from the list.', 'error'); return; }
  state.lastReceipt = null;
  await change('/sale/resume', { saleId: chosen.saleId }, () => 'Sale resumed.');
});

async function suspend() {
  const { ok, data } = await call('/sale/suspend', {});
  if (!ok) { say(data.message || 'The sale could not be suspended.', 'error'); return; }
  state.sale = null;
  say('Sale suspended. Resume it with F10 at any lane.', 'ok');
  render();
}

$('signout').addEventListener('click', async () => {
  await call('/signout', {});
  say('Signed out.', 'ok');
  await refresh().then(checkShift);
});

function onKey(key) {
  if (!state.signedIn) return false;
  if (PANELS[key]) { openPanel(PANELS[key]); return true; }
  if (key === 'F2') { xReport(); return true; }
  if (key === 'F3') { openClose(); return true; }
  if (key === 'F7') { suspend(); return true; }
  if (key === 'Escape') { closePanel(); return true; }
  return false;
}

// A keyboard-wedge scanner types a whole code in a burst (a few ms a key) and ends it with Enter; a
// person types far slower. In a field that takes codes (the scan field, member, coupon, the sale number
// of a return or void) a scan is welcome. A burst that ends in any other field (cash received, a count,
// a PIN) is a scan in the wrong place: it is taken back out of the field and never paid or counted.
const WEDGE = { minLength: 6, maxGapMs: 35 };
const CODE_FIELDS = ['scan', 'member-input', 'coupon-input', 'return-sale', 'return-code', 'voidsale-sale',
  'pickup-input'];
let burst = { text: '', last: 0, field: null };

function wedgeScanInWrongField(event) {
  const now = performance.now();
  if (event.key.length === 1) {
    if (now - burst.last > WEDGE.maxGapMs || event.target !== burst.field) {
      burst = { text: '', last: now, field: event.target };
    }
    burst.text += event.key;
    burst.last = now;
    return false;
  }
  if (event.key !== 'Enter') return false;
  const scanned = burst.text.length >= WEDGE.minLength && now - burst.last <= WEDGE.maxGapMs
    && event.target === burst.field;
  const text = burst.text;
  burst = { text: '', last: 0, field: null };
  if (!scanned || !state.signedIn || CODE_FIELDS.includes(event.target.id) || !('value' in event.target)) {
    return false;
  }
  if (event.target.value.endsWith(text)) event.target.value = event.target.value.slice(0, -text.length);
  say('That was a scan, not an amount: finish here first, or press Esc to go back to scanning.', 'error');
  return true;
}

document.addEventListener('keydown', (event) => {
  if (wedgeScanInWrongField(event) || onKey(event.key)) event.preventDefault();
});
for (const button of document.querySelectorAll('#keys button')) {
  button.addEventListener('click', () => onKey(button.dataset.key));
}
// Clicks elsewhere must not leave the scanner without a field to type into.
document.addEventListener('click', (event) => {
  if (!['INPUT', 'BUTTON'].includes(event.target.tagName)) focusInput();
});

// The connection banner follows the store's link to HQ.
setInterval(async () => {
  const { ok, data } = await call('/state');
  if (ok) showConnection(data);
  if (ok && data.signedIn !== state.signedIn) await refresh();
}, 5000);

refresh().then(checkShift);
