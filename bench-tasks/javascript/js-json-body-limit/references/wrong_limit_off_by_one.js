'use strict';

function httpError(status, message) {
  return Object.assign(new Error(message), { status });
}

function readJsonBody(req, limitBytes) {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return reject(httpError(415, 'expected application/json'));
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) >= limitBytes) return reject(httpError(413, 'body too large'));
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      fn(v);
    };
    // Counts the bytes that actually arrive: the header may lie and chunked bodies have none.
    function onData(chunk) {
      size += chunk.length;
      if (size >= limitBytes) {
        req.pause();
        finish(reject, httpError(413, 'body too large'));
        return;
      }
      chunks.push(chunk);
    }
    req.on('data', onData);
    req.on('error', (e) => finish(reject, httpError(400, e.message)));
    req.on('end', () => {
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        finish(resolve, JSON.parse(text));
      } catch (e) {
        finish(reject, httpError(400, `invalid JSON: ${e.message}`));
      }
    });
  });
}

module.exports = { readJsonBody };
