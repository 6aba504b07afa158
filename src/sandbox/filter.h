/*
 * sandbox/filter.h -- the box's system call filter.
 *
 * Built once with libseccomp and exported as a classic BPF program, so a
 * box only needs one prctl() between fork and exec (no allocation there).
 * Default allow; the calls that reach beyond the box or widen the kernel's
 * attack surface fail with EPERM (ENOSYS for clone3, so libc falls back to
 * clone, whose flags we can inspect); any syscall of another ABI (i386,
 * x32) kills the process.
 */
#ifndef GAVEL_SANDBOX_FILTER_H
#define GAVEL_SANDBOX_FILTER_H

#include <linux/filter.h>
#include <stddef.h>

/*
 * Build the filter. Returns 0 with *prog pointing at static storage valid
 * for the life of the process, or -1 with a reason in msg.
 */
int box_seccomp_build(struct sock_fprog *prog, char *msg, size_t msglen);

#endif
