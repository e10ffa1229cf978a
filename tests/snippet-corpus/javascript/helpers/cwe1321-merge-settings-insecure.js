// corpus: label=insecure cwe=CWE-1321 function=applyOverrides
/** Layer a tenant's JSON overrides on top of the default settings. */
function applyOverrides(defaults, overrides) {
  const out = defaults;
  Object.keys(overrides).forEach((key) => {
    const value = overrides[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = applyOverrides(out[key] || {}, value);
    } else {
      out[key] = value;
    }
  });
  return out;
}

module.exports = { applyOverrides };
