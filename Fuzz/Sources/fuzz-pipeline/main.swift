import FuzzSupport
import LibreFormats

/// Bytes to report as `libre lint` does for a file with no telling extension (the format
/// sniffed from the content) and for a line of `analyze --stdin-jsonl`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.pipeline(path: "input", bytes: bytes)
  if let first = bytes.first, first == UInt8(ascii: "{") {
    if let input = try? JSONLInput.parse(bytes, lineNumber: 1, options: LoadOptions()) {
      Fuzz.lintAndReport(input.document)
    }
  }
  return 0
}

Fuzz.run(fuzzPipeline)
