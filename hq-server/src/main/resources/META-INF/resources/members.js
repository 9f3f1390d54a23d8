// The chain's members: find by card, phone or name, create or change one (published to every store).
'use strict';

const $ = (id) => document.getElementById(id);
const { say } = HqSession;

async function find() {
  const q = $('q').value.trim();
  const members = await HqSession.getJson('/api/members?size=50' + (q ? '&q=' + encodeURIComponent(q) : ''));
  const body = $('members').querySelector('tbody');
  body.replaceChildren();
  for (const m of members) {
    const tr = body.insertRow();
    for (const [text, cls] of [[m.cardNo], [m.name], [m.phone || ''], [m.tier], [m.pointsBalance, 'num'],
      [m.offlineRedeemLimit, 'num'], [m.active ? 'yes' : 'no']]) {
      const td = tr.insertCell();
      td.textContent = String(text);
      if (cls) td.className = cls;
    }
    tr.addEventListener('click', () => edit(m));
  }
  if (!members.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 7;
    cell.className = 'empty';
    cell.textContent = q ? 'No member matches.' : 'No members yet.';
  }
}

function edit(m) {
  $('card').value = m.cardNo;
  $('name').value = m.name;
  $('phone').value = m.phone || '';
  $('tier').value = m.tier;
  $('points').value = m.pointsBalance;
  $('limit').value = m.offlineRedeemLimit;
  $('active').checked = m.active;
}

$('find').addEventListener('submit', (event) => {
  event.preventDefault();
  find().catch((e) => say(e.message, 'error'));
});

$('member').addEventListener('submit', async (event) => {
  event.preventDefault();
  const cardNo = $('card').value.trim();
  const member = { cardNo, name: $('name').value.trim(), phone: $('phone').value.trim() || null,
    tier: $('tier').value.trim(), pointsBalance: Number($('points').value || 0),
    offlineRedeemLimit: Number($('limit').value || 0), active: $('active').checked };
  try {
    const saved = await HqSession.call('PUT', '/api/members/' + encodeURIComponent(cardNo), member);
    say('Saved member ' + saved.cardNo + ' (' + saved.name + '); the stores receive it now.', 'good');
    $('q').value = saved.cardNo;
    await find();
  } catch (e) {
    say('Refused: ' + e.message, 'error');
  }
});

HqSession.start(() => find().catch((e) => say(e.message, 'error')));
