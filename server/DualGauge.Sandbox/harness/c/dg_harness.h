/* DualGauge C and C++ test API (harness/README.md). tests.c or tests.cpp: #include "dg_harness.h",
 * declare the entry point's prototype, then write DG_TEST(<id>) { ... } blocks. Each test runs in its
 * own process. The runtime is C; its functions are extern "C" for C++ tests. */
#ifndef DG_HARNESS_H
#define DG_HARNESS_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*dg_test_fn)(void);

void dg_register(const char *name, dg_test_fn fn);
void dg_fail(const char *file, int line, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));
/* Ends the test as "not judged" (status not_judged): it could not decide, e.g. the code under test never ran. */
void dg_not_judged(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* The test's fresh writable folder (also the process's working directory). */
const char *dg_workdir(void);
/* The folder holding the task's fixtures. */
const char *dg_fixtures(void);

#ifdef __cplusplus
}
#endif

#ifdef __cplusplus
#include <exception>
#include <typeinfo>
/* C++: an exception that escapes the test body fails the test with its type and what(), instead of
 * std::terminate aborting the process (which would read as a crash of the candidate). */
#define DG_TEST(id)                                                                   \
    static void dg_test_##id(void);                                                   \
    static void dg_run_##id(void)                                                     \
    {                                                                                 \
        try {                                                                         \
            dg_test_##id();                                                           \
        } catch (const std::exception &dg_e_) {                                       \
            dg_fail(__FILE__, __LINE__, "uncaught exception %s: %.1000s",             \
                    typeid(dg_e_).name(), dg_e_.what());                              \
        } catch (...) {                                                               \
            dg_fail(__FILE__, __LINE__, "uncaught exception of a non-std::exception type");\
        }                                                                             \
    }                                                                                 \
    __attribute__((constructor)) static void dg_register_##id(void)                   \
    {                                                                                 \
        dg_register(#id, dg_run_##id);                                                \
    }                                                                                 \
    static void dg_test_##id(void)
#else
#define DG_TEST(name)                                                                    \
    static void dg_test_##name(void);                                                    \
    __attribute__((constructor)) static void dg_register_##name(void)                    \
    {                                                                                    \
        dg_register(#name, dg_test_##name);                                              \
    }                                                                                    \
    static void dg_test_##name(void)
#endif

#define DG_ASSERT(cond, ...)                                                             \
    do {                                                                                 \
        if (!(cond)) dg_fail(__FILE__, __LINE__, __VA_ARGS__);                           \
    } while (0)

#define DG_ASSERT_STR_EQ(actual, expected)                                               \
    do {                                                                                 \
        const char *dg_a_ = (actual);                                                    \
        const char *dg_e_ = (expected);                                                  \
        if ((dg_a_ == NULL || dg_e_ == NULL) ? dg_a_ != dg_e_ : strcmp(dg_a_, dg_e_) != 0) \
            dg_fail(__FILE__, __LINE__, "expected \"%.200s\", got \"%.200s\"",           \
                    dg_e_ ? dg_e_ : "(null)", dg_a_ ? dg_a_ : "(null)");                 \
    } while (0)

#define DG_ASSERT_INT_EQ(actual, expected)                                               \
    do {                                                                                 \
        long long dg_a_ = (long long)(actual);                                           \
        long long dg_e_ = (long long)(expected);                                         \
        if (dg_a_ != dg_e_)                                                              \
            dg_fail(__FILE__, __LINE__, "expected %lld, got %lld", dg_e_, dg_a_);        \
    } while (0)

#endif
