import FuzzSupport

/// The input as a `.html` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  Fuzz.pipelineBothWays(path: "fuzz.html", data, size)
}

Fuzz.run(fuzzHTML)
