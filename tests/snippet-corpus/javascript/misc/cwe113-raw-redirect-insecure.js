// corpus: label=insecure cwe=CWE-113 function=writeRedirect
const net = require('net');

/**
 * Minimal HTTP/1.1 responder used by the captive-portal daemon (raw TCP,
 * no http module). Sends a 302 to `location`.
 */
function writeRedirect(socket, location) {
  const body = `Redirecting to ${location}\n`;
  socket.write(
    'HTTP/1.1 302 Found\r\n' +
    `Location: ${location}\r\n` +
    'Content-Type: text/plain\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
  socket.end();
}

// Every request is redirected to the login page, keeping the original target.
function startPortal(port = 8082) {
  return net.createServer((socket) => {
    socket.once('data', (chunk) => {
      const [, target = '/'] = /^GET (\S+)/.exec(chunk.toString('latin1')) || [];
      writeRedirect(socket, `/portal/login?orig=${decodeURIComponent(target)}`);
    });
  }).listen(port);
}

if (require.main === module) startPortal();

module.exports = { writeRedirect, startPortal };
