#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that several threads change, one at a time, behind a POSIX mutex.
///
/// Why not `Synchronization.Mutex`: on Linux a contended `Mutex` waits in the kernel
/// (priority-inheriting futexes), and the kernel, not the program, hands the lock to the next
/// thread. ThreadSanitizer cannot see that hand-over, so it reported a race inside every
/// contended `withLock`, and CI's sanitizer run hung on the report. ThreadSanitizer knows a
/// pthread mutex (it intercepts `pthread_mutex_lock`), so with this lock it reports only races
/// that are real.
///
/// The mutex and the value live in memory this object owns: its fields never change, the value
/// is read and written only while the mutex is held, and `deinit` frees both.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let value: UnsafeMutablePointer<Value>

    init(_ initial: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
        value = .allocate(capacity: 1)
        value.initialize(to: initial)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
        value.deinitialize(count: 1)
        value.deallocate()
    }

    /// `body` with the value, no other thread inside any `withLock` of this lock meanwhile.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        let locked = pthread_mutex_lock(mutex)
        precondition(locked == 0, "pthread_mutex_lock failed: \(locked)")
        defer {
            let unlocked = pthread_mutex_unlock(mutex)
            precondition(unlocked == 0, "pthread_mutex_unlock failed: \(unlocked)")
        }
        return try body(&value.pointee)
    }
}
