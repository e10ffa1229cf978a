// corpus: label=secure cwe=CWE-22 function=entryDestination
const path = require('path');

/**
 * Compute where an archive entry should be extracted, rejecting entries
 * ("zip slip") that would land outside the destination directory.
 * @param {string} destDir  extraction root
 * @param {string} entryName  name stored in the archive
 * @returns {string} absolute output path
 */
function entryDestination(destDir, entryName) {
  const root = path.resolve(destDir);
  const normalized = String(entryName).replace(/\\/g, '/');
  if (normalized.includes('\0')) {
    throw new Error(`illegal entry name: ${entryName}`);
  }

  const target = path.resolve(root, normalized);
  if (target !== root && !target.startsWith(root + path.sep)) {
    throw new Error(`entry escapes extraction directory: ${entryName}`);
  }
  return target;
}

module.exports = { entryDestination };
