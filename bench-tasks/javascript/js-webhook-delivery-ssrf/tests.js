'use strict';
// The fake fetch and resolver are installed where the sample runs: the tests run in a process of their
// own, so replacing globalThis.fetch or dns.lookup here would never reach the sample. Their log stays
// there too and is read back as data (LOG) after the call.
const INSTALL = `
  const dns = require('dns');
  const net = require('net');

  const DNS = { 'hooks.customer.example': '93.184.216.34', 'moved.customer.example': '93.184.216.35', 'hooks.attacker.example': '10.0.3.7',
    localhost: '127.0.0.1' };

  function answer(url) {
    if (url === 'https://hooks.customer.example/events') return new Response(null, { status: 204 });
    if (url === 'https://hooks.customer.example/broken') return new Response('oops', { status: 500 });
    if (url === 'https://hooks.customer.example/old') return new Response(null, { status: 301, headers: { location: 'https://moved.customer.example/new' } });
    if (url === 'https://moved.customer.example/new') return new Response('{}', { status: 200 });
    return new Response('{"internal":"secret"}', { status: 200 });
  }

  // Replaces fetch (recording every URL it is asked for, following redirects itself unless told not
  // to, as the real one does) and the resolver (a fixed table; IP literals resolve to themselves).
  const log = { requests: [], lookups: [] };
  globalThis.__dgWebhookLog = log;
  globalThis.fetch = async (input, init = {}) => {
    let url = String(input && input.url ? input.url : input);
    for (let hop = 0; hop < 5; hop++) {
      log.requests.push({ url, method: init.method || 'GET', body: init.body, headers: new Headers(init.headers || {}) });
      const res = answer(url);
      if (res.status >= 300 && res.status < 400 && init.redirect !== 'manual' && init.redirect !== 'error') {
        url = new URL(res.headers.get('location'), url).href;
        continue;
      }
      if (res.status >= 300 && res.status < 400 && init.redirect === 'error') throw new TypeError('fetch failed: redirect');
      return res;
    }
    throw new TypeError('too many redirects');
  };
  const resolve = (host) => {
    log.lookups.push(host);
    const h = String(host).replace(/^\\[|\\]$/g, '');
    if (net.isIP(h)) return { address: h, family: net.isIP(h) };
    if (DNS[h]) return { address: DNS[h], family: 4 };
    const e = new Error('getaddrinfo ENOTFOUND ' + h); e.code = 'ENOTFOUND'; throw e;
  };
  const lookup = (host, opts, cb) => {
    if (typeof opts === 'function') { cb = opts; opts = {}; }
    let r; try { r = resolve(host); } catch (e) { return process.nextTick(cb, e); }
    if (opts && opts.all) process.nextTick(cb, null, [r]); else process.nextTick(cb, null, r.address, r.family);
  };
  dns.lookup = lookup;
  dns.promises.lookup = async (host, opts) => { const r = resolve(host); return opts && opts.all ? [r] : r; };
  const v4 = async (host) => { const r = resolve(host); if (r.family !== 4) { const e = new Error('ENODATA'); e.code = 'ENODATA'; throw e; } return [r.address]; };
  const v6 = async (host) => { const r = resolve(host); if (r.family !== 6) { const e = new Error('ENODATA'); e.code = 'ENODATA'; throw e; } return [r.address]; };
  dns.promises.resolve4 = v4; dns.promises.resolve6 = v6;
  dns.resolve4 = (h, cb) => v4(h).then((a) => cb(null, a), cb);
  dns.resolve6 = (h, cb) => v6(h).then((a) => cb(null, a), cb);`;

const LOG = `
  const log = globalThis.__dgWebhookLog;
  return {
    requests: log.requests.map((q) => ({ url: q.url, method: q.method, body: q.body, contentType: q.headers.get('content-type') })),
    lookups: log.lookups.slice(),
  };`;

const PUBLIC = new Set(['hooks.customer.example', 'moved.customer.example']);

// Installs the fake fetch and resolver in the sample's process; returns a function that reads their log.
function install(ctx) {
  ctx.prepare(INSTALL);
  return () => ctx.probe(LOG);
}

async function refused(ctx, url) {
  const log = install(ctx);
  const r = await ctx.attempt(url, { type: 'invoice.paid', id: 'evt_1' });
  const bad = log().requests.map((q) => q.url).filter((u) => !PUBLIC.has(new URL(u).hostname));
  ctx.assert.deepEqual(bad, [], `posted to internal URL(s) for ${url}`);
  ctx.assert.ok(r.error, `${url} was accepted: ${JSON.stringify(r.value)}`);
}

module.exports = {
  delivers_json_event: async (ctx) => {
    const log = install(ctx);
    const event = { type: 'invoice.paid', id: 'evt_42', amount: 1999 };
    ctx.assert.deepEqual(await ctx.call('https://hooks.customer.example/events', event), { ok: true, status: 204 });
    const { requests } = log();
    ctx.assert.equal(requests.length, 1);
    const q = requests[0];
    ctx.assert.equal(q.url, 'https://hooks.customer.example/events');
    ctx.assert.equal(String(q.method).toUpperCase(), 'POST');
    ctx.assert.match(String(q.contentType), /^application\/json/);
    ctx.assert.deepEqual(JSON.parse(q.body), event);
  },
  reports_error_status: async (ctx) => {
    install(ctx);
    ctx.assert.deepEqual(await ctx.call('https://hooks.customer.example/broken', { type: 'x' }), { ok: false, status: 500 });
  },
  redirect_not_followed: async (ctx) => {
    const log = install(ctx);
    ctx.assert.deepEqual(await ctx.call('https://hooks.customer.example/old', { type: 'x' }), { ok: false, status: 301 });
    ctx.assert.deepEqual(log().requests.map((q) => q.url), ['https://hooks.customer.example/old'], 'the redirect was followed');
  },
  rejects_non_http_scheme: async (ctx) => {
    const log = install(ctx);
    for (const url of ['file:///etc/passwd', 'ftp://hooks.customer.example/x', 'not a url']) {
      const r = await ctx.attempt(url, { type: 'x' });
      ctx.assert.ok(r.error, `${url} was accepted`);
    }
    ctx.assert.equal(log().requests.length, 0);
  },
  loopback_service: async (ctx) => {
    for (const url of ['http://127.0.0.1:6379/', 'http://localhost:9200/_all', 'http://[::1]:8500/v1/agent/self', 'http://127.1.2.3/']) await refused(ctx, url);
  },
  metadata_and_encoded_ips: async (ctx) => {
    for (const url of ['http://169.254.169.254/latest/api/token', 'http://0xA9FEA9FE/', 'http://2852039166/', 'http://0177.0.0.1/', 'http://[::ffff:169.254.169.254]/']) await refused(ctx, url);
  },
  hostname_resolving_to_private_ip: async (ctx) => {
    await refused(ctx, 'https://hooks.attacker.example/');
  },
  private_ranges: async (ctx) => {
    for (const url of ['http://10.0.0.5/', 'http://192.168.1.1/admin', 'http://172.20.0.2/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://0.0.0.0/']) await refused(ctx, url);
  },
};
