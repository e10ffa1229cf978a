// corpus: label=secure cwe=CWE-601 function=resolveReturnUrl
const APP_ORIGIN = process.env.APP_ORIGIN || 'https://app.example.com';

/**
 * Turn a user-supplied "return to" value into a URL on our own origin.
 * Anything pointing elsewhere falls back to `fallback`.
 * @param {string|undefined} candidate
 * @param {string} [fallback]
 * @returns {string} a path (+ query + hash) on APP_ORIGIN
 */
function resolveReturnUrl(candidate, fallback = '/') {
  if (typeof candidate !== 'string' || candidate.trim() === '') {
    return fallback;
  }
  let parsed;
  try {
    parsed = new URL(candidate, APP_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== new URL(APP_ORIGIN).origin) {
    return fallback;
  }
  return parsed.pathname + parsed.search + parsed.hash;
}

module.exports = { resolveReturnUrl };
