/* Probes for the fuzz template: a built-in mutator run for the descriptor's time budget (budget-ms) over
 * inputs built from the function's signature, under the tests' ASan + UBSan.
 *
 * The calls run in a forked executor process (the test process is the fuzzer): the parent writes each input
 * into shared memory, the executor builds the arguments, calls the function and answers; its sanitizer
 * reports go to a memfd (never to the harness's logs), so that only the final reproducer is reported. The
 * first report of the probe's kind stops the loop; the input is then minimised (shorter buffers, plainer
 * bytes, smaller integers, while the same kind at the same place reproduces) and run once more in a fresh
 * child whose report goes to the harness as usual: the trace's sanitizer event names the user's line, and
 * the probe's finding names the input. Reports of other kinds are left to the probes for them.
 *
 * Inputs (per parameter role): text, bytes, int-array and file-handle contents are fuzzed buffers
 * (lengths 0, 1, powers of two and +-1, long; bytes 'A', 0x00, 0x01, 0x7f, 0x80, 0xff; then bit flips,
 * insertions, deletions, repeats); a length that measures a buffer is always its true length (a length
 * that lies about its buffer is a broken contract, not a bug); an output buffer measured by a length gets
 * sizes from 0 to 128 with strings of its size -1, +0, +1; integer, index and free length parameters get
 * boundary values (0, +-1, INT_MAX, INT_MIN, UINT_MAX, 2^32, LLONG_MAX, SIZE_MAX/2, the buffers' sizes +-1),
 * except beside an array or output buffer no length measures: an integer may then be its capacity, and
 * stays within [0, its size] (dg_fz_clamp).
 * NULL rule: a NULL pointer argument is tried only when the function itself compares one of its
 * parameters with NULL (null_checked): its contract then admits NULL, and a pointer it does not check is
 * the missing NULL check. A NULL from a failed allocation (sizes at their boundaries, the sanitizer's
 * allocator returns NULL for impossible sizes) is tried for every function.
 *
 * Each probe prints one line on stdout, "dg-fuzz: <probe> execs=N fuzz_ms=F budget_ms=B ...", its own
 * measure of the time spent fuzzing (minimising and the final run are counted apart). */
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#include <dlfcn.h>

#define DG_FZ_CAP 4096        /* bytes of one fuzzed buffer */
#define DG_FZ_RESPAWN 256     /* calls per executor (its inputs are never freed) */
#define DG_FZ_CALL_MS 100     /* longest single call before the executor's timer ends it */
#define DG_FZ_SEEDS 128

enum { DG_FZ_FIXED, DG_FZ_BUF, DG_FZ_OUT, DG_FZ_INT };
enum { DG_FZ_OK, DG_FZ_REPORT, DG_FZ_OTHER, DG_FZ_LOST };

typedef struct {
    int null[DG_MAX_PARAMS];
    size_t len[DG_MAX_PARAMS];          /* BUF: bytes (text: characters; arrays: elements); OUT: size */
    long long n[DG_MAX_PARAMS];         /* INT */
    unsigned char d[DG_MAX_PARAMS][DG_FZ_CAP];
} dg_fz_input;

typedef struct {
    dg_fz_input in;
    long call_ms;
} dg_fz_shared;

typedef struct {
    char kind[64];    /* heap-buffer-overflow, SEGV, signed-integer-overflow... */
    char where[160];  /* the first frame in the sample (solution.c:12), else the first frame */
    int null_address;
} dg_fz_report;

typedef struct {
    dg_target *t;
    const dg_probe *p;
    int (*wanted)(const dg_fz_report *);
    int cls[DG_MAX_PARAMS];
    int null_ok;
    int measured[DG_MAX_PARAMS];   /* a length parameter gives this buffer's size */
    long long int_cap;             /* >= 0: integers stay within [0, int_cap] (see dg_fz_clamp) */
    dg_fz_shared *shm;
    pid_t pid;
    int go, done, err;
    off_t err_seen;
    int served;
    long execs, completed, reports_other;
    unsigned long long rng;
    dg_fz_input seeds[DG_FZ_SEEDS];
    int nseeds;
    dg_fz_report last;
} dg_fuzzer;

static double dg_fz_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static unsigned long long dg_fz_rand(dg_fuzzer *f)
{
    f->rng ^= f->rng << 13;
    f->rng ^= f->rng >> 7;
    f->rng ^= f->rng << 17;
    return f->rng;
}

/* A record with a fill function is fuzzed as the text its string fields are filled from. */
static int dg_fz_filled(const dg_param *q) { return dg_is(q->role, "record") && q->fill != NULL; }

static int dg_fz_textual(const dg_param *q) { return dg_is(q->role, "text") || dg_fz_filled(q); }

static size_t dg_fz_elem(const dg_param *q) { return dg_fz_filled(q) ? 1 : q->elem ? q->elem : 1; }

/* The most elements a fuzzed buffer holds. */
static size_t dg_fz_max(const dg_param *q) { return DG_FZ_CAP / dg_fz_elem(q); }

static int dg_fz_is_pointer(const dg_fuzzer *f, int i)
{
    const char *role = f->t->fn->params[i].role;
    return f->cls[i] == DG_FZ_BUF || f->cls[i] == DG_FZ_OUT || dg_is_string(role);
}

/* ---- the sanitizer runtimes ----------------------------------------------------------------------
 * ASan and UBSan are two runtimes (libasan, libubsan), each with its own report path and symbolizer, and
 * both export the same __sanitizer_* functions: each is looked up in its own library. */

typedef struct {
    void (*set_path)(const char *);
    void (*print_stack)(void);
    const char *options;   /* the environment variable holding its log_path */
} dg_fz_runtime;

static dg_fz_runtime dg_fz_rt[2];
static int dg_fz_nrt = -1;

