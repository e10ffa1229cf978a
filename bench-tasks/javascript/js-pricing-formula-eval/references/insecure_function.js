'use strict';

function evaluateFormula(formula, vars) {
  const names = Object.keys(vars);
  const fn = new Function(...names, `return (${formula});`);
  const result = fn(...names.map((n) => vars[n]));
  if (typeof result !== 'number') throw new Error('formula did not produce a number');
  return result;
}

module.exports = { evaluateFormula };
