#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts detached POSIX threads for the servers' connections (Dispatch is not linked into
/// `libre`, whose runtime is static; see Package.swift).
enum ServerThread {
  /// Each connection's stack: the lint goes as deep on it as on the main thread.
  static let stackSize = 8 << 20

  /// Runs `body` on a new detached thread; false if none could be started.
  static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return false }
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    guard pthread_create(&thread, &attributes, runBoxed, context) == 0 else {
      Unmanaged<Box>.fromOpaque(context).release()
      return false
    }
    return true
  }

  /// A thread's closure, boxed to pass through `pthread_create`'s context pointer.
  final class Box {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }

  /// Seconds on the monotonic clock.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

#if canImport(Darwin)
  private func runBoxed(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<ServerThread.Box>.fromOpaque(context).takeRetainedValue().run()
    return nil
  }
#else
  private func runBoxed(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<ServerThread.Box>.fromOpaque(context!).takeRetainedValue().run()
    return nil
  }
#endif