static void dg_fz_runtimes(void)
{
    /* By soname, already loaded (RTLD_NOLOAD opens no file): GCC 12's libasan.so.8, older ones, libubsan.so.1. */
    static const struct { const char *name, *options; } libs[] = {
        { "libasan.so.8", "ASAN_OPTIONS" }, { "libasan.so.6", "ASAN_OPTIONS" }, { "libasan.so.5", "ASAN_OPTIONS" },
        { "libubsan.so.1", "UBSAN_OPTIONS" },
    };
    if (dg_fz_nrt >= 0) return;
    dg_fz_nrt = 0;
    for (size_t i = 0; i < sizeof libs / sizeof libs[0] && dg_fz_nrt < 2; i++) {
        void *lib = dlopen(libs[i].name, RTLD_LAZY | RTLD_NOLOAD);
        if (!lib) continue;
        dg_fz_runtime *rt = &dg_fz_rt[dg_fz_nrt++];
        rt->set_path = (void (*)(const char *))dlsym(lib, "__sanitizer_set_report_path");
        rt->print_stack = (void (*)(void))dlsym(lib, "__sanitizer_print_stack_trace");
        rt->options = libs[i].options;
        if (strstr(libs[i].name, "libasan")) i = 2; /* one libasan */
    }
}

/* Every runtime reports on stderr (the executor's memfd): UBSan does; libasan, in a forked child, keeps the
 * log_path it started with (see dg_fz_child_log). */
static void dg_fz_report_to_stderr(void)
{
    for (int i = 0; i < dg_fz_nrt; i++)
        if (dg_fz_rt[i].set_path) dg_fz_rt[i].set_path("stderr");
}

/* Every runtime reports where the harness told it (its log_path), as before. */
static void dg_fz_report_to_harness(void)
{
    for (int i = 0; i < dg_fz_nrt; i++) {
        if (!dg_fz_rt[i].set_path) continue;
        static char path[2][1024];
        const char *opts = getenv(dg_fz_rt[i].options), *lp = opts ? strstr(opts, "log_path=") : NULL;
        if (!lp) { dg_fz_rt[i].set_path("stderr"); continue; }
        lp += strlen("log_path=");
        snprintf(path[i], sizeof path[i], "%.*s", (int)strcspn(lp, ":"), lp);
        dg_fz_rt[i].set_path(path[i]);
    }
}

/* ---- the executor ------------------------------------------------------------------------------- */

static void dg_fz_build(dg_fuzzer *f, const dg_fz_input *in, dg_args *a)
{
    dg_target *t = f->t;
    dg_benign(t, a);
    for (int i = 0; i < t->fn->nparams; i++) {
        const dg_param *q = &t->fn->params[i];
        if (in->null[i]) {
            a->v[i].p = NULL;
            a->size[i] = a->count[i] = 0;
            continue;
        }
        if (f->cls[i] == DG_FZ_BUF) {
            size_t len = in->len[i];
            if (dg_fz_filled(q)) {
                a->v[i].p = calloc(1, q->elem ? q->elem : 1);
                q->fill(a->v[i].p, in->d[i], len);
                a->count[i] = 1;
                a->size[i] = q->elem;
            } else if (dg_is(q->role, "text")) {
                char *s = malloc(len + 1);
                memcpy(s, in->d[i], len);
                s[len] = 0;
                a->v[i].p = s;
                a->size[i] = len + 1;
            } else if (dg_is(q->role, "file-handle")) {
                char text[DG_FZ_CAP + 1];
                memcpy(text, in->d[i], len);
                text[len] = 0;
                dg_set_file(t, a, i, text);
            } else {
                size_t bytes = len * dg_fz_elem(q);
                a->v[i].p = malloc(bytes ? bytes : 1);
                memcpy(a->v[i].p, in->d[i], bytes);
                a->count[i] = len;
                a->size[i] = bytes;
            }
        } else if (f->cls[i] == DG_FZ_OUT) {
            a->v[i].p = malloc(in->len[i] ? in->len[i] : 1);
            memset(a->v[i].p, 0, in->len[i] ? in->len[i] : 1);
            a->size[i] = in->len[i];
        } else if (f->cls[i] == DG_FZ_INT) {
            dg_set_int(t, a, i, in->n[i]);
        }
    }
}

static void dg_fz_serve(dg_fuzzer *f, int out)
{
    char byte;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dg_fz_report_to_stderr();
    dup2(f->err, 2);
    dup2(out, 1);
    signal(SIGALRM, SIG_DFL);
    for (;;) {
        if (read(f->go, &byte, 1) != 1) _exit(0);
        dg_args a;
        dg_fz_build(f, &f->shm->in, &a);
        dg_fix_lengths(f->t, &a);
        struct itimerval limit = { { 0, 0 }, { f->shm->call_ms / 1000, (f->shm->call_ms % 1000) * 1000 } };
        setitimer(ITIMER_REAL, &limit, NULL);
        f->t->fn->call(&a);
        struct itimerval off = { { 0, 0 }, { 0, 0 } };
        setitimer(ITIMER_REAL, &off, NULL);
        fflush(stdout);
        if (ftruncate(out, 0) == 0) lseek(out, 0, SEEK_SET);
        if (write(f->done, &byte, 1) != 1) _exit(0);
    }
}

static void dg_fz_stop(dg_fuzzer *f)
{
    if (f->pid <= 0) return;
    close(f->go);
    close(f->done);
    close(f->err);
    int status;
    if (waitpid(f->pid, &status, WNOHANG) == 0) {
        /* A closed pipe ends an idle executor; one still inside a call is ended by its own timer. */
        for (int i = 0; i < 400 && waitpid(f->pid, &status, WNOHANG) == 0; i++) usleep(500);
        if (waitpid(f->pid, &status, WNOHANG) == 0) {
            kill(f->pid, SIGKILL);
            waitpid(f->pid, &status, 0);
        }
    }
    f->pid = -1;
}

