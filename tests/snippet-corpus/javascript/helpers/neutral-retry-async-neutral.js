// corpus: label=neutral cwe=- function=retry
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retry an async operation with exponential backoff.
 * @param {() => Promise<any>} operation
 * @param {{ retries?: number, delay?: number, factor?: number, onRetry?: (err: Error, attempt: number) => void }} [options]
 */
async function retry(operation, { retries = 3, delay = 200, factor = 2, onRetry } = {}) {
  let attempt = 0;
  let wait = delay;
  for (;;) {
    try {
      return await operation();
    } catch (err) {
      attempt += 1;
      if (attempt > retries) throw err;
      if (onRetry) onRetry(err, attempt);
      await sleep(wait);
      wait *= factor;
    }
  }
}

module.exports = { retry };
