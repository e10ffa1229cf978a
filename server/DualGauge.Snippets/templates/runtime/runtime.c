/* DualGauge probe runtime (C).
 *
 * The generated tests.c is: #include "dg_harness.h", this file, the probe files of the templates chosen
 * for the snippet (templates/<id>/probe.c), the sample's includes, macros and type declarations, the
 * prototypes of the functions under test, then the plan the planner wrote (data): per function a typed
 * trampoline `dg_call_<entry>` (the only code generated from the signature: C cannot call a function
 * from a description of its parameters) and its parameter table; the table of tests (id -> probe
 * function -> inputs, payload, trigger hits); one DG_TEST per row.
 *
 * A probe is `DG_PROBE <name>(dg_target *t, const dg_probe *p)`:
 *   t: the function under test (its parameters and their roles) and the calls made so far;
 *   p: the plan's row (p->inputs: the parameters carrying the payload, p->payload, p->hits).
 * dg_benign fills every argument with a value for its role; the probe replaces the ones it attacks and
 * calls dg_call. A probe reports a vulnerability with dg_finding(...); the trace oracles named in the
 * descriptor judge the rest (the sanitizers' reports, the file monitor). A test passes only when a call
 * of the function returned: when none did, it ends "not judged", never passed.
 *
 * Everything runs in the test's own process (one per test), after the harness's main. The runtime opens
 * no file while a test runs (captures are memfd-backed, fixtures were written by the supervisor), so
 * every file event in the trace is the code's own. Probe inputs and results are never freed: leaks are
 * not what these probes judge. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>

/* From LeakSanitizer (weak: the tests file also links without the sanitizers, e.g. to list its tests). */
void __lsan_disable(void) __attribute__((weak));

#define DG_PROBE static __attribute__((unused)) void
#define DG_HELPER static __attribute__((unused))
#define DG_MAX_PARAMS 16
#define DG_OUT_SIZE 64      /* bytes of an output buffer */
#define DG_ARRAY_COUNT 8    /* elements of an array or byte buffer argument */
#define DG_LONG_INPUT 4096  /* characters of an oversized string */
#define DG_TEXT_CAP 16384

/* A finding: the probe's own evidence that the code is vulnerable (ends the test as failed). */
#define dg_finding(...) dg_fail(__FILE__, __LINE__, __VA_ARGS__)

typedef struct { void *p; long long n; double f; } dg_value;

/* One parameter as the planner described it. */
typedef struct {
    const char *name;
    const char *role;   /* text, file-path, directory, host, url, output-buffer, bytes, int-array, record, file-handle, integer, index, length, float */
    const char *type;   /* as declared */
    int of;             /* a length: the parameter whose size it gives (-1: none) */
    size_t elem;        /* bytes, int-array, record: the size of one element */
    int null_checked;   /* the function's code compares this parameter with NULL (its contract admits NULL) */
} dg_param;

/* The arguments of one call. */
typedef struct {
    dg_value v[DG_MAX_PARAMS];
    size_t size[DG_MAX_PARAMS];   /* bytes behind a pointer argument */
    size_t count[DG_MAX_PARAMS];  /* elements behind an array argument */
    int set[DG_MAX_PARAMS];       /* the probe chose this value: a length is not recomputed */
    int fd[DG_MAX_PARAMS];        /* file-handle: a duplicate of the stream's fd, read back after the call */
    dg_value ret;                 /* what the call returned (ret_kind says which member) */
    char ret_kind;                /* 0 void or not kept, 's' string, 'p' pointer, 'n' integer, 'f' floating */
} dg_args;

typedef struct {
    const char *entry;
    const char *name;
    void (*call)(dg_args *);
    int nparams;
    const dg_param *params;
} dg_function;

typedef struct dg_target dg_target;
typedef struct dg_probe dg_probe;

/* One row of the plan. */
struct dg_probe {
    const char *id;
    const char *probe;                    /* the probe function's name */
    void (*run)(dg_target *, const dg_probe *);
    const dg_function *function;
    const char *const *inputs;            /* the parameters carrying the payload (NULL-terminated); NULL: none */
    const char *payload;
    const char *const *hits;              /* the trigger hits that chose the template (NULL-terminated) */
    long budget_ms;                       /* a fuzzing probe's time budget (the descriptor's budget-ms); 0: none */
};

struct dg_target {
    const dg_function *fn;
    const dg_probe *probe;
    int calls;      /* calls started */
    int returned;   /* calls that returned */
};

/* ---- values ------------------------------------------------------------------------------------ */