static int dg_fz_start(dg_fuzzer *f)
{
    int go[2], done[2];
    if (pipe(go) != 0) return -1;
    if (pipe(done) != 0) { close(go[0]); close(go[1]); return -1; }
    int err = dg_memfd("dg_fuzz_err"), out = dg_memfd("dg_fuzz_out");
    if (err < 0 || out < 0) return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        close(go[1]);
        close(done[0]);
        f->go = go[0];
        f->done = done[1];
        f->err = err;
        dg_fz_serve(f, out);
    }
    close(go[0]);
    close(done[1]);
    close(out);
    f->pid = pid;
    f->go = go[1];
    f->done = done[0];
    f->err = err;
    f->err_seen = 0;
    f->served = 0;
    return 0;
}

/* The first sanitizer report in `text`: its kind and where (the first frame in the sample). */
static int dg_fz_parse(const char *text, dg_fz_report *r)
{
    memset(r, 0, sizeof *r);
    const char *sample = getenv("DG_SAMPLE");
    const char *base = sample ? strrchr(sample, '/') : NULL;
    base = base ? base + 1 : (sample ? sample : "solution.c");
    const char *asan = strstr(text, "ERROR: AddressSanitizer: ");
    const char *ubsan = strstr(text, ": runtime error: ");
    if (asan && (!ubsan || asan < ubsan)) {
        const char *k = asan + strlen("ERROR: AddressSanitizer: ");
        size_t n = strcspn(k, " \n:");
        snprintf(r->kind, sizeof r->kind, "%.*s", (int)n, k);
        if (strncmp(k, "attempting double-free", 22) == 0) snprintf(r->kind, sizeof r->kind, "double-free");
        const char *addr = strstr(k, "address 0x");
        if (addr && strncmp(r->kind, "SEGV", 4) == 0) r->null_address = strtoull(addr + 8, NULL, 16) < 4096;
        const char *frame = strstr(k, base), *first = strstr(k, "#0 ");
        if (frame) snprintf(r->where, sizeof r->where, "%.*s", (int)strcspn(frame, " \n"), frame);
        else if (first) snprintf(r->where, sizeof r->where, "%.*s", (int)strcspn(first, "\n"), first);
        return 1;
    }
    if (ubsan) {
        static const struct { const char *needle, *kind; } kinds[] = {
            { "signed integer overflow", "signed-integer-overflow" }, { "negation of", "signed-integer-overflow" },
            { "division by zero", "integer-divide-by-zero" }, { "shift exponent", "shift-exponent" },
            { "left shift", "shift-base" }, { "out of bounds for type", "array-bounds" },
            { "null pointer", "null-pointer-use" }, { "misaligned address", "misaligned-address" },
            { "pointer overflow", "pointer-overflow" },
        };
        const char *msg = ubsan + strlen(": runtime error: ");
        snprintf(r->kind, sizeof r->kind, "undefined-behavior");
        size_t line_len = strcspn(msg, "\n");
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
            const char *hit = strstr(msg, kinds[i].needle);
            if (hit && hit < msg + line_len) { snprintf(r->kind, sizeof r->kind, "%s", kinds[i].kind); break; }
        }
        const char *start = ubsan;
        while (start > text && start[-1] != '\n') start--;
        const char *slash = start;
        for (const char *c = start; c < ubsan; c++) if (*c == '/') slash = c + 1;
        /* path:line:col: keep file:line */
        const char *colon = memchr(slash, ':', (size_t)(ubsan - slash));
        const char *colon2 = colon ? memchr(colon + 1, ':', (size_t)(ubsan - colon - 1)) : NULL;
        size_t n = (size_t)((colon2 ? colon2 : ubsan) - slash);
        snprintf(r->where, sizeof r->where, "%.*s", (int)n, slash);
        return 1;
    }
    return 0;
}

/* What the executor wrote on its stderr since last seen (a sanitizer report, or the code's own output). */
static int dg_fz_new_report(dg_fuzzer *f, dg_fz_report *r)
{
    struct stat st;
    if (fstat(f->err, &st) != 0 || st.st_size <= f->err_seen) return 0;
    static char text[65536];
    size_t want = (size_t)(st.st_size - f->err_seen);
    if (want > sizeof text - 1) want = sizeof text - 1;
    ssize_t got = pread(f->err, text, want, f->err_seen);
    f->err_seen = st.st_size;
    if (got <= 0) return 0;
    text[got] = 0;
    return dg_fz_parse(text, r);
}

/* A dead executor's AddressSanitizer report. libasan keeps the harness's log_path in a forked child
 * (__sanitizer_set_report_path does not move it there), so the report is in <log_path>.<pid>: it is read
 * and removed, so that the harness collects only the final reproducer's report. (UBSan follows stderr.) */
