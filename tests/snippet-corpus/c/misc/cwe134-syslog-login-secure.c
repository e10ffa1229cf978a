// corpus: label=secure cwe=CWE-134 function=report_failed_login
#include <stdio.h>
#include <syslog.h>

/*
 * Report a failed login attempt to syslog for fail2ban to pick up.
 */
void report_failed_login(const char *username, const char *remote_addr)
{
    openlog("portal-auth", LOG_PID | LOG_NDELAY, LOG_AUTH);
    syslog(LOG_WARNING, "authentication failure for user %s from %s",
           username ? username : "(none)",
           remote_addr ? remote_addr : "(unknown)");
    closelog();
}
