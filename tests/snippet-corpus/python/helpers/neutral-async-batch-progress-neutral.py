# corpus: label=neutral cwe=- function=run_batches
import asyncio


async def _process(item):
    await asyncio.sleep(0)  # stand-in for CPU-light work
    return item * item


async def run_batches(items, concurrency=4, on_progress=None):
    """Square every item with at most `concurrency` tasks in flight; report progress."""
    semaphore = asyncio.Semaphore(concurrency)
    done = 0

    async def worker(value):
        nonlocal done
        async with semaphore:
            result = await _process(value)
        done += 1
        if on_progress:
            on_progress(done, len(items))
        return result

    return await asyncio.gather(*(worker(v) for v in items))


if __name__ == "__main__":
    print(asyncio.run(run_batches(list(range(10)))))
