/* dg-watch: the out-of-process syscall monitor of the DualGauge supervisor.
 *
 *   dg-watch CTRLFD        (events as JSON lines on stdout)
 *
 * Receives seccomp listener fds from dg-launch over the unix socket CTRLFD and answers every monitored
 * syscall of the candidate's processes. Each one is written as a `sys` event BEFORE the syscall is let
 * through, so by the time the candidate can answer a call, the supervisor's pipe already holds the
 * events of everything it did during that call.
 *
 * It is non-dumpable: a candidate of the same uid cannot ptrace it, read its memory or open its fds.
 * It refuses (EPERM) what only an attacker needs: ptrace, process_vm_readv/writev, signals and pidfd_getfd
 * aimed at a process that is not the candidate's, and opening /proc/<pid>/... of such a process. A
 * process is the candidate's when it carries more seccomp filters than dg-watch itself (dg-launch's
 * filter is inherited by every child and cannot be removed).
 *
 * Known limit: a syscall's pointer arguments are read before the kernel reads them; a second thread of
 * the candidate can change the memory in between. Refusals never rely on that memory alone: the kernel's
 * non-dumpable rule protects the supervisor's /proc entries whatever the path said.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef SECCOMP_USER_NOTIF_FLAG_CONTINUE
#define SECCOMP_USER_NOTIF_FLAG_CONTINUE (1UL << 0)
#endif
#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif

#define MAX_LISTENERS 64
#define STR_CAP 4096
#define OUT_CAP (128 * 1024)

static int my_filters = -1;
static struct timespec t0;

/* ---- JSON output --------------------------------------------------------------------------- */

static char out[OUT_CAP];
static size_t outn;

static void put(const char *s, size_t n) {
    if (outn >= OUT_CAP - 8) return;
    if (n > OUT_CAP - 8 - outn) n = OUT_CAP - 8 - outn;
    memcpy(out + outn, s, n);
    outn += n;
}
static void puts_(const char *s) { put(s, strlen(s)); }
static void putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void putf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0) put(buf, (size_t)(n < (int)sizeof buf ? n : (int)sizeof buf - 1));
}
static void putstr(const char *s) {
    put("\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') { char e[2] = { '\\', (char)*p }; put(e, 2); }
        else if (*p < 0x20 || *p == 0x7f) putf("\\u%04x", *p);
        else if (*p >= 0x80) {
            /* Keep valid UTF-8 as is; escape stray bytes so the line stays valid JSON. */
            int len = (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
            int ok = len > 0;
            for (int k = 1; ok && k < len; k++) ok = (p[k] & 0xc0) == 0x80;
            if (ok) { put((const char *)p, (size_t)len); p += len - 1; }
            else putf("\\u%04x", *p);
        } else put((const char *)p, 1);
    }
    put("\"", 1);
}
static void begin(const char *sc, uint32_t pid) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(now.tv_sec - t0.tv_sec) * 1000.0 + (double)(now.tv_nsec - t0.tv_nsec) / 1e6;
    outn = 0;
    putf("{\"ev\":\"sys\",\"t\":%.3f,\"pid\":%u,\"sc\":", ms, pid);
    putstr(sc);
}
static void finish(void) {
    put("}\n", 2);
    size_t off = 0;
    while (off < outn) {
        ssize_t w = write(1, out + off, outn - off);
        if (w < 0) { if (errno == EINTR) continue; _exit(0); /* the supervisor is gone */ }
        off += (size_t)w;
    }
}

/* ---- reading the candidate ------------------------------------------------------------------ */

static int read_mem(uint32_t pid, uint64_t addr, void *buf, size_t n) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/mem", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t r = pread(fd, buf, n, (off_t)addr);
    close(fd);
    return r < 0 ? -1 : (int)r;
}

