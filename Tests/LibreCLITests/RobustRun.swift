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
    let command = "exec \"$0\" \"$@\" \(redirects)"
    let ended = try CLI.launch(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", pipe.map { "\($0) | \(command)" } ?? command, try CLI.binary().path] + arguments,
      stdin: stdin, in: directory, environment: CLI.environment())
    let run = RobustRun(status: ended.status, signaled: ended.signaled, stdoutBytes: ended.stdout, stderr: ended.stderr)
    // In a pipeline the shell reports a signal death as status 128 + N.
    #expect(
      !run.signaled && run.status < 128, "libre died by a signal (\(run.status)): \(run.stderr)",
      sourceLocation: sourceLocation)
    return run
  }
}
