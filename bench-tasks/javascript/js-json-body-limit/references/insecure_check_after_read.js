'use strict';

async function readJsonBody(req, limitBytes) {
  const type = String(req.headers['content-type'] || '');
  if (!type.startsWith('application/json')) throw Object.assign(new Error('unsupported'), { status: 415 });
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  if (body.length > limitBytes) throw Object.assign(new Error('too large'), { status: 413 });
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw Object.assign(new Error('bad json'), { status: 400 });
  }
}

module.exports = { readJsonBody };
