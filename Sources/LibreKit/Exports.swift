// LibreKit is the engine that clients import: rules, context, documents, scoring and the
// `Linter` facade, over the layers below it, which it re-exports so that `import LibreKit`
// is all a client (the formats, the command line, the tests) needs.
@_exported import LibreAutomaton
