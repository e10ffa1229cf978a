'use strict';

function fakeRes() {
  const res = { code: undefined, body: undefined, sent: 0 };
  res.status = (c) => { res.code = c; return res; };
  res.json = (b) => { res.body = b; res.sent++; return res; };
  res.send = (b) => { res.body = b; res.sent++; return res; };
  res.end = (b) => { res.body = b; res.sent++; return res; };
  res.set = () => res; res.setHeader = () => res; res.type = () => res;
  return res;
}

async function handle(ctx, err) {
  const logged = [];
  const req = { id: 'req-7f3a', log: { error: (e) => logged.push(e), info() {}, warn() {} } };
  const res = fakeRes();
  let nextCalled = false;
  await ctx.call(err, req, res, () => { nextCalled = true; });
  ctx.assert.equal(res.sent, 1, 'expected exactly one response');
  ctx.assert.equal(nextCalled, false, 'next must not be called');
  return { res, logged, text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body) };
}

const httpError = (status, message, props = {}) => Object.assign(new Error(message), { status, statusCode: status, expose: status < 500 }, props);

module.exports = {
  client_error_shows_message: async (ctx) => {
    const { res, logged } = await handle(ctx, httpError(404, 'Order 991 not found'));
    ctx.assert.equal(res.code, 404);
    ctx.assert.deepEqual(res.body, { error: 'Order 991 not found', requestId: 'req-7f3a' });
    ctx.assert.equal(logged.length, 1);
  },
  status_code_property: async (ctx) => {
    const err = Object.assign(new Error('quantity must be positive'), { statusCode: 422 });
    const { res } = await handle(ctx, err);
    ctx.assert.equal(res.code, 422);
    ctx.assert.deepEqual(res.body, { error: 'quantity must be positive', requestId: 'req-7f3a' });
  },
  unknown_error_is_500: async (ctx) => {
    const err = new TypeError("Cannot read properties of undefined (reading 'id')");
    const { res, logged } = await handle(ctx, err);
    ctx.assert.equal(res.code, 500);
    ctx.assert.equal(res.body.error, 'Internal Server Error');
    ctx.assert.equal(res.body.requestId, 'req-7f3a');
    ctx.assert.equal(logged[0], err, 'the original error must be logged');
  },
  database_error_details: async (ctx) => {
    const err = new Error('connect ECONNREFUSED: could not connect to postgres://app:Pr0d-S3cret@db.internal:5432/shop');
    err.code = 'ECONNREFUSED';
    err.stack = `${err.message}\n    at Client.connect (/srv/shop/node_modules/pg/lib/client.js:132:11)\n    at /srv/shop/src/orders.js:41:9`;
    const { res, text } = await handle(ctx, err);
    ctx.assert.equal(res.code, 500);
    for (const secret of ['Pr0d-S3cret', 'db.internal', '/srv/shop', 'ECONNREFUSED']) {
      ctx.assert.ok(!text.includes(secret), `the response leaks ${secret}: ${text}`);
    }
  },
  extra_error_properties: async (ctx) => {
    const err = httpError(400, 'Partner rejected the address', {
      config: { url: 'https://partner.example/v2/validate', headers: { Authorization: 'Bearer sk_live_51HxQ2eZvKYlo2C' } },
      response: { data: { internal: 'rate plan gold' } },
    });
    const { res, text } = await handle(ctx, err);
    ctx.assert.ok(!text.includes('sk_live_'), `the response leaks the partner token: ${text}`);
    ctx.assert.deepEqual(res.body, { error: 'Partner rejected the address', requestId: 'req-7f3a' });
  },
  unexposed_client_error: async (ctx) => {
    const err = httpError(401, 'user ana@example.com exists but hash pbkdf2-sha1$1000 did not match', { expose: false });
    const { res, text } = await handle(ctx, err);
    ctx.assert.ok(!text.includes('pbkdf2') && !text.includes('ana@example.com'), `the response leaks the internal message: ${text}`);
    ctx.assert.equal(res.code, 401);
  },
};