DG_HELPER char *dg_long(size_t n, char c)
{
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = 0;
    return s;
}

DG_HELPER char *dg_copy(const char *text)
{
    size_t n = strlen(text);
    char *s = malloc(n + 1);
    memcpy(s, text, n + 1);
    return s;
}

/* `text` with every `from` replaced by `to` (a fresh string). */
DG_HELPER char *dg_replace(const char *text, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to), n = 0;
    for (const char *s = strstr(text, from); s && fl; s = strstr(s + fl, from)) n++;
    char *out = malloc(strlen(text) + n * (tl > fl ? tl - fl : 0) + 1), *o = out;
    while (*text) {
        if (fl && strncmp(text, from, fl) == 0) { memcpy(o, to, tl); o += tl; text += fl; }
        else *o++ = *text++;
    }
    *o = 0;
    return out;
}

DG_HELPER int dg_is(const char *role, const char *what) { return role && strcmp(role, what) == 0; }

/* A C string argument: text, or a path, folder, host or URL (the name decided which). */
DG_HELPER int dg_is_string(const char *role)
{
    return dg_is(role, "text") || dg_is(role, "file-path") || dg_is(role, "directory") || dg_is(role, "host") || dg_is(role, "url");
}

static int dg_memfd(const char *name)
{
    return (int)syscall(SYS_memfd_create, name, 0);
}

/* A FILE * over memory: it starts with `content`, is unbuffered (what the code writes is in the fd at
 * once, even if it never flushes or closes it), and its fd is duplicated so it can be read back after
 * the call whatever the code did with the stream. */
static FILE *dg_memfile(const char *content, int *keep)
{
    int fd = dg_memfd("dg_file");
    if (fd < 0) return NULL;
    if (write(fd, content, strlen(content)) < 0) { /* an empty stream then */ }
    lseek(fd, 0, SEEK_SET);
    *keep = dup(fd);
    FILE *f = fdopen(fd, "r+");
    if (f) setvbuf(f, NULL, _IONBF, 0);
    return f;
}

static void dg_read_fd(int fd, char *out, size_t cap, size_t *len)
{
    off_t at = 0;
    while (*len + 1 < cap) {
        ssize_t n = pread(fd, out + *len, cap - 1 - *len, at);
        if (n <= 0) break;
        *len += (size_t)n;
        at += n;
    }
    out[*len] = 0;
}

/* ---- the function under test ------------------------------------------------------------------- */

DG_HELPER int dg_param_index(const dg_target *t, const char *name)
{
    for (int i = 0; i < t->fn->nparams; i++)
        if (strcmp(t->fn->params[i].name, name) == 0) return i;
    return -1;
}

/* The first parameter with this role, or -1. */
DG_HELPER int dg_role_index(const dg_target *t, const char *role)
{
    for (int i = 0; i < t->fn->nparams; i++)
        if (dg_is(t->fn->params[i].role, role)) return i;
    return -1;
}

/* The k-th parameter carrying the payload, or -1 past the last. */
DG_HELPER int dg_input(const dg_target *t, const dg_probe *p, int k)
{
    if (!p->inputs) return -1;
    for (int j = 0; j <= k; j++)
        if (!p->inputs[j]) return -1;
    return dg_param_index(t, p->inputs[k]);
}

DG_HELPER int dg_uses(const dg_probe *p, const char *word)
{
    for (int i = 0; p->hits && p->hits[i]; i++)
        if (strstr(p->hits[i], word)) return 1;
    return 0;
}

/* What a length parameter should say: the capacity of the buffer, the elements of the array, the
 * characters of the string it describes. */
static void dg_fix_lengths(const dg_target *t, dg_args *a)
{
    for (int i = 0; i < t->fn->nparams; i++) {
        const dg_param *q = &t->fn->params[i];
        if (!dg_is(q->role, "length") || a->set[i]) continue;
        long long n = 1; /* a count of nothing the probe built (a retry count, `ping -c`): one */
        if (q->of >= 0 && q->of < t->fn->nparams) {
            const char *role = t->fn->params[q->of].role;
            if (dg_is(role, "output-buffer")) n = (long long)a->size[q->of];
            else if (dg_is(role, "bytes") || dg_is(role, "int-array") || dg_is(role, "record")) n = (long long)a->count[q->of];
            else if (dg_is_string(role) && a->v[q->of].p) n = (long long)strlen(a->v[q->of].p);
        }
        a->v[i].n = n;
    }
}

DG_HELPER void dg_set_string(const dg_target *t, dg_args *a, int i, char *s)
{
    if (i < 0 || i >= t->fn->nparams) return;
    a->v[i].p = s;
    a->size[i] = s ? strlen(s) + 1 : 0;
}

