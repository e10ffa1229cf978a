// corpus: label=secure cwe=CWE-1333 function=findMatchingTitles
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Case-insensitive "contains" search over titles, with support for several
 * space-separated words (all must match). Words are treated literally.
 * @param {string[]} titles
 * @param {string} query
 */
function findMatchingTitles(titles, query) {
  const words = String(query).trim().slice(0, 200).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];

  const patterns = words.map((w) => new RegExp(escapeRegExp(w), 'i'));
  return titles.filter((title) => patterns.every((re) => re.test(title)));
}

module.exports = { findMatchingTitles, escapeRegExp };
