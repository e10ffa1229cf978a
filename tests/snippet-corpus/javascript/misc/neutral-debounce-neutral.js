// corpus: label=neutral cwe=- function=debounce
/**
 * Returns a debounced version of `fn` that runs `wait` ms after the last call.
 * @param {Function} fn
 * @param {number} wait
 * @param {{ leading?: boolean }} [options]
 */
function debounce(fn, wait, { leading = false } = {}) {
  let timer = null;

  function debounced(...args) {
    const callNow = leading && timer === null;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!leading) fn.apply(this, args);
    }, wait);
    if (callNow) fn.apply(this, args);
  }

  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

module.exports = { debounce };
