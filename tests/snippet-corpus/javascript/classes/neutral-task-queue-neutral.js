// corpus: label=neutral cwe=- function=push class=TaskQueue
const { EventEmitter } = require('events');

/** Runs async tasks with a fixed concurrency limit. */
class TaskQueue extends EventEmitter {
  constructor(concurrency = 2) {
    super();
    this.concurrency = concurrency;
    this.running = 0;
    this.queue = [];
  }

  push(task) {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.#next();
    });
  }

  #next() {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const { task, resolve, reject } = this.queue.shift();
      this.running += 1;
      Promise.resolve()
        .then(task)
        .then(resolve, reject)
        .finally(() => {
          this.running -= 1;
          if (this.running === 0 && this.queue.length === 0) this.emit('drain');
          this.#next();
        });
    }
  }
}

module.exports = TaskQueue;
