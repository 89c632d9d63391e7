import LibreFormats
import LibreKit

/// What `libre serve` answers on each path:
///
/// | method | path            | answer                                                   |
/// |--------|-----------------|----------------------------------------------------------|
/// | GET    | `/`             | the page where a rep pastes an email (`CheckPage`)        |
/// | GET    | `/healthz`      | `{"status": "ok"}`                                        |
/// | GET    | `/v2/languages` | LanguageTool's language list                              |
/// | POST   | `/v2/check`     | LanguageTool's check (form-encoded `text` or `data`)      |
/// | POST   | `/api/lint`     | Libre's JSON report of the body (`?name=` picks a format) |
public struct ServeRoutes: Sendable {
  public let service: LintService
  public let limits: HTTPLimits

  public init(service: LintService, limits: HTTPLimits) {
    self.service = service
    self.limits = limits
  }

  /// The response to `request`.
  public func respond(to request: HTTPRequest, workspace: inout LintWorkspace) -> HTTPResponse {
    do throws(HTTPError) {
      switch request.path {
      case "/":
        try allow(request, "GET")
        return HTTPResponse(
          status: 200, contentType: "text/html; charset=utf-8", body: CheckPage.bytes, headers: CheckPage.headers)
      case "/healthz":
        try allow(request, "GET")
        return .json(.object([("status", .string("ok"))]))
      case "/v2/languages":
        try allow(request, "GET")
        return .json(LanguageToolLanguages.list)
      case "/v2/check":
        try allow(request, "POST", "GET")
        return try check(request, workspace: &workspace)
      case "/api/lint":
        try allow(request, "POST")
        return try lint(request, workspace: &workspace)
      default:
        throw HTTPError(status: 404, message: HTTPMessages.notFound)
      }
    } catch {
      return .error(error)
    }
  }

  private func allow(_ request: HTTPRequest, _ methods: String...) throws(HTTPError) {
    let method = request.method == "HEAD" ? "GET" : request.method
    guard methods.contains(method) else {
      let allowed = methods.joined(separator: ", ")
      throw HTTPError(status: 405, message: HTTPMessages.methodNotAllowed(request.method, allowed), allowed: allowed)
    }
  }

  private func check(_ request: HTTPRequest, workspace: inout LintWorkspace) throws(HTTPError) -> HTTPResponse {
    var fields = try FormDecoding.decode(request.query.utf8)
    if request.method == "POST" {
      let type = request.header("content-type")?.lowercased() ?? "application/x-www-form-urlencoded"
      guard type.hasPrefix("application/x-www-form-urlencoded") else {
        throw HTTPError(status: 415, message: FormMessages.unsupportedMediaType)
      }
      fields += try FormDecoding.decode(request.body)
    }
    let parsed = try LanguageToolCheck.parseRequest(fields)
    do throws(InputError) {
      let settings = try service.settings(for: nil, language: parsed.language)
      return .json(try LanguageToolCheck.respond(to: parsed, settings: settings, workspace: &workspace))
    } catch {
      throw HTTPError(status: 422, message: error.description)
    }
  }

  private func lint(_ request: HTTPRequest, workspace: inout LintWorkspace) throws(HTTPError) -> HTTPResponse {
    let query = try FormDecoding.decode(request.query.utf8)
    let name = query.first { $0.name == "name" }?.value ?? "text.txt"
    var language: Language?
    if let code = query.first(where: { $0.name == "language" })?.value, code != "auto" {
      guard let parsed = LanguageToolLanguages.language(of: code) else {
        throw HTTPError(status: 400, message: FormMessages.unsupportedLanguage)
      }
      language = parsed
    }
    do throws(InputError) {
      let settings = try service.settings(for: nil, language: language)
      let report = try LintService.lint(request.body, path: name, settings: settings, workspace: &workspace)
      var run = RunReport()
      run.documents = [report]
      return HTTPResponse(
        status: 200, contentType: "application/json; charset=utf-8", body: Array(JSONReporter.render(run).utf8))
    } catch {
      throw HTTPError(status: 422, message: error.description)
    }
  }
}