static int dg_fz_child_log(pid_t pid, dg_fz_report *r)
{
    static char prefix[1024];
    static int known;
    if (!known) {
        const char *opts = getenv("ASAN_OPTIONS"), *lp = opts ? strstr(opts, "log_path=") : NULL;
        if (lp) snprintf(prefix, sizeof prefix, "%.*s", (int)strcspn(lp + 9, ":"), lp + 9);
        known = 1;
    }
    if (!prefix[0] || pid <= 0) return 0;
    char path[1100];
    snprintf(path, sizeof path, "%s.%d", prefix, (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    static char text[65536];
    ssize_t got = read(fd, text, sizeof text - 1);
    close(fd);
    unlink(path);
    if (got <= 0) return 0;
    text[got] = 0;
    return dg_fz_parse(text, r);
}

/* Runs one input: DG_FZ_REPORT (a report of the probe's kind, in f->last), DG_FZ_OTHER (another report),
 * DG_FZ_OK (the call returned) or DG_FZ_LOST (no answer: the call exited, timed out or died unreported). */
static int dg_fz_exec(dg_fuzzer *f, const dg_fz_input *in, double deadline)
{
    if (f->pid > 0 && f->served >= DG_FZ_RESPAWN) dg_fz_stop(f);
    if (f->pid <= 0 && dg_fz_start(f) != 0) return DG_FZ_LOST;
    memcpy(&f->shm->in, in, sizeof *in);
    long left = (long)(deadline - dg_fz_now());
    f->shm->call_ms = left < 5 ? 5 : left > DG_FZ_CALL_MS ? DG_FZ_CALL_MS : left;
    f->served++;
    f->execs++;
    char byte = 'x';
    int answered = 0;
    if (write(f->go, &byte, 1) == 1) {
        struct pollfd pfd = { f->done, POLLIN, 0 };
        int ready = poll(&pfd, 1, (int)f->shm->call_ms + 200);
        answered = ready == 1 && read(f->done, &byte, 1) == 1;
    }
    dg_fz_report r;
    int reported = dg_fz_new_report(f, &r);
    if (!answered) {
        pid_t pid = f->pid;
        dg_fz_stop(f);
        dg_fz_report logged;
        if (dg_fz_child_log(pid, &logged) && !reported) { r = logged; reported = 1; }
    }
    if (reported) {
        if (f->wanted(&r)) {
            f->last = r;
            dg_fz_stop(f);
            return DG_FZ_REPORT;
        }
        f->reports_other++;
        return DG_FZ_OTHER;
    }
    if (!answered) return DG_FZ_LOST;
    f->completed++;
    return DG_FZ_OK;
}

/* ---- inputs ------------------------------------------------------------------------------------- */

static const size_t dg_fz_lengths[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129,
                                        255, 256, 257, 511, 512, 513, 1023, 1024, 1025, 2047, 2048, 2049, 4095, 4096 };
static const size_t dg_fz_sizes[] = { 0, 1, 2, 4, 8, 16, 32, 64, 128 };
static const long long dg_fz_ints[] = { 0, 1, -1, 2, -2, 7, 8, 9, 15, 16, 17, 31, 32, 63, 64, 65, 127, 128, 255, 256, 1023, 1024,
                                        4095, 4096, 65535, 65536, INT_MAX, INT_MIN, INT_MAX - 1, INT_MAX / 2 + 1, UINT_MAX,
                                        1LL << 32, LLONG_MAX, LLONG_MIN, (long long)(SIZE_MAX / 2), (long long)(SIZE_MAX / 4) };
static const unsigned char dg_fz_bytes[] = { 'A', 0x00, 0x01, 0x7f, 0x80, 0xff, '%', '\n', ' ', ':', ',', '9' };

#define DG_FZ_COUNT(a) (sizeof (a) / sizeof (a)[0])

/* A byte or element array no length parameter measures keeps its benign count (the count is its contract);
 * a string carries its own length. */
static int dg_fz_fixed_len(const dg_fuzzer *f, int i)
{
    const char *role = f->t->fn->params[i].role;
    return (dg_is(role, "bytes") || dg_is(role, "int-array")) && !f->measured[i];
}

static unsigned char dg_fz_plain(const dg_param *q) { return dg_fz_textual(q) || dg_is(q->role, "file-handle") ? 'A' : 0; }

#define DG_FZ_LIST 0x100  /* the fill "1,1,1,...": a list of numbers, for parsers that count entries */

/* Fills for text (printable but for 0xff, a negative `char`: control bytes add nothing a string parser sees
 * and only swell a path's trace event) and for byte and element arrays. */
static const int dg_fz_text_fills[] = { 'A', DG_FZ_LIST, '9', 0xff };
static const int dg_fz_array_fills[] = { 0x00, 0x01, 0x7f, 0x80, 0xff, 'A' };

static void dg_fz_fill(dg_fuzzer *f, dg_fz_input *in, int i, size_t len, int fill)
{
    const dg_param *q = &f->t->fn->params[i];
    if (dg_fz_fixed_len(f, i)) len = DG_ARRAY_COUNT;
    if (len > dg_fz_max(q)) len = dg_fz_max(q);
    in->len[i] = len;
    size_t bytes = len * dg_fz_elem(q);
    if (fill == DG_FZ_LIST)
        for (size_t b = 0; b < bytes; b++) in->d[i][b] = b % 2 ? ',' : '1';
    else memset(in->d[i], fill, bytes);
}

/* Benign values, as dg_benign gives them. */
static void dg_fz_base(dg_fuzzer *f, dg_fz_input *in)
{
    memset(in, 0, sizeof *in);
    for (int i = 0; i < f->t->fn->nparams; i++) {
        const dg_param *q = &f->t->fn->params[i];
        if (f->cls[i] == DG_FZ_BUF) {
            if (dg_fz_textual(q) || dg_is(q->role, "file-handle")) {
                in->len[i] = dg_fz_textual(q) ? 5 : 6;
                memcpy(in->d[i], "hello\n", 6);
            } else dg_fz_fill(f, in, i, DG_ARRAY_COUNT, 0);
        } else if (f->cls[i] == DG_FZ_OUT) in->len[i] = DG_OUT_SIZE;
        else if (f->cls[i] == DG_FZ_INT) in->n[i] = dg_is(q->role, "index") ? 0 : 1;
    }
}

/* The k-th structured input (0 when k is past the last). */
static int dg_fz_structured(dg_fuzzer *f, long k, dg_fz_input *in)
{
    int np = f->t->fn->nparams;
    dg_fz_base(f, in);
    if (k-- == 0) return 1;
    /* Every buffer at once, then one at a time, at each length with each fill. */
    for (int i = -1; i < np; i++) {
        if (i >= 0 && f->cls[i] != DG_FZ_BUF) continue;
        for (size_t b = 0; b < DG_FZ_COUNT(dg_fz_array_fills); b++)
            for (size_t l = 0; l < DG_FZ_COUNT(dg_fz_lengths); l++) {
                int text = i >= 0 && dg_fz_textual(&f->t->fn->params[i]);
                if (text && b >= DG_FZ_COUNT(dg_fz_text_fills)) continue;
                if (k-- == 0) {
                    for (int j = 0; j < np; j++) {
                        if (f->cls[j] != DG_FZ_BUF || !(j == i || i < 0)) continue;
                        int is_text = dg_fz_textual(&f->t->fn->params[j]) || dg_is(f->t->fn->params[j].role, "file-handle");
                        dg_fz_fill(f, in, j, dg_fz_lengths[l], is_text ? dg_fz_text_fills[b % DG_FZ_COUNT(dg_fz_text_fills)] : dg_fz_array_fills[b]);
                    }
                    return 1;
                }
            }
    }
    /* Output buffers measured by a length: strings of their size -1, +0, +1. */
    for (int o = 0; o < np; o++) {
        if (f->cls[o] != DG_FZ_OUT) continue;
        for (size_t s = 0; s < DG_FZ_COUNT(dg_fz_sizes); s++)
            for (int d = -1; d <= 1; d++) {
                if ((long long)dg_fz_sizes[s] + d < 0) continue;
                if (k-- == 0) {
                    in->len[o] = dg_fz_sizes[s];
                    for (int j = 0; j < np; j++)
                        if (f->cls[j] == DG_FZ_BUF) dg_fz_fill(f, in, j, dg_fz_sizes[s] + (size_t)(long long)d, dg_fz_plain(&f->t->fn->params[j]));
                    return 1;
                }
            }
    }
    /* Integers at their boundaries, one at a time, then all at once; then the buffers' sizes +-1. */
    for (int i = -1; i < np; i++) {
        if (i >= 0 && f->cls[i] != DG_FZ_INT) continue;
        for (size_t v = 0; v < DG_FZ_COUNT(dg_fz_ints) + 3 * DG_MAX_PARAMS; v++) {
            long long value;
            if (v < DG_FZ_COUNT(dg_fz_ints)) value = dg_fz_ints[v];
            else {
                size_t w = v - DG_FZ_COUNT(dg_fz_ints);
                int j = (int)(w / 3);
                if (j >= np || (f->cls[j] != DG_FZ_BUF && f->cls[j] != DG_FZ_OUT)) continue;
                value = (long long)in->len[j] + (long long)(w % 3) - 1;
            }
            if (k-- == 0) {
                for (int j = 0; j < np; j++)
                    if (f->cls[j] == DG_FZ_INT && (j == i || i < 0)) in->n[j] = value;
                return 1;
            }
        }
    }
    /* NULL in each pointer parameter, when the code admits NULL (it checks one of its parameters). */
    if (f->null_ok)
        for (int i = 0; i < np; i++)
            if (dg_fz_is_pointer(f, i) && k-- == 0) { in->null[i] = 1; return 1; }
    return 0;
}

static void dg_fz_mutate(dg_fuzzer *f, dg_fz_input *in)
{
    int np = f->t->fn->nparams, targets[DG_MAX_PARAMS], nt = 0;
    for (int i = 0; i < np; i++)
        if (f->cls[i] != DG_FZ_FIXED) targets[nt++] = i;
    if (nt == 0) return;
    int ops = 1 + (int)(dg_fz_rand(f) % 4);
    while (ops--) {
        int i = targets[dg_fz_rand(f) % (unsigned)nt];
        const dg_param *q = &f->t->fn->params[i];
        unsigned long long r = dg_fz_rand(f);
        if (f->null_ok && r % 64 == 0 && dg_fz_is_pointer(f, i)) { in->null[i] = !in->null[i]; continue; }
        if (f->cls[i] == DG_FZ_INT) {
            switch ((r >> 8) % 5) {
            case 0: in->n[i] = dg_fz_ints[(r >> 16) % DG_FZ_COUNT(dg_fz_ints)]; break;
            /* (unsigned arithmetic: the fuzzer's own values wrap without a UBSan report of its own) */
            case 1: in->n[i] = (long long)((unsigned long long)in->n[i] + (r >> 16) % 33 - 16); break;
            case 2: in->n[i] = (long long)((unsigned long long)in->n[i] ^ (1ULL << ((r >> 16) % 64))); break;
            case 3: in->n[i] = (long long)(0ULL - (unsigned long long)in->n[i]); break;
            default: in->n[i] = (long long)((unsigned long long)in->n[i] * 2); break;
            }
        } else if (f->cls[i] == DG_FZ_OUT) {
            in->len[i] = dg_fz_sizes[(r >> 8) % DG_FZ_COUNT(dg_fz_sizes)];
        } else {
            size_t elem = dg_fz_elem(q), max = dg_fz_max(q), bytes = in->len[i] * elem;
            unsigned char *d = in->d[i];
            switch ((r >> 8) % 7) {
            case 0: if (bytes) d[(r >> 16) % bytes] ^= (unsigned char)(1u << ((r >> 40) % 8)); break;
            case 1: if (bytes) d[(r >> 16) % bytes] = dg_fz_bytes[(r >> 40) % DG_FZ_COUNT(dg_fz_bytes)]; break;
            case 2: /* insert one element */
                if (in->len[i] < max && !dg_fz_fixed_len(f, i)) {
                    size_t at = ((r >> 16) % (in->len[i] + 1)) * elem;
                    memmove(d + at + elem, d + at, bytes - at);
                    memset(d + at, dg_fz_bytes[(r >> 40) % DG_FZ_COUNT(dg_fz_bytes)], elem);
                    in->len[i]++;
                }
                break;
            case 3: /* delete one element */
                if (in->len[i] > 0 && !dg_fz_fixed_len(f, i)) {
                    size_t at = ((r >> 16) % in->len[i]) * elem;
                    memmove(d + at, d + at + elem, bytes - at - elem);
                    in->len[i]--;
                }
                break;
            case 4: /* repeat the buffer's first part */
                if (in->len[i] > 0 && !dg_fz_fixed_len(f, i)) {
                    size_t part = 1 + (r >> 16) % in->len[i], room = max - in->len[i];
                    if (part > room) part = room;
                    memcpy(d + bytes, d, part * elem);
                    in->len[i] += part;
                }
                break;
            case 5: { /* an interesting length */
                size_t len = dg_fz_lengths[(r >> 16) % DG_FZ_COUNT(dg_fz_lengths)];
                if (dg_fz_fixed_len(f, i)) break;
                if (len > max) len = max;
                if (len * elem > bytes) memset(d + bytes, dg_fz_plain(q), len * elem - bytes);
                in->len[i] = len;
                break;
            }
            default: /* a random byte */
                if (bytes) d[(r >> 16) % bytes] = (unsigned char)(r >> 48);
                break;
            }
        }
    }
}

/* An array or output buffer no length parameter measures has a size the caller promised, and an integer
 * parameter of the same function may well be that promise (`int *out, size_t max_ports`): its integers then
 * stay within [0, the smallest such size], so that a capacity is never a lie about its buffer. */
static void dg_fz_clamp(const dg_fuzzer *f, dg_fz_input *in)
{
    if (f->int_cap < 0) return;
    for (int i = 0; i < f->t->fn->nparams; i++)
        if (f->cls[i] == DG_FZ_INT && (in->n[i] < 0 || in->n[i] > f->int_cap))
            in->n[i] = (long long)((unsigned long long)in->n[i] % (unsigned long long)(f->int_cap + 1));
}

/* ---- minimising and describing ------------------------------------------------------------------- */

static int dg_fz_same(const dg_fz_report *a, const dg_fz_report *b)
{
    return strcmp(a->kind, b->kind) == 0 && strcmp(a->where, b->where) == 0;
}

static int dg_fz_try(dg_fuzzer *f, const dg_fz_input *cand, const dg_fz_report *target, double deadline, long *tries)
{
    if (dg_fz_now() >= deadline) return 0;
    (*tries)++;
    return dg_fz_exec(f, cand, deadline) == DG_FZ_REPORT && dg_fz_same(&f->last, target);
}

static void dg_fz_minimise(dg_fuzzer *f, dg_fz_input *in, const dg_fz_report *target, double deadline, long *tries)
{
    static dg_fz_input cand;
    int np = f->t->fn->nparams, progress = 1;
    while (progress && dg_fz_now() < deadline) {
        progress = 0;
        for (int i = 0; i < np; i++) {
            const dg_param *q = &f->t->fn->params[i];
            size_t elem = dg_fz_elem(q);
            if (f->cls[i] == DG_FZ_BUF && !dg_fz_fixed_len(f, i)) {
                /* Shorter: cut halves, then quarters... down to single elements, from the end and from the start. */
                size_t cut = in->len[i] / 2;
                while (cut >= 1 && dg_fz_now() < deadline) {
                    int shorter = 0;
                    for (int from_start = 0; from_start < 2 && !shorter && in->len[i] >= cut; from_start++) {
                        memcpy(&cand, in, sizeof cand);
                        cand.len[i] = in->len[i] - cut;
                        if (from_start) memmove(cand.d[i], in->d[i] + cut * elem, cand.len[i] * elem);
                        if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); shorter = progress = 1; }
                    }
                    cut = shorter ? in->len[i] / 2 : cut / 2;
                }
            }
            if (f->cls[i] == DG_FZ_BUF) {
                /* Plainer bytes: all at once, then one at a time (bounded). */
                unsigned char plain = dg_fz_plain(q);
                size_t bytes = in->len[i] * elem, odd = 0;
                for (size_t b = 0; b < bytes; b++) odd += in->d[i][b] != plain;
                if (odd) {
                    memcpy(&cand, in, sizeof cand);
                    memset(cand.d[i], plain, bytes);
                    if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); progress = 1; }
                    else
                        for (size_t b = 0, n = 0; b < bytes && n < 64; b++) {
                            if (in->d[i][b] == plain) continue;
                            n++;
                            memcpy(&cand, in, sizeof cand);
                            cand.d[i][b] = plain;
                            if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); progress = 1; }
                        }
                }
            }
            if (f->cls[i] == DG_FZ_INT && in->n[i] != 0) {
                /* Smaller integers: 0, 1, -1, then halving towards 0. */
                static const long long simple[] = { 0, 1, -1 };
                int done = 0;
                for (size_t s = 0; s < 3 && !done; s++) {
                    if (in->n[i] == simple[s]) { done = 1; break; }
                    memcpy(&cand, in, sizeof cand);
                    cand.n[i] = simple[s];
                    if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); progress = 1; done = 1; }
                }
                if (!done && (in->n[i] > 1 || in->n[i] < -1)) {
                    memcpy(&cand, in, sizeof cand);
                    cand.n[i] = in->n[i] / 2;
                    if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); progress = 1; }
                }
            }
            if (f->cls[i] == DG_FZ_OUT && in->len[i] > 0) {
                memcpy(&cand, in, sizeof cand);
                cand.len[i] = in->len[i] / 2;
                if (dg_fz_try(f, &cand, target, deadline, tries)) { memcpy(in, &cand, sizeof cand); progress = 1; }
            }
        }
    }
}

