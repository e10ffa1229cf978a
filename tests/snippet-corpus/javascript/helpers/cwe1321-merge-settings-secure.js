// corpus: label=secure cwe=CWE-1321 function=applyOverrides
/** Layer a tenant's JSON overrides on top of the default settings (a new object; unsafe keys skipped). */
function applyOverrides(defaults, overrides) {
  const out = { ...defaults };
  for (const key of Object.keys(overrides)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = overrides[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const base = Object.prototype.hasOwnProperty.call(out, key) && out[key] && typeof out[key] === 'object' ? out[key] : {};
      out[key] = applyOverrides(base, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

module.exports = { applyOverrides };
