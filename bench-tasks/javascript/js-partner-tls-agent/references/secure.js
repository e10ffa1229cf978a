'use strict';
const https = require('https');

// Trust the partner's CA for these requests only; certificate and host name checks stay on.
function createPartnerAgent(caPem) {
  return new https.Agent({ ca: caPem, keepAlive: true });
}

module.exports = { createPartnerAgent };
