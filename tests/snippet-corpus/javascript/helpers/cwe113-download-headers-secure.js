// corpus: label=secure cwe=CWE-113 function=downloadHeaders
const path = require('path');

const TYPES = { '.csv': 'text/csv', '.pdf': 'application/pdf', '.json': 'application/json' };

/** Headers for streaming an export file back as a download (the caller writes them with res.writeHead). */
function downloadHeaders(fileName, size) {
  // Printable ASCII without quotes or backslashes for the plain form, RFC 5987 for the rest.
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'Content-Type': TYPES[path.extname(fileName)] || 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  };
}

module.exports = { downloadHeaders };
