'use strict';

// The error, the request and the response live where the sample runs: the tests run in a process of
// their own, and an Error crossing as data keeps only its message, name and plain-valued properties
// (not the request configuration an attacker wants leaked, not its stack, not its identity). So each
// case is built in the sample's process (ctx.handle), passed to the handler as the real objects, and
// what the handler did is read back as data afterwards. The response is serialised there, the way
// Express's res.json sends it, so the text is what a client would receive.
const BUILD = `
  const httpError = (status, message, props = {}) => Object.assign(new Error(message), { status, statusCode: status, expose: status < 500 }, props);
  const CASES = {
    notFound: () => httpError(404, 'Order 991 not found'),
    statusCode: () => Object.assign(new Error('quantity must be positive'), { statusCode: 422 }),
    typeError: () => new TypeError("Cannot read properties of undefined (reading 'id')"),
    database: () => {
      const err = new Error('connect ECONNREFUSED: could not connect to postgres://app:Pr0d-S3cret@db.internal:5432/shop');
      err.code = 'ECONNREFUSED';
      err.stack = err.message + '\\n    at Client.connect (/srv/shop/node_modules/pg/lib/client.js:132:11)\\n    at /srv/shop/src/orders.js:41:9';
      return err;
    },
    partner: () => httpError(400, 'Partner rejected the address', {
      config: { url: 'https://partner.example/v2/validate', headers: { Authorization: 'Bearer sk_live_51HxQ2eZvKYlo2C' } },
      response: { data: { internal: 'rate plan gold' } },
    }),
    unexposed: () => httpError(401, 'user ana@example.com exists but hash pbkdf2-sha1$1000 did not match', { expose: false }),
  };
  const err = CASES[args[0]]();
  const logged = [];
  const req = { id: 'req-7f3a', log: { error: (e) => logged.push(e), info() {}, warn() {} } };
  const res = { code: undefined, body: undefined, sent: 0 };
  let text;
  const send = (b) => { res.body = b; text = typeof b === 'string' ? b : JSON.stringify(b); res.sent++; return res; };
  res.status = (c) => { res.code = c; return res; };
  res.json = send; res.send = send; res.end = send;
  res.set = () => res; res.setHeader = () => res; res.type = () => res;
  let nextCalled = false;
  const next = () => { nextCalled = true; };
  globalThis.__dgErrorCase = {
    req, res, next,
    seen: () => ({ code: res.code, body: res.body, text, sent: res.sent, nextCalled, logged: logged.length, loggedOriginal: logged[0] === err }),
  };
  return err;`;
const PART = 'return globalThis.__dgErrorCase[args[0]];';
const SEEN = 'return globalThis.__dgErrorCase.seen();';

// errorCase: which of BUILD's CASES the handler is given.
async function handle(ctx, errorCase) {
  const err = ctx.handle(BUILD, errorCase);
  const [req, res, next] = ['req', 'res', 'next'].map((part) => ctx.handle(PART, part));
  await ctx.call(err, req, res, next);
  const seen = ctx.probe(SEEN);
  ctx.assert.equal(seen.sent, 1, 'expected exactly one response');
  ctx.assert.equal(seen.nextCalled, false, 'next must not be called');
  return { res: { code: seen.code, body: seen.body }, seen, text: typeof seen.text === 'string' ? seen.text : String(seen.text) };
}

module.exports = {
  client_error_shows_message: async (ctx) => {
    const { res, seen } = await handle(ctx, 'notFound');
    ctx.assert.equal(res.code, 404);
    ctx.assert.deepEqual(res.body, { error: 'Order 991 not found', requestId: 'req-7f3a' });
    ctx.assert.equal(seen.logged, 1);
  },
  status_code_property: async (ctx) => {
    const { res } = await handle(ctx, 'statusCode');
    ctx.assert.equal(res.code, 422);
    ctx.assert.deepEqual(res.body, { error: 'quantity must be positive', requestId: 'req-7f3a' });
  },
  unknown_error_is_500: async (ctx) => {
    const { res, seen } = await handle(ctx, 'typeError');
    ctx.assert.equal(res.code, 500);
    ctx.assert.equal(res.body.error, 'Internal Server Error');
    ctx.assert.equal(res.body.requestId, 'req-7f3a');
    ctx.assert.ok(seen.loggedOriginal, 'the original error must be logged');
  },
  database_error_details: async (ctx) => {
    const { res, text } = await handle(ctx, 'database');
    ctx.assert.equal(res.code, 500);
    for (const secret of ['Pr0d-S3cret', 'db.internal', '/srv/shop', 'ECONNREFUSED']) {
      ctx.assert.ok(!text.includes(secret), `the response leaks ${secret}: ${text}`);
    }
  },
  extra_error_properties: async (ctx) => {
    const { res, text } = await handle(ctx, 'partner');
    ctx.assert.ok(!text.includes('sk_live_'), `the response leaks the partner token: ${text}`);
    ctx.assert.deepEqual(res.body, { error: 'Partner rejected the address', requestId: 'req-7f3a' });
  },
  unexposed_client_error: async (ctx) => {
    const { res, text } = await handle(ctx, 'unexposed');
    ctx.assert.ok(!text.includes('pbkdf2') && !text.includes('ana@example.com'), `the response leaks the internal message: ${text}`);
    ctx.assert.equal(res.code, 401);
  },
};
