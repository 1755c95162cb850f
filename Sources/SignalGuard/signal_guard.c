// See signal_guard.h. Everything the handler does is safe in a signal handler: lock-free atomic
// loads and stores on a fixed table, sigaction and raise (on POSIX's list), and mmap, which is
// not on that list but on Linux is the bare system call; errno is given back as it was.
//
// Linux only. Elsewhere the guard is not made (the functions say so): on macOS a signal sent
// with `kill` arrives as a fault with the thread's last fault address, so it could not be told
// from a guarded page's.
#include "signal_guard.h"

#if defined(__linux__)
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A slot is claimed by setting `taken` (compare and swap), then given its range: `start`
// before `end`, so a handler that sees `end` set sees that range's `start`. `remove` clears
// `end` before it frees the slot. Sequentially consistent atomics throughout.
static struct {
    _Atomic int taken;
    _Atomic uintptr_t start;
    _Atomic uintptr_t end;
    _Atomic int hit;
} slots[KAIMEN_GUARD_SLOTS];

static struct sigaction previous;
static uintptr_t page_size;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int installed;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    (void)context;
    // The interrupted code's errno, which mmap and sigaction may set, is given back as it was.
    int saved_errno = errno;
    uintptr_t address = (uintptr_t)info->si_addr;
    // Only a fault the kernel raised (`si_code` above 0) has an address; a signal a program
    // sent (`kill`) holds its sender there instead, and is never taken for a guarded page's.
    for (int i = 0; info->si_code > 0 && i < KAIMEN_GUARD_SLOTS; i++) {
        uintptr_t end = atomic_load(&slots[i].end);
        if (end == 0 || address >= end || address < atomic_load(&slots[i].start)) continue;
        void *page = (void *)(address & ~(page_size - 1));
        // Zeros where the file's page was: the same range stays mapped, and is unmapped with the rest.
        if (mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            atomic_store(&slots[i].hit, 1);
            errno = saved_errno;
            return;
        }
        break;
    }
    // Not a guarded mapping's (or no page could be put there): the handler that was there
    // before takes it, when the read faults again on return, or at once for a signal sent
    // by a program (`si_code` 0 or below), which would not come again.
    sigaction(signal, &previous, NULL);
    if (info->si_code <= 0) raise(signal);
    errno = saved_errno;
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    if (size <= 0) return;
    page_size = (uintptr_t)size;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    installed = sigaction(SIGBUS, &action, &previous) == 0;
}

int kaimen_guard_install(void) {
    pthread_once(&once, install);
    return installed;
}

int kaimen_guard_add(const void *start, size_t length) {
    if (!kaimen_guard_install() || start == NULL || length == 0) return -1;
    for (int i = 0; i < KAIMEN_GUARD_SLOTS; i++) {
        int expected = 0;
        if (atomic_load(&slots[i].taken) || !atomic_compare_exchange_strong(&slots[i].taken, &expected, 1)) continue;
        atomic_store(&slots[i].hit, 0);
        atomic_store(&slots[i].start, (uintptr_t)start);
        atomic_store(&slots[i].end, (uintptr_t)start + length);
        return i;
    }
    return -1;
}

int kaimen_guard_hit(int slot) {
    if (slot < 0 || slot >= KAIMEN_GUARD_SLOTS) return 0;
    return atomic_load(&slots[slot].hit);
}

void kaimen_guard_remove(int slot) {
    if (slot < 0 || slot >= KAIMEN_GUARD_SLOTS) return;
    atomic_store(&slots[slot].end, 0);
    atomic_store(&slots[slot].start, 0);
    atomic_store(&slots[slot].taken, 0);
}

#else

// Elsewhere nothing is guarded (MappedFile maps without the guard there).
int kaimen_guard_install(void) { return 0; }
int kaimen_guard_add(const void *start, size_t length) { (void)start; (void)length; return -1; }
int kaimen_guard_hit(int slot) { (void)slot; return 0; }
void kaimen_guard_remove(int slot) { (void)slot; }

#endif
