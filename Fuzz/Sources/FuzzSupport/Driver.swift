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
  /// `lints`: build the linter first (compiling the lexicons takes seconds under ASan), so
  /// its cost is not charged to the first input as a timeout.
  public static func run(
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32, lints: Bool = true
  ) -> Never {
    if lints { _ = linter.lint([UInt8]("warm up".utf8)) }
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, callback))
  }
}
