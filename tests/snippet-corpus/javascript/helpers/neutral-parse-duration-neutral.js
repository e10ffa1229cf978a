// corpus: label=neutral cwe=- function=parseDuration
const FACTORS = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };

/**
 * Parse durations like "1h30m", "45s" or "250ms" into milliseconds.
 * Returns NaN for malformed input.
 */
function parseDuration(text) {
  const input = String(text).trim().toLowerCase();
  if (input === '') return NaN;

  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  let match;
  while ((match = re.exec(input)) !== null) {
    if (match.index !== consumed) return NaN;
    total += Number(match[1]) * FACTORS[match[2]];
    consumed = re.lastIndex;
  }
  return consumed === input.length ? total : NaN;
}

module.exports = { parseDuration };
