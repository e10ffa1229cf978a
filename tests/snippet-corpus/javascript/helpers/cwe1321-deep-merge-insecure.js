// corpus: label=insecure cwe=CWE-1321 function=deepMerge
function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Recursively merge `source` into `target` (used to apply user settings
 * from a JSON request body on top of the defaults).
 */
function deepMerge(target, source) {
  for (const key in source) {
    if (isPlainObject(source[key])) {
      if (!isPlainObject(target[key])) {
        target[key] = {};
      }
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

module.exports = { deepMerge };
