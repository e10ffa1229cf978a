'use strict';

async function deliverWebhook(url, event) {
  const target = new URL(url);
  if (!['http:', 'https:'].includes(target.protocol)) throw new Error('unsupported scheme');
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), redirect: 'manual', signal: AbortSignal.timeout(5000) });
  return { ok: res.ok, status: res.status };
}

module.exports = { deliverWebhook };
