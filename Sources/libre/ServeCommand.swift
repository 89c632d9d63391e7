import LibreFormats
import LibreKit
import LibreServer

#if canImport(Glibc)
  import Glibc
#endif

/// `libre serve`: the HTTP server (LanguageTool's `/v2/check`, `/api/lint`, the page) until
/// SIGINT or SIGTERM, which stop it once the requests in flight are answered.
enum ServeCommand {
  /// The options of `libre serve`, parsed here on their own.
  struct Options {
    var host = "127.0.0.1"
    var port = 8081
    var configuration: String?
    var limits = HTTPLimits()

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
      var options = Options()
      var index = 0
      func value(_ flag: String) throws(UsageError) -> String {
        index += 1
        guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
        return arguments[index]
      }
      while index < arguments.count {
        let flag = arguments[index]
        switch flag {
        case "--host": options.host = try value(flag)
        case "--port": options.port = try number(try value(flag), flag: flag, range: 0...65535)
        case "--config": options.configuration = try value(flag)
        case "--max-body":
          let text = try value(flag)
          guard let size = InputLimits.parseSize(text), size > 0 else {
            throw UsageError(description: "--max-body takes a size (1MB, 512KB, 4096), not '\(text)'")
          }
          options.limits.bodyBytes = size
        case "--max-connections":
          options.limits.connections = try number(try value(flag), flag: flag, range: 1...4096)
        case "--request-timeout":
          options.limits.requestSeconds = Double(try number(try value(flag), flag: flag, range: 1...3600))
        case "--idle-timeout":
          options.limits.idleSeconds = Double(try number(try value(flag), flag: flag, range: 1...3600))
        case "--help", "-h": throw UsageError(description: ServeCommand.usage)
        default: throw UsageError(description: "unknown option '\(flag)' for serve (see libre serve --help)")
        }
        index += 1
      }
      return options
    }

    static func number(_ text: String, flag: String, range: ClosedRange<Int>) throws(UsageError) -> Int {
      guard let value = Int(text), range.contains(value) else {
        throw UsageError(
          description: "\(flag) takes a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
      }
      return value
    }
  }

  static let usage = """
    libre serve [--host HOST] [--port PORT] [--config FILE] [--max-body SIZE]
                [--max-connections N] [--request-timeout S] [--idle-timeout S]
      HTTP/1.1 on 127.0.0.1:8081: POST /v2/check and GET /v2/languages (LanguageTool's API),
      POST /api/lint (Libre's JSON), GET / (a page to paste an email into), GET /healthz.
      Defaults: --max-body 1MB, --max-connections 64, --request-timeout 10, --idle-timeout 5.
    """

  /// Hosts that only this machine reaches.
  static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

  static func run(_ arguments: [String]) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      Output.standard(usage + "\n")
      return 0
    }
    let options: Options
    let service: LintService
    do throws(UsageError) {
      options = try Options.parse(arguments)
      service = try ServerSetup.service(configuration: options.configuration)
    } catch {
      Output.error(error.description)
      return 2
    }
    if !loopbackHosts.contains(options.host) {
      Output.warning(
        "serving on \(options.host): other machines can reach this server and send it text to lint (the default is 127.0.0.1)"
      )
    }
    let routes = ServeRoutes(service: service, limits: options.limits)
    let server = HTTPServer(limits: options.limits) { request, workspace in
      routes.respond(to: request, workspace: &workspace)
    }
    // SIGINT and SIGTERM go to a thread of their own that stops the server: blocked here,
    // before any thread starts, so every thread inherits the mask.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    let port: Int
    do throws(ServerError) {
      port = try server.bind(host: options.host, port: options.port)
    } catch {
      Output.error(error.description)
      return 2
    }
    let shown = options.host.contains(":") ? "[\(options.host)]" : options.host
    Output.write(ServeMessages.listening(shown, port) + "\n", to: 2)
    let blocked = signals
    try? DetachedThread.start {
      var received: Int32 = 0
      var waited = blocked
      sigwait(&waited, &received)
      server.stop()
    }
    server.run()
    Output.write(ServeMessages.stopped + "\n", to: 2)
    return 0
  }
}

/// What `libre serve` says on standard error.
enum ServeMessages {
  static func listening(_ host: String, _ port: Int) -> String { "libre serve: listening on http://\(host):\(port)/" }
  static let stopped = "libre serve: stopped"
}

/// The lint service both servers share, with the built-in lexicons compiled once.
enum ServerSetup {
  static func service(configuration: String?) throws(UsageError) -> LintService {
    let builtIn = Linter(lexicons: try Lexicons.compile(extra: []))
    if let configuration {
      do throws(InputError) {
        _ = try FileReader.readSettings(configuration)
      } catch {
        throw UsageError(description: error.description)
      }
    }
    return LintService(builtIn: builtIn, forcedConfiguration: configuration) { paths in
      Linter(lexicons: try Lexicons.compile(extra: paths))
    }
  }
}
