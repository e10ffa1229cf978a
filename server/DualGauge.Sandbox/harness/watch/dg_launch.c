/* dg-launch: starts a candidate program under DualGauge's syscall filter.
 *
 *   dg-launch SOCKFD [--keep FD]... [--watch-write FD] -- PROGRAM ARG...
 *
 * Installs a seccomp filter whose monitored syscalls (processes, files, sockets, signals, ptrace) are
 * reported to a user-space listener, sends the listener fd over the unix socket SOCKFD (SCM_RIGHTS) to
 * dg-watch, closes every fd except 0, 1, 2 and the --keep ones, then execs PROGRAM. The filter cannot be
 * removed and is inherited by every thread and child, so a candidate cannot hide a monitored syscall
 * behind dlsym, a raw syscall instruction, fd games or a detached child: at worst it can add a
 * stricter filter of its own, which only makes the syscall fail.
 *
 * Syscalls of foreign ABIs (i386 int 0x80, x32) are refused outright so the numbers below cannot be
 * sidestepped. io_uring is refused: its operations would bypass the filter.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SECCOMP_FILTER_FLAG_NEW_LISTENER
#define SECCOMP_FILTER_FLAG_NEW_LISTENER (1UL << 3)
#endif
#ifndef SECCOMP_RET_USER_NOTIF
#define SECCOMP_RET_USER_NOTIF 0x7fc00000U
#endif
#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif

#define X32_SYSCALL_BIT 0x40000000

static const int monitored[] = {
    __NR_execve, __NR_execveat,
    __NR_open, __NR_openat, __NR_openat2, __NR_creat,
    __NR_unlink, __NR_unlinkat, __NR_rename, __NR_renameat, __NR_renameat2,
    __NR_chmod, __NR_fchmod, __NR_fchmodat, __NR_fchmodat2,
    __NR_symlink, __NR_symlinkat, __NR_link, __NR_linkat, __NR_mkdir, __NR_mkdirat,
    __NR_connect, __NR_sendto, __NR_bind,
    __NR_ptrace, __NR_process_vm_readv, __NR_process_vm_writev, __NR_pidfd_getfd,
    __NR_kill, __NR_tkill, __NR_tgkill, __NR_pidfd_send_signal,
};

static const int refused[] = { __NR_io_uring_setup, __NR_io_uring_enter, __NR_io_uring_register };

static int die(const char *what) {
    dprintf(2, "dg-launch: %s: %s\n", what, strerror(errno));
    return 127;
}

static int send_fd(int sock, int fd) {
    char byte = 'L';
    struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        dprintf(2, "usage: dg-launch SOCKFD [--keep FD]... [--watch-write FD] -- PROGRAM ARG...\n");
        return 2;
    }
    int sock = atoi(argv[1]);
    int keep[16], nkeep = 0, watch_write = -1, i = 2;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--keep") == 0 && i + 1 < argc && nkeep < 16) keep[nkeep++] = atoi(argv[++i]);
        else if (strcmp(argv[i], "--watch-write") == 0 && i + 1 < argc) watch_write = atoi(argv[++i]);
        else { dprintf(2, "dg-launch: unknown argument %s\n", argv[i]); return 2; }
    }
    if (i + 1 >= argc) { dprintf(2, "dg-launch: no program after --\n"); return 2; }
    char **program = &argv[i + 1];

    size_t nmon = sizeof monitored / sizeof monitored[0], nref = sizeof refused / sizeof refused[0];
    struct sock_filter prog[8 + 2 * (sizeof monitored / sizeof monitored[0]) + 2 * (sizeof refused / sizeof refused[0]) + 8];
    size_t n = 0;
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    for (size_t k = 0; k < nref; k++) {
        prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)refused[k], 0, 1);
        prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
    }
    for (size_t k = 0; k < nmon; k++) {
        prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)monitored[k], 0, 1);
        prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
    }
    if (watch_write >= 0) {
        /* write(watch_write, ...) is reported so dg-watch can check who writes the result channel. */
        prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 0, 3);
        prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
        prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)watch_write, 0, 1);
        prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
    }
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    struct sock_fprog fprog = { .len = (unsigned short)n, .filter = prog };

    /* The sample's processes, not the supervisor, are the OOM killer's first choice (set before the
     * filter, so it is not the sample's file access). */
    int oom = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (oom >= 0) {
        if (write(oom, "1000", 4) < 0) { /* best effort */ }
        close(oom);
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return die("PR_SET_NO_NEW_PRIVS");
    int listener = (int)syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &fprog);
    if (listener < 0) return die("seccomp");
    if (send_fd(sock, listener) != 0) return die("sending the listener");
    close(listener);
    close(sock);
    /* Only the fds the candidate is meant to have survive. */
    for (int fd = 3; fd < 1024; fd++) {
        int kept = 0;
        for (int k = 0; k < nkeep; k++) kept |= keep[k] == fd;
        if (!kept) close(fd);
    }
    execvp(program[0], program);
    return die(program[0]);
}
