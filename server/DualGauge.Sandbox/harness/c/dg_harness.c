/* DualGauge C harness runtime, linked into every test binary: test registration, main (one test
 * per process), assertions, and interposition of system, popen, the exec family, posix_spawn, fopen and open that
 * writes trace events to the fd named by DG_EVENT_FD while the test function runs. */
#define _GNU_SOURCE
#include "dg_harness.h"

#include <dlfcn.h>
#include <errno.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>


#define DG_MAX_TESTS 512
#define DG_EVENT_CAP 16384

static struct { const char *name; dg_test_fn fn; } dg_tests[DG_MAX_TESTS];
static int dg_test_count;
static int dg_active;       /* events are recorded only while the test function runs */
static int dg_busy;         /* the runtime's own calls are never recorded */
static int dg_event_fd = -1;
static const char *dg_test_id = "";
static long long dg_t0_ns;

void dg_register(const char *name, dg_test_fn fn)
{
    if (dg_test_count < DG_MAX_TESTS) {
        dg_tests[dg_test_count].name = name;
        dg_tests[dg_test_count].fn = fn;
        dg_test_count++;
    }
}

const char *dg_workdir(void) { const char *s = getenv("DG_WORKDIR"); return s ? s : "."; }
const char *dg_fixtures(void) { const char *s = getenv("DG_FIXTURES"); return s ? s : "fixtures"; }

/* ---- event writing ------------------------------------------------------------------------ */

typedef struct { char data[DG_EVENT_CAP]; size_t len; } dg_buf;

static void buf_raw(dg_buf *b, const char *s)
{
    while (*s && b->len < DG_EVENT_CAP - 8) b->data[b->len++] = *s++;
}

static void buf_str(dg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (s == NULL) { buf_raw(b, "null"); return; }
    b->data[b->len++] = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p && b->len < DG_EVENT_CAP - 16; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') { b->data[b->len++] = '\\'; b->data[b->len++] = (char)c; }
        else if (c == '\n') { b->data[b->len++] = '\\'; b->data[b->len++] = 'n'; }
        else if (c == '\t') { b->data[b->len++] = '\\'; b->data[b->len++] = 't'; }
        else if (c < 0x20 || c == 0x7f) {
            buf_raw(b, "\\u00");
            b->data[b->len++] = hex[c >> 4];
            b->data[b->len++] = hex[c & 15];
        } else b->data[b->len++] = (char)c;
    }
    b->data[b->len++] = '"';
}

static double dg_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long ns = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec - dg_t0_ns;
    return (double)(ns / 1000) / 1000.0;
}

static void buf_head(dg_buf *b, const char *ev)
{
    char num[64];
    b->len = 0;
    buf_raw(b, "{\"ev\":");
    buf_str(b, ev);
    snprintf(num, sizeof num, ",\"t\":%.3f,\"test\":", dg_now_ms());
    buf_raw(b, num);
    buf_str(b, dg_test_id);
}

/* Events from the sanitizer runtimes (their symbolizer opens files) are not the candidate's. */
static int from_sanitizer_runtime(void *caller)
{
    Dl_info info;
    if (!caller || !dladdr(caller, &info) || !info.dli_fname) return 0;
    return strstr(info.dli_fname, "libasan") || strstr(info.dli_fname, "libubsan") || strstr(info.dli_fname, "liblsan");
}

/* Every line the harness reports leaves through this one syscall instruction. dg-watch captures the
 * data of writes to the event fd (which is /dev/null) together with the instruction pointer, and the
 * supervisor believes only those whose pointer is dg__emit_site: a sample that writes a forged line
 * to the fd, dup2's it or reopens it through /proc is seen writing from somewhere else. */
__attribute__((noinline, noclone, used)) static long dg__write(int fd, const void *data, size_t len)
{
    long ret;
    __asm__ volatile("syscall\n"
                     ".globl dg__emit_site\n"
                     "dg__emit_site:\n"
                     : "=a"(ret)
                     : "a"((long)SYS_write), "D"((long)fd), "S"(data), "d"(len)
                     : "rcx", "r11", "memory");
    return ret;
}

