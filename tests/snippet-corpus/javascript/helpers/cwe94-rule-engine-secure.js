// corpus: label=secure cwe=CWE-94 function=evaluateRule
const OPERATORS = new Map([
  ['eq', (a, b) => a === b],
  ['neq', (a, b) => a !== b],
  ['gt', (a, b) => a > b],
  ['gte', (a, b) => a >= b],
  ['lt', (a, b) => a < b],
  ['lte', (a, b) => a <= b],
  ['in', (a, b) => Array.isArray(b) && b.includes(a)],
  ['contains', (a, b) => typeof a === 'string' && a.includes(String(b))],
]);

/**
 * Evaluate a declarative discount rule such as
 *   { all: [{ field: 'cartTotal', op: 'gte', value: 50 }, { field: 'country', op: 'in', value: ['DE', 'AT'] }] }
 * against a context object, without compiling any code.
 */
function evaluateRule(rule, context) {
  if (!rule || typeof rule !== 'object') return false;
  if (Array.isArray(rule.all)) return rule.all.every((r) => evaluateRule(r, context));
  if (Array.isArray(rule.any)) return rule.any.some((r) => evaluateRule(r, context));

  const op = OPERATORS.get(rule.op);
  if (!op || typeof rule.field !== 'string') return false;
  const actual = Object.prototype.hasOwnProperty.call(context, rule.field) ? context[rule.field] : undefined;
  return op(actual, rule.value);
}

module.exports = { evaluateRule };
