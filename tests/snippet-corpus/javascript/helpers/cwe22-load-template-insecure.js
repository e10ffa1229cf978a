// corpus: label=insecure cwe=CWE-22 function=loadEmailTemplate
const fs = require('fs/promises');
const path = require('path');

const TEMPLATE_DIR = path.join(__dirname, '..', 'templates', 'email');
const cache = new Map();

/**
 * Load an e-mail template by name, e.g. "welcome" or "invoices/reminder".
 * The locale folder is chosen by the caller (from the user's settings).
 */
async function loadEmailTemplate(name, locale = 'en') {
  const key = `${locale}:${name}`;
  if (cache.has(key)) return cache.get(key);

  const file = path.join(TEMPLATE_DIR, locale, name);
  const body = await fs.readFile(file, 'utf8');
  cache.set(key, body);
  return body;
}

module.exports = { loadEmailTemplate };
