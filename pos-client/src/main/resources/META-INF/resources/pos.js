// The cashier page: keyboard first, the scan field always has focus, every error is said in words.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { signedIn: false, sale: null };

function money(minor) {
  // Integer arithmetic only: prices never pass through floating point.
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return sign + Math.trunc(abs / 100) + '.' + String(abs % 100).padStart(2, '0');
}

function toMinor(text) {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || '0').padEnd(2, '0'));
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
  return { ok: response.ok, data };
}

function render(view) {
  $('signin-view').hidden = state.signedIn;
  $('sale-view').hidden = !state.signedIn;
  $('signout').hidden = !state.signedIn;
  const body = $('lines').querySelector('tbody');
  body.innerHTML = '';
  const lines = state.sale ? state.sale.lines : [];
  for (const line of lines) {
    const row = body.insertRow();
    row.insertCell().textContent = line.name;
    for (const value of [line.quantity, money(line.unitPriceMinor), money(line.amountMinor)]) {
      const cell = row.insertCell();
      cell.className = 'num';
      cell.textContent = value;
    }
  }
  $('total').textContent = money(state.sale ? state.sale.totalMinor : 0);
  if (view && view.lastReceipt) {
    $('receipt-view').hidden = false;
    $('receipt').textContent = view.lastReceipt.receiptText;
    $('receipt-no').textContent = '#' + view.lastReceipt.receiptNo;
    $('change').textContent = money(view.lastReceipt.changeMinor);
  }
  focusInput();
}

function focusInput() {
  if (!state.signedIn) {
    if (!$('cashier').value) $('cashier').focus(); else if (document.activeElement !== $('pin')) $('pin').focus();
  } else if (document.activeElement !== $('cash')) {
    $('scan').focus();
  }
}

async function refresh() {
  const { ok, data } = await call('/state');
  if (!ok) { say(data.message, 'error'); return; }
  $('lane-label').textContent = 'Lane ' + data.lane;
  $('cashier-label').textContent = data.cashier ? 'Cashier ' + data.cashier : '';
  state.signedIn = data.signedIn;
  state.sale = data.sale;
  render(data);
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { ok, data } = await call('/signin', { cashier: $('cashier').value, pin: $('pin').value });
  $('pin').value = '';
  if (!ok) { say(data.message || 'Sign-in failed.', 'error'); return; }
  say('Signed in.', 'ok');
  await refresh();
});

$('scan-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('scan').value.trim();
  $('scan').value = '';
  if (!text) return;
  const parts = text.split('*');
  const quantity = parts.length === 2 ? Number(parts[0]) : 1;
  const code = parts.length === 2 ? parts[1] : parts[0];
  const { ok, data } = await call('/sale/scan', { code, quantity });
  if (!ok) { say(data.message || 'That scan was refused.', 'error'); focusInput(); return; }
  state.sale = data;
  $('receipt-view').hidden = true;
  const last = data.lines[data.lines.length - 1];
  say(last ? last.name + '  ' + money(last.amountMinor) : '', 'ok');
  render();
});

$('cash-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const amount = toMinor($('cash').value);
  if (amount === null) { say('Type the cash received, e.g. 50 or 50.00.', 'error'); $('cash').focus(); return; }
  const { ok, data } = await call('/sale/pay-cash', { amountMinor: amount });
  if (!ok) { say(data.message || 'Payment was refused.', 'error'); $('cash').focus(); return; }
  $('cash').value = '';
  $('scan').focus(); // ready for the next customer's first scan
  say('Sale complete. Change ' + money(data.changeMinor) + '.', 'ok');
  state.sale = null;
  render({ lastReceipt: data });
});

$('signout').addEventListener('click', async () => {
  await call('/signout', {});
  say('Signed out.', 'ok');
  await refresh();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'F12') {
    event.preventDefault();
    if (state.sale) $('cash').value = money(state.sale.totalMinor);
    $('cash').focus();
    $('cash').select();
  } else if (event.key === 'Escape') {
    $('cash').value = '';
    $('scan').focus();
  }
});
// Clicks elsewhere must not leave the scanner without a field to type into.
document.addEventListener('click', (event) => {
  if (!['INPUT', 'BUTTON'].includes(event.target.tagName)) focusInput();
});

refresh();
