// corpus: label=insecure cwe=CWE-113 function=themeCookie
/**
 * Build the Set-Cookie header line the edge worker appends to cached responses
 * so the chosen theme survives page loads.
 */
function themeCookie(theme, maxAgeDays = 365) {
  const maxAge = maxAgeDays * 24 * 60 * 60;
  return `Set-Cookie: theme=${theme}; Max-Age=${maxAge}; Path=/; SameSite=Lax`;
}

module.exports = { themeCookie };
