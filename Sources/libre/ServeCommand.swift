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

    /// Parsing and `libre serve --help` are made from this table.
    static let table: [OptionSpec<Options>] = [
      OptionSpec(
        ["--host"], "HOST",
        "the address to listen on (default 127.0.0.1; any other address prints a warning, since other machines "
          + "can then reach the server)"
      ) { options, text throws(UsageError) in options.host = text },
      OptionSpec(["--port"], "PORT", "the port (default 8081; 0 picks a free one)") {
        options, text throws(UsageError) in options.port = try OptionValues.number(text, flag: "--port", in: 0...65535)
      },
      OptionSpec(["--config"], "FILE", "use this configuration instead of the nearest .libre.json of each file") {
        options, text throws(UsageError) in options.configuration = text
      },
      OptionSpec(["--max-body"], "SIZE", "largest request body (default 1MB; K, M suffixes); past it: 413") {
        options, text throws(UsageError) in
        guard let size = InputLimits.parseSize(text), size > 0 else {
          throw UsageError(description: "--max-body takes a size (1MB, 512KB, 4096), not '\(text)'")
        }
        options.limits.bodyBytes = size
      },
      OptionSpec(["--max-connections"], "N", "connections served at once (default 64); past it: 503") {
        options, text throws(UsageError) in
        options.limits.connections = try OptionValues.number(text, flag: "--max-connections", in: 1...4096)
      },
      OptionSpec(["--request-timeout"], "S", "seconds a request may take to arrive (default 10); past it: 408") {
        options, text throws(UsageError) in
        options.limits.requestSeconds = Double(try OptionValues.number(text, flag: "--request-timeout", in: 1...3600))
      },
      OptionSpec(["--idle-timeout"], "S", "seconds a kept-alive connection may wait for its next request (default 5)") {
        options, text throws(UsageError) in
        options.limits.idleSeconds = Double(try OptionValues.number(text, flag: "--idle-timeout", in: 1...3600))
      },
    ]

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
      var options = Options()
      let operands = try OptionParser.parse(arguments, table: table, command: "serve", into: &options)
      if let extra = operands.first { throw UsageError(description: "serve takes no paths, not '\(extra)'") }
      return options
    }

  }

  /// Hosts that only this machine reaches.
  static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1"]

  static func run(_ arguments: [String]) -> Int32 {
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
