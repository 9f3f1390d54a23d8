// The HQ console's session: the bearer token from signin.html, kept for this browser tab only
// (sessionStorage), sent with every API call. A 401 sends the user to sign in and back here after.
'use strict';

const HqSession = {
  token: () => sessionStorage.getItem('hq-token'),
  user: () => JSON.parse(sessionStorage.getItem('hq-user') || 'null'),

  signInPage() {
    location.href = 'signin.html?next=' + encodeURIComponent(location.pathname.replace(/^\//, '') + location.search);
  },

  getJson(path) {
    return HqSession.call('GET', path);
  },

  /** Calls HQ with the session ({@link Console#call}); a 401 sends the user to sign in. */
  call(method, path, body, contentType) {
    return Console.call({ method, path, body, contentType, token: HqSession.token(), signIn: HqSession.signInPage,
      server: 'HQ' });
  },

  /** The chain's currency, as HQ said at sign-in. */
  currency: () => (HqSession.user() || {}).currency || 'CNY',

  /** Minor units as an amount in the chain's currency: 1250 -> "12.50" in CNY; null -> "?". */
  money: (minor) => Money.format(minor, HqSession.currency()),

  /** "12.5" or "12,50" -> 1250 minor units in CNY; anything else -> null. */
  minorOf: (text) => Money.parse(text, HqSession.currency()),

  /**
   * Fills table {@code id}'s body with rows of [text, class] cells, or one line saying {@code emptyText};
   * answers the body.
   */
  fillTable(id, rows, emptyText) {
    const table = document.getElementById(id);
    const body = table.querySelector('tbody');
    body.replaceChildren();
    for (const cells of rows) {
      const tr = body.insertRow();
      for (const [text, cls] of cells) {
        const td = tr.insertCell();
        td.textContent = text === null || text === undefined ? '' : String(text);
        if (cls) td.className = cls;
      }
    }
    if (!rows.length && emptyText) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = table.querySelector('thead tr').cells.length;
      cell.className = 'empty';
      cell.textContent = emptyText;
    }
    return body;
  },

  /**
   * Pages through a long list {@code size} rows at a time with Previous and Next buttons in the element
   * {@code navId}: {@code load(page, size)} shows page {@code page} (from 0) and answers its rows. Next is off
   * when a page comes back short. Answers {@code first()}, which shows the first page again (after a search).
   */
  pager(navId, size, load) {
    const nav = document.getElementById(navId);
    const previous = document.createElement('button');
    const next = document.createElement('button');
    const where = document.createElement('span');
    previous.type = next.type = 'button';
    previous.textContent = '\u2190 Previous';
    next.textContent = 'Next \u2192';
    where.setAttribute('aria-live', 'polite');
    nav.replaceChildren(previous, where, next);
    let page = 0;
    const show = async (wanted) => {
      const rows = await load(wanted, size);
      page = wanted;
      previous.disabled = page === 0;
      next.disabled = rows.length < size;
      where.textContent = rows.length ? 'rows ' + (page * size + 1) + '\u2013' + (page * size + rows.length)
        : page ? 'no more rows' : '';
    };
    const failed = (e) => HqSession.say(e.message, 'error');
    previous.addEventListener('click', () => show(page - 1).catch(failed));
    next.addEventListener('click', () => show(page + 1).catch(failed));
    return { first: () => show(0) };
  },

  say: Console.say,

  /** The console's pages, in the order the header lists them. */
  PAGES: [['stores.html', 'Stores'], ['dashboard.html', 'Sales'], ['catalog.html', 'Catalog'],
    ['stock.html', 'Stock'], ['orders.html', 'Orders'], ['members.html', 'Members'],
    ['promotions.html', 'Promotions'],
    ['reconciliation.html', 'Reconciliation'], ['quarantine.html', 'Quarantine'], ['audit.html', 'Audit']],

  /**
   * Starts a console page: to sign-in without a session, else shows who is signed in, wires the
   * sign-out button and loads the page with the user.
   */
  start(load) {
    const user = HqSession.user();
    if (!user) {
      HqSession.signInPage();
      return;
    }
    Console.header('HQ', HqSession.PAGES, user.username + ' (' + user.role
      + (user.store ? ', store ' + user.store : '') + ')', () => HqSession.signOut());
    load(user);
  },

  async signOut() {
    const token = HqSession.token();
    sessionStorage.clear();
    if (token) await fetch('/api/auth/signout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    location.href = 'signin.html';
  },
};