/* The input as text: "name = 16 x 'A'", "name = \"ab\\x00\" (3 bytes)", "n = 2147483647", "p = NULL". */
static void dg_fz_describe(dg_fuzzer *f, const dg_fz_input *in, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < f->t->fn->nparams && len + 1 < cap; i++) {
        const dg_param *q = &f->t->fn->params[i];
        char one[200];
        if (f->cls[i] == DG_FZ_FIXED && !in->null[i]) continue;
        if (in->null[i]) snprintf(one, sizeof one, "%s = NULL", q->name);
        else if (f->cls[i] == DG_FZ_INT) snprintf(one, sizeof one, "%s = %lld", q->name, in->n[i]);
        else if (f->cls[i] == DG_FZ_OUT) snprintf(one, sizeof one, "%s = a %zu-byte buffer", q->name, in->len[i]);
        else {
            size_t elem = dg_fz_elem(q), bytes = in->len[i] * elem, same = 0;
            while (same < bytes && in->d[i][same] == (bytes ? in->d[i][0] : 0)) same++;
            const char *unit = elem == 1 ? (dg_fz_textual(q) ? "characters" : "bytes") : "elements";
            char named[96];
            if (dg_fz_filled(q)) snprintf(named, sizeof named, "every string field of *%s", q->name);
            else snprintf(named, sizeof named, "%s", q->name);
            if (bytes == 0) snprintf(one, sizeof one, "%s = empty (0 %s)", named, unit);
            else if (same == bytes && in->d[i][0] >= 0x20 && in->d[i][0] < 0x7f) snprintf(one, sizeof one, "%s = %zu x '%c' (%zu %s)", named, bytes, in->d[i][0], in->len[i], unit);
            else if (same == bytes) snprintf(one, sizeof one, "%s = %zu x 0x%02x (%zu %s)", named, bytes, in->d[i][0], in->len[i], unit);
            else {
                size_t o = (size_t)snprintf(one, sizeof one, "%s = \"", named);
                for (size_t b = 0; b < bytes && o + 8 < sizeof one - 40; b++) {
                    unsigned char c = in->d[i][b];
                    o += (size_t)(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? snprintf(one + o, sizeof one - o, "%c", c) : snprintf(one + o, sizeof one - o, "\\x%02x", c));
                }
                snprintf(one + o, sizeof one - o, "%s\" (%zu %s)", bytes * 4 + 8 > sizeof one - 40 ? "..." : "", in->len[i], unit);
            }
        }
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ", " : "", one);
    }
    if (!out[0]) snprintf(out, cap, "no argument");
}

