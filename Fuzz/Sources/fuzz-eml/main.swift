import FuzzSupport

/// The input as a `.eml` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEml(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  Fuzz.pipeline(path: "fuzz.eml", bytes: bytes)
  Fuzz.pipeline(path: "fuzz.eml", bytes: bytes, includeQuoted: true)
  return 0
}

Fuzz.run(fuzzEml)
