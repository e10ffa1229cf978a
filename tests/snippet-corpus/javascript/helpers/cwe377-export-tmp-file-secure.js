// corpus: label=secure cwe=CWE-377 function=writeExport
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Dump the report rows as CSV for the mailer, which attaches and deletes the file (and its folder). */
function writeExport(reportName, rows) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  const file = path.join(dir, `${reportName.replace(/[^\w-]/g, '_')}.csv`);
  const lines = (Array.isArray(rows) ? rows : [rows]).map((r) => [].concat(r).join(','));
  fs.writeFileSync(file, lines.join('\n'), { flag: 'wx', mode: 0o600 });
  return file;
}

module.exports = { writeExport };
