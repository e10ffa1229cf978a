'use strict';
const fs = require('fs');
const path = require('path');

const pem = (ctx, name) => fs.readFileSync(path.join(ctx.fixtures, name), 'utf8');

// The agent the sample returns stays in the sample's process (it crosses as a handle), and so do the
// process-wide TLS settings it might change (process.env, https.globalAgent). So the TLS server and the
// requests through the agent run there, through ctx.probe, with the returned agent passed back in (a
// handle arrives as the real object); the outcome of each request comes back as data. (The server cannot
// run here: this side waits synchronously while the sample's process works.)
const REQUEST = `
  const https = require('https');
  const [agent, key, cert, urlPath, count] = args;
  // A TLS server on the loopback interface presenting the given certificate.
  const server = https.createServer({ key, cert }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"shipment":"ok"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = 'https://127.0.0.1:' + server.address().port + urlPath;
  const get = () => new Promise((resolve) => {
    const req = https.get(url, agent === null ? {} : { agent }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ ok: true, status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ ok: false, error: String(e && e.message) }));
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
  try {
    return await Promise.all(Array.from({ length: count }, get));
  } finally {
    server.close();
    if (server.closeAllConnections) server.closeAllConnections();
  }`;

// GETs `count` times through `agent` (null: https.get's default agent) from a server presenting `cert`.
function withServer(ctx, cert, agent, { urlPath = '/v1/shipments', count = 1 } = {}) {
  return ctx.probe(REQUEST, agent, pem(ctx, `${cert}-key.pem`), pem(ctx, `${cert}-cert.pem`), urlPath, count);
}

module.exports = {
  connects_to_partner: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const [r] = withServer(ctx, 'server', agent);
    ctx.assert.ok(r.ok, `the request through the agent failed: ${r.error}`);
    ctx.assert.equal(r.body, '{"shipment":"ok"}');
  },
  returns_https_agent: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    ctx.assert.ok(ctx.probe("return args[0] instanceof require('https').Agent;", agent), 'expected an https.Agent');
    const results = withServer(ctx, 'server', agent, { count: 3 });
    for (const r of results) ctx.assert.ok(r.ok, `a request failed: ${r.error}`);
  },
  pem_from_environment_variable: async (ctx) => {
    // Deployments pass the PEM through an environment variable, often with extra blank lines around it.
    const agent = await ctx.call(`\n${pem(ctx, 'ca.pem').trim()}\n\n`);
    const [r] = withServer(ctx, 'server', agent, { urlPath: '/v1/rates' });
    ctx.assert.ok(r.ok, `the partner's certificate did not verify through the agent: ${r.error}`);
  },
  untrusted_certificate: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const [r] = withServer(ctx, 'rogue', agent);
    ctx.assert.ok(!r.ok, 'the agent accepted a self-signed certificate from an impostor');
  },
  certificate_for_another_host: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const [r] = withServer(ctx, 'otherhost', agent);
    ctx.assert.ok(!r.ok, 'the agent accepted a certificate issued for other.example when connecting to 127.0.0.1');
  },
  global_verification_untouched: async (ctx) => {
    await ctx.call(pem(ctx, 'ca.pem'));
    const env = ctx.probe('return process.env.NODE_TLS_REJECT_UNAUTHORIZED;');
    ctx.assert.notEqual(env, '0', 'NODE_TLS_REJECT_UNAUTHORIZED was set to 0 for the whole process');
    const [r] = withServer(ctx, 'rogue', null);
    ctx.assert.ok(!r.ok, 'after creating the agent, the default HTTPS agent accepts any certificate');
  },
};
