import FuzzSupport
import LibreFormats

/// The input as a `.libre.json`: parsed, or an error with a line inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  do {
    let configuration = try Configuration.parse(bytes, path: ".libre.json")
    Fuzz.check(configuration.reps.allSatisfy { !$0.isEmpty }, "an empty rep name")
  } catch {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    Fuzz.check((error.line ?? 1) >= 1 && (error.line ?? 1) <= lines, "error line \(String(describing: error.line))")
  }
  return 0
}

Fuzz.run(fuzzConfig, lints: false)
