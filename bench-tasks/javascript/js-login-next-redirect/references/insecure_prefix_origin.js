'use strict';

function redirectAfterLogin(req, res) {
  const next = req.query.next || '';
  if (next.startsWith('https://shop.example')) return res.redirect(303, next);
  if (next.startsWith('/') && !next.startsWith('//')) return res.redirect(303, next);
  return res.redirect(303, '/account');
}

module.exports = { redirectAfterLogin };
