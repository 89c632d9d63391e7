import FuzzSupport

/// The input as a `.md` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.pipeline(path: "fuzz.md", bytes: bytes)
  Fuzz.pipeline(path: "fuzz.md", bytes: bytes, includeQuoted: true)
  return 0
}

Fuzz.run(fuzzMarkdown)
