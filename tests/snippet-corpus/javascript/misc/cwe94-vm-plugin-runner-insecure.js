// corpus: label=insecure cwe=CWE-94 function=runUserScript
const vm = require('vm');

/**
 * Run a customer-provided transformation script against a record.
 * The script runs in a separate V8 context with a timeout, e.g.
 *   "result = { ...input, total: input.qty * input.price }"
 */
function runUserScript(source, input, timeoutMs = 500) {
  const sandbox = { input: JSON.parse(JSON.stringify(input)), result: null };
  vm.createContext(sandbox);
  vm.runInContext(source, sandbox, { timeout: timeoutMs, filename: 'user-script.js' });
  return sandbox.result;
}

module.exports = { runUserScript };
