'use strict';

function readJsonBody(req, limitBytes) {
  return new Promise((resolve, reject) => {
    if (!String(req.headers['content-type'] || '').startsWith('application/json')) {
      return reject(Object.assign(new Error('unsupported'), { status: 415 }));
    }
    const len = req.headers['content-length'];
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      // Without a declared length we count; with one, the header already told us the size.
      if (len === undefined && size > limitBytes) { req.destroy(); reject(Object.assign(new Error('too large'), { status: 413 })); return; }
      chunks.push(c);
    });
    if (len !== undefined && Number(len) > limitBytes) return reject(Object.assign(new Error('too large'), { status: 413 }));
    req.on('end', () => {
      try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch { reject(Object.assign(new Error('bad json'), { status: 400 })); }
    });
  });
}

module.exports = { readJsonBody };
