import FuzzSupport

/// The input as a `.html` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.pipeline(path: "fuzz.html", bytes: bytes)
  Fuzz.pipeline(path: "fuzz.html", bytes: bytes, includeQuoted: true)
  return 0
}

Fuzz.run(fuzzHTML)
