// corpus: label=secure cwe=CWE-326 function=createDeviceKeys
const crypto = require('crypto');

/** Key pair each IoT device registers with; the private key is flashed to the device. */
function createDeviceKeys() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

module.exports = { createDeviceKeys };
