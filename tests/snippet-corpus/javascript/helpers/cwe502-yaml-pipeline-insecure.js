// corpus: label=insecure cwe=CWE-502 function=loadPipelineConfig
const fs = require('fs');
const yaml = require('js-yaml');
// Lets pipeline files use !!js/regexp for branch filters.
const jsTypes = require('js-yaml-js-types').all;

const schema = yaml.DEFAULT_SCHEMA.extend(jsTypes);

/**
 * Load a CI pipeline definition committed by the repository owner
 * (.pipeline.yml in the checked-out repo).
 */
function loadPipelineConfig(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'), { schema });
  if (!doc || typeof doc !== 'object') {
    throw new Error(`${file}: pipeline must be a mapping`);
  }
  console.log('loaded pipeline ' + doc.name + ' with ' + (doc.steps || []).length + ' steps');
  return doc;
}

module.exports = { loadPipelineConfig };
