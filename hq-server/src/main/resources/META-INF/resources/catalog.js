// The chain's catalog: find products, edit one (name, barcodes, chain price; published to every store on
// save), set how far store managers may move its price, and import or export CSV with the problems of a
// refused file listed by line.
'use strict';

const $ = (id) => document.getElementById(id);
const { money, minorOf, say } = HqSession;
const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s);

const fill = HqSession.fillTable;

async function showPage(page, size) {
  const q = $('q').value.trim();
  const products = await HqSession.getJson('/api/products?page=' + page + '&size=' + size
    + (q ? '&q=' + encodeURIComponent(q) : ''));
  const body = fill('products', products.map((p) => [[p.sku], [p.name],
    [p.barcodes.join(', ')], [money(p.priceMinor) + ' ' + p.currency, 'num'], [p.category], [p.taxClass],
    [p.active ? 'yes' : 'no']]), q ? 'No product matches.' : 'The catalog is empty.');
  [...body.rows].forEach((tr, i) => {
    if (products[i]) tr.addEventListener('click', () => edit(products[i]));
  });
  return products;
}

const pages = HqSession.pager('products-pages', 50, showPage);
const find = () => pages.first();

let editing = null; // the product as HQ has it, so fields this form does not show are kept on save

async function edit(product) {
  editing = product;
  $('sku').value = product.sku;
  $('name').value = product.name;
  $('barcodes').value = product.barcodes.join(', ');
  $('price').value = money(product.priceMinor);
  $('category').value = product.category || '';
  $('tax-class').value = product.taxClass || '';
  $('active').checked = product.active;
  await showBounds(product.sku);
}

async function showBounds(sku) {
  const bounds = await HqSession.getJson('/api/price-bounds?sku=' + encodeURIComponent(sku));
  fill('bounds', bounds.map((b) => [[b.id], [b.store || 'all stores'],
    [b.floorMinor == null ? '' : money(b.floorMinor), 'num'], [b.ceilingMinor == null ? '' : money(b.ceilingMinor), 'num'],
    [b.maxDeviationBp == null ? '' : b.maxDeviationBp / 100 + ' %', 'num'],
    [b.validFrom ? new Date(b.validFrom).toLocaleString() : ''], [b.validTo ? new Date(b.validTo).toLocaleString() : '']]),
  'Stores sell at HQ\'s price: no store may set its own.');
}

$('find').addEventListener('submit', (event) => {
  event.preventDefault();
  find().catch((e) => say(e.message, 'error'));
});

$('product').addEventListener('submit', async (event) => {
  event.preventDefault();
  const sku = $('sku').value.trim();
  const priceMinor = minorOf($('price').value);
  if (priceMinor === null) { say('Type the price as 12.50.', 'error'); return; }
  const kept = editing && editing.sku === sku
    ? { currency: editing.currency, brand: editing.brand, measure: editing.measure, plu: editing.plu } : {};
  const product = { ...kept, sku, name: $('name').value.trim(), barcodes: list($('barcodes').value), priceMinor,
    active: $('active').checked };
  if ($('category').value.trim()) product.category = $('category').value.trim();
  if ($('tax-class').value.trim()) product.taxClass = $('tax-class').value.trim();
  try {
    const saved = await HqSession.call('PUT', '/api/products/' + encodeURIComponent(sku), product);
    say('Saved ' + saved.sku + ' at ' + money(saved.priceMinor) + '; the stores receive it now.', 'good');
    $('q').value = saved.sku;
    await find();
    await showBounds(saved.sku);
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

$('bound').addEventListener('submit', async (event) => {
  event.preventDefault();
  const sku = $('sku').value.trim();
  if (!sku) { say('Pick a product first.', 'error'); return; }
  const store = $('bound-store').value.trim() || null;
  const floorMinor = $('floor').value.trim() ? minorOf($('floor').value) : null;
  const ceilingMinor = $('ceiling').value.trim() ? minorOf($('ceiling').value) : null;
  const id = ('B-' + sku + '-' + (store || 'ALL')).replace(/[^A-Za-z0-9_-]/g, '-');
  try {
    await HqSession.call('PUT', '/api/price-bounds/' + encodeURIComponent(id),
      { id, sku, store, floorMinor, ceilingMinor, removed: false });
    say('Store managers ' + (store ? 'of ' + store + ' ' : '') + 'may now price ' + sku + ' within these bounds.',
      'good');
    await showBounds(sku);
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

$('import').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  const kind = $('kind').value;
  const problems = $('problems');
  problems.hidden = true;
  try {
    const result = await HqSession.call('POST', '/api/import/' + kind, await file.text(), 'text/csv');
    say('Imported ' + result.rows + ' ' + kind + ' rows: ' + result.changed + ' changed, ' + result.deltas
      + ' changes published to the stores.', 'good');
  } catch (e) {
    say('Nothing was imported: ' + e.message, 'error');
    const listed = (e.body && e.body.problems) || [];
    fill('problems', listed.map((p) => [[p.line, 'num'], [p.column], [p.reason]]), '');
    problems.hidden = !listed.length;
  }
});

$('export').addEventListener('click', async () => {
  const kind = $('kind').value;
  const response = await fetch('/api/export/' + kind, { headers: { Authorization: 'Bearer ' + HqSession.token() } });
  if (!response.ok) { say('Export refused: ' + response.status, 'error'); return; }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = kind + '.csv';
  link.click();
  URL.revokeObjectURL(link.href);
});

HqSession.start(() => find().catch((e) => say(e.message, 'error')));