/* Reads a NUL-terminated string; returns 0, or -1 when unreadable. Truncates at STR_CAP-1. */
static int read_str(uint32_t pid, uint64_t addr, char *buf) {
    if (addr == 0) return -1;
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/mem", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t got = 0;
    while (got < STR_CAP - 1) {
        /* Read up to the page end so an unmapped next page does not fail the whole read. */
        size_t room = 4096 - ((addr + got) & 4095);
        if (room > STR_CAP - 1 - got) room = STR_CAP - 1 - got;
        ssize_t r = pread(fd, buf + got, room, (off_t)(addr + got));
        if (r <= 0) break;
        void *nul = memchr(buf + got, 0, (size_t)r);
        if (nul) { got = (size_t)((char *)nul - buf); close(fd); buf[got] = 0; return 0; }
        got += (size_t)r;
    }
    close(fd);
    buf[got] = 0;
    return got ? 0 : -1;
}

static int filters_of(long pid) {
    if (pid <= 0) return -1;
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    FILE *f = fopen(path, "re");
    if (!f) return -1;
    int n = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "Seccomp_filters:", 16) == 0) n = atoi(line + 16);
    fclose(f);
    return n;
}

/* True when pid belongs to the candidate (it carries dg-launch's filter). */
static int is_candidate(long pid) {
    int n = filters_of(pid);
    return n >= 0 && n > my_filters;
}

static long pid_of_pidfd(uint32_t pid, long pidfd) {
    char path[96], line[256];
    snprintf(path, sizeof path, "/proc/%u/fdinfo/%ld", pid, pidfd);
    FILE *f = fopen(path, "re");
    if (!f) return -1;
    long target = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "Pid:", 4) == 0) target = atol(line + 4);
    fclose(f);
    return target;
}

/* Makes `path` absolute against dirfd as the candidate sees it (cwd or an open directory). */
static void absolute(uint32_t pid, long dirfd, const char *path, char *outp, size_t cap) {
    if (path[0] == '/') { snprintf(outp, cap, "%s", path); return; }
    char link[96], base[2048];
    if ((int)dirfd == AT_FDCWD) snprintf(link, sizeof link, "/proc/%u/cwd", pid);
    else snprintf(link, sizeof link, "/proc/%u/fd/%ld", pid, dirfd);
    ssize_t n = readlink(link, base, sizeof base - 1);
    if (n < 0) { snprintf(outp, cap, "%s", path); return; }
    base[n] = 0;
    size_t bl = strcmp(base, "/") == 0 ? 0 : strlen(base);
    if (bl + 1 + strlen(path) + 1 > cap) { snprintf(outp, cap, "%s", path); return; }
    memcpy(outp, base, bl);
    outp[bl] = '/';
    strcpy(outp + bl + 1, path);
}

/* For /proc/<n>/..., /proc/self/..., returns the pid named (or the caller for self); else 0. */
static long proc_target(uint32_t pid, const char *abs, const char **rest) {
    if (strncmp(abs, "/proc/", 6) != 0) return 0;
    const char *p = abs + 6;
    while (*p == '/') p++;
    long target;
    if (strncmp(p, "self", 4) == 0 && (p[4] == '/' || p[4] == 0)) { target = pid; p += 4; }
    else if (strncmp(p, "thread-self", 11) == 0 && (p[11] == '/' || p[11] == 0)) { target = pid; p += 11; }
    else if (*p >= '0' && *p <= '9') { target = strtol(p, (char **)&p, 10); if (*p != '/' && *p != 0) return 0; }
    else return 0;
    *rest = p;
    return target;
}

/* ---- answering ------------------------------------------------------------------------------ */

