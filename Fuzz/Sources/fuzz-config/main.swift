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
    // Lines end at LF, CRLF or a lone CR (as `LineIndex` counts them).
    var lines = 1
    for (index, byte) in bytes.enumerated()
    where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
      lines += 1
    }
    Fuzz.check((error.line ?? 1) >= 1 && (error.line ?? 1) <= lines, "error line \(String(describing: error.line))")
  }
  return 0
}

Fuzz.run(fuzzConfig, lints: false)
