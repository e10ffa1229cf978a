// corpus: label=secure cwe=CWE-22 function=loadEmailTemplate
const fs = require('fs/promises');
const path = require('path');

const TEMPLATE_DIR = path.resolve(__dirname, '..', 'templates', 'email');
const LOCALE_RE = /^[a-z]{2}(-[A-Z]{2})?$/;
const cache = new Map();

/**
 * Load an e-mail template by name, e.g. "welcome" or "invoices/reminder".
 */
async function loadEmailTemplate(name, locale = 'en') {
  if (!LOCALE_RE.test(locale)) throw new Error(`unsupported locale: ${locale}`);

  const localeDir = path.join(TEMPLATE_DIR, locale);
  const file = path.resolve(localeDir, String(name));
  if (!file.startsWith(localeDir + path.sep)) {
    throw new Error('template name escapes the template directory');
  }

  const key = `${locale}:${file}`;
  if (cache.has(key)) return cache.get(key);
  const body = await fs.readFile(file, 'utf8');
  cache.set(key, body);
  return body;
}

module.exports = { loadEmailTemplate };
