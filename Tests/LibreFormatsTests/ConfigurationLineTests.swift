import LibreFormats
import Testing

/// From `fuzz-config`: a lone CR ends a line in configuration errors as in every other
/// location Libre prints (the harness first counted LFs only; Libre was right).
@Suite struct ConfigurationLineTests {
  @Test func aLoneCarriageReturnEndsALine() {
    let bytes: [UInt8] = [0x7B, 0x0D, 0, 0, 0, 0, 0, 0, 0] + Array(#""unknown": 1}"#.utf8)
    #expect {
      _ = try Configuration.parse(bytes, path: ".libre.json")
    } throws: { error in
      (error as? InputError)?.line == 2
    }
    #expect {
      _ = try Configuration.parse(Array("{\r\n\"unknown\": 1}".utf8), path: ".libre.json")
    } throws: { error in
      (error as? InputError)?.line == 2
    }
  }
}
