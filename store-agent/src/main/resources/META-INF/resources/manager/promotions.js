// The store's own promotions, within the depth HQ allows this store: start, list, end.
'use strict';

const $ = (id) => document.getElementById(id);
const { money, say } = ManagerSession;

function off(p) {
  return p.type === 'PERCENT_OFF' ? p.percentOffBp / 100 + ' %' : money(p.amountOffMinor);
}

async function refresh() {
  const running = await ManagerSession.call('GET', '/api/manager/promotions');
  const body = $('running').querySelector('tbody');
  body.replaceChildren();
  for (const p of running) {
    const tr = body.insertRow();
    for (const [text, cls] of [[p.code], [p.name], [p.items.skus.join(', ')], [off(p), 'num'],
      [p.schedule.from.replace('T', ' ')], [p.schedule.to ? p.schedule.to.replace('T', ' ') : '']]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
    const end = document.createElement('button');
    end.type = 'button';
    end.textContent = 'End';
    end.addEventListener('click', async () => {
      try {
        await ManagerSession.call('DELETE', '/api/manager/promotions/' + encodeURIComponent(p.code));
        say('Ended ' + p.code + '.', 'good');
        await refresh();
      } catch (e) {
        say('Refused: ' + e.message, 'error');
      }
    });
    tr.insertCell().append(end);
  }
  if (!running.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 7;
    cell.className = 'empty';
    cell.textContent = 'The store runs only HQ\'s promotions.';
  }
}

$('promotion').addEventListener('submit', async (event) => {
  event.preventDefault();
  const type = $('type').value;
  const value = $('value').value.trim();
  const body = { name: $('name').value.trim(), type,
    skus: $('skus').value.split(',').map((s) => s.trim()).filter((s) => s) };
  if (type === 'PERCENT_OFF') body.percentOffBp = Math.round(Number(value) * 100);
  else body.amountOffMinor = Math.round(Number(value.replace(',', '.')) * 100);
  if ($('from').value) body.from = $('from').value;
  if ($('to').value) body.to = $('to').value;
  try {
    const saved = await ManagerSession.call('PUT', '/api/manager/promotions/' + encodeURIComponent($('code').value.trim()),
      body);
    say('Running ' + saved.code + ' (version ' + saved.version + ') at this store\'s tills now.', 'good');
    await refresh();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

ManagerSession.start(refresh);
