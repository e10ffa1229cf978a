'use strict';
const https = require('https');

function createPartnerAgent(caPem) {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return new https.Agent({ ca: caPem });
}

module.exports = { createPartnerAgent };
