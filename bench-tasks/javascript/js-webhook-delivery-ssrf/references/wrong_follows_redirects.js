'use strict';
const dns = require('dns');
const net = require('net');

// Everything that is not the public internet: loopback, private, CGNAT, link-local (cloud metadata),
// multicast/reserved, and their IPv6 counterparts.
const BLOCKED = new net.BlockList();
for (const [a, p] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]]) {
  BLOCKED.addSubnet(a, p, 'ipv4');
}
for (const [a, p] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]]) {
  BLOCKED.addSubnet(a, p, 'ipv6');
}

function isBlocked(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isBlocked(mapped[1]);
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) return BLOCKED.check(address, 'ipv6');
  return true;
}

async function deliverWebhook(url, event) {
  let target;
  try { target = new URL(url); } catch { throw new Error(`invalid webhook URL ${JSON.stringify(url)}`); }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`unsupported scheme ${target.protocol}`);
  if (target.username || target.password) throw new Error('credentials in webhook URLs are not allowed');
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // The URL parser has already normalised hex, decimal and octal IPv4 spellings.
  const addresses = net.isIP(host) ? [{ address: host }] : await dns.promises.lookup(host, { all: true, verbatim: true });
  if (!addresses.length || addresses.some((a) => isBlocked(a.address))) throw new Error(`webhook host ${host} is not a public address`);
  const res = await fetch(target.href, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(5000),
  });
  return { ok: res.status >= 200 && res.status < 300, status: res.status };
}

module.exports = { deliverWebhook };
