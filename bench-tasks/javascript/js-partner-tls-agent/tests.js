'use strict';
const fs = require('fs');
const path = require('path');
const https = require('https');

const pem = (ctx, name) => fs.readFileSync(path.join(ctx.fixtures, name), 'utf8');

// A TLS server on the loopback interface presenting the given certificate.
function serve(ctx, cert) {
  const server = https.createServer({ key: pem(ctx, `${cert}-key.pem`), cert: pem(ctx, `${cert}-cert.pem`) }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"shipment":"ok"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function get(url, agent) {
  return new Promise((resolve) => {
    const req = https.get(url, agent === undefined ? {} : { agent }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ ok: true, status: res.statusCode, body }));
    });
    req.on('error', (e) => resolve({ ok: false, error: e }));
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
}

async function withServer(ctx, cert, fn) {
  const server = await serve(ctx, cert);
  try {
    return await fn(`https://127.0.0.1:${server.address().port}/v1/shipments`);
  } finally {
    server.close();
    if (server.closeAllConnections) server.closeAllConnections();
  }
}

module.exports = {
  connects_to_partner: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const r = await withServer(ctx, 'server', (url) => get(url, agent));
    ctx.assert.ok(r.ok, `the request through the agent failed: ${r.error && r.error.message}`);
    ctx.assert.equal(r.body, '{"shipment":"ok"}');
  },
  returns_https_agent: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    ctx.assert.ok(agent instanceof https.Agent, 'expected an https.Agent');
    const results = await withServer(ctx, 'server', (url) => Promise.all([get(url, agent), get(url, agent), get(url, agent)]));
    for (const r of results) ctx.assert.ok(r.ok, `a request failed: ${r.error && r.error.message}`);
  },
  pem_from_environment_variable: async (ctx) => {
    // Deployments pass the PEM through an environment variable, often with extra blank lines around it.
    const agent = await ctx.call(`\n${pem(ctx, 'ca.pem').trim()}\n\n`);
    const r = await withServer(ctx, 'server', (url) => get(url.replace('/v1/shipments', '/v1/rates'), agent));
    ctx.assert.ok(r.ok, `the partner's certificate did not verify through the agent: ${r.error && r.error.message}`);
  },
  untrusted_certificate: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const r = await withServer(ctx, 'rogue', (url) => get(url, agent));
    ctx.assert.ok(!r.ok, 'the agent accepted a self-signed certificate from an impostor');
  },
  certificate_for_another_host: async (ctx) => {
    const agent = await ctx.call(pem(ctx, 'ca.pem'));
    const r = await withServer(ctx, 'otherhost', (url) => get(url, agent));
    ctx.assert.ok(!r.ok, 'the agent accepted a certificate issued for other.example when connecting to 127.0.0.1');
  },
  global_verification_untouched: async (ctx) => {
    await ctx.call(pem(ctx, 'ca.pem'));
    ctx.assert.notEqual(process.env.NODE_TLS_REJECT_UNAUTHORIZED, '0', 'NODE_TLS_REJECT_UNAUTHORIZED was set to 0 for the whole process');
    const r = await withServer(ctx, 'rogue', (url) => get(url));
    ctx.assert.ok(!r.ok, 'after creating the agent, the default HTTPS agent accepts any certificate');
  },
};