/* A byte buffer of exactly n bytes, each `fill`. */
DG_HELPER void dg_set_bytes(const dg_target *t, dg_args *a, int i, size_t n, unsigned char fill)
{
    if (i < 0 || i >= t->fn->nparams) return;
    a->v[i].p = malloc(n ? n : 1);
    memset(a->v[i].p, fill, n);
    a->size[i] = a->count[i] = n;
}

/* A FILE * argument holding `content` (replacing the benign one). */
DG_HELPER void dg_set_file(const dg_target *t, dg_args *a, int i, const char *content)
{
    if (i < 0 || i >= t->fn->nparams) return;
    a->v[i].p = dg_memfile(content, &a->fd[i]);
}

/* The path of a fixture file the supervisor wrote (report.txt: "hello"; long.txt: one 4096-character line). */
DG_HELPER char *dg_fixture(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dg_fixtures(), name);
    return dg_copy(path);
}

DG_HELPER void dg_set_int(const dg_target *t, dg_args *a, int i, long long n)
{
    if (i < 0 || i >= t->fn->nparams) return;
    a->v[i].n = n;
    a->set[i] = 1;
}

/* Benign values for every parameter, by role. Files and folders are the job's fixtures (written by the
 * supervisor before the test, so creating them is no event of the test). */
DG_HELPER void dg_benign(const dg_target *t, dg_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < t->fn->nparams && i < DG_MAX_PARAMS; i++) {
        const dg_param *q = &t->fn->params[i];
        const char *role = q->role;
        a->fd[i] = -1;
        if (dg_is(role, "output-buffer")) {
            a->v[i].p = calloc(1, DG_OUT_SIZE);
            a->size[i] = DG_OUT_SIZE;
        } else if (dg_is(role, "bytes") || dg_is(role, "int-array") || dg_is(role, "record")) {
            /* A struct pointer is one struct (an overflow of it is then an overflow of its allocation). */
            size_t elem = q->elem ? q->elem : 1, count = dg_is(role, "record") ? 1 : DG_ARRAY_COUNT;
            a->v[i].p = calloc(count, elem);
            a->count[i] = count;
            a->size[i] = count * elem;
        } else if (dg_is(role, "file-handle")) {
            a->v[i].p = dg_memfile("hello\n", &a->fd[i]);
        } else if (dg_is(role, "index")) {
            a->v[i].n = 0;
        } else if (dg_is(role, "float")) {
            a->v[i].f = 1.5;
        } else if (dg_is(role, "integer")) {
            a->v[i].n = 1;
        } else if (dg_is(role, "length")) {
            a->v[i].n = 1;
        } else if (dg_is(role, "directory")) {
            dg_set_string(t, a, i, dg_copy(dg_fixtures()));
        } else if (dg_is(role, "file-path")) {
            dg_set_string(t, a, i, dg_fixture("report.txt"));
        } else if (dg_is(role, "host")) {
            dg_set_string(t, a, i, dg_copy("127.0.0.1"));
        } else if (dg_is(role, "url")) {
            dg_set_string(t, a, i, dg_copy("http://127.0.0.1:9/index.html"));
        } else {
            dg_set_string(t, a, i, dg_copy("hello"));
        }
    }
    dg_fix_lengths(t, a);
}

/* Calls the function under test once. A call that does not return (exit, a crash) ends the test: the
 * harness sees no result and a sanitizer's report, if any, is the evidence. */
DG_HELPER void dg_call(dg_target *t, dg_args *a)
{
    dg_fix_lengths(t, a);
    t->calls++;
    t->fn->call(a);
    t->returned++;
}

/* ---- what the code produced --------------------------------------------------------------------- */

static int dg_cap_fd[3] = { -1, -1, -1 };
static int dg_saved_fd[3] = { -1, -1, -1 };
static char dg_captured[DG_TEXT_CAP];
static size_t dg_captured_len;

/* Captures stdout and stderr (into memory) until dg_capture_end. */
DG_HELPER void dg_capture_begin(void)
{
    fflush(stdout);
    fflush(stderr);
    for (int fd = 1; fd <= 2; fd++) {
        int m = dg_memfd("dg_capture");
        if (m < 0) continue;
        dg_saved_fd[fd] = dup(fd);
        dup2(m, fd);
        dg_cap_fd[fd] = m;
    }
}

/* Ends the capture and returns what was written; the bytes are passed on to the real stdout and
 * stderr, so the trace's output (and the harness's UBSan scan of stderr) still sees them. */
