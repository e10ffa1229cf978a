'use strict';

function handleError(err, req, res, next) {
  const status = Number.isInteger(err.status) ? err.status : Number.isInteger(err.statusCode) ? err.statusCode : 500;
  req.log.error(err);
  if (status < 500 && err.expose !== false) return res.status(status).json({ error: err.message, requestId: req.id });
  if (status >= 500) return res.status(status).json({ error: 'Internal Server Error', requestId: req.id, detail: err.message, stack: err.stack });
  return res.status(status).json({ error: 'Internal Server Error', requestId: req.id });
}

module.exports = { handleError };