static void respond(int listener, uint64_t id, int deny) {
    struct seccomp_notif_resp resp;
    memset(&resp, 0, sizeof resp);
    resp.id = id;
    if (deny) resp.error = -EPERM;
    else resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

static void sockaddr_fields(uint32_t pid, uint64_t addr, uint64_t len) {
    unsigned char sa[128];
    if (addr == 0 || len < 2) return;
    if (len > sizeof sa) len = sizeof sa;
    int n = read_mem(pid, addr, sa, (size_t)len);
    if (n < 2) return;
    sa_family_t fam;
    memcpy(&fam, sa, sizeof fam);
    if (fam == AF_INET && n >= (int)sizeof(struct sockaddr_in)) {
        struct sockaddr_in in;
        memcpy(&in, sa, sizeof in);
        char host[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &in.sin_addr, host, sizeof host);
        puts_(",\"family\":\"inet\",\"host\":"); putstr(host); putf(",\"port\":%u", ntohs(in.sin_port));
    } else if (fam == AF_INET6 && n >= (int)sizeof(struct sockaddr_in6)) {
        struct sockaddr_in6 in6;
        memcpy(&in6, sa, sizeof in6);
        char host[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, &in6.sin6_addr, host, sizeof host);
        puts_(",\"family\":\"inet6\",\"host\":"); putstr(host); putf(",\"port\":%u", ntohs(in6.sin6_port));
    } else if (fam == AF_UNIX) {
        char path[110];
        size_t plen = (size_t)n > 2 ? (size_t)n - 2 : 0;
        if (plen > sizeof path - 1) plen = sizeof path - 1;
        memcpy(path, sa + 2, plen);
        path[plen] = 0;
        if (plen && path[0] == 0) path[0] = '@';
        puts_(",\"family\":\"unix\",\"path\":"); putstr(path);
    } else {
        putf(",\"family\":\"%u\"", fam);
    }
}

static void argv_field(uint32_t pid, uint64_t argvp, const char *name, int only_ld) {
    if (argvp == 0) return;
    put(",\"", 2); puts_(name); puts_("\":[");
    static char s[STR_CAP];
    int first = 1;
    for (int k = 0; k < 256; k++) {
        uint64_t p;
        if (read_mem(pid, argvp + 8u * (uint64_t)k, &p, 8) != 8 || p == 0) break;
        if (read_str(pid, p, s) != 0) break;
        if (only_ld && strncmp(s, "LD_", 3) != 0) continue;
        if (!first) put(",", 1);
        first = 0;
        putstr(s);
        if (!only_ld && k >= 63) break;
    }
    put("]", 1);
}

static const char *name_of(int nr) {
    switch (nr) {
    case __NR_execve: return "execve"; case __NR_execveat: return "execveat";
    case __NR_open: return "open"; case __NR_openat: return "openat"; case __NR_openat2: return "openat2";
    case __NR_creat: return "creat"; case __NR_unlink: return "unlink"; case __NR_unlinkat: return "unlinkat";
    case __NR_rename: return "rename"; case __NR_renameat: return "renameat"; case __NR_renameat2: return "renameat2";
    case __NR_chmod: return "chmod"; case __NR_fchmod: return "fchmod"; case __NR_fchmodat: return "fchmodat";
    case __NR_fchmodat2: return "fchmodat2"; case __NR_symlink: return "symlink"; case __NR_symlinkat: return "symlinkat";
    case __NR_link: return "link"; case __NR_linkat: return "linkat"; case __NR_mkdir: return "mkdir";
    case __NR_mkdirat: return "mkdirat"; case __NR_connect: return "connect"; case __NR_sendto: return "sendto";
    case __NR_bind: return "bind"; case __NR_ptrace: return "ptrace"; case __NR_process_vm_readv: return "process_vm_readv";
    case __NR_process_vm_writev: return "process_vm_writev"; case __NR_pidfd_getfd: return "pidfd_getfd";
    case __NR_kill: return "kill"; case __NR_tkill: return "tkill"; case __NR_tgkill: return "tgkill";
    case __NR_pidfd_send_signal: return "pidfd_send_signal"; case __NR_write: return "write";
    default: return "unknown";
    }
}

static char abs_[STR_CAP + 2048];   /* the last path path_field resolved */

/* mkdir of a path that already exists fails with EEXIST and changes nothing (mkdir -p walks every parent). */
static void exists_field(void) {
    struct stat st;
    if (abs_[0] && stat(abs_, &st) == 0) puts_(",\"exists\":true");
}

/* Emits the `path` (absolute) field of a path argument; returns 1 when it names a foreign /proc entry. */
static int path_field(uint32_t pid, const char *key, long dirfd, uint64_t addr) {
    static char raw[STR_CAP];
    abs_[0] = 0;
    if (read_str(pid, addr, raw) != 0) { put(",\"", 2); puts_(key); puts_("\":null"); return 0; }
    absolute(pid, dirfd, raw, abs_, sizeof abs_);
    put(",\"", 2); puts_(key); puts_("\":"); putstr(abs_);
    const char *rest = NULL;
    long target = proc_target(pid, abs_, &rest);
    if (target > 0 && !is_candidate(target)) {
        puts_(",\"foreign\":true");
        return 1;
    }
    if (target > 0) puts_(",\"ownproc\":true");  /* the sample's own /proc entries (LeakSanitizer reads them) */
    return 0;
}

static void handle(int listener) {
    struct seccomp_notif req;
    memset(&req, 0, sizeof req);
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) != 0) return;
    const uint64_t *a = (const uint64_t *)req.data.args;
    uint32_t pid = req.pid;
    int nr = req.data.nr, deny = 0;
    begin(name_of(nr), pid);
    switch (nr) {
    case __NR_execve:
        path_field(pid, "path", AT_FDCWD, a[0]);
        argv_field(pid, a[1], "argv", 0);
        argv_field(pid, a[2], "env", 1);
        break;
    case __NR_execveat:
        path_field(pid, "path", (long)(int)a[0], a[1]);
        argv_field(pid, a[2], "argv", 0);
        argv_field(pid, a[3], "env", 1);
        putf(",\"flags\":%lld", (long long)a[4]);
        break;
    case __NR_open: case __NR_creat:
        deny = path_field(pid, "path", AT_FDCWD, a[0]);
        putf(",\"flags\":%lld,\"mode\":%lld", nr == __NR_creat ? (long long)(O_CREAT | O_WRONLY | O_TRUNC) : (long long)a[1],
             (long long)(nr == __NR_creat ? a[1] : a[2]));
        break;
    case __NR_openat:
        deny = path_field(pid, "path", (long)(int)a[0], a[1]);
        putf(",\"flags\":%lld,\"mode\":%lld", (long long)a[2], (long long)a[3]);
        break;
    case __NR_openat2: {
        deny = path_field(pid, "path", (long)(int)a[0], a[1]);
        uint64_t how[2] = { 0, 0 };
        read_mem(pid, a[2], how, sizeof how);
        putf(",\"flags\":%lld,\"mode\":%lld", (long long)how[0], (long long)how[1]);
        break;
    }
    case __NR_unlink: case __NR_mkdir: case __NR_chmod:
        path_field(pid, "path", AT_FDCWD, a[0]);
        if (nr != __NR_unlink) putf(",\"mode\":%lld", (long long)a[1]);
        if (nr == __NR_mkdir) exists_field();
        break;
    case __NR_unlinkat: case __NR_mkdirat: case __NR_fchmodat: case __NR_fchmodat2:
        path_field(pid, "path", (long)(int)a[0], a[1]);
        if (nr != __NR_unlinkat) putf(",\"mode\":%lld", (long long)a[2]);
        else putf(",\"flags\":%lld", (long long)a[2]);
        if (nr == __NR_mkdirat) exists_field();
        break;
    case __NR_fchmod: {
        char link[96], target[STR_CAP];
        snprintf(link, sizeof link, "/proc/%u/fd/%d", pid, (int)a[0]);
        ssize_t n = readlink(link, target, sizeof target - 1);
        target[n < 0 ? 0 : n] = 0;
        puts_(",\"path\":"); putstr(target);
        putf(",\"mode\":%lld", (long long)a[1]);
        break;
    }
    case __NR_rename: case __NR_link: case __NR_symlink:
        if (nr == __NR_symlink) { static char s[STR_CAP]; if (read_str(pid, a[0], s) == 0) { puts_(",\"target\":"); putstr(s); } }
        else path_field(pid, "from", AT_FDCWD, a[0]);
        path_field(pid, "path", AT_FDCWD, a[1]);
        break;
    case __NR_renameat: case __NR_renameat2: case __NR_linkat:
        path_field(pid, "from", (long)(int)a[0], a[1]);
        path_field(pid, "path", (long)(int)a[2], a[3]);
        break;
    case __NR_symlinkat: {
        static char s[STR_CAP];
        if (read_str(pid, a[0], s) == 0) { puts_(",\"target\":"); putstr(s); }
        path_field(pid, "path", (long)(int)a[1], a[2]);
        break;
    }
    case __NR_connect: case __NR_bind:
        sockaddr_fields(pid, a[1], a[2]);
        break;
    case __NR_sendto:
        if (a[4] == 0) { respond(listener, req.id, 0); return; }  /* a connected socket: its connect was seen */
        sockaddr_fields(pid, a[4], a[5]);
        break;
    case __NR_ptrace:
        /* Between the sample's own processes (LeakSanitizer stops its threads this way) it is let
         * through; aimed at anything else (the supervisor), it is refused. */
        putf(",\"request\":%lld,\"target\":%lld", (long long)a[0], (long long)a[1]);
        deny = a[0] != 0 /* PTRACE_TRACEME */ && !is_candidate((long)(int)a[1]);
        break;
    case __NR_process_vm_readv: case __NR_process_vm_writev:
        putf(",\"target\":%lld", (long long)a[0]);
        deny = 1;
        break;
    case __NR_pidfd_getfd: {
        long target = pid_of_pidfd(pid, (long)(int)a[0]);
        putf(",\"target\":%ld,\"fd\":%lld", target, (long long)a[1]);
        deny = !is_candidate(target);
        break;
    }
    case __NR_kill: {
        long target = (long)(int)a[0];
        putf(",\"target\":%ld,\"signal\":%lld", target, (long long)(int)a[1]);
        if (target == -1) deny = 1;
        else if (target < -1) deny = !is_candidate(-target);
        else if (target > 0) deny = !is_candidate(target);
        break;
    }
    case __NR_tkill:
        putf(",\"target\":%lld,\"signal\":%lld", (long long)(int)a[0], (long long)(int)a[1]);
        deny = !is_candidate((long)(int)a[0]);
        break;
    case __NR_tgkill:
        putf(",\"target\":%lld,\"signal\":%lld", (long long)(int)a[1], (long long)(int)a[2]);
        deny = !is_candidate((long)(int)a[1]);
        break;
    case __NR_pidfd_send_signal: {
        long target = pid_of_pidfd(pid, (long)(int)a[0]);
        putf(",\"target\":%ld,\"signal\":%lld", target, (long long)(int)a[1]);
        deny = !is_candidate(target);
        break;
    }
    case __NR_write: {
        /* The C harness's report channel: the data is captured here (the fd itself is /dev/null). */
        static char data[48 * 1024 + 1];
        size_t len = a[2] < sizeof data - 1 ? (size_t)a[2] : sizeof data - 1;
        int got = read_mem(pid, a[1], data, len);
        data[got > 0 ? got : 0] = 0;
        putf(",\"fd\":%lld,\"len\":%lld,\"ip\":%llu,\"data\":", (long long)a[0], (long long)a[2], (unsigned long long)req.data.instruction_pointer);
        putstr(data);
        break;
    }
    default:
        putf(",\"nr\":%d", nr);
        break;
    }
    /* The pid may have died and been reused while its memory was read: then nothing above is true. */
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req.id) != 0) return;
    if (deny) puts_(",\"denied\":true");
    finish();
    respond(listener, req.id, deny);
}

