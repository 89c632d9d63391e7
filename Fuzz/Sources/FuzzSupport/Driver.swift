#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's entry for programs that have their own `main`: SwiftPM links an executable's
/// `main` to its module's top-level code, so libFuzzer's `main` never runs and each harness
/// hands its callback to the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

extension Fuzz {
  /// Runs libFuzzer over `callback` with the process's arguments, then exits with its status.
  public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, callback))
  }
}
