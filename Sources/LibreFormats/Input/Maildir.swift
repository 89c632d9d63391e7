#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Maildir (and Maildir++) tree, walked by its structure rather than by file extensions:
/// its messages are the files of `cur/` and `new/`, which have no extension
/// (`1204680122.V801I5bM5.host:2,S`).
///
/// `tmp/` holds messages still being delivered: they are passed by and counted, never read
/// half-written. Maildir++ keeps each subfolder as a Maildir named with a leading dot
/// (`.Sent`, `.Archive.2024`), which an ordinary walk skips as hidden: they are walked here.
public enum Maildir {
  /// What a Maildir holds.
  public struct Listing: Sendable, Equatable {
    /// The messages of `cur/` then `new/` (sorted by name), then those of its Maildir++
    /// subfolders, in order.
    public var messages: [String] = []
    /// Files of `tmp/` folders: messages being delivered, not read.
    public var inDelivery: [String] = []
    /// Files of `cur/`, `new/` that are not regular files or whose names are not UTF-8.
    public var skipped: [String] = []

    public init() {}
  }

  /// Whether `path` is a Maildir: a folder holding the folders `cur` and `new` (`tmp` may be
  /// missing from a copied tree).
  public static func isMaildir(_ path: String) -> Bool {
    PathWalker.kind(of: join(path, "cur")) == .folder && PathWalker.kind(of: join(path, "new")) == .folder
  }

  /// The messages of the Maildir at `path` and of its Maildir++ subfolders.
  public static func list(_ path: String) -> Listing {
    var listing = Listing()
    list(path, into: &listing)
    return listing
  }

  private static func list(_ path: String, into listing: inout Listing) {
    for folder in ["cur", "new"] {
      for (name, isUTF8) in names(in: join(path, folder)) {
        let file = join(join(path, folder), name)
        if !isUTF8 || PathWalker.kind(of: file) != .file {
          listing.skipped.append(file)
        } else {
          listing.messages.append(file)
        }
      }
    }
    for (name, _) in names(in: join(path, "tmp")) { listing.inDelivery.append(join(join(path, "tmp"), name)) }
    for (name, isUTF8) in names(in: path, hidden: true)
    where isUTF8 && name.hasPrefix(".") && isMaildir(join(path, name)) {
      list(join(path, name), into: &listing)
    }
  }

  /// The warning for the `tmp/` files passed by (nil when there were none).
  public static func inDeliveryWarning(_ files: [String]) -> String? {
    guard let first = files.first else { return nil }
    let more = files.count > 1 ? " and \(files.count - 1) more" : ""
    return "skipped \(files.count) file(s) in a Maildir's tmp/ folder (messages still being delivered, "
      + "not read): " + first + more
  }

  /// The entries of `folder`, sorted; dot files only when `hidden`.
  private static func names(in folder: String, hidden: Bool = false) -> [(String, Bool)] {
    guard let handle = opendir(folder) else { return [] }
    var names: [(String, Bool)] = []
    while let entry = readdir(handle) {
      let (name, isUTF8) = PathWalker.entryName(entry)
      if name == "." || name == ".." || (!hidden && name.hasPrefix(".")) { continue }
      names.append((name, isUTF8))
    }
    closedir(handle)
    return names.sorted { $0.0 < $1.0 }
  }

  private static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
