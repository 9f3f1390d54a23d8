// What HQ's console and the store manager's console share: calling the API with the session, the header
// with the navigation, and the page's message line. Served by every application from retail-core at
// /common/console.js; each console's session (auth.js at HQ, manager/session.js in the store) feeds it.
'use strict';

const Console = {
  /**
   * Calls an API with a bearer token: a JSON body (or a string sent as {@code contentType}, e.g. a CSV file);
   * answers the parsed JSON. A refusal throws an Error with the server's sentence (the field it names first)
   * and the whole answer as {@code error.body}; a 401 calls {@code signIn} (the session has ended).
   */
  async call({ method, path, body, contentType, token, signIn, server }) {
    if (!token) { signIn(); throw new Error('Not signed in.'); }
    const headers = { Authorization: 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    const response = await fetch(path, {
      method, headers, body: body === undefined || contentType ? body : JSON.stringify(body),
    });
    if (response.status === 401) { signIn(); throw new Error('Your session has ended.'); }
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((data.field ? data.field + ': ' : '')
        + (data.message || server + ' answered ' + response.status));
      error.body = data;
      throw error;
    }
    return data;
  },

  /**
   * Fills the page's {@code <header>}: the console's name, a {@code <nav>} of its pages ([file, label]) with
   * {@code aria-current="page"} on this one, who is signed in, and a sign-out button calling {@code signOut}.
   */
  header(name, pages, who, signOut) {
    const header = document.querySelector('header');
    const title = document.createElement('strong');
    title.textContent = name;
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', name);
    const here = location.pathname.split('/').pop();
    for (const [file, label] of pages) {
      const link = document.createElement('a');
      link.href = file;
      link.textContent = label;
      if (file === here) link.setAttribute('aria-current', 'page');
      nav.appendChild(link);
    }
    const user = document.createElement('span');
    user.className = 'who';
    const whoText = document.createElement('span');
    whoText.id = 'who';
    whoText.textContent = who;
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'signout';
    button.textContent = 'Sign out';
    button.addEventListener('click', signOut);
    user.append(whoText, button);
    header.replaceChildren(title, nav, user);
  },

  /** Shows a sentence in the page's message line: kind 'good', 'error' or none. */
  say(text, kind) {
    const message = document.getElementById('message');
    message.textContent = text;
    message.className = kind || '';
  },
};
