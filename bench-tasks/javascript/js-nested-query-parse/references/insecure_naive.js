'use strict';

function parseQuery(query) {
  const out = {};
  for (const pair of String(query).replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const parts = key.split('[').map((p) => p.replace(/\]$/, ''));
    let node = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const p = parts[i];
      if (typeof node[p] === 'string') { node = null; break; }
      if (node[p] === undefined) node[p] = parts[i + 1] === '' ? [] : {};
      node = node[p];
    }
    if (!node) continue;
    const last = parts[parts.length - 1];
    if (last === '' && Array.isArray(node)) node.push(value); else node[last] = value;
  }
  return out;
}

module.exports = { parseQuery };
