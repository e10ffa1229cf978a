'use strict';

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
  && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

function clone(v) {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) return mergeSettings({}, v);
  return v;
}

function mergeSettings(defaults, overrides) {
  const out = {};
  // Own enumerable keys only, and never the keys that reach a prototype.
  for (const key of Object.keys(defaults || {})) {
    if (!UNSAFE.has(key)) out[key] = clone(defaults[key]);
  }
  for (const key of Object.keys(overrides || {})) {
    if (UNSAFE.has(key)) continue;
    const value = overrides[key];
    out[key] = isPlainObject(out[key]) && isPlainObject(value) ? mergeSettings(out[key], value) : clone(value);
  }
  return out;
}

module.exports = { mergeSettings };
