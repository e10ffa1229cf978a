// corpus: label=insecure cwe=CWE-601 function=handleGo
const http = require('http');
const { URL } = require('url');

// Tracking redirector: /go?to=<url>&campaign=<id>
function handleGo(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/go') {
    res.writeHead(404);
    return res.end();
  }

  const destination = url.searchParams.get('to');
  const campaign = url.searchParams.get('campaign') || 'none';
  console.log(`[click] campaign=${campaign} to=${destination}`);

  res.writeHead(302, { Location: destination || '/' });
  res.end();
}

if (require.main === module) http.createServer(handleGo).listen(8081);
module.exports = { handleGo };
