// corpus: label=insecure cwe=CWE-117 function=logLoginAttempt
/** One line per sign-in attempt; the log shipper forwards stdout to the SIEM. */
function logLoginAttempt(username, ip, ok) {
  const when = new Date().toISOString();
  console.log(`${when} ${ok ? 'INFO' : 'WARN'} login ${ok ? 'succeeded' : 'failed'} user=${username} ip=${ip}`);
}

module.exports = { logLoginAttempt };
