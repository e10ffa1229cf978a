// corpus: label=secure cwe=CWE-1321 function=setByPath
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Set a nested value from a dotted path, creating objects on the way:
 * setByPath(config, 'ui.sidebar.width', 240)
 */
function setByPath(obj, path, value) {
  const keys = path.split('.');
  if (keys.some((k) => FORBIDDEN.has(k))) throw new Error(`refusing to set ${path}`);
  let node = obj;
  keys.slice(0, -1).forEach((k) => {
    if (!Object.prototype.hasOwnProperty.call(node, k) || typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k];
  });
  node[keys[keys.length - 1]] = value;
  return obj;
}

module.exports = { setByPath };
