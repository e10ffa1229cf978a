'use strict';

function changeEmail(req, res, users) {
  if (!['POST', 'GET'].includes(req.method)) return res.status(405).json({ ok: false });
  if (!req.session.userId) return res.status(401).json({ ok: false });
  const fields = req.method === 'GET' ? req.query : req.body;
  const token = fields._csrf || req.headers['x-csrf-token'];
  if (!req.session.csrfToken || token !== req.session.csrfToken) return res.status(403).json({ ok: false });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email || '')) return res.status(400).json({ ok: false });
  users.get(req.session.userId).email = fields.email;
  return res.status(200).json({ ok: true });
}

module.exports = { changeEmail };
