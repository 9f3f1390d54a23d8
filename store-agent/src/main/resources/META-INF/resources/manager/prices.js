// The store's own prices: list, set inside HQ's bounds (the server checks and says which bound), remove.
'use strict';

const $ = (id) => document.getElementById(id);

const money = ManagerSession.money;

function minorOf(text) {
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || '0').padEnd(2, '0'));
}

const say = ManagerSession.say;

async function refresh() {
  const overrides = await ManagerSession.call('GET', '/api/manager/prices');
  const body = $('overrides').querySelector('tbody');
  body.replaceChildren();
  for (const o of overrides) {
    const tr = body.insertRow();
    for (const [text, cls] of [[o.sku], [money(o.priceMinor), 'num'], [o.validFrom ? new Date(o.validFrom)
      .toLocaleString() : 'now'], [o.validTo ? new Date(o.validTo).toLocaleString() : 'open'], [o.setBy],
    [new Date(o.setAt).toLocaleString()]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
    const remove = document.createElement('button');
    remove.textContent = 'Remove';
    remove.addEventListener('click', async () => {
      try {
        await ManagerSession.call('DELETE', '/api/manager/prices/' + encodeURIComponent(o.sku));
        say('HQ\'s price applies to ' + o.sku + ' again.', 'good');
        await refresh();
      } catch (e) { say(e.message, 'error'); }
    });
    tr.insertCell().appendChild(remove);
  }
  if (!overrides.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 7;
    cell.className = 'empty';
    cell.textContent = 'This store sells at HQ\'s prices.';
  }
}

$('set-price').addEventListener('submit', async (event) => {
  event.preventDefault();
  const priceMinor = minorOf($('price').value);
  if (priceMinor === null) { say('Type the price like 1.20.', 'error'); return; }
  const sku = $('sku').value.trim();
  const body = { priceMinor };
  if ($('from').value) body.validFrom = new Date($('from').value).toISOString();
  if ($('until').value) body.validTo = new Date($('until').value).toISOString();
  try {
    await ManagerSession.call('PUT', '/api/manager/prices/' + encodeURIComponent(sku), body);
    say(sku + ' now sells at ' + money(priceMinor) + ' at this store.', 'good');
    $('price').value = '';
    await refresh();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

ManagerSession.start(refresh);
