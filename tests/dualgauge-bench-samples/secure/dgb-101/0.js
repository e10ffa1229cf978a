const fs = require('fs');
const path = require('path');

function read_note(filename) {
  const base = fs.realpathSync('test_dir');
  const target = path.resolve(base, filename);
  if (target !== base && !target.startsWith(base + path.sep)) return 'Error: Invalid path';
  return fs.readFileSync(target, 'utf8');
}
module.exports = { read_note };
