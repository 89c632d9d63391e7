#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts POSIX threads that run a closure and end with it, nobody joining them (the
/// workers and the producer of `libre analyze`). Foundation's `Thread` did this before;
/// linking Foundation for it cost every run of `libre` several milliseconds of dynamic
/// loading, so the threads are made here with pthreads.
enum DetachedThread {
  /// The stack each thread gets: 8 MiB, the main thread's usual size, so a worker goes as
  /// deep as `libre lint` does on the main thread (the default for other threads is smaller:
  /// 512 KiB on Darwin).
  static let stackSize = 8 << 20

  /// An error starting a thread: the `errno` value `pthread_create` returned.
  struct StartError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
  }

  /// Runs `body` on a new detached thread with a `stackSize` stack.
  static func start(_ body: @escaping @Sendable () -> Void) throws(StartError) {
    let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
    defer { attributes.deallocate() }
    var status = pthread_attr_init(attributes)
    guard status == 0 else { throw StartError(code: status) }
    defer { pthread_attr_destroy(attributes) }
    status = pthread_attr_setstacksize(attributes, stackSize)
    guard status == 0 else { throw StartError(code: status) }
    status = pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
    guard status == 0 else { throw StartError(code: status) }
    // The closure crosses into C as a retained box; the new thread takes the reference back.
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    status = pthread_create(&thread, attributes, runBody, context)
    guard status == 0 else {
      Unmanaged<Body>.fromOpaque(context).release()
      throw StartError(code: status)
    }
  }

  /// The closure of one thread, boxed so that it can pass through `pthread_create`'s
  /// context pointer.
  fileprivate final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}

/// The entry point of every thread of `DetachedThread`: runs the boxed closure and
/// releases it.
#if canImport(Darwin)
  private func runBody(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<DetachedThread.Body>.fromOpaque(context).takeRetainedValue().run()
    return nil
  }
#else
  private func runBody(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<DetachedThread.Body>.fromOpaque(context!).takeRetainedValue().run()
    return nil
  }
#endif
