// Stock on hand across the chain: one product in every store, one store's stock, or what runs low
// ("Fewer than"), 100 rows a page. A store manager sees their own store only.
'use strict';

const $ = (id) => document.getElementById(id);

function query(page, size) {
  const params = new URLSearchParams({ page, size });
  for (const field of ['sku', 'store', 'region', 'below']) {
    const value = $(field).value.trim();
    if (value) params.set(field, value);
  }
  return '/api/stock?' + params;
}

async function load(page, size) {
  const levels = await HqSession.getJson(query(page, size));
  HqSession.fillTable('stock', levels.map((s) => [[s.store], [s.region], [s.sku], [s.productName],
    [s.quantity, s.quantity <= 0 ? 'num bad' : 'num'], [s.weightGrams ? s.weightGrams : '', 'num'],
    ['#' + s.asOfPosition + ', ' + new Date(s.movedAt).toLocaleString()],
    [s.storeOnline ? 'online' : 'offline', s.storeOnline ? 'good' : 'bad']]), 'No stock matches.');
  return levels;
}

HqSession.start((user) => {
  if (user.store) {
    $('store').value = user.store;
    $('store').readOnly = true;
  }
  const pages = HqSession.pager('pages', 100, load);
  $('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    pages.first().catch((e) => HqSession.say(e.message, 'error'));
  });
  pages.first().catch((e) => HqSession.say(e.message, 'error'));
});
