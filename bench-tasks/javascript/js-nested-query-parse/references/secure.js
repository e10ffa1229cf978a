'use strict';

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function decode(s) {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

function parseQuery(query) {
  const result = {};
  const text = String(query).replace(/^\?/, '');
  if (!text) return result;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    const path = m ? [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])] : [key];
    // Never walk into or create a property that reaches a prototype.
    if (path.some((p) => UNSAFE.has(p))) continue;
    let node = result;
    for (let i = 0; i < path.length; i++) {
      const part = path[i];
      const last = i === path.length - 1;
      const nextIsPush = path[i + 1] === '';
      if (last) {
        if (part === '') { if (Array.isArray(node)) node.push(value); } else if (!Array.isArray(node)) node[part] = value;
        break;
      }
      if (Array.isArray(node)) break;
      if (!own(node, part)) node[part] = nextIsPush ? [] : {};
      const child = node[part];
      if (nextIsPush ? !Array.isArray(child) : !isObj(child)) break;
      node = child;
    }
  }
  return result;
}

module.exports = { parseQuery };
