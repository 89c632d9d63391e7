import FuzzSupport

/// The input as a `.md` file: loaded, linted and reported (quoted replies left out, then kept).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  Fuzz.pipelineBothWays(path: "fuzz.md", data, size)
}

Fuzz.run(fuzzMarkdown)
