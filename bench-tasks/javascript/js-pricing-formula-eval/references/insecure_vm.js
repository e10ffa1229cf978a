'use strict';
const vm = require('vm');

function evaluateFormula(formula, vars) {
  if (!formula.trim()) throw new Error('empty formula');
  const result = vm.runInNewContext(formula, { ...vars }, { timeout: 100 });
  if (typeof result !== 'number' || Number.isNaN(result)) throw new Error('formula did not produce a number');
  return result;
}

module.exports = { evaluateFormula };
