'use strict';
const { Readable } = require('stream');

// A request stream that produces `total` bytes on demand and counts what the candidate pulled.
function request(headers, total, chunkFor) {
  const stats = { pulled: 0 };
  let sent = 0;
  const chunkSize = 64 * 1024;
  const req = new Readable({
    read() {
      if (sent >= total) { this.push(null); return; }
      const n = Math.min(chunkSize, total - sent);
      const chunk = chunkFor(sent, n);
      sent += chunk.length; stats.pulled = sent;
      this.push(chunk);
    },
  });
  req.headers = headers;
  req.method = 'POST';
  return { req, stats };
}

function fromText(text, headers) {
  const buf = Buffer.from(text);
  return request(headers, buf.length, (off, n) => buf.subarray(off, off + n));
}

// 32 MB of a valid-looking JSON array: [0,0,0,...
function flood(headers) {
  const filler = Buffer.alloc(64 * 1024, '0,');
  return request(headers, 32 * 1024 * 1024, (off, n) => (off === 0 ? Buffer.concat([Buffer.from('['), filler.subarray(1, n)]) : filler.subarray(0, n)));
}

const LIMIT = 64 * 1024;

async function refused(ctx, req, stats) {
  const r = await ctx.attempt(req, LIMIT);
  ctx.assert.ok(stats.pulled <= LIMIT + 1024 * 1024, `the candidate read ${stats.pulled} bytes of a body limited to ${LIMIT}`);
  ctx.assert.ok(r.error, 'the oversized body was accepted');
  ctx.assert.equal(r.error.status, 413, `expected status 413, got ${r.error.status}: ${r.error.message}`);
}

module.exports = {
  parses_small_body: async (ctx) => {
    const parts = ['{"event":"invoice.paid",', '"amount":1999,', '"tags":["a","ü"]}'].map((s) => Buffer.from(s));
    const body = Buffer.concat(parts);
    // Several small chunks, as a slow client sends them.
    const r = request({ 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) }, body.length, (off, n) => body.subarray(off, off + Math.min(n, 9)));
    ctx.assert.deepEqual(await ctx.call(r.req, LIMIT), { event: 'invoice.paid', amount: 1999, tags: ['a', 'ü'] });
  },
  wrong_content_type_is_415: async (ctx) => {
    const { req } = fromText('{"a":1}', { 'content-type': 'text/plain' });
    const r = await ctx.attempt(req, LIMIT);
    ctx.assert.ok(r.error, 'expected a rejection');
    ctx.assert.equal(r.error.status, 415);
  },
  invalid_json_is_400: async (ctx) => {
    const { req } = fromText('{"event":"invoice.pa', { 'content-type': 'application/json' });
    const r = await ctx.attempt(req, LIMIT);
    ctx.assert.ok(r.error, 'expected a rejection');
    ctx.assert.equal(r.error.status, 400);
  },
  body_exactly_at_limit: async (ctx) => {
    const text = JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) });
    ctx.assert.equal(Buffer.byteLength(text), LIMIT);
    const { req } = fromText(text, { 'content-type': 'application/json', 'content-length': String(LIMIT) });
    const v = await ctx.call(req, LIMIT);
    ctx.assert.equal(v.pad.length, LIMIT - 10);
  },
  oversized_streamed_body: async (ctx) => {
    const { req, stats } = flood({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    await refused(ctx, req, stats);
  },
  lying_content_length: async (ctx) => {
    const { req, stats } = flood({ 'content-type': 'application/json', 'content-length': '20' });
    await refused(ctx, req, stats);
  },
};
