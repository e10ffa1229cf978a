'use strict';

function handleError(err, req, res, next) {
  const status = err.status || err.statusCode || 500;
  req.log.error(err);
  if (status >= 500 || err.expose === false) {
    return res.status(status).json({ error: 'Internal Server Error', requestId: req.id });
  }
  const { status: _s, statusCode: _c, expose: _e, ...extra } = err;
  const body = { error: err.message, requestId: req.id };
  if (Object.keys(extra).length) body.details = extra;
  return res.status(status).json(body);
}

module.exports = { handleError };
