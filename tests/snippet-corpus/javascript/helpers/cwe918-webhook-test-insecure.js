// corpus: label=insecure cwe=CWE-918 function=sendTestWebhook
const http = require('http');
const https = require('https');

/**
 * "Send test event" button on the integrations page.
 * @param {{ callbackUrl: string, secret?: string }} options
 * @returns {Promise<{ status: number, body: string }>}
 */
function sendTestWebhook({ callbackUrl, secret = '' }) {
  const payload = JSON.stringify({ type: 'ping', sentAt: new Date().toISOString() });
  const client = callbackUrl.startsWith('https:') ? https : http;

  return new Promise((resolve, reject) => {
    const req = client.request(callbackUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Webhook-Secret': secret },
      timeout: 5000,
    }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

module.exports = { sendTestWebhook };
