// corpus: label=neutral cwe=- function=parseCsvLine
/**
 * Parse one CSV line (RFC 4180 quoting, no embedded newlines).
 *   parseCsvLine('a,"b,c","say ""hi"""') -> ['a', 'b,c', 'say "hi"']
 */
function parseCsvLine(line, delimiter = ',') {
  const fields = [];
  let field = '';
  let inQuotes = false;

  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

module.exports = { parseCsvLine };
