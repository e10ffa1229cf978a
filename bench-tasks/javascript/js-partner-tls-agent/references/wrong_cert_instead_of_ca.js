'use strict';
const https = require('https');

function createPartnerAgent(caPem) {
  return new https.Agent({ cert: caPem });
}

module.exports = { createPartnerAgent };
