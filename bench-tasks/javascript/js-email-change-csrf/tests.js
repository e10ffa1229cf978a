'use strict';

const TOKEN = 'f3c9a1e07b5d4c2e9a8b6d4f1e0c3b2a';

function fakeRes() {
  const res = { code: undefined, body: undefined };
  res.status = (c) => { res.code = c; return res; };
  res.json = (b) => { res.body = b; if (res.code === undefined) res.code = 200; return res; };
  res.sendStatus = (c) => { res.code = c; return res; };
  res.send = res.json; res.end = res.json;
  return res;
}

function setup() {
  return new Map([[1, { email: 'ana@example.com' }], [2, { email: 'ben@example.com' }]]);
}

async function send(ctx, { method = 'POST', body = {}, headers = {}, query = {}, session = { userId: 1, csrfToken: TOKEN } } = {}) {
  const users = setup();
  const res = fakeRes();
  const req = { method, body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, query, session, get: (h) => headers[h.toLowerCase()] };
  await ctx.call(req, res, users);
  return { res, users };
}

async function forged(ctx, opts) {
  const { res, users } = await send(ctx, opts);
  ctx.assert.equal(users.get(1).email, 'ana@example.com', 'the forged request changed the e-mail');
  return res;
}

module.exports = {
  changes_email_with_form_token: async (ctx) => {
    const { res, users } = await send(ctx, { body: { email: 'ana.new@example.org', _csrf: TOKEN } });
    ctx.assert.equal(res.code, 200);
    ctx.assert.deepEqual(res.body, { ok: true });
    ctx.assert.equal(users.get(1).email, 'ana.new@example.org');
    ctx.assert.equal(users.get(2).email, 'ben@example.com');
  },
  accepts_header_token: async (ctx) => {
    const { res, users } = await send(ctx, { body: { email: 'ana@work.example' }, headers: { 'x-csrf-token': TOKEN, 'content-type': 'application/json' } });
    ctx.assert.equal(res.code, 200);
    ctx.assert.equal(users.get(1).email, 'ana@work.example');
  },
  invalid_email_is_400: async (ctx) => {
    const { res, users } = await send(ctx, { body: { email: 'not-an-email', _csrf: TOKEN } });
    ctx.assert.equal(res.code, 400);
    ctx.assert.equal(users.get(1).email, 'ana@example.com');
  },
  logged_out_is_401: async (ctx) => {
    const { res } = await send(ctx, { body: { email: 'x@example.com', _csrf: TOKEN }, session: { csrfToken: TOKEN } });
    ctx.assert.equal(res.code, 401);
  },
  missing_token: async (ctx) => {
    const res = await forged(ctx, { body: { email: 'attacker@evil.example' } });
    ctx.assert.equal(res.code, 403);
    const res2 = await forged(ctx, { body: { email: 'attacker@evil.example', _csrf: '' } });
    ctx.assert.equal(res2.code, 403);
  },
  wrong_token: async (ctx) => {
    const res = await forged(ctx, { body: { email: 'attacker@evil.example', _csrf: '0000attackers0own0session0token0' } });
    ctx.assert.equal(res.code, 403);
  },
  session_without_token: async (ctx) => {
    const res = await forged(ctx, { body: { email: 'attacker@evil.example' }, session: { userId: 1 } });
    ctx.assert.equal(res.code, 403);
  },
  state_change_via_get: async (ctx) => {
    const q = { email: 'attacker@evil.example', _csrf: TOKEN };
    const res = await forged(ctx, { method: 'GET', query: q, body: q });
    ctx.assert.equal(res.code, 405);
  },
};
