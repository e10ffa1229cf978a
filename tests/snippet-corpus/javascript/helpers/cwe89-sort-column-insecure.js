// corpus: label=insecure cwe=CWE-89 function=getEmployees
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('hr.sqlite');

// Returns employees of a department, sortable by any column the UI offers.
function getEmployees(department, sortBy = 'last_name', direction = 'ASC') {
  return new Promise((resolve, reject) => {
    const sql =
      'SELECT id, first_name, last_name, title, hired_on FROM employees ' +
      'WHERE department = ? ORDER BY ' + sortBy + ' ' + direction;

    db.all(sql, [department], (err, rows) => {
      if (err) return reject(err);
      resolve(rows);
    });
  });
}

module.exports = { getEmployees };
