// corpus: label=insecure cwe=CWE-377 function=writeExport
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Dump the report rows as CSV for the mailer, which attaches and deletes the file. */
function writeExport(reportName, rows) {
  const file = path.join(os.tmpdir(), `${reportName.replace(/[^\w-]/g, '_')}.csv`);
  const lines = (Array.isArray(rows) ? rows : [rows]).map((r) => [].concat(r).join(','));
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

module.exports = { writeExport };
