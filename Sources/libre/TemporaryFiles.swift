#if canImport(Glibc)
  import Glibc
#endif

/// The temporary files a run is writing (a report, a baseline or a partial before it is
/// renamed into place), so SIGINT and SIGTERM can remove them: an interrupted run leaves the
/// previous file as it was and no half-written one beside it.
///
/// The paths live in C memory allocated before the handlers are installed: the handler only
/// reads them and calls `unlink` and `_exit`, which are safe in a signal handler.
enum TemporaryFiles {
  /// More than a run ever has open at once (a report, a job summary, a baseline).
  static let capacity = 8
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    return slots
  }()

  /// Removes the registered files and exits with 128 + the signal's number, the status a
  /// shell gives a command a signal ended.
  static func installHandlers() {
    _ = slots
    // A parent may start us with these blocked (Foundation's `Process` does): unblocked
    // here, before any thread starts, so every thread takes them.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, SIGINT)
    sigaddset(&unblocked, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber) { received in
        for index in 0..<TemporaryFiles.capacity {
          if let path = TemporaryFiles.slots[index] { unlink(path) }
        }
        _exit(128 + received)
      }
    }
  }

  /// Registers `path` (a copy is kept); returns its slot, or nil when every slot is taken
  /// (the file is then only removed on a failure, not on a signal).
  static func register(_ path: String) -> Int? {
    for index in 0..<capacity where slots[index] == nil {
      slots[index] = strdup(path)
      return index
    }
    return nil
  }

  /// Forgets the file of `slot` (renamed into place or removed).
  static func unregister(_ slot: Int?) {
    guard let slot, let path = slots[slot] else { return }
    slots[slot] = nil
    free(path)
  }
}
