#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with any number of condition variables on it (POSIX threads). Foundation's
/// `NSCondition` ties one condition to its lock, so waiters of different kinds would all
/// wake on every broadcast.
final class Monitor: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }

  /// A new condition to wait on while holding this monitor's lock.
  func condition() -> Condition { Condition(mutex: mutex) }

  /// The absolute time `seconds` from now, for `Condition.wait(until:)`.
  static func deadline(after seconds: Double) -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let nanoseconds = Int(now.tv_nsec) + Int((seconds - seconds.rounded(.down)) * 1e9)
    return timespec(
      tv_sec: now.tv_sec + Int(seconds.rounded(.down)) + nanoseconds / 1_000_000_000,
      tv_nsec: nanoseconds % 1_000_000_000)
  }

  /// A condition variable bound to its monitor's mutex.
  final class Condition: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let variable: UnsafeMutablePointer<pthread_cond_t>

    fileprivate init(mutex: UnsafeMutablePointer<pthread_mutex_t>) {
      self.mutex = mutex
      variable = .allocate(capacity: 1)
      pthread_cond_init(variable, nil)
    }

    deinit {
      pthread_cond_destroy(variable)
      variable.deallocate()
    }

    /// Waits for a signal; the lock must be held (it is released while waiting).
    func wait() { pthread_cond_wait(variable, mutex) }

    /// Waits for a signal until `deadline`; false when the deadline passed first.
    func wait(until deadline: timespec) -> Bool {
      var deadline = deadline
      return pthread_cond_timedwait(variable, mutex, &deadline) != ETIMEDOUT
    }

    func signal() { pthread_cond_signal(variable) }
    func broadcast() { pthread_cond_broadcast(variable) }
  }
}
