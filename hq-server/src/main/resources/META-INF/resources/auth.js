// The HQ console's session: the bearer token from signin.html, kept for this browser tab only
// (sessionStorage), sent with every API call. A 401 sends the user to sign in and back here after.
'use strict';

const HqSession = {
  token: () => sessionStorage.getItem('hq-token'),
  user: () => JSON.parse(sessionStorage.getItem('hq-user') || 'null'),

  signInPage() {
    location.href = 'signin.html?next=' + encodeURIComponent(location.pathname.replace(/^\//, '') + location.search);
  },

  async getJson(path) {
    const token = HqSession.token();
    if (!token) { HqSession.signInPage(); throw new Error('Not signed in.'); }
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
    if (response.status === 401) { HqSession.signInPage(); throw new Error('Your session has ended.'); }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.message || 'HQ answered ' + response.status);
    return data;
  },

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
    document.getElementById('who').textContent = user.username + ' (' + user.role
      + (user.store ? ', store ' + user.store : '') + ')';
    document.getElementById('signout').addEventListener('click', () => HqSession.signOut());
    load(user);
  },

  async signOut() {
    const token = HqSession.token();
    sessionStorage.clear();
    if (token) await fetch('/api/auth/signout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    location.href = 'signin.html';
  },
};
