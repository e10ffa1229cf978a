// corpus: label=secure cwe=CWE-1321 function=parseNestedQuery
/**
 * Turn flat query parameters like "filter[status]=open&filter[owner]=me"
 * into a nested object. Uses prototype-less objects so keys like
 * "__proto__" become ordinary data.
 * @param {URLSearchParams} params
 */
function parseNestedQuery(params) {
  const result = Object.create(null);
  for (const [rawKey, value] of params) {
    const parts = rawKey.split(/[[\]]+/).filter(Boolean);
    if (parts.length === 0) continue;
    let node = result;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) {
        node[part] = Object.create(null);
      }
      node = node[part];
    }
    node[parts[parts.length - 1]] = value;
  }
  return result;
}

module.exports = { parseNestedQuery };
