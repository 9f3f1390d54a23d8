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

// The product's name, HQ's price and the range HQ allows, or null when there is no such product.
async function allowed(sku) {
  try {
    return await ManagerSession.call('GET', '/api/manager/prices/' + encodeURIComponent(sku));
  } catch (e) {
    return null;
  }
}

function range(a) {
  if (a.lowestMinor == null && a.highestMinor == null) return 'any price';
  if (a.lowestMinor == null) return 'at most ' + money(a.highestMinor);
  if (a.highestMinor == null) return 'at least ' + money(a.lowestMinor);
  return money(a.lowestMinor) + ' to ' + money(a.highestMinor);
}

// As the SKU is typed: what it is, what HQ charges, and what this store may charge.
$('sku').addEventListener('change', async () => {
  const sku = $('sku').value.trim();
  const a = sku ? await allowed(sku) : null;
  $('product').textContent = !sku ? '' : a ? a.name + ' · HQ price ' + money(a.hqPriceMinor) + ' · allowed here: '
    + range(a) + (a.storePriceMinor != null ? ' · this store sells at ' + money(a.storePriceMinor) : '')
    : 'No product ' + sku + ' with a price at this store.';
});

async function refresh() {
  $('store-zone').textContent = 'in store time (' + ManagerSession.store.zone + ')';
  const overrides = await ManagerSession.call('GET', '/api/manager/prices');
  const body = $('overrides').querySelector('tbody');
  body.replaceChildren();
  const products = await Promise.all(overrides.map((o) => allowed(o.sku)));
  overrides.forEach((o, i) => {
    const a = products[i];
    const tr = body.insertRow();
    for (const [text, cls] of [[o.sku], [a ? a.name : ''], [a ? money(a.hqPriceMinor) : '', 'num'],
      [money(o.priceMinor), 'num'], [o.validFrom ? ManagerSession.storeTime(o.validFrom) : 'now'],
      [o.validTo ? ManagerSession.storeTime(o.validTo) : 'open'], [o.setBy], [ManagerSession.storeTime(o.setAt)]]) {
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
  });
  if (!overrides.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 9;
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
  if ($('from').value) body.validFrom = ManagerSession.instantOf($('from').value);
  if ($('until').value) body.validTo = ManagerSession.instantOf($('until').value);
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
