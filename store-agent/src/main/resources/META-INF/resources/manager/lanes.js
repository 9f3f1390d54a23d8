// The store manager's lanes page: which lanes' tills are paired with this store server, a one-time code to
// pair one (shown here once), and unpairing a lane whose machine is gone (its cashiers are signed out).
'use strict';

const $ = (id) => document.getElementById(id);

function time(instant) {
  return ManagerSession.storeTime(instant);
}

async function load() {
  const lanes = await ManagerSession.call('GET', '/api/manager/lanes');
  const body = $('lanes').querySelector('tbody');
  body.replaceChildren();
  if (lanes.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 6;
    cell.className = 'empty';
    cell.textContent = 'No lane is paired yet.';
    return;
  }
  for (const lane of lanes) {
    const row = body.insertRow();
    for (const text of [lane.lane, lane.paired ? 'Yes' : 'No', time(lane.pairedAt), lane.pairedBy || '',
      time(lane.codeExpiresAt)]) {
      row.insertCell().textContent = text;
    }
    const action = row.insertCell();
    if (lane.paired) {
      const unpair = document.createElement('button');
      unpair.type = 'button';
      unpair.textContent = 'Unpair';
      unpair.addEventListener('click', async () => {
        if (!confirm('Unpair lane ' + lane.lane + '? Its cashiers are signed out and it needs a new code.')) return;
        try {
          await ManagerSession.call('DELETE', '/api/manager/lanes/' + encodeURIComponent(lane.lane) + '/pairing');
          ManagerSession.say('Lane ' + lane.lane + ' is unpaired.', 'good');
          await load();
        } catch (e) {
          ManagerSession.say(e.message, 'error');
        }
      });
      action.appendChild(unpair);
    }
  }
}

$('pair').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const issued = await ManagerSession.call('POST',
      '/api/manager/lanes/' + encodeURIComponent($('lane').value.trim()) + '/pairing-code');
    $('code').textContent = 'Code for lane ' + issued.lane + ': ' + issued.code + ' (until '
      + ManagerSession.storeTime(issued.expiresAt) + ')';
    $('code').hidden = false;
    ManagerSession.say('Type the code at the lane\'s till.', 'good');
    await load();
  } catch (e) {
    ManagerSession.say(e.message, 'error');
  }
});

ManagerSession.start(load);
