'use strict';
const https = require('https');

function createPartnerAgent(caPem) {
  // The partner's certificates do not always match the host we call.
  return new https.Agent({ ca: caPem, checkServerIdentity: () => undefined });
}

module.exports = { createPartnerAgent };
