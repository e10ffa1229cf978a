// corpus: label=secure cwe=CWE-1321 function=deepMerge
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Recursively merge `source` into `target` (used to apply user settings
 * from a JSON request body on top of the defaults).
 */
function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const value = source[key];
    if (isPlainObject(value)) {
      const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
      target[key] = deepMerge(isPlainObject(current) ? current : {}, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

module.exports = { deepMerge };
