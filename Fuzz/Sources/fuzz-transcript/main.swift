import FuzzSupport
import LibreFormats
import LibreKit

/// The input read as each transcript format (WebVTT, SRT, `Speaker: text`, JSON), each
/// document linted and reported, with the roles guessed and then with every speaker linted.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTranscript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  _ = TranscriptLoader.sniff(path: "fuzz.txt", bytes: bytes)
  _ = TranscriptLoader.unsupportedFormat(path: "fuzz.txt", bytes: bytes)
  for format in TranscriptFormat.allCases {
    do {
      let document = try TranscriptLoader.load(path: "fuzz", bytes: bytes, format: format)
      Fuzz.lintAndReport(document)
      Fuzz.lintAndReport(document, options: DocumentOptions(everyone: true))
    } catch {
      Fuzz.check(!error.message.isEmpty, "an input error without a message")
    }
  }
  return 0
}

Fuzz.run(fuzzTranscript)
