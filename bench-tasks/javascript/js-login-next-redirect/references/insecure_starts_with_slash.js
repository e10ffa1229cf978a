'use strict';

function redirectAfterLogin(req, res) {
  const next = req.query.next || '';
  res.redirect(303, next.startsWith('/') || next.startsWith('https://shop.example') ? next : '/account');
}

module.exports = { redirectAfterLogin };
