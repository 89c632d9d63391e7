#if canImport(Glibc)
  import Glibc
#endif

/// The date a report shows: now, in UTC, or `SOURCE_DATE_EPOCH` when set (reproducible
/// builds' convention), so a report made twice from the same inputs can be the same file.
enum ReportDate {
  static func now() -> String {
    var seconds = time(nil)
    if let fixed = getenv("SOURCE_DATE_EPOCH"), let value = Int(String(cString: fixed)) { seconds = time_t(value) }
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
  }
}
