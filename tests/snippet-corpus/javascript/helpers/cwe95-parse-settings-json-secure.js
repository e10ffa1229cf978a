// corpus: label=secure cwe=CWE-95 function=parseWidgetSettings
const DEFAULTS = Object.freeze({ theme: 'light', refreshSeconds: 60, columns: 3 });

/**
 * Parse the widget settings blob stored in the user's cookie/localStorage.
 * Falls back to defaults on anything malformed.
 */
function parseWidgetSettings(raw) {
  if (typeof raw !== 'string' || raw.length > 4096) {
    return { ...DEFAULTS };
  }
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ...DEFAULTS };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ...DEFAULTS };
  }
  return {
    theme: parsed.theme === 'dark' ? 'dark' : 'light',
    refreshSeconds: Number.isInteger(parsed.refreshSeconds) ? Math.max(10, parsed.refreshSeconds) : DEFAULTS.refreshSeconds,
    columns: [1, 2, 3, 4].includes(parsed.columns) ? parsed.columns : DEFAULTS.columns,
  };
}

module.exports = { parseWidgetSettings };
