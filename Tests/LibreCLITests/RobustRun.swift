import Foundation
import Testing

/// A run of `libre` for the bad-input tests: through `/bin/sh -c 'exec libre … REDIRECTS'`,
/// so a test can close or replace standard input, and with how the process ended, so each
/// test can check that `libre` never dies by a signal.
struct RobustRun {
  var status: Int32
  var signaled: Bool
  var stdoutBytes: [UInt8]
  var stderr: String
  var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }

  /// The documents and errors of a `--format json` run.
  func json() throws -> (documents: [[String: Any]], errors: [[String: Any]]) {
    let root = try JSONSerialization.jsonObject(with: Data(stdoutBytes)) as? [String: Any] ?? [:]
    return (root["documents"] as? [[String: Any]] ?? [], root["errors"] as? [[String: Any]] ?? [])
  }

  /// Runs `libre arguments` in `directory`; `redirects` is shell text after the command
  /// (`<&-`, `< file`), `pipe` a shell command whose output becomes standard input (else
  /// it holds `stdin`).
  static func run(
    _ arguments: [String], in directory: URL, redirects: String = "", pipe: String? = nil, stdin: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RobustRun {
    let scratch = try TempDir()
    defer { scratch.remove() }
    let inURL = try scratch.write("stdin", stdin)
    let outURL = try scratch.write("stdout", "")
    let errURL = try scratch.write("stderr", "")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    let command = "exec \"$0\" \"$@\" \(redirects)"
    process.arguments = ["-c", pipe.map { "\($0) | \(command)" } ?? command, try CLI.binary().path] + arguments
    process.environment = CLI.environment()
    process.currentDirectoryURL = directory
    let input = try FileHandle(forReadingFrom: inURL)
    let output = try FileHandle(forWritingTo: outURL)
    let errors = try FileHandle(forWritingTo: errURL)
    defer {
      try? input.close()
      try? output.close()
      try? errors.close()
    }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let run = RobustRun(
      status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      stdoutBytes: [UInt8](try Data(contentsOf: outURL)),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    // In a pipeline the shell reports a signal death as status 128 + N.
    #expect(
      !run.signaled && run.status < 128, "libre died by a signal (\(run.status)): \(run.stderr)",
      sourceLocation: sourceLocation)
    return run
  }
}
