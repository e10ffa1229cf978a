'use strict';

const ORIGIN = 'https://shop.example';

function redirectAfterLogin(req, res) {
  const next = req.query.next;
  let target = '/account';
  if (typeof next === 'string' && (next.startsWith('/') || next.startsWith('https://'))) {
    let url = null;
    try { url = new URL(next, ORIGIN + '/'); } catch { }
    if (url && url.origin === ORIGIN && !url.username) target = next.startsWith('/') ? url.pathname : ORIGIN + url.pathname;
  }
  res.redirect(303, target);
}

module.exports = { redirectAfterLogin };
