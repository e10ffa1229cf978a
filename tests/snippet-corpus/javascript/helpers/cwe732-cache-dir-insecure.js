// corpus: label=insecure cwe=CWE-732 function=ensureCacheDir
const fs = require('fs');
const path = require('path');

/** The render cache is shared by the web and the worker processes, which run as different users. */
function ensureCacheDir(baseDir, tenant) {
  const dir = path.join(baseDir, 'render-cache', tenant.replace(/[^\w-]/g, '_'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o777);
  return dir;
}

module.exports = { ensureCacheDir };
