// corpus: label=insecure cwe=CWE-22 function=serveStatic
const http = require('http');
const fs = require('fs');
const path = require('path');

const PUBLIC_DIR = path.join(__dirname, 'public');
const TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

function serveStatic(req, res) {
  const pathname = decodeURIComponent(req.url.split('?')[0]);
  const filePath = path.join(PUBLIC_DIR, pathname === '/' ? 'index.html' : pathname);

  fs.readFile(filePath, (err, content) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(filePath)] || 'application/octet-stream' });
    res.end(content);
  });
}

if (require.main === module) {
  http.createServer(serveStatic).listen(8000);
}
module.exports = { serveStatic };
