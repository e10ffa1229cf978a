// corpus: label=insecure cwe=CWE-1321 function=setByPath
/**
 * Set a nested value from a dotted path, creating objects on the way:
 * setByPath(config, 'ui.sidebar.width', 240)
 */
function setByPath(obj, path, value) {
  const keys = path.split('.');
  let node = obj;
  keys.slice(0, -1).forEach((k) => {
    if (node[k] === undefined) node[k] = {};
    node = node[k];
  });
  node[keys[keys.length - 1]] = value;
  return obj;
}

module.exports = { setByPath };
