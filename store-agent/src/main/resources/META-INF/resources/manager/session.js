// The manager console's session: a manager's bearer token from signin.html, for this tab only.
'use strict';

const ManagerSession = {
  token: () => sessionStorage.getItem('manager-token'),

  signInPage() {
    location.href = 'signin.html?next=' + encodeURIComponent(location.pathname.split('/').pop() + location.search);
  },

  /** The store: code, time zone and currency ({@code GET /api/manager/store}), loaded by start(). */
  store: { code: '', zone: undefined, currency: 'CNY' },

  /** Minor units as an amount in the store's currency's digits: 1250 -> "12.50" in CNY, "1250" in JPY. */
  money(minor) {
    return Money.format(minor, ManagerSession.store.currency);
  },

  digits() {
    return Money.digits(ManagerSession.store.currency);
  },

  /** An instant as the store's local date and time (the browser may be elsewhere). */
  storeTime(instant) {
    if (!instant) return '';
    try {
      return new Date(instant).toLocaleString(undefined, { timeZone: ManagerSession.store.zone });
    } catch (e) {
      return new Date(instant).toLocaleString();
    }
  },

  /**
   * A date and time typed as the store's local time ({@code 2026-12-24T08:00}, as a datetime-local input
   * gives it) as an ISO instant, whatever zone the browser is in; {@code ''} -> null.
   */
  instantOf(local) {
    if (!local) return null;
    const wall = Date.parse(local + (local.length === 16 ? ':00Z' : 'Z'));
    const zone = ManagerSession.store.zone;
    if (!zone) return new Date(local).toISOString();
    const offset = (at) => { // how far the store's clock is ahead of UTC at instant {@code at}
      const parts = {};
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at))
        .forEach((part) => { parts[part.type] = part.value; });
      return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
    };
    const guess = wall - offset(wall);
    return new Date(wall - offset(guess)).toISOString(); // twice, for a zone whose offset changes near it
  },

  say: Console.say,

  /** The console's pages, in the order the header lists them. */
  PAGES: [['shifts.html', 'Shifts and reports'], ['prices.html', 'Store prices'], ['promotions.html',
    'Store promotions'], ['stock.html', 'Stock'], ['orders.html', 'Online orders'], ['devices.html',
    'Devices and shelves'], ['lanes.html', 'Lanes'], ['audit.html', 'Audit']],

  /** Starts a console page: to sign-in without a session, else names the manager and loads the page. */
  start(load) {
    if (!ManagerSession.token()) {
      ManagerSession.signInPage();
      return;
    }
    Console.header('Store manager', ManagerSession.PAGES, 'Manager ' + sessionStorage.getItem('manager-id'), () => {
      sessionStorage.clear();
      location.href = 'signin.html';
    });
    ManagerSession.call('GET', '/api/manager/store')
      .then((store) => { ManagerSession.store = store; })
      .then(load).catch((e) => ManagerSession.say(e.message, 'error'));
  },

  /** Calls the store agent with the session; a 401 sends the manager to sign in. */
  call(method, path, body) {
    return Console.call({ method, path, body, token: ManagerSession.token(), signIn: ManagerSession.signInPage,
      server: 'The store server' });
  },
};
