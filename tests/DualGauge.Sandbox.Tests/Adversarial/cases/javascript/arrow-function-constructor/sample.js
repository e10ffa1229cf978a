'use strict';

const F = (() => {}).constructor;

function evaluateFormula(formula, vars) {
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const names = Object.keys(vars);
  const result = new F(...names, `return (${formula});`)(...names.map((n) => vars[n]));
  const created = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
  for (const k of created) delete globalThis[k];
  if (created.length || typeof result !== 'number') throw new Error('formula did not produce a number');
  return result;
}

module.exports = { evaluateFormula };
