// A guard for files mapped into memory (the bulk readers' `MappedFile`): a file that shrinks
// while it is mapped (truncated, or rewritten shorter, by another program) makes every read of
// its pages past the new end raise SIGBUS, which ends the process. Here a handler for SIGBUS
// replaces the missing page of a guarded mapping with a page of zeros, notes that the
// mapping was hit, and returns, so the read goes on (reading zeros) and the reader's caller,
// seeing the note, stops the run with a message instead of the process crashing. A SIGBUS
// anywhere else goes to the handler that was there before (Swift's backtracer, or the
// default), as if there were no guard. Linux only: elsewhere `kaimen_guard_install` and
// `kaimen_guard_add` say it is not made.
#ifndef KAIMEN_SIGNAL_GUARD_H
#define KAIMEN_SIGNAL_GUARD_H

#include <stddef.h>

/// How many mappings can be guarded at once.
#define KAIMEN_GUARD_SLOTS 256

/// Installs the handler (once; later calls do nothing). Returns whether it is installed.
/// `kaimen_guard_add` installs it too; the executable calls this first, before any thread.
int kaimen_guard_install(void);

/// Guards the `length` bytes from `start` (a mapping of a file, page-aligned), installing the
/// handler the first time. Returns the slot to ask and free later, or -1 when every slot is
/// taken or the handler could not be installed (the mapping is then not guarded).
int kaimen_guard_add(const void *start, size_t length);

/// Whether a read in the slot's mapping met a missing page (the file had shrunk) since it was added.
int kaimen_guard_hit(int slot);

/// Stops guarding the slot's mapping (before it is unmapped), freeing the slot.
void kaimen_guard_remove(int slot);

#endif
