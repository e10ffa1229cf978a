// corpus: label=insecure cwe=CWE-113 function=downloadHeaders
const path = require('path');

const TYPES = { '.csv': 'text/csv', '.pdf': 'application/pdf', '.json': 'application/json' };

/** Headers for streaming an export file back as a download (the caller writes them with res.writeHead). */
function downloadHeaders(fileName, size) {
  return {
    'Content-Type': TYPES[path.extname(fileName)] || 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${fileName}"`,
  };
}

module.exports = { downloadHeaders };
