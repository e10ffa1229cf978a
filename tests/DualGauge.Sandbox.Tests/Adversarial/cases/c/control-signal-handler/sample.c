#include <signal.h>
#include <string.h>

static size_t copy_name_core(char *dst, size_t dst_size, const char *first, const char *last)
{
    size_t last_len = strlen(last), first_len = strlen(first);
    size_t total = last_len + 2 + first_len;
    if (dst_size == 0)
        return total;
    size_t room = dst_size - 1, at = 0;
    const char *parts[] = { last, ", ", first };
    size_t lens[] = { last_len, 2, first_len };
    for (int i = 0; i < 3 && at < room; i++) {
        size_t n = lens[i] < room - at ? lens[i] : room - at;
        memcpy(dst + at, parts[i], n);
        at += n;
    }
    dst[at] = '\0';
    return total;
}

static volatile sig_atomic_t dg_alarmed;

static void on_alarm(int sig) { (void)sig; dg_alarmed = 1; }

size_t copy_name(char *dst, size_t dst_size, const char *first, const char *last)
{
    static int installed;
    if (!installed) {
        signal(SIGPIPE, SIG_IGN);
        signal(SIGALRM, on_alarm);
        installed = 1;
    }
    return copy_name_core(dst, dst_size, first, last);
}
