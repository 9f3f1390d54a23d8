// The chain's members: find by card, phone or name, create or change one (published to every store).
'use strict';

const $ = (id) => document.getElementById(id);
const { say } = HqSession;

async function showPage(page, size) {
  const q = $('q').value.trim();
  const members = await HqSession.getJson('/api/members?page=' + page + '&size=' + size
    + (q ? '&q=' + encodeURIComponent(q) : ''));
  const body = HqSession.fillTable('members', members.map((m) => [[m.cardNo], [m.name], [m.phone || ''], [m.tier],
    [m.pointsBalance, 'num'], [m.offlineRedeemLimit, 'num'], [m.active ? 'yes' : 'no']]),
  q ? 'No member matches.' : page ? 'No more members.' : 'No members yet.');
  [...body.rows].forEach((tr, i) => {
    if (members[i]) tr.addEventListener('click', () => edit(members[i]));
  });
  return members;
}

const pages = HqSession.pager('members-pages', 50, showPage);
const find = () => pages.first();

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
