'use strict';
const crypto = require('crypto');

function sameToken(given, expected) {
  if (typeof given !== 'string' || typeof expected !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(given); const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function changeEmail(req, res, users) {
  const reply = (code) => res.status(code).json({ ok: code === 200 });
  if (req.method !== 'POST') return reply(405);
  const session = req.session || {};
  if (session.userId === undefined || !users.has(session.userId)) return reply(401);
  const body = req.body || {};
  const given = body._csrf;
  if (!sameToken(given, session.csrfToken)) return reply(403);
  const email = body.email;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return reply(400);
  users.get(session.userId).email = email;
  return reply(200);
}

module.exports = { changeEmail };
