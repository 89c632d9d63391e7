import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of `libre` did.
struct CLIResult {
  var status: Int32
  var stdoutBytes: [UInt8]
  var stderr: String
  var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }

  /// stdout parsed as the JSON report.
  func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(stdoutBytes))
    return try #require(
      value as? [String: Any], "stdout is not a JSON object: \(stdout)", sourceLocation: sourceLocation)
  }

  /// The documents of the JSON report.
  func documents() throws -> [[String: Any]] {
    try #require(try json()["documents"] as? [[String: Any]])
  }
}

enum CLIError: Error, CustomStringConvertible {
  case binaryNotFound(String, String)
  case packageRootNotFound(String)
  case terminal(String)
  var description: String {
    switch self {
    case .binaryNotFound(let name, let from):
      return
        "cannot find the built `\(name)` binary in a folder above \(from); run `swift build` (swift test builds it)"
    case .packageRootNotFound(let from): return "cannot find Package.swift in a folder above \(from)"
    case .terminal(let why): return "cannot open a pseudo-terminal: \(why)"
    }
  }
}

enum CLI {
  /// The folders above the running test executable, nearest first.
  static func ancestors() -> [URL] {
    var starts: [URL] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(URL(fileURLWithPath: exe))
    }
    if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first).standardizedFileURL) }
    var result: [URL] = []
    for start in starts {
      var folder = start.deletingLastPathComponent()
      while folder.path != "/" {
        result.append(folder)
        folder = folder.deletingLastPathComponent()
      }
    }
    return result
  }

  /// The executable `name` (`libre` unless said) built next to the test bundle
  /// (`.build/<config>/libre`).
  static func binary(named name: String = "libre") throws -> URL {
    for folder in ancestors() {
      let candidate = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    throw CLIError.binaryNotFound(name, ancestors().first?.path ?? "?")
  }

  /// The package root: the first folder holding `Package.swift` above this source file
  /// (the build folder may live elsewhere, with `--scratch-path`).
  static func packageRoot(source: String = #filePath) throws -> URL {
    var folder = URL(fileURLWithPath: source).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
      folder = folder.deletingLastPathComponent()
    }
    throw CLIError.packageRootNotFound(source)
  }

  /// The environment of the tests, without `NO_COLOR`, plus `extra`.
  static func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    return environment.merging(extra) { $1 }
  }

  /// Runs `libre` with `arguments`; stdin is `stdin` (empty when nil), output goes through
  /// files so a large report cannot block the child.
  static func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, environment: [String: String]? = nil,
    executable: URL? = nil
  ) throws -> CLIResult {
    let ended = try launch(
      try executable ?? binary(), arguments, stdin: stdin ?? "", in: directory,
      environment: environment ?? CLI.environment())
    return CLIResult(status: ended.status, stdoutBytes: ended.stdout, stderr: ended.stderr)
  }

  /// Runs `executable` to its end with `stdin` as standard input; output goes through files
  /// so a large report cannot block the child. `signaled`: it died by a signal.
  static func launch(
    _ executable: URL, _ arguments: [String], stdin: String, in directory: URL?, environment: [String: String]
  ) throws -> (status: Int32, signaled: Bool, stdout: [UInt8], stderr: String) {
    let scratch = try TempDir()
    defer { scratch.remove() }
    let inURL = try scratch.write("stdin", stdin)
    let outURL = try scratch.write("stdout", "")
    let errURL = try scratch.write("stderr", "")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
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
    return (
      process.terminationStatus, process.terminationReason == .uncaughtSignal, [UInt8](try Data(contentsOf: outURL)),
      String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    )
  }

  /// Runs `libre` with its stdout (and, with `input`, its stdin and stderr too) on a
  /// pseudo-terminal; returns what it wrote there.
  static func runOnTerminal(
    _ arguments: [String], in directory: URL, environment: [String: String], input: Bool = false
  ) throws -> String {
    try runOnTerminalWithStatus(arguments, in: directory, environment: environment, input: input).output
  }

  static func runOnTerminalWithStatus(
    _ arguments: [String], in directory: URL, environment: [String: String], input: Bool
  ) throws -> (output: String, status: Int32) {
    // `posix_openpt` and friends need _XOPEN_SOURCE, which the Glibc module does not set:
    // look them up in the C library at run time.
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias PTName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    let libc = dlopen(nil, RTLD_NOW)
    guard let openSymbol = dlsym(libc, "posix_openpt"), let grantSymbol = dlsym(libc, "grantpt"),
      let unlockSymbol = dlsym(libc, "unlockpt"), let nameSymbol = dlsym(libc, "ptsname")
    else { throw CLIError.terminal("no posix_openpt in the C library") }
    let posixOpenPT = unsafeBitCast(openSymbol, to: OpenPT.self)
    let grantPT = unsafeBitCast(grantSymbol, to: OpenPT.self)
    let unlockPT = unsafeBitCast(unlockSymbol, to: OpenPT.self)
    let ptsName = unsafeBitCast(nameSymbol, to: PTName.self)
    let master = posixOpenPT(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw CLIError.terminal("posix_openpt") }
    defer { close(master) }
    guard grantPT(master) == 0, unlockPT(master) == 0, let name = ptsName(master) else {
      throw CLIError.terminal("grantpt/unlockpt/ptsname")
    }
    let slave = open(String(cString: name), O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else { throw CLIError.terminal("open slave") }
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardInput = input ? terminal : FileHandle.nullDevice
    process.standardOutput = terminal
    process.standardError = input ? terminal : FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      close(slave)
      throw error
    }
    close(slave)
    // Read until the child closes its end (EIO on Linux), then reap it.
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    process.waitUntilExit()
    return (String(decoding: bytes, as: UTF8.self), process.terminationStatus)
  }
}

/// A fresh temporary directory for one test.
struct TempDir {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("libre-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> URL {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> URL { try write(relative, bytes: Array(text.utf8)) }

  func remove() { try? FileManager.default.removeItem(at: url) }

  /// Runs `libre` in this directory, so relative paths in the output are the ones given.
  func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws -> CLIResult {
    try CLI.run(arguments, stdin: stdin, in: url, environment: environment)
  }
}

/// Texts whose findings the shipped lexicons agree on (each test re-checks what it relies on).
enum Texts {
  static let respectful = """
    Hi Jordan,

    Would you be open to a 20-minute demo next week? You are free to say no, of course.

    Best,
    Alex
    """
  static let neutral = "Hi Sam,\n\nHere is the report you asked for. It covers the March numbers.\n\nBest,\nAlex\n"
  /// Has error-severity pressure (a deadline).
  static let pushy = "Hi Sam,\n\nPlease reply by Friday, because the offer expires at midnight. Act now!\n"
  /// Pressure of warning severity only.
  static let warningOnly = "Hi Sam,\n\nYou must sign the form.\n"
  static let french = """
    Bonjour Claire,

    Je vous envoie le rapport que vous avez demandé. Il couvre les chiffres de mars et les prévisions pour le trimestre.

    Cordialement,
    Alexandre
    """
}

extension [String: Any] {
  func string(_ key: String) -> String? { self[key] as? String }
  func int(_ key: String) -> Int? { self[key] as? Int }
  func findings() -> [[String: Any]] { self["findings"] as? [[String: Any]] ?? [] }
}
