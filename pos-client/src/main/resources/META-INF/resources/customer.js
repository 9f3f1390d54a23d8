'use strict';
// The customer's second screen: shows the lane's sale as the till rings it up, pushed by the till
// (/api/customer/events); on (re)connecting it asks for the screen as it stands. Every view is whole and
// numbered, so the newest always wins whichever arrives first.

const $ = (id) => document.getElementById(id);
let shown = -1;

function render(view) {
  if (view.version <= shown) return;
  shown = view.version;
  $('welcome').hidden = view.state !== 'IDLE';
  $('sale').hidden = view.state === 'IDLE';
  const body = $('lines').querySelector('tbody');
  body.innerHTML = '';
  view.lines.forEach((line, i) => {
    const row = body.insertRow();
    if (line.voided) row.className = 'voided';
    else if (i === view.lines.length - 1 && view.state === 'SALE') row.className = 'latest';
    for (const [text, className] of [[line.name, ''], [line.quantity, 'num'], [line.amount, 'num']]) {
      const cell = row.insertCell();
      cell.textContent = text;
      if (className) cell.className = className;
    }
  });
  if (body.lastElementChild) body.lastElementChild.scrollIntoView({ block: 'nearest' });
  $('savings').textContent = view.savings || '';
  $('savings-row').hidden = !view.savings || /^[0.]*$/.test(view.savings);
  $('total').textContent = view.total || '';
  $('paid-panel').hidden = view.state !== 'PAID';
  $('paid').textContent = view.paid || '';
  $('change').textContent = view.change || '';
}

async function refresh() {
  try {
    const response = await fetch('/api/customer');
    if (response.ok) render(await response.json());
  } catch (e) {
    // The till is restarting: the stream reconnects and asks again.
  }
}

const events = new EventSource('/api/customer/events');
// A till restarted numbers its views afresh: a new connection takes the screen as it stands.
events.onopen = () => { shown = -1; refresh(); };
events.onmessage = (event) => render(JSON.parse(event.data));
refresh();
