import LibreKit

/// LanguageTool's annotated text (the `data` parameter): pieces of text to check and of
/// markup to skip (or to read as `interpretAs`). Libre checks the plain text the pieces
/// make and maps each match back to offsets in the whole annotated text, markup included,
/// as LanguageTool does.
public struct AnnotatedText: Sendable {
  /// One piece: where it starts in the plain text and in the original, in UTF-16 units.
  struct Piece: Sendable {
    var plainStart: Int
    var plainLength: Int
    var originalStart: Int
    var isText: Bool
  }

  /// The text Libre checks.
  public var plain: String
  var pieces: [Piece]

  /// A text with no markup.
  public init(text: String) {
    plain = text
    let length = text.utf16.count
    pieces = [Piece(plainStart: 0, plainLength: length, originalStart: 0, isText: true)]
  }

  /// Parses `{"annotation": [{"text": "..."}, {"markup": "...", "interpretAs": "..."}]}`.
  public init(json bytes: [UInt8]) throws(HTTPError) {
    let root: JSONValue
    do throws(JSONSyntaxError) {
      root = try JSONParser.parse(bytes)
    } catch {
      throw HTTPError(status: 400, message: FormMessages.badData)
    }
    guard let annotation = root["annotation"]?.array else {
      throw HTTPError(status: 400, message: FormMessages.badData)
    }
    var plain = ""
    var pieces: [Piece] = []
    var plainOffset = 0
    var originalOffset = 0
    for item in annotation {
      if let text = item["text"]?.string {
        let length = text.utf16.count
        pieces.append(Piece(plainStart: plainOffset, plainLength: length, originalStart: originalOffset, isText: true))
        plain += text
        plainOffset += length
        originalOffset += length
      } else if let markup = item["markup"]?.string {
        let stand = item["interpretAs"]?.string ?? ""
        let length = stand.utf16.count
        pieces.append(Piece(plainStart: plainOffset, plainLength: length, originalStart: originalOffset, isText: false))
        plain += stand
        plainOffset += length
        originalOffset += markup.utf16.count
      } else {
        throw HTTPError(status: 400, message: FormMessages.badData)
      }
    }
    self.plain = plain
    self.pieces = pieces
  }

  /// The original offset of plain-text offset `offset` (UTF-16 units); an offset inside a
  /// markup's stand-in maps to the markup's start. `end`: `offset` ends a range (so an
  /// offset on a boundary belongs to the piece before).
  public func originalOffset(_ offset: Int, end: Bool = false) -> Int {
    var chosen: Piece?
    for piece in pieces {
      let inside =
        end
        ? offset > piece.plainStart && offset <= piece.plainStart + piece.plainLength
        : offset >= piece.plainStart && offset < piece.plainStart + piece.plainLength
      if inside {
        chosen = piece
        break
      }
    }
    guard let piece = chosen ?? pieces.last else { return offset }
    guard piece.isText else { return piece.originalStart }
    return piece.originalStart + min(max(0, offset - piece.plainStart), piece.plainLength)
  }
}
