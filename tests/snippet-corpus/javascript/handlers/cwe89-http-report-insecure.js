// corpus: label=insecure cwe=CWE-89 function=handleReport
const http = require('http');
const { URL } = require('url');
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('metrics.db');

// GET /report?from=2024-01-01&to=2024-01-31&region=eu
function handleReport(req, res) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const from = url.searchParams.get('from') || '1970-01-01';
  const to = url.searchParams.get('to') || '2999-12-31';
  const region = url.searchParams.get('region') || 'all';

  let sql = `SELECT day, SUM(visits) AS visits FROM traffic WHERE day BETWEEN '${from}' AND '${to}'`;
  if (region !== 'all') sql += ` AND region = '${region}'`;
  sql += ' GROUP BY day ORDER BY day';

  db.all(sql, (err, rows) => {
    res.setHeader('Content-Type', 'application/json');
    if (err) {
      res.statusCode = 500;
      return res.end(JSON.stringify({ error: 'query failed' }));
    }
    res.end(JSON.stringify(rows));
  });
}

if (require.main === module) {
  http.createServer(handleReport).listen(process.env.PORT || 8080);
}

module.exports = { handleReport };
