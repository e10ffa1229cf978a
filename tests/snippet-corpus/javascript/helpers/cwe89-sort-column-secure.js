// corpus: label=secure cwe=CWE-89 function=getEmployees
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('hr.sqlite');

const SORTABLE_COLUMNS = new Set(['first_name', 'last_name', 'title', 'hired_on']);

// Returns employees of a department, sortable by a whitelisted column.
function getEmployees(department, sortBy = 'last_name', direction = 'ASC') {
  const column = SORTABLE_COLUMNS.has(sortBy) ? sortBy : 'last_name';
  const dir = String(direction).toUpperCase() === 'DESC' ? 'DESC' : 'ASC';

  return new Promise((resolve, reject) => {
    const sql =
      'SELECT id, first_name, last_name, title, hired_on FROM employees ' +
      `WHERE department = ? ORDER BY ${column} ${dir}`;

    db.all(sql, [department], (err, rows) => {
      if (err) return reject(err);
      resolve(rows);
    });
  });
}

module.exports = { getEmployees };
