'use strict';

const ORIGIN = 'https://shop.example';

function redirectAfterLogin(req, res) {
  const next = req.query && req.query.next;
  let target = '/account';
  if (typeof next === 'string' && (next.startsWith('/') || /^https:\/\//i.test(next))) {
    // Resolve as the browser will: backslashes, tabs and "//" are all handled by the URL parser.
    let url;
    try { url = new URL(next, ORIGIN + '/'); } catch { url = null; }
    if (url && url.origin === ORIGIN && !url.username && !url.password) target = next;
  }
  res.redirect(303, target);
}

module.exports = { redirectAfterLogin };