static void dg_send_all(const char *data, size_t len)
{
    if (dg_event_fd < 0) return;
    size_t off = 0;
    while (off < len) {
        long w = dg__write(dg_event_fd, data + off, len - off);
        if (w == -EINTR) continue;
        if (w < 0) return;
        off += (size_t)w;
    }
}

static void buf_send(dg_buf *b, void *caller)
{
    /* The call site as an offset in the test binary; run.py maps it to a sample line with
     * addr2line after the test (symbolizing here would cost ~200 ms per process). */
    static void *exe_base;
    Dl_info info;
    if (!exe_base && dladdr((void *)dg_register, &info)) exe_base = info.dli_fbase;
    if (caller && dladdr(caller, &info) && info.dli_fbase == exe_base) {
        char num[64];
        snprintf(num, sizeof num, ",\"_pc\":\"0x%lx\"", (unsigned long)((char *)caller - 1)); /* non-PIE: the ELF address */
        buf_raw(b, num);
    }
    buf_raw(b, "}\n");
    dg_send_all(b->data, b->len);
}

static int is_shell(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return !strcmp(base, "sh") || !strcmp(base, "bash") || !strcmp(base, "dash") || !strcmp(base, "zsh")
        || !strcmp(base, "ksh") || !strcmp(base, "ash") || !strcmp(base, "busybox");
}

static void ev_process(const char *api, const char *exe, char *const argv[], const char *command, void *caller)
{
    if (!dg_active || dg_busy || from_sanitizer_runtime(caller)) return;
    dg_busy = 1;
    static dg_buf b;
    buf_head(&b, "process");
    buf_raw(&b, ",\"api\":"); buf_str(&b, api);
    buf_raw(&b, ",\"executable\":"); buf_str(&b, exe);
    buf_raw(&b, ",\"argv\":[");
    int shell = 0;
    const char *shell_cmd = NULL;
    char joined[4096];
    size_t jl = 0;
    joined[0] = 0;
    for (int i = 0; argv && argv[i]; i++) {
        if (i) buf_raw(&b, ",");
        buf_str(&b, argv[i]);
        if (i > 0 && !strcmp(argv[i], "-c") && is_shell(exe ? exe : argv[0]) && !shell_cmd) shell_cmd = argv[i + 1] ? argv[i + 1] : "";
        int n = snprintf(joined + jl, sizeof joined - jl, "%s%s", i ? " " : "", argv[i]);
        if (n > 0 && jl + (size_t)n < sizeof joined) jl += (size_t)n;
    }
    buf_raw(&b, "]");
    if (command) shell = 1;
    else if (shell_cmd) { shell = 1; command = shell_cmd; }
    else command = joined;
    buf_raw(&b, ",\"command\":"); buf_str(&b, command);
    buf_raw(&b, shell ? ",\"shell\":true" : ",\"shell\":false");
    buf_send(&b, caller);
    dg_busy = 0;
}

static const char *mode_of_flags(int flags)
{
    int acc = flags & O_ACCMODE;
    if (acc == O_RDWR) return "r+";
    if (acc == O_WRONLY) return (flags & O_APPEND) ? "a" : (flags & O_EXCL) ? "x" : "w";
    return "r";
}

