// corpus: label=insecure cwe=CWE-79 function=notFound
const http = require('http');

const routes = {
  '/': (req, res) => res.end('<h1>Home</h1>'),
  '/about': (req, res) => res.end('<h1>About us</h1>'),
};

function notFound(req, res) {
  const requested = decodeURIComponent(req.url);
  res.writeHead(404, { 'Content-Type': 'text/html' });
  res.end(`<html><body>
    <h1>404 - Page not found</h1>
    <p>Sorry, we could not find <code>${requested}</code>.</p>
    <p><a href="/">Back to the home page</a></p>
  </body></html>`);
}

const server = http.createServer((req, res) => {
  const handler = routes[req.url.split('?')[0]];
  res.setHeader('Content-Type', 'text/html');
  (handler || notFound)(req, res);
});

if (require.main === module) server.listen(8080);
module.exports = { notFound };
