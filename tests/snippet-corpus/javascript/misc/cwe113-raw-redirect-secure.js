// corpus: label=secure cwe=CWE-113 function=writeRedirect
const net = require('net');

/**
 * Minimal HTTP/1.1 responder used by the captive-portal daemon (raw TCP,
 * no http module). Sends a 302 to `location`; control characters are
 * percent-encoded so the value can never end the header line.
 */
function writeRedirect(socket, location) {
  const safeLocation = String(location).replace(/[\x00-\x20\x7f]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase());
  const body = 'Redirecting\n';
  socket.write(
    'HTTP/1.1 302 Found\r\n' +
    `Location: ${safeLocation}\r\n` +
    'Content-Type: text/plain\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
  socket.end();
}

function startPortal(port = 8082) {
  return net.createServer((socket) => {
    socket.once('data', (chunk) => {
      const [, target = '/'] = /^GET (\S+)/.exec(chunk.toString('latin1')) || [];
      writeRedirect(socket, `/portal/login?orig=${encodeURIComponent(target)}`);
    });
  }).listen(port);
}

if (require.main === module) startPortal();

module.exports = { writeRedirect, startPortal };
