// corpus: label=insecure cwe=CWE-78 function=dnsLookup
const util = require('util');
const exec = util.promisify(require('child_process').exec);

const ALLOWED_TYPES = ['A', 'AAAA', 'MX', 'TXT', 'NS'];

// GET /dns?domain=example.com&type=MX
async function dnsLookup(req, res) {
  const domain = req.query.domain;
  const type = ALLOWED_TYPES.includes(req.query.type) ? req.query.type : 'A';

  try {
    const { stdout } = await exec(`dig +short ${type} ${domain}`);
    const records = stdout.trim().split('\n').filter(Boolean);
    res.json({ domain, type, records });
  } catch (err) {
    res.status(500).json({ error: 'lookup failed' });
  }
}

module.exports = { dnsLookup };
