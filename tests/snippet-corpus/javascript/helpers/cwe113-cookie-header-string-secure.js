// corpus: label=secure cwe=CWE-113 function=themeCookie
const THEMES = new Set(['light', 'dark', 'high-contrast', 'sepia']);

/**
 * Build the Set-Cookie header line the edge worker appends to cached responses
 * so the chosen theme survives page loads.
 */
function themeCookie(theme, maxAgeDays = 365) {
  const value = THEMES.has(theme) ? theme : 'light';
  const maxAge = maxAgeDays * 24 * 60 * 60;
  return `Set-Cookie: theme=${value}; Max-Age=${maxAge}; Path=/; SameSite=Lax`;
}

module.exports = { themeCookie };
