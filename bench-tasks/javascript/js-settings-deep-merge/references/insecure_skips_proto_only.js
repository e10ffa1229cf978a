'use strict';

const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
const deepCopy = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

function merge(target, source) {
  for (const key in source) {
    if (key === '__proto__') continue;
    const v = source[key];
    if (isObject(v) && !Array.isArray(v)) {
      if (!isObject(target[key])) target[key] = {};
      merge(target[key], v);
    } else {
      target[key] = deepCopy(v);
    }
  }
  return target;
}

function mergeSettings(defaults, overrides) {
  return merge(deepCopy(defaults), overrides);
}

module.exports = { mergeSettings };
