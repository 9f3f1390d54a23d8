// HQ promotion authoring: percent off, amount off and multi-buy on SKUs or categories, for the chain,
// regions or stores, with a schedule; published through the change feed on save. A basket can be priced
// at any store first, by the same engine the tills run.
'use strict';

const $ = (id) => document.getElementById(id);
const list = (text) => text.split(',').map((s) => s.trim()).filter((s) => s);

const { money, minorOf, say } = HqSession;
const send = HqSession.call;

function promotionFromForm() {
  const type = $('type').value;
  const promotion = {
    code: $('code').value.trim(), name: $('name').value.trim(), active: true, type,
    items: { skus: list($('skus').value), categories: list($('categories').value) },
    memberOnly: $('member-only').checked, priority: Number($('priority').value || 0),
    exclusivityGroup: $('group').value.trim() || null,
    targets: { chain: $('where').value === 'chain', regions: $('where').value === 'regions'
      ? list($('targets').value) : [], stores: $('where').value === 'stores' ? list($('targets').value) : [] },
    schedule: { from: $('from').value, to: $('until').value || null },
  };
  if (type === 'PERCENT_OFF') promotion.percentOffBp = Math.round(Number($('value').value) * 100);
  if (type === 'AMOUNT_OFF') promotion.amountOffMinor = minorOf($('value').value);
  if (type === 'MULTI_BUY') {
    promotion.buyQuantity = Number($('value').value);
    promotion.bundlePriceMinor = minorOf($('bundle').value);
  }
  return promotion;
}

async function refresh() {
  const promotions = await HqSession.getJson('/api/promotions');
  const body = $('promotions').querySelector('tbody');
  body.replaceChildren();
  for (const p of promotions) {
    const where = p.targets.chain ? 'chain' : [...p.targets.regions, ...p.targets.stores].join(', ');
    const tr = body.insertRow();
    for (const text of [p.code, p.version, p.name, p.type, where, p.schedule.from, p.schedule.to || 'open',
      p.active ? 'yes' : 'no']) {
      tr.insertCell().textContent = String(text);
    }
  }
}

$('promotion').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const promotion = promotionFromForm();
    const saved = await send('PUT', '/api/promotions/' + encodeURIComponent(promotion.code), promotion);
    say('Published ' + saved.code + ' version ' + saved.version + ' to the stores.', 'good');
    await refresh();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

$('preview').addEventListener('submit', async (event) => {
  event.preventDefault();
  const lines = list($('preview-lines').value).map((entry) => {
    const [sku, quantity] = entry.split(/\s*x\s*/i);
    return { sku: sku.trim(), quantity: Number(quantity || 1) };
  });
  try {
    const basket = await send('POST', '/api/pricing/preview', { store: $('preview-store').value.trim(),
      memberTier: $('preview-tier').value.trim() || null, lines });
    const body = $('preview-result').querySelector('tbody');
    body.replaceChildren();
    for (const line of basket.lines) {
      const tr = body.insertRow();
      const cells = [[line.line.sku], [line.line.quantity, 1], [money(line.regularMinor), 1],
        [money(line.savingMinor), 1], [money(line.amountMinor), 1],
        [line.adjustments.map((a) => a.promotion + ' v' + a.version + ' -' + money(a.savingMinor)).join(', ')]];
      for (const [text, num] of cells) {
        const td = tr.insertCell();
        td.textContent = String(text);
        if (num) td.className = 'num';
      }
    }
    $('preview-total').textContent = 'Total ' + money(basket.totalMinor) + ', saving ' + money(basket.savingMinor)
      + ', tax ' + money(basket.taxMinor) + '.';
    say('', '');
  } catch (e) {
    say('Cannot price it: ' + e.message, 'error');
  }
});

HqSession.start(() => {
  $('from').value = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  refresh().catch((e) => say(e.message, 'error'));
});
