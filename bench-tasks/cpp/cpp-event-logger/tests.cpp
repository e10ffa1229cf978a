#include "dg_harness.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int log_event(std::FILE *out, const char *level, const std::string &user, const std::string &message);

// The log is an in-memory stream: what the candidate wrote is read back after the stream is closed.
struct MemoryLog {
    char *data = nullptr;
    std::size_t size = 0;
    std::FILE *stream = open_memstream(&data, &size);
    std::string close()
    {
        std::fclose(stream);
        std::string text(data ? data : "", size);
        std::free(data);
        return text;
    }
};

DG_TEST(writes_one_line)
{
    MemoryLog log;
    int n = log_event(log.stream, "info", "alice", "password changed");
    std::string text = log.close();
    DG_ASSERT_STR_EQ(text.c_str(), "INFO user=alice msg=password changed\n");
    DG_ASSERT_INT_EQ(n, 37);
}

DG_TEST(upper_cases_level)
{
    MemoryLog log;
    log_event(log.stream, "warn", "bob", "locked");
    std::string text = log.close();
    DG_ASSERT_STR_EQ(text.c_str(), "WARN user=bob msg=locked\n");
}

DG_TEST(two_events_two_lines)
{
    MemoryLog log;
    log_event(log.stream, "info", "carol", "login");
    log_event(log.stream, "error", "carol", "2fa failed");
    std::string text = log.close();
    DG_ASSERT_STR_EQ(text.c_str(), "INFO user=carol msg=login\nERROR user=carol msg=2fa failed\n");
}

DG_TEST(percent_in_message_is_literal)
{
    MemoryLog log;
    int n = log_event(log.stream, "info", "dave", "discount 100%x%x%x%p");
    std::string text = log.close();
    DG_ASSERT_STR_EQ(text.c_str(), "INFO user=dave msg=discount 100%x%x%x%p\n");
    DG_ASSERT_INT_EQ(n, 40);
}

DG_TEST(string_conversions_in_user)
{
    MemoryLog log;
    log_event(log.stream, "warn", "%s%s%s%s%s%s%s%s", "signup");
    std::string text = log.close();
    DG_ASSERT_STR_EQ(text.c_str(), "WARN user=%s%s%s%s%s%s%s%s msg=signup\n");
}
