// corpus: label=secure cwe=CWE-502 function=loadPipelineConfig
const fs = require('fs');
const yaml = require('js-yaml');

/**
 * Load a CI pipeline definition committed by the repository owner
 * (.pipeline.yml in the checked-out repo). Only plain YAML data types are
 * allowed; branch filters are written as strings and compiled later.
 */
function loadPipelineConfig(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA, json: true });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`${file}: pipeline must be a mapping`);
  }
  const name = typeof doc.name === 'string' ? doc.name : '(unnamed)';
  const steps = Array.isArray(doc.steps) ? doc.steps : [];
  console.log(`loaded pipeline ${name} with ${steps.length} steps`);
  return { ...doc, name, steps };
}

module.exports = { loadPipelineConfig };
