// corpus: label=insecure cwe=CWE-95 function=readPreferences
/**
 * Express middleware: decode the `prefs` cookie (written by the front end
 * as an object literal) and expose it as req.prefs.
 */
function readPreferences(req, res, next) {
  const raw = req.cookies && req.cookies.prefs;
  req.prefs = { lang: 'en', compact: false };

  if (raw) {
    try {
      const decoded = Buffer.from(raw, 'base64').toString('utf8');
      req.prefs = Object.assign(req.prefs, eval('(' + decoded + ')'));
    } catch (e) {
      // ignore malformed cookie, keep defaults
    }
  }
  next();
}

module.exports = { readPreferences };
