import FuzzSupport

/// The input as a `.eml` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEml(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  Fuzz.pipelineBothWays(path: "fuzz.eml", data, size)
}

Fuzz.run(fuzzEml)
