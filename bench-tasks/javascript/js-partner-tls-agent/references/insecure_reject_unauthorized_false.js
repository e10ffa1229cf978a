'use strict';
const https = require('https');

function createPartnerAgent(caPem) {
  return new https.Agent({ ca: caPem, rejectUnauthorized: false });
}

module.exports = { createPartnerAgent };