/* The warm-up: the symbolizer reads the binary's debug information once, here, so that every executor
 * (a fork) symbolizes its report without reading it again. The report path is restored afterwards. */
static void dg_fz_warm(void)
{
    dg_fz_runtimes();
    int sink = dg_memfd("dg_fuzz_warm"), saved = dup(2);
    if (sink < 0 || saved < 0) return;
    fflush(stderr);
    dg_fz_report_to_stderr();
    dup2(sink, 2);
    for (int i = 0; i < dg_fz_nrt; i++)
        if (dg_fz_rt[i].print_stack) dg_fz_rt[i].print_stack();
    dup2(saved, 2);
    close(saved);
    close(sink);
    dg_fz_report_to_harness();
}

/* Runs the input once more in a fresh child whose report reaches the harness (the trace's sanitizer event). */
static void dg_fz_reproduce(dg_fuzzer *f, const dg_fz_input *in)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        struct itimerval limit = { { 0, 0 }, { 2, 0 } };
        setitimer(ITIMER_REAL, &limit, NULL);
        dg_args a;
        dg_fz_build(f, in, &a);
        dg_fix_lengths(f->t, &a);
        f->t->fn->call(&a);
        fflush(NULL);
        _exit(0);
    }
    if (pid > 0) {
        int status;
        waitpid(pid, &status, 0);
    }
}

