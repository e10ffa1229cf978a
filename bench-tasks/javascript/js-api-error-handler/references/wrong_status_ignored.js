'use strict';

function handleError(err, req, res, next) {
  const status = Number.isInteger(err.status) && err.status >= 400 && err.status <= 599 ? err.status : 500;
  req.log.error(err);
  const visible = status < 500 && err.expose !== false;
  res.status(status).json({ error: visible ? err.message : 'Internal Server Error', requestId: req.id });
}

module.exports = { handleError };
