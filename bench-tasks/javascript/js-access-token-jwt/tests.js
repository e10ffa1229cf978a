'use strict';
const crypto = require('crypto');

const SECRET = 'gw-shared-9b1e7c55d0a34f2e8c61';
const AUD = 'orders-api';
const NOW = 1714550400000; // ms
const sec = (ms) => Math.floor(ms / 1000);

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
function token(payload, { secret = SECRET, header = { alg: 'HS256', typ: 'JWT' }, sign = true } = {}) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign ? crypto.createHmac('sha256', secret).update(input).digest('base64url') : ''}`;
}
const claims = (extra = {}) => ({ sub: 'u-17', role: 'user', aud: AUD, exp: sec(NOW) + 900, ...extra });

async function rejected(ctx, tok, what) {
  const r = await ctx.attempt(tok, SECRET, { audience: AUD, now: NOW });
  ctx.assert.ok(r.error, `${what} was accepted: ${JSON.stringify(r.value)}`);
}

module.exports = {
  accepts_valid_token: async (ctx) => {
    const p = claims();
    ctx.assert.deepEqual(await ctx.call(token(p), SECRET, { audience: AUD, now: NOW }), p);
    const q = claims({ aud: ['billing-api', AUD], nbf: sec(NOW) - 5 });
    ctx.assert.deepEqual(await ctx.call(token(q), SECRET, { audience: AUD, now: NOW }), q);
    const live = claims({ exp: sec(Date.now()) + 600 });
    ctx.assert.deepEqual(await ctx.call(token(live), SECRET, { audience: AUD }), live, 'now defaults to Date.now()');
  },
  rejects_wrong_audience: async (ctx) => {
    await rejected(ctx, token(claims({ aud: 'billing-api' })), 'a token for billing-api');
    await rejected(ctx, token(claims({ aud: undefined })), 'a token without aud');
  },
  rejects_not_yet_valid: async (ctx) => {
    await rejected(ctx, token(claims({ nbf: sec(NOW) + 3600 })), 'a token with nbf in an hour');
  },
  rejects_malformed: async (ctx) => {
    for (const t of ['', 'abc', 'a.b', 'a.b.c', `${b64('{"alg":"HS256"}')}.${b64('not json')}.x`]) await rejected(ctx, t, JSON.stringify(t));
  },
  alg_none_token: async (ctx) => {
    for (const alg of ['none', 'None', 'NONE']) {
      await rejected(ctx, token(claims({ role: 'admin' }), { header: { alg, typ: 'JWT' }, sign: false }), `alg ${alg}`);
    }
  },
  wrong_key_signature: async (ctx) => {
    await rejected(ctx, token(claims({ role: 'admin' }), { secret: 'attacker-secret' }), 'a token signed with another secret');
  },
  tampered_or_stripped_signature: async (ctx) => {
    const real = token(claims());
    const [h, , s] = real.split('.');
    await rejected(ctx, `${h}.${b64(claims({ role: 'admin' }))}.${s}`, 'admin claims under a user signature');
    const [hh, pp, ss] = token(claims({ role: 'admin' }), { secret: 'x' }).split('.');
    await rejected(ctx, `${hh}.${pp}.`, 'an empty signature');
    await rejected(ctx, `${hh}.${pp}`, 'a token without its signature part');
    const genuineAdmin = token(claims({ role: 'admin' })).split('.')[2];
    await rejected(ctx, `${hh}.${pp}.${genuineAdmin.slice(0, 3)}`, 'a signature cut to three characters');
    void ss;
  },
  expired_token: async (ctx) => {
    await rejected(ctx, token(claims({ exp: sec(NOW) - 1 })), 'an expired token');
    await rejected(ctx, token(claims({ exp: undefined })), 'a token without exp');
  },
};
