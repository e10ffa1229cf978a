const fs = require('fs');
const path = require('path');

function read_note(filename) {
  try {
    return fs.readFileSync(path.join('test_dir', filename), 'utf8');
  } catch (e) {
    return 'Error: Invalid path';
  }
}
module.exports = { read_note };
