'use strict';

function statusOf(err) {
  const s = err && (err.status ?? err.statusCode);
  return Number.isInteger(s) && s >= 400 && s <= 599 ? s : 500;
}

function handleError(err, req, res, next) { // eslint-disable-line no-unused-vars
  const status = statusOf(err);
  // Only messages meant for clients leave the server; the rest is in the log under the request id.
  const visible = status < 500 && err && err.expose !== false;
  try { req.log.error(err); } catch { /* logging must not break the response */ }
  res.status(status).json({ error: visible ? String(err.message) : 'Internal Server Error', requestId: req.id });
}

module.exports = { handleError };
