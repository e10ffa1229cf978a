// corpus: label=secure cwe=CWE-732 function=ensureCacheDir
const fs = require('fs');
const path = require('path');

/** The render cache is shared by the web and the worker processes, which share the "render" group. */
function ensureCacheDir(baseDir, tenant) {
  const dir = path.join(baseDir, 'render-cache', tenant.replace(/[^\w-]/g, '_'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o770 });
  fs.chmodSync(dir, 0o770);
  return dir;
}

module.exports = { ensureCacheDir };
