// corpus: label=neutral cwe=- function=slugify
/**
 * Convert a title into a URL slug: "Hello, World!" -> "hello-world".
 * @param {string} text
 * @param {{ maxLength?: number, separator?: string }} [options]
 */
function slugify(text, { maxLength = 80, separator = '-' } = {}) {
  const slug = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');

  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastSep = cut.lastIndexOf(separator);
  return lastSep > maxLength / 2 ? cut.slice(0, lastSep) : cut;
}

module.exports = { slugify };