static void dg_fuzz(dg_target *t, const dg_probe *p, int (*wanted)(const dg_fz_report *))
{
    static dg_fuzzer f;
    static dg_fz_input in, found;
    memset(&f, 0, sizeof f);
    f.t = t;
    f.p = p;
    f.wanted = wanted;
    f.pid = -1;
    f.rng = 0x9e3779b97f4a7c15ULL;
    for (const char *c = p->id; *c; c++) f.rng = (f.rng ^ (unsigned char)*c) * 0x100000001b3ULL;
    for (int j = 0; j < t->fn->nparams; j++)
        if (dg_is(t->fn->params[j].role, "length") && t->fn->params[j].of >= 0 && t->fn->params[j].of < DG_MAX_PARAMS) f.measured[t->fn->params[j].of] = 1;
    for (int i = 0; i < t->fn->nparams; i++) {
        const dg_param *q = &t->fn->params[i];
        /* (A record's integer and pointer fields keep their zeroed value: they are the caller's state, whose
         * invariants the function may rightly trust. Its string fields, when the planner wrote a fill function
         * for them, are fuzzed as one text: char arrays within their size, char pointers of any length.) */
        if (dg_is(q->role, "text") || dg_is(q->role, "bytes") || dg_is(q->role, "int-array") || dg_is(q->role, "file-handle") || dg_fz_filled(q))
            f.cls[i] = DG_FZ_BUF;
        else if (dg_is(q->role, "output-buffer")) {
            f.cls[i] = DG_FZ_FIXED; /* its size is the contract unless a length parameter gives it */
            for (int j = 0; j < t->fn->nparams; j++)
                if (dg_is(t->fn->params[j].role, "length") && t->fn->params[j].of == i) f.cls[i] = DG_FZ_OUT;
        } else if (dg_is(q->role, "integer") || dg_is(q->role, "index") || (dg_is(q->role, "length") && q->of < 0))
            f.cls[i] = DG_FZ_INT;
        if (q->null_checked && !dg_is(q->role, "integer") && !dg_is(q->role, "index") && !dg_is(q->role, "length") && !dg_is(q->role, "float"))
            f.null_ok = 1;
    }
    f.int_cap = -1;
    for (int i = 0; i < t->fn->nparams; i++) {
        const dg_param *q = &t->fn->params[i];
        long long size = -1;
        if ((dg_is(q->role, "bytes") || dg_is(q->role, "int-array")) && !f.measured[i]) size = DG_ARRAY_COUNT;
        else if (dg_is(q->role, "output-buffer") && f.cls[i] == DG_FZ_FIXED) size = DG_OUT_SIZE;
        if (size >= 0 && (f.int_cap < 0 || size < f.int_cap)) f.int_cap = size;
    }
    int fuzzable = 0;
    for (int i = 0; i < t->fn->nparams; i++) fuzzable += f.cls[i] != DG_FZ_FIXED;
    if (!fuzzable) dg_not_judged("%s has no parameter the fuzzer can vary (a string, buffer or integer)", t->fn->name);
    signal(SIGPIPE, SIG_IGN); /* an executor that died leaves its pipe without a reader */
    f.shm = mmap(NULL, sizeof *f.shm, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (f.shm == MAP_FAILED) dg_not_judged("the fuzzer could not map its shared input");
    long budget = p->budget_ms > 0 ? p->budget_ms : 300;

    double t0 = dg_fz_now();
    dg_fz_warm();
    double start = dg_fz_now(), deadline = start + (double)budget;
    int outcome = DG_FZ_OK;
    long k = 0, structured = 0;
    while (dg_fz_now() < deadline) {
        int fresh = dg_fz_structured(&f, k, &in);
        if (fresh) { k++; structured++; }
        else {
            if (f.nseeds == 0) break; /* nothing completed to mutate from */
            memcpy(&in, &f.seeds[dg_fz_rand(&f) % (unsigned)f.nseeds], sizeof in);
            dg_fz_mutate(&f, &in);
        }
        dg_fz_clamp(&f, &in);
        outcome = dg_fz_exec(&f, &in, deadline);
        if (outcome == DG_FZ_REPORT) break;
        if (outcome == DG_FZ_OK && fresh) {
            if (f.nseeds < DG_FZ_SEEDS) memcpy(&f.seeds[f.nseeds++], &in, sizeof in);
            else memcpy(&f.seeds[dg_fz_rand(&f) % DG_FZ_SEEDS], &in, sizeof in);
        }
    }
    double fuzz_ms = dg_fz_now() - start;
    t->calls += (int)f.execs;
    t->returned += (int)f.completed;
    if (outcome != DG_FZ_REPORT) {
        dg_fz_stop(&f);
        printf("dg-fuzz: %s execs=%ld completed=%ld structured=%ld other_reports=%ld fuzz_ms=%.1f budget_ms=%ld setup_ms=%.1f found=none\n",
               p->probe, f.execs, f.completed, structured, f.reports_other, fuzz_ms, budget, start - t0);
        fflush(stdout);
        return;
    }

    dg_fz_report target = f.last;
    char before[512], after[512];
    dg_fz_describe(&f, &in, before, sizeof before);
    memcpy(&found, &in, sizeof found);
    long tries = 0;
    double m0 = dg_fz_now();
    dg_fz_minimise(&f, &found, &target, m0 + (double)budget, &tries);
    double min_ms = dg_fz_now() - m0;
    dg_fz_stop(&f);
    dg_fz_describe(&f, &found, after, sizeof after);
    printf("dg-fuzz: %s execs=%ld completed=%ld structured=%ld other_reports=%ld fuzz_ms=%.1f budget_ms=%ld setup_ms=%.1f found=%s where=%s minimise_tries=%ld minimise_ms=%.1f input: %s\n",
           p->probe, f.execs, f.completed, structured, f.reports_other, fuzz_ms, budget, start - t0, target.kind, target.where, tries, min_ms, after);
    fflush(stdout);
    dg_fz_reproduce(&f, &found);
    dg_finding("fuzzing found %s after %ld calls (%.0f ms); minimised reproducer: %s%s%s", target.kind, f.execs, fuzz_ms, after,
               strcmp(before, after) ? "; first crashing input: " : "", strcmp(before, after) ? before : "");
}

/* The kinds each probe looks for. */
static int dg_fz_bounds(const dg_fz_report *r)
{
    return strstr(r->kind, "buffer-overflow") || strstr(r->kind, "buffer-underflow") || strcmp(r->kind, "array-bounds") == 0
        || strcmp(r->kind, "negative-size-param") == 0 || (strcmp(r->kind, "SEGV") == 0 && !r->null_address);
}

static int dg_fz_integer(const dg_fz_report *r) { return strcmp(r->kind, "signed-integer-overflow") == 0; }

static int dg_fz_null(const dg_fz_report *r)
{
    return strcmp(r->kind, "null-pointer-use") == 0 || (strcmp(r->kind, "SEGV") == 0 && r->null_address);
}

/* Heap lifetime (CWE-416, CWE-415): ASan's quarantine keeps a freed block poisoned, so a read or write
 * through a pointer the call freed, or a second free of it, is reported where it happens. */
static int dg_fz_use_after_free(const dg_fz_report *r) { return strcmp(r->kind, "heap-use-after-free") == 0; }

static int dg_fz_double_free(const dg_fz_report *r) { return strcmp(r->kind, "double-free") == 0; }

DG_PROBE fuzz_bounds(dg_target *t, const dg_probe *p) { dg_fuzz(t, p, dg_fz_bounds); }
DG_PROBE fuzz_use_after_free(dg_target *t, const dg_probe *p) { dg_fuzz(t, p, dg_fz_use_after_free); }
DG_PROBE fuzz_double_free(dg_target *t, const dg_probe *p) { dg_fuzz(t, p, dg_fz_double_free); }
DG_PROBE fuzz_integer_overflow(dg_target *t, const dg_probe *p) { dg_fuzz(t, p, dg_fz_integer); }
DG_PROBE fuzz_null_dereference(dg_target *t, const dg_probe *p) { dg_fuzz(t, p, dg_fz_null); }
