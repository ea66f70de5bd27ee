/* dirlock.h: one run at a time on an output folder.
 *
 * Runs writing one -o folder exclude each other with flock(2) on the folder
 * itself (no lock file to publish): the kernel drops the lock when a run ends
 * however it ends (kill -9 too), and it holds across PID namespaces (two
 * containers sharing a folder see each other's locks, not each other's
 * PIDs). A second run waits, saying which process holds the lock when
 * /proc/locks shows it. Holding the lock, a run may remove every temporary
 * file feedgen left in the folder: no other run is writing. */
#ifndef FEEDGEN_DIRLOCK_H
#define FEEDGEN_DIRLOCK_H

#include "base/diag.h"

/* Makes dir (and its parents) when missing, then takes the lock, waiting for
 * another run that holds it (a note names that run once). Returns the lock's
 * descriptor, or -1 after a report. */
int dirlock_acquire(const char *dir, struct diag_sink *diag);

/* Releases the lock (closing the descriptor); the file stays. fd -1 is fine. */
void dirlock_release(int fd);

#endif
