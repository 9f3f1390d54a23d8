// A business day's shifts, lane by lane: X figures while a shift is open, its Z report once closed, and
// the day's totals by tender with the cash variance, as the store agent computes them.
'use strict';

const $ = (id) => document.getElementById(id);
const money = ManagerSession.money;

function row(body, cells) {
  const tr = body.insertRow();
  for (const [text, cls] of cells) {
    const td = tr.insertCell();
    td.textContent = String(text);
    if (cls) td.className = cls;
  }
  return tr;
}

function time(instant) {
  return ManagerSession.storeTime(instant);
}

function empty(body, columns, text) {
  const cell = body.insertRow().insertCell();
  cell.colSpan = columns;
  cell.className = 'empty';
  cell.textContent = text;
}

async function show() {
  const day = await ManagerSession.call('GET', '/api/manager/shifts?day=' + encodeURIComponent($('day').value));
  $('day').value = day.day;
  $('zone').textContent = 'Store time zone ' + day.zone;

  const summary = $('summary').querySelector('tbody');
  summary.replaceChildren();
  row(summary, [[day.shifts.length], [day.openShifts], [day.sales, 'num'], [money(day.salesMinor), 'num'],
    [day.returns, 'num'], [money(day.returnsMinor), 'num'],
    [money(day.varianceMinor), day.varianceMinor === 0 ? 'num' : 'num variance']]);

  const tenders = $('tenders').querySelector('tbody');
  tenders.replaceChildren();
  for (const t of day.tenders) {
    row(tenders, [[t.type], [money(t.inMinor), 'num'], [money(t.outMinor), 'num'], [money(t.inMinor - t.outMinor), 'num']]);
  }
  if (!day.tenders.length) empty(tenders, 4, 'Nothing taken this day.');

  const shifts = $('shifts').querySelector('tbody');
  shifts.replaceChildren();
  for (const s of day.shifts) {
    const tr = row(shifts, [[s.lane], [s.open ? 'X (open)' : 'Z ' + s.zNo],
      [time(s.openedAt) + ' · ' + s.openedBy], [s.open ? '' : time(s.closedAt) + ' · ' + s.closedBy],
      [money(s.floatMinor), 'num'], [s.sales + ' · ' + money(s.salesMinor), 'num'],
      [s.returns + ' · ' + money(s.returnsMinor), 'num'], [s.noSales, 'num'], [money(s.expectedCashMinor), 'num'],
      [s.countedCashMinor == null ? '' : money(s.countedCashMinor), 'num'],
      [s.varianceMinor == null ? '' : money(s.varianceMinor), s.varianceMinor ? 'num variance' : 'num']]);
    tr.dataset.shift = s.shiftId;
  }
  if (!day.shifts.length) empty(shifts, 11, 'No shift was opened this day.');
}

$('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  show().catch((e) => ManagerSession.say(e.message, 'error'));
});

ManagerSession.start(show);