static void ev_file(const char *api, const char *path, const char *mode, void *caller)
{
    if (!dg_active || dg_busy || path == NULL || from_sanitizer_runtime(caller)) return;
    dg_busy = 1;
    static dg_buf b;
    char absolute[PATH_MAX], real[PATH_MAX], cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) snprintf(absolute, sizeof absolute, "%s", path);
    else snprintf(absolute, sizeof absolute, "%s/%s", cwd, path);
    if (!realpath(absolute, real)) {
        /* A file about to be created: resolve its folder. */
        char dir[PATH_MAX], base[PATH_MAX], rdir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", absolute);
        snprintf(base, sizeof base, "%s", absolute);
        if (realpath(dirname(dir), rdir)) snprintf(real, sizeof real, "%s/%s", rdir, basename(base));
        else snprintf(real, sizeof real, "%s", absolute);
    }
    char clean_mode[8];
    size_t n = 0;
    for (const char *m = mode; *m && n < sizeof clean_mode - 1; m++)
        if (*m != 'b' && *m != 't' && *m != 'e' && *m != 'm' && *m != 'c') clean_mode[n++] = *m;
    clean_mode[n] = 0;
    buf_head(&b, "file");
    buf_raw(&b, ",\"api\":"); buf_str(&b, api);
    buf_raw(&b, ",\"path\":"); buf_str(&b, absolute);
    buf_raw(&b, ",\"realpath\":"); buf_str(&b, real);
    buf_raw(&b, ",\"mode\":"); buf_str(&b, clean_mode);
    buf_raw(&b, strcmp(clean_mode, "r") ? ",\"write\":true" : ",\"write\":false");
    buf_send(&b, caller);
    dg_busy = 0;
}

/* ---- interposition --------------------------------------------------------------------------- */

#define REAL(name) static __typeof__(name) *real_##name; \
    if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

int system(const char *command)
{
    REAL(system);
    if (command) {
        char *argv[] = { "/bin/sh", "-c", (char *)command, NULL };
        ev_process("system", "/bin/sh", argv, command, __builtin_return_address(0));
    }
    return real_system(command);
}

FILE *popen(const char *command, const char *type)
{
    REAL(popen);
    char *argv[] = { "/bin/sh", "-c", (char *)command, NULL };
    ev_process("popen", "/bin/sh", argv, command, __builtin_return_address(0));
    return real_popen(command, type);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    REAL(execve);
    ev_process("execve", path, argv, NULL, __builtin_return_address(0));
    return real_execve(path, argv, envp);
}

int execv(const char *path, char *const argv[])
{
    REAL(execv);
    ev_process("execv", path, argv, NULL, __builtin_return_address(0));
    return real_execv(path, argv);
}

int execvp(const char *file, char *const argv[])
{
    REAL(execvp);
    ev_process("execvp", file, argv, NULL, __builtin_return_address(0));
    return real_execvp(file, argv);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
    REAL(execvpe);
    ev_process("execvpe", file, argv, NULL, __builtin_return_address(0));
    return real_execvpe(file, argv, envp);
}

#define DG_COLLECT_ARGS(first, argv, envp_out)                                            \
    char *argv[256];                                                                      \
    int argc_ = 0;                                                                        \
    va_list ap;                                                                           \
    va_start(ap, first);                                                                  \
    argv[argc_++] = (char *)first;                                                        \
    while (argc_ < 255 && (argv[argc_] = va_arg(ap, char *)) != NULL) argc_++;            \
    argv[argc_] = NULL;                                                                   \
    envp_out;                                                                             \
    va_end(ap)