static int recv_fd(int sock) {
    char byte;
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    if (n <= 0) return -2;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

int main(int argc, char **argv) {
    if (argc != 2) { dprintf(2, "usage: dg-watch CTRLFD\n"); return 2; }
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    my_filters = filters_of(getpid());
    int ctrl = atoi(argv[1]);
    struct pollfd fds[MAX_LISTENERS + 1];
    int n = 0;
    fds[0].fd = ctrl;
    fds[0].events = POLLIN;
    for (;;) {
        for (int k = 0; k <= n; k++) fds[k].revents = 0;
        if (poll(fds, (nfds_t)(n + 1), -1) < 0) { if (errno == EINTR) continue; return 1; }
        if (fds[0].revents) {
            int fd = recv_fd(ctrl);
            if (fd == -2) { if (n == 0) return 0; fds[0].fd = -1; }  /* the supervisor closed: serve what is left */
            else if (fd >= 0 && n < MAX_LISTENERS) { n++; fds[n].fd = fd; fds[n].events = POLLIN; fds[n].revents = 0; }
            else if (fd >= 0) close(fd);
        }
        for (int k = 1; k <= n; k++) {
            if (fds[k].revents & POLLIN) handle(fds[k].fd);
            else if (fds[k].revents & (POLLHUP | POLLERR | POLLNVAL)) {
                close(fds[k].fd);
                fds[k] = fds[n];
                n--;
                k--;
            }
        }
        if (fds[0].fd < 0 && n == 0) return 0;
    }
}
