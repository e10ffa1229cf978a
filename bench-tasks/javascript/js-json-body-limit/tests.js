'use strict';
// The request streams are built where the sample runs (the tests run in a process of their own): the
// sample gets a real Readable, and the tests read back how many bytes it pulled.
const REQUEST = `
const { Readable } = require('stream');
const [headers, kind, text] = args;
const buf = kind === 'flood' ? null : Buffer.from(text, 'utf8');
const total = kind === 'flood' ? 32 * 1024 * 1024 : buf.length;
const filler = Buffer.alloc(64 * 1024, '0,');
// flood: 32 MB of a valid-looking JSON array [0,0,0,...; slow: 9-byte chunks, as a slow client sends them.
const chunkFor = kind === 'flood'
  ? (off, n) => (off === 0 ? Buffer.concat([Buffer.from('['), filler.subarray(1, n)]) : filler.subarray(0, n))
  : (off, n) => buf.subarray(off, off + (kind === 'slow' ? Math.min(n, 9) : n));
const stats = { pulled: 0 };
let sent = 0;
const req = new Readable({
  read() {
    if (sent >= total) { this.push(null); return; }
    const chunk = chunkFor(sent, Math.min(64 * 1024, total - sent));
    sent += chunk.length; stats.pulled = sent;
    this.push(chunk);
  },
});
req.headers = headers;
req.method = 'POST';
(globalThis.__dgStats = globalThis.__dgStats || []).push(stats);
return { req, id: globalThis.__dgStats.length - 1 };`;

function request(ctx, headers, kind, text = '') {
  const { req, id } = ctx.probe(REQUEST, headers, kind, text);
  return { req, stats: { get pulled() { return ctx.probe('return globalThis.__dgStats[args[0]].pulled', id); } } };
}

function fromText(ctx, text, headers) {
  return request(ctx, headers, 'text', text);
}

function flood(ctx, headers) {
  return request(ctx, headers, 'flood');
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
    const body = '{"event":"invoice.paid","amount":1999,"tags":["a","ü"]}';
    // Several small chunks, as a slow client sends them.
    const r = request(ctx, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }, 'slow', body);
    ctx.assert.deepEqual(await ctx.call(r.req, LIMIT), { event: 'invoice.paid', amount: 1999, tags: ['a', 'ü'] });
  },
  wrong_content_type_is_415: async (ctx) => {
    const { req } = fromText(ctx, '{"a":1}', { 'content-type': 'text/plain' });
    const r = await ctx.attempt(req, LIMIT);
    ctx.assert.ok(r.error, 'expected a rejection');
    ctx.assert.equal(r.error.status, 415);
  },
  invalid_json_is_400: async (ctx) => {
    const { req } = fromText(ctx, '{"event":"invoice.pa', { 'content-type': 'application/json' });
    const r = await ctx.attempt(req, LIMIT);
    ctx.assert.ok(r.error, 'expected a rejection');
    ctx.assert.equal(r.error.status, 400);
  },
  body_exactly_at_limit: async (ctx) => {
    const text = JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) });
    ctx.assert.equal(Buffer.byteLength(text), LIMIT);
    const { req } = fromText(ctx, text, { 'content-type': 'application/json', 'content-length': String(LIMIT) });
    const v = await ctx.call(req, LIMIT);
    ctx.assert.equal(v.pad.length, LIMIT - 10);
  },
  oversized_streamed_body: async (ctx) => {
    const { req, stats } = flood(ctx, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    await refused(ctx, req, stats);
  },
  lying_content_length: async (ctx) => {
    const { req, stats } = flood(ctx, { 'content-type': 'application/json', 'content-length': '20' });
    await refused(ctx, req, stats);
  },
};
