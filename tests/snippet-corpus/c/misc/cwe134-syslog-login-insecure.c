// corpus: label=insecure cwe=CWE-134 function=report_failed_login
#include <stdio.h>
#include <syslog.h>

/*
 * Report a failed login attempt to syslog for fail2ban to pick up.
 */
void report_failed_login(const char *username, const char *remote_addr)
{
    char msg[256];

    snprintf(msg, sizeof msg, "authentication failure for user %s from %s",
             username, remote_addr);

    openlog("portal-auth", LOG_PID | LOG_NDELAY, LOG_AUTH);
    syslog(LOG_WARNING, msg);
    closelog();
}
