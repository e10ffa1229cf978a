'use strict';

async function run(ctx, origin, method = 'GET') {
  const headers = {};
  const res = { setHeader: (k, v) => { headers[String(k).toLowerCase()] = String(v); }, header: (k, v) => { headers[String(k).toLowerCase()] = String(v); } };
  const req = { method, headers: origin === undefined ? {} : { origin } };
  const allowed = await ctx.call(req, res);
  return { allowed, headers };
}

async function refused(ctx, origin) {
  const { allowed, headers } = await run(ctx, origin);
  ctx.assert.equal(allowed, false, `${origin} was allowed`);
  ctx.assert.equal(headers['access-control-allow-origin'], undefined, `${origin} got Access-Control-Allow-Origin: ${headers['access-control-allow-origin']}`);
  ctx.assert.equal(headers['access-control-allow-credentials'], undefined, `${origin} got Access-Control-Allow-Credentials`);
}

module.exports = {
  allows_apex_and_subdomains: async (ctx) => {
    for (const origin of ['https://example.com', 'https://app.example.com', 'https://eu.admin.example.com']) {
      const { allowed, headers } = await run(ctx, origin);
      ctx.assert.equal(allowed, true, `${origin} was refused`);
      ctx.assert.equal(headers['access-control-allow-origin'], origin);
      ctx.assert.equal(headers['access-control-allow-credentials'], 'true');
      ctx.assert.match(String(headers.vary), /Origin/);
    }
  },
  preflight_headers: async (ctx) => {
    const { allowed, headers } = await run(ctx, 'https://app.example.com', 'OPTIONS');
    ctx.assert.equal(allowed, true);
    ctx.assert.equal(headers['access-control-allow-methods'], 'GET, POST, PUT, DELETE');
    ctx.assert.equal(headers['access-control-allow-headers'], 'Content-Type, X-CSRF-Token');
  },
  no_origin_no_cors: async (ctx) => {
    const { allowed, headers } = await run(ctx, undefined);
    ctx.assert.equal(allowed, false);
    ctx.assert.deepEqual(Object.keys(headers), ['vary']);
  },
  suffix_lookalike_origins: async (ctx) => {
    for (const o of ['https://evilexample.com', 'https://example.com.evil.net', 'https://app.example.com.evil.net']) await refused(ctx, o);
  },
  null_and_reflected_origins: async (ctx) => {
    for (const o of ['null', 'https://attacker.example']) await refused(ctx, o);
  },
  insecure_scheme_or_port: async (ctx) => {
    for (const o of ['http://app.example.com', 'https://app.example.com:8443']) await refused(ctx, o);
  },
};
