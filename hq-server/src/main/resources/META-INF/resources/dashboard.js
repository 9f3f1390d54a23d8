// HQ's sales dashboard: gross sales, returns and net against the period as long just before, bars by store,
// day, hour, category and top products, and each store's reconciliation verdict on the last day shown (a link
// to the day's details).
'use strict';

const $ = (id) => document.getElementById(id);

const { money } = HqSession;

/** "+12.5 %" from what it was to what it is; "new" when there was nothing before. */
function change(before, now) {
  if (before === 0) return now === 0 ? 'unchanged' : 'new';
  const percent = Math.round(1000 * (now - before) / Math.abs(before)) / 10;
  return (percent > 0 ? '+' : '') + percent + ' %';
}

function chart(id, bars, unit) {
  const box = $(id);
  box.replaceChildren();
  if (!bars.length) { box.textContent = 'No sales.'; return; }
  const most = Math.max(...bars.map((b) => b.amountMinor), 1);
  for (const bar of bars) {
    const row = document.createElement('div');
    row.className = 'bar-row';
    const label = document.createElement('span');
    label.className = 'bar-label';
    label.textContent = bar.label;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const fill = document.createElement('span');
    fill.className = 'bar';
    fill.style.width = Math.max(1, Math.round(100 * bar.amountMinor / most)) + '%';
    track.appendChild(fill);
    const value = document.createElement('span');
    value.className = 'num';
    value.textContent = money(bar.amountMinor) + ' (' + bar.count + ' ' + unit + ')';
    row.append(label, track, value);
    box.appendChild(row);
  }
}

async function show(from, to) {
  try {
    const data = await HqSession.getJson('/api/dashboard/sales?from=' + from + '&to=' + to);
    $('headline').textContent = data.sales + ' sales, ' + money(data.amountMinor)
      + (from === to ? ' on ' + from : ' from ' + from + ' to ' + to);
    const before = data.previous;
    $('net').textContent = 'Gross ' + money(data.amountMinor) + ' \u2212 returns and voids '
      + money(data.refundsMinor) + ' (' + data.refunds + ') = net ' + money(data.netMinor) + '.';
    $('trend').textContent = 'Net ' + change(before.netMinor, data.netMinor) + ' against '
      + (before.from === before.to ? before.from : before.from + ' to ' + before.to) + ' (net '
      + money(before.netMinor) + ', ' + before.sales + ' sales).';
    chart('by-store', data.byStore, 'sales');
    chart('by-day', data.byDay, 'sales');
    chart('by-hour', data.byHour, 'sales');
    chart('by-category', data.byCategory, 'units');
    chart('top-products', data.topProducts, 'units');
    const body = $('exceptions').querySelector('tbody');
    body.replaceChildren();
    for (const store of data.byStore) {
      const day = await HqSession.getJson('/api/stores/' + encodeURIComponent(store.label) + '/reconciliation/' + to);
      const tr = body.insertRow();
      tr.insertCell().textContent = store.label;
      const verdict = tr.insertCell();
      const link = document.createElement('a');
      link.href = 'reconciliation.html?store=' + encodeURIComponent(store.label) + '&day=' + to;
      link.textContent = day.ok ? 'Balanced' : 'Needs attention';
      link.className = day.ok ? 'good' : 'bad';
      verdict.appendChild(link);
    }
    $('message').textContent = '';
    $('message').className = '';
  } catch (e) {
    $('message').textContent = e.message;
    $('message').className = 'error';
  }
}

$('range').addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', '?from=' + $('from').value + '&to=' + $('to').value);
  show($('from').value, $('to').value);
});

HqSession.start(() => {
  const params = new URLSearchParams(location.search);
  const today = new Date().toISOString().slice(0, 10);
  $('from').value = params.get('from') || today;
  $('to').value = params.get('to') || $('from').value;
  show($('from').value, $('to').value);
});
