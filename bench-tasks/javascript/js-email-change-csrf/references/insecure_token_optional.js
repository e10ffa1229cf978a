'use strict';

function changeEmail(req, res, users) {
  if (req.method !== 'POST') return res.status(405).json({ ok: false });
  if (!req.session.userId) return res.status(401).json({ ok: false });
  const token = req.body._csrf || req.headers['x-csrf-token'];
  if (token && token !== req.session.csrfToken) return res.status(403).json({ ok: false });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(req.body.email || '')) return res.status(400).json({ ok: false });
  users.get(req.session.userId).email = req.body.email;
  return res.status(200).json({ ok: true });
}

module.exports = { changeEmail };
