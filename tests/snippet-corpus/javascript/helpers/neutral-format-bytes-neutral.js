// corpus: label=neutral cwe=- function=formatBytes
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Human readable file size: formatBytes(1536) -> "1.5 KB".
 * @param {number} bytes
 * @param {number} [decimals=1]
 */
function formatBytes(bytes, decimals = 1) {
  if (!Number.isFinite(bytes) || bytes < 0) return '-';
  if (bytes < 1024) return `${bytes} B`;

  const exponent = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), UNITS.length - 1);
  const value = bytes / 1024 ** exponent;
  return `${value.toFixed(decimals).replace(/\.0+$/, '')} ${UNITS[exponent]}`;
}

module.exports = { formatBytes };
