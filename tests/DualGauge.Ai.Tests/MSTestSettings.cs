// Timing assertions (Retry-After) and the shared sandbox want the tests one at a time.
[assembly: DoNotParallelize]
