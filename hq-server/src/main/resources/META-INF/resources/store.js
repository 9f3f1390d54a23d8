// One store as HQ sees it: the prices and promotions its manager set on its own, the stock they booked,
// and its audit trail, all as the store reported them.
'use strict';

const $ = (id) => document.getElementById(id);
const { money, say } = HqSession;
const when = (instant) => (instant ? new Date(instant).toLocaleString() : '');

const fill = HqSession.fillTable;

async function show(store) {
  const base = '/api/stores/' + encodeURIComponent(store);
  const [overrides, promotions, stock, audit] = await Promise.all([
    HqSession.getJson(base + '/price-overrides'), HqSession.getJson(base + '/local-promotions'),
    HqSession.getJson(base + '/stock-adjustments?size=50'), HqSession.getJson(base + '/audit?limit=50')]);
  fill('overrides', overrides.map((o) => [[o.sku], [money(o.priceMinor), 'num'], [when(o.validFrom)],
    [when(o.validTo)], [o.setBy]]), 'The store sells at HQ\'s prices.');
  fill('local-promotions', promotions.map((l) => [[l.promotion.code], [l.promotion.name],
    [l.promotion.items.skus.join(', ')], [l.promotion.type === 'PERCENT_OFF' ? l.promotion.percentOffBp / 100 + ' %'
      : money(l.promotion.amountOffMinor), 'num'], [l.manager]]), 'The store runs only HQ\'s promotions.');
  fill('stock', stock.map((s) => [[when(s.movedAt)], [s.sku], [s.kind], [s.quantity, 'num'], [s.note], [s.manager]]),
    'No stock booked by hand.');
  fill('audit', audit.map((a) => [[when(a.at)], [a.who], [a.action], [a.detail]]), 'Nothing yet.');
  say('', '');
}

$('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  const store = $('store').value.trim();
  history.replaceState(null, '', '?store=' + encodeURIComponent(store));
  show(store).catch((e) => say(e.message, 'error'));
});

HqSession.start((user) => {
  const store = new URLSearchParams(location.search).get('store') || user.store || '';
  $('store').value = store;
  if (store) show(store).catch((e) => say(e.message, 'error'));
});