DG_HELPER const char *dg_capture_end(void)
{
    fflush(stdout);
    fflush(stderr);
    for (int fd = 1; fd <= 2; fd++) {
        if (dg_cap_fd[fd] < 0) continue;
        size_t before = dg_captured_len;
        dg_read_fd(dg_cap_fd[fd], dg_captured, sizeof dg_captured, &dg_captured_len);
        dup2(dg_saved_fd[fd], fd);
        close(dg_saved_fd[fd]);
        close(dg_cap_fd[fd]);
        dg_cap_fd[fd] = dg_saved_fd[fd] = -1;
        if (dg_captured_len > before && write(fd, dg_captured + before, dg_captured_len - before) < 0) { /* lost */ }
    }
    return dg_captured;
}

/* syslog is answered here: what the code logs is formatted exactly as syslog would (the format and its
 * arguments are the code's) and kept for the probe instead of going to /dev/log, which the sandbox lacks. */
static char dg_syslog_text[DG_TEXT_CAP];
static size_t dg_syslog_len;

#undef syslog
#undef vsyslog
void vsyslog(int priority, const char *format, va_list ap)
{
    (void)priority;
    size_t room = sizeof dg_syslog_text - dg_syslog_len;
    if (room > 2 && format) {
        int n = vsnprintf(dg_syslog_text + dg_syslog_len, room - 1, format, ap);
        if (n > 0) dg_syslog_len += (size_t)n < room - 2 ? (size_t)n : room - 2;
        dg_syslog_text[dg_syslog_len++] = '\n';
        dg_syslog_text[dg_syslog_len] = 0;
    }
}

void syslog(int priority, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsyslog(priority, format, ap);
    va_end(ap);
}

void __syslog_chk(int priority, int flag, const char *format, ...);
void __syslog_chk(int priority, int flag, const char *format, ...)
{
    va_list ap;
    (void)flag;
    va_start(ap, format);
    vsyslog(priority, format, ap);
    va_end(ap);
}

static char dg_output_text[4 * DG_TEXT_CAP];

static void dg_append(size_t *len, const char *s, size_t n)
{
    if (*len + 2 > sizeof dg_output_text) return;
    if (*len + n + 2 > sizeof dg_output_text) n = sizeof dg_output_text - *len - 2;
    memcpy(dg_output_text + *len, s, n);
    *len += n;
    dg_output_text[(*len)++] = '\n';
    dg_output_text[*len] = 0;
}

/* Everything the call produced as text: stdout and stderr (when captured), syslog, every output buffer
 * and byte array, every FILE * argument, and a returned string. */
DG_HELPER const char *dg_output(const dg_target *t, const dg_args *a)
{
    size_t len = 0;
    dg_output_text[0] = 0;
    dg_append(&len, dg_captured, dg_captured_len);
    dg_append(&len, dg_syslog_text, dg_syslog_len);
    for (int i = 0; i < t->fn->nparams; i++) {
        const dg_param *q = &t->fn->params[i];
        if ((dg_is(q->role, "output-buffer") || (dg_is(q->role, "int-array") && q->elem == 1)) && a->v[i].p)
            dg_append(&len, a->v[i].p, strnlen(a->v[i].p, a->size[i]));
        if (dg_is(q->role, "file-handle") && a->fd[i] >= 0) {
            static char file_text[DG_TEXT_CAP];
            size_t n = 0;
            dg_read_fd(a->fd[i], file_text, sizeof file_text, &n);
            dg_append(&len, file_text, n);
        }
    }
    if (a->ret_kind == 's' && a->ret.p)
        dg_append(&len, a->ret.p, strnlen(a->ret.p, DG_TEXT_CAP));
    return dg_output_text;
}

/* ---- running the plan ---------------------------------------------------------------------------- */

/* The functional probe shared by every template: one call on benign inputs. It fails only when the call
 * crashes or a sanitizer aborts it (a smoke run: the behaviour is not checked). */
DG_PROBE dg_smoke(dg_target *t, const dg_probe *p)
{
    dg_args a;
    (void)p;
    dg_benign(t, &a);
    dg_call(t, &a);
}

/* Runs one row of the plan (the body of its DG_TEST). */
DG_HELPER void dg_run(const dg_probe *p)
{
    dg_target t = { p->function, p, 0, 0 };
    if (__lsan_disable) __lsan_disable();
    p->run(&t, p);
    if (t.returned == 0)
        dg_not_judged("%s was never called to completion: the probe %s made no call", p->function->name, p->probe);
}