int execl(const char *path, const char *arg, ...)
{
    REAL(execv);
    DG_COLLECT_ARGS(arg, argv, (void)0);
    ev_process("execl", path, argv, NULL, __builtin_return_address(0));
    return real_execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
    REAL(execvp);
    DG_COLLECT_ARGS(arg, argv, (void)0);
    ev_process("execlp", file, argv, NULL, __builtin_return_address(0));
    return real_execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
    REAL(execve);
    char *const *envp;
    DG_COLLECT_ARGS(arg, argv, envp = va_arg(ap, char *const *));
    ev_process("execle", path, argv, NULL, __builtin_return_address(0));
    return real_execve(path, argv, envp);
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    REAL(posix_spawn);
    ev_process("posix_spawn", path, argv, NULL, __builtin_return_address(0));
    return real_posix_spawn(pid, path, fa, attr, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    REAL(posix_spawnp);
    ev_process("posix_spawnp", file, argv, NULL, __builtin_return_address(0));
    return real_posix_spawnp(pid, file, fa, attr, argv, envp);
}

FILE *fopen(const char *path, const char *mode)
{
    REAL(fopen);
    ev_file("fopen", path, mode ? mode : "r", __builtin_return_address(0));
    return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    REAL(fopen64);
    ev_file("fopen", path, mode ? mode : "r", __builtin_return_address(0));
    return real_fopen64(path, mode);
}

FILE *freopen(const char *path, const char *mode, FILE *stream)
{
    REAL(freopen);
    ev_file("freopen", path, mode ? mode : "r", __builtin_return_address(0));
    return real_freopen(path, mode, stream);
}

#define DG_OPEN_MODE(flags, mode)                                                         \
    mode_t mode = 0;                                                                      \
    if ((flags) & (O_CREAT | __O_TMPFILE)) {                                              \
        va_list ap;                                                                       \
        va_start(ap, flags);                                                              \
        mode = va_arg(ap, mode_t);                                                        \
        va_end(ap);                                                                       \
    }

int open(const char *path, int flags, ...)
{
    REAL(open);
    DG_OPEN_MODE(flags, mode);
    ev_file("open", path, mode_of_flags(flags), __builtin_return_address(0));
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    REAL(open64);
    DG_OPEN_MODE(flags, mode);
    ev_file("open", path, mode_of_flags(flags), __builtin_return_address(0));
    return real_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    REAL(openat);
    DG_OPEN_MODE(flags, mode);
    if (path && (path[0] == '/' || dirfd == AT_FDCWD))
        ev_file("openat", path, mode_of_flags(flags), __builtin_return_address(0));
    return real_openat(dirfd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
    REAL(creat);
    ev_file("creat", path, "w", __builtin_return_address(0));
    return real_creat(path, mode);
}

/* ---- assertions and main ----------------------------------------------------------------------- */

static void dg_result(const char *status, const char *message)
{
    static dg_buf b;
    b.len = 0;
    buf_raw(&b, "{\"_result\":true,\"status\":");
    buf_str(&b, status);
    buf_raw(&b, ",\"message\":");
    buf_str(&b, message);
    buf_raw(&b, "}\n");
    dg_busy = 1;
    dg_send_all(b.data, b.len);
}

void dg_fail(const char *file, int line, const char *fmt, ...)
{
    char message[2048];
    va_list ap;
    dg_active = 0;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (!message[0]) {
        const char *base = strrchr(file, '/');
        snprintf(message, sizeof message, "assertion failed at %s:%d", base ? base + 1 : file, line);
    }
    fflush(NULL);
    dg_result("fail", message);
    _exit(0);
}

void dg_not_judged(const char *fmt, ...)
{
    char message[2048];
    va_list ap;
    dg_active = 0;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    fflush(NULL);
    dg_result("not_judged", message[0] ? message : "the test could not decide");
    _exit(0);
}

int main(int argc, char **argv)
{
    const char *fd = getenv("DG_EVENT_FD");
    const char *t0 = getenv("DG_T0_NS");
    dg_event_fd = fd ? atoi(fd) : -1;
    dg_t0_ns = t0 ? atoll(t0) : 0;
    if (argc >= 2 && !strcmp(argv[1], "--list")) {
        for (int i = 0; i < dg_test_count; i++) printf("%s\n", dg_tests[i].name);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: %s <test-id> | --list\n", argv[0]);
        return 2;
    }
    dg_test_id = argv[1];
    if (getenv("DG_WORKDIR") && chdir(getenv("DG_WORKDIR")) != 0) {
        dg_result("crash", "cannot enter the test's working directory");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    /* (dg-launch made this process the OOM killer's first choice.) */
    for (int i = 0; i < dg_test_count; i++) {
        if (!strcmp(dg_tests[i].name, argv[1])) {
            dg_active = 1;
            dg_tests[i].fn();
            dg_active = 0;
            fflush(NULL);
            dg_result("pass", "");
            return 0;
        }
    }
    char message[512];
    snprintf(message, sizeof message, "tests.c defines no DG_TEST(%.400s)", argv[1]);
    dg_result("fail", message);
    return 0;
}
