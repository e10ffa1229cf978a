'use strict';

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function mergeSettings(defaults, overrides) {
  const out = {};
  for (const k of Object.keys(defaults)) out[k] = isObj(defaults[k]) ? mergeSettings(defaults[k], {}) : Array.isArray(defaults[k]) ? [...defaults[k]] : defaults[k];
  for (const k of Object.keys(overrides)) {
    if (['__proto__', 'constructor', 'prototype'].includes(k)) continue;
    const v = overrides[k];
    if (isObj(out[k]) && isObj(v)) out[k] = mergeSettings(out[k], v);
    else if (Array.isArray(out[k]) && Array.isArray(v)) out[k] = [...out[k], ...v];
    else out[k] = v;
  }
  return out;
}

module.exports = { mergeSettings };
